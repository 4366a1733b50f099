"""Readers' navigation: the editors' guide is built but kept apart (menu, search, sitemap); record pages
lead back to their lists and highlight their section in the menu."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.htmltree import parse_html
from helpers import page_url, parse_page, present, resolve, within


@dataclass
class _Menu:
    menu: list[str]  # links of the readers' menu (tabs and sidebar)
    footer: dict[str, str]  # href -> text of the footer's links
    active_tab: str  # text of the highlighted tab


def menu_of(path: Path) -> _Menu:
    root = parse_html(path)
    menus = [nav for nav in root.find_all("nav") if nav.classes & {"md-tabs", "md-nav--primary"}]
    active = root.find("li", cls="md-tabs__item--active")
    return _Menu(
        menu=[a.href for nav in menus for a in nav.find_all("a") if a.href],
        footer={a.href: a.text for a in within(root, "footer")},
        active_tab=active.text if active else "",
    )


def public_pages(site: Path) -> list[Path]:
    return sorted(
        p
        for p in site.rglob("index.html")
        if not p.relative_to(site).as_posix().startswith(("redaktion/", "search/", "assets/"))
    )


def test_guide_pages_are_built_but_not_in_the_readers_menu(built_site: Path, base_url: str) -> None:
    guide = built_site / "redaktion"
    assert (guide / "feldreferenz/index.html").is_file()
    for page in public_pages(built_site):
        here = page_url(built_site, page, base_url)
        targets = {resolve(built_site, base_url, here, href)[0] for href in menu_of(page).menu}
        assert not any(t is not None and guide in t.parents for t in targets), page


def test_every_page_links_the_guide_from_the_footer(built_site: Path, base_url: str) -> None:
    for page in public_pages(built_site):
        footer = menu_of(page).footer
        here = page_url(built_site, page, base_url)
        labels = {
            text
            for href, text in footer.items()
            if resolve(built_site, base_url, here, href)[0] == built_site / "redaktion/index.html"
        }
        assert labels == {"Anleitung zum Bearbeiten dieser Website"}, page


def test_guide_is_not_in_the_search_index(built_site: Path) -> None:
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith("massnahmen/") for loc in locations)
    assert [loc for loc in locations if loc.startswith("redaktion/")] == []


def test_sitemap_lists_readers_pages_without_the_guide(built_site: Path, base_url: str) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text or "" for e in ET.parse(built_site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert base_url + "massnahmen/" in locs and base_url + "impressum/" in locs
    assert [loc for loc in locs if "/redaktion/" in loc] == []


def test_measure_pages_link_to_the_list_and_their_kommune(built_site: Path, base_url: str) -> None:
    measures = [p for p in (built_site / "massnahmen").glob("*/index.html")]
    assert measures
    for path in measures:
        here = page_url(built_site, path, base_url)
        targets = {resolve(built_site, base_url, here, href)[0] for href in parse_page(path).links}
        assert built_site / "massnahmen/index.html" in targets, path
        assert any(t is not None and t.parent.parent == built_site / "kommunen" for t in targets), path


@pytest.mark.parametrize(
    ("folder", "tab"),
    [
        ("massnahmen", "Maßnahmen"),
        ("kommunen", "Maßnahmen"),
        ("tagung-2020", "Veranstaltungen"),
        ("testtag-2022", "Veranstaltungen"),
        ("offensive", "Die Offensive"),
    ],
    ids=["massnahme", "kommune", "tagung", "netzwerktag", "offensive"],
)
def test_menu_highlights_the_section_of_a_page(built_site: Path, folder: str, tab: str) -> None:
    pages = [p for p in (built_site / folder).glob("*/index.html")]
    assert pages
    for path in pages:
        assert menu_of(path).active_tab == tab, path


def test_no_section_of_the_menu_repeats_its_heading(built_site: Path) -> None:
    # A section's own page has a menu title of its own (mkdocs.yml): "Maßnahmen" above "Maßnahmen" read as a
    # repetition, in the sidebar and in the phone's drawer.
    for path in (built_site / "index.html", built_site / "massnahmen/index.html"):
        sections = [
            nav for nav in parse_html(path).find_all("nav", cls="md-nav") if nav.attrs.get("data-md-level") == "1"
        ]
        assert sections, path
        for section in sections:
            heading = present(section.find("label", cls="md-nav__title")).text
            assert heading not in [a.text for a in section.find_all("a")], (path, heading)


def test_legal_pages_highlight_no_tab(built_site: Path) -> None:
    assert menu_of(built_site / "impressum/index.html").active_tab == ""


def test_guide_pages_ask_search_engines_not_to_index_them(built_site: Path) -> None:
    for path in (built_site / "redaktion").rglob("index.html"):
        assert parse_page(path).meta.get("robots") == "noindex", path
    assert "robots" not in parse_page(built_site / "index.html").meta
