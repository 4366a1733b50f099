"""Compiled templates kept between builds (ogi.pages.render.CompiledTemplates): reused, never stale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest

from ogi.pages.render import CompiledTemplates


def _env(templates: Path, cache: Path, **settings: Any) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates), bytecode_cache=CompiledTemplates(str(cache)), **settings
    )


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("template compiled again")

    monkeypatch.setattr(jinja2.Environment, "compile", refuse)


def test_a_later_build_reuses_the_compiled_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t/seite.md.j2").write_text("Hallo {{ name }}!", encoding="utf-8")
    assert _env(tmp_path / "t", tmp_path / "c").get_template("seite.md.j2").render(name="Ruhr") == "Hallo Ruhr!"
    _no_compiling(monkeypatch)
    assert _env(tmp_path / "t", tmp_path / "c").get_template("seite.md.j2").render(name="Emscher") == "Hallo Emscher!"


def test_an_edited_template_compiles_anew(tmp_path: Path) -> None:
    # As in `mkdocs serve`: the next build's environment sees the edit, not the stored code.
    (tmp_path / "t").mkdir()
    template = tmp_path / "t/seite.md.j2"
    template.write_text("vorher {{ name }}", encoding="utf-8")
    assert _env(tmp_path / "t", tmp_path / "c").get_template("seite.md.j2").render(name="x") == "vorher x"
    template.write_text("nachher {{ name }}", encoding="utf-8")
    assert _env(tmp_path / "t", tmp_path / "c").get_template("seite.md.j2").render(name="x") == "nachher x"


def test_environments_with_other_settings_do_not_share_code(tmp_path: Path) -> None:
    # The page environment prints through `finalize`, the maps' does not; whitespace settings change the code too.
    (tmp_path / "t").mkdir()
    (tmp_path / "t/teil.j2").write_text("{% if true %}\n{{ wert }}\n{% endif %}\n", encoding="utf-8")
    plain = _env(tmp_path / "t", tmp_path / "c").get_template("teil.j2").render(wert="a")
    final = _env(tmp_path / "t", tmp_path / "c", finalize=str.upper).get_template("teil.j2").render(wert="a")
    trimmed = _env(tmp_path / "t", tmp_path / "c", trim_blocks=True).get_template("teil.j2").render(wert="a")
    assert (plain, final, trimmed) == ("\na\n", "\nA\n", "a\n")


def test_without_a_usable_directory_templates_still_render(tmp_path: Path) -> None:
    blocked = tmp_path / "datei"
    blocked.write_text("", encoding="utf-8")  # a file where the cache directory would be
    (tmp_path / "t").mkdir()
    (tmp_path / "t/seite.md.j2").write_text("{{ 1 + 1 }}", encoding="utf-8")
    env = _env(tmp_path / "t", blocked / "cache")
    assert env.get_template("seite.md.j2").render() == "2"
