"""The Folium map of every page, kept between builds (ogi.maps.kept): the same bytes as rendering it, never stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURE_ROOT
from ogi.maps import kept
from ogi.maps.elements import render_map
from ogi.maps.karten import Karten, ogi_map, ogi_map_settings
from ogi.maps.kept import kept_map
from ogi.pages.render import environment, kept_folder
from ogi.records.content import load_site


def _no_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("map rendered again")

    monkeypatch.setattr(kept, "_render", refuse)


def test_the_kept_map_is_the_rendered_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rendered = render_map(ogi_map(), seed="karte")
    assert kept_map(ogi_map_settings(), "karte", tmp_path) == rendered
    _no_rendering(monkeypatch)
    again = kept_map(ogi_map_settings(), "karte", tmp_path)
    assert again == rendered
    assert (type(again.html), type(again.script)) == (type(rendered.html), type(rendered.script))  # Markup


def test_other_settings_or_seed_render_anew(tmp_path: Path) -> None:
    first = kept_map(ogi_map_settings(), "karte", tmp_path)
    zoomed = kept_map(ogi_map_settings() | {"zoom_start": 12}, "karte", tmp_path)
    other_seed = kept_map(ogi_map_settings(), "anderer", tmp_path)
    assert '"zoom": 12' in zoomed.script and '"zoom": 10' in first.script
    assert other_seed == render_map(ogi_map(), seed="anderer") != first
    assert len(list(tmp_path.glob("ogi-karte-*.json"))) == 3


def test_a_new_folium_version_renders_anew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept_map(ogi_map_settings(), "karte", tmp_path)
    monkeypatch.setattr(kept, "version", lambda name: "99.0")
    kept_map(ogi_map_settings(), "karte", tmp_path)
    assert len(list(tmp_path.glob("ogi-karte-*.json"))) == 2


def test_a_damaged_file_is_rendered_anew(tmp_path: Path) -> None:
    kept_map(ogi_map_settings(), "karte", tmp_path)
    (stored,) = tmp_path.glob("ogi-karte-*.json")
    stored.write_text('{"html": "<b>', encoding="utf-8")
    assert kept_map(ogi_map_settings(), "karte", tmp_path) == render_map(ogi_map(), seed="karte")


def test_without_a_writable_folder_the_map_is_rendered(tmp_path: Path) -> None:
    blocked = tmp_path / "datei"
    blocked.write_text("", encoding="utf-8")
    assert kept_map(ogi_map_settings(), "karte", blocked) == render_map(ogi_map(), seed="karte")
    assert kept_map(ogi_map_settings(), "karte", None) == render_map(ogi_map(), seed="karte")


def test_the_pages_maps_are_kept_beside_the_compiled_templates(monkeypatch: pytest.MonkeyPatch) -> None:
    site = load_site(FIXTURE_ROOT)
    massnahme = site.massnahmen_sortiert[0]
    env = environment()
    folder = kept_folder(env)
    assert folder is not None and folder.is_dir()
    Karten(site, env).massnahme(massnahme, "massnahmen/x.md")
    _no_rendering(monkeypatch)
    fragment = Karten(site, environment()).massnahme(massnahme, "massnahmen/x.md")
    assert render_map(ogi_map(), seed="karte").script in fragment
