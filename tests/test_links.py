"""Every internal link and anchor of the built fixture site resolves, under a subpath as on GitHub Pages."""

from __future__ import annotations

from pathlib import Path

from helpers import broken_links, heading_and_description_problems


def test_every_internal_link_and_anchor_resolves(built_site: Path, base_url: str) -> None:
    checked, broken = broken_links(built_site, base_url)
    assert checked > 200
    assert broken == []


def test_link_check_finds_a_missing_anchor_and_a_missing_page(built_site: Path, base_url: str, tmp_path: Path) -> None:
    # The check itself can fail: a copy of one page with a dead link and a dead anchor.
    page = tmp_path / "site/index.html"
    page.parent.mkdir()
    page.write_text('<a href="gibt-es-nicht/">x</a><a href="#kein-anker">y</a><h1 id="da">z</h1>', encoding="utf-8")
    assert broken_links(tmp_path / "site", base_url)[1] == [
        "index.html → gibt-es-nicht/ (keine Datei)",
        "index.html → #kein-anker (Anker fehlt)",
    ]


def test_every_page_has_exactly_one_h1_and_a_description(built_site: Path) -> None:
    assert heading_and_description_problems(built_site) == []
