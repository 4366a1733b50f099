"""The editors' page "Was noch fehlt": made at build time from the records, it lists exactly the fixture's gaps, each
record with its page and its file's edit link, and each kind with the guide section on how to add it."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bench.htmltree import Node, parse_html
from helpers import FIXTURE_CONTENT, TEST_REPO_URL, article, nav_links, present, target
from ogi.editors.luecken import luecken
from ogi.records.content import load_site

PAGE = "redaktion/was-noch-fehlt/index.html"
P, T = "content/projects/", "content/tagung-2020/"

# The gaps of tests/fixtures/site/content, read off its records by hand: kind -> {file: what is known so far}.
FIXTURE_GAPS: dict[str, dict[str, str]] = {
    # test-herne-park.yml has its completion date (the readers' fixture for "finished when").
    "fertigstellung": {f"{P}test-boenen-daecher.yml": "", f"{P}test-flaeche-exakt.yml": ""},
    "lage": {
        f"{P}test-linie-ungefaehr.yml": "ungefähr",
        f"{P}test-boenen-daecher.yml": "nur die Kommune",
        f"{P}test-herne-park.yml": "nur die Kommune",
        f"{P}test-herne-wiese.yml": "nur die Kommune",
        f"{P}test-moers-punkt-ungefaehr.yml": "ungefähr",
    },
    "traeger": {f"{P}test-linie-ungefaehr.yml": "", f"{P}test-flaeche-exakt.yml": "", f"{P}test-herne-wiese.yml": ""},
    "bilder": {
        f"{P}{name}.yml": ""
        for name in (
            "test-linie-ungefaehr",
            "test-boenen-daecher",
            "test-flaeche-exakt",
            "test-punkt-exakt",
            "test-herne-wiese",
            "test-moers-punkt-ungefaehr",
        )
    },
    "abschlussbilanz": {f"{P}test-boenen-daecher.yml": ""},
    "folien": {
        **{
            f"{T}{name}.yml": "Testtagung zur Grünen Infrastruktur"
            for name in ("test-impuls-ohne-session", "test-vortrag-mit-zeit", "test-werkstatt-a", "test-werkstatt-b")
        },
        "content/testtag-2022/test-eroeffnung.yml": "Testtag 2022",
    },
    "dokumentation": {"content/testtag-2022/tagung.yml": ""},
    "programmstand": {"content/testtag-2022/tagung.yml": "letzter Tag 01.02.2022"},
    "archiv": {
        f"{path}.yml": "1 von 1 Quelle"
        for path in (
            f"{P}test-linie-ungefaehr",
            f"{P}test-boenen-daecher",
            f"{P}test-flaeche-exakt",
            f"{P}test-punkt-exakt",
            f"{P}test-herne-wiese",
            f"{P}test-moers-punkt-ungefaehr",
            f"{T}tagung",
            "content/testtag-2022/tagung",
            f"{T}test-grusswort",
            f"{T}test-impuls-ohne-session",
            f"{T}test-vortrag-mit-zeit",
            f"{T}test-werkstatt-a",
            f"{T}test-werkstatt-b",
            "content/testtag-2022/test-eroeffnung",
        )
    },
}
GUIDE_SECTIONS = {
    "fertigstellung": "belegen/#fertigstellung",
    "lage": "massnahme/#lage",
    "traeger": "massnahme/#traeger",
    "bilder": "bilder/",
    "abschlussbilanz": "belegen/#status",
    "folien": "beitrag/#anhaenge",
    "dokumentation": "beitrag/#anhaenge",
    "programmstand": "belegen/#programmstand",
    "archiv": "belegen/#quellen",
}


def sections(path: Path) -> dict[str, list[Node]]:
    """The page's sections by anchor: [heading, paragraph, table] nodes in order."""
    found: dict[str, list[Node]] = {}
    current = None
    for node in article(path).children:
        if isinstance(node, Node) and node.tag == "h2":
            current = node.attrs["id"]
            found[current] = [node]
        elif current is not None and isinstance(node, Node) and node.tag in ("p", "table"):
            found[current].append(node)
    return found


def test_page_lists_exactly_the_fixture_gaps(built_site: Path) -> None:
    page = built_site / PAGE
    listed = {}
    for anchor, (heading, _, *table) in sections(page).items():
        rows = table[0].find_all("tr")[1:] if table else []
        gaps = {}
        for row in rows:
            cells = row.find_all("td")
            gaps[cells[1].text] = cells[2].text if len(cells) > 2 else ""
        assert heading.text.endswith(f"({len(gaps)})"), heading.text
        listed[anchor] = gaps
    assert listed == FIXTURE_GAPS


def test_summary_counts_each_kind_and_links_its_section_and_the_guide(built_site: Path) -> None:
    page = built_site / PAGE
    summary = present(article(page).find("table"))
    rows = summary.find_all("tr")[1:]
    assert [present(row.find("a")).href.lstrip("#") for row in rows] == list(FIXTURE_GAPS)
    for row in rows:
        kind, count, guide = row.find_all("td")
        anchor = present(kind.find("a")).href.lstrip("#")
        assert count.text == str(len(FIXTURE_GAPS[anchor]))
        assert present(guide.find("a")).href == f"../{GUIDE_SECTIONS[anchor]}"
        guide_page, _, fragment = GUIDE_SECTIONS[anchor].partition("#")
        section_page = built_site / "redaktion" / guide_page / "index.html"
        ids = {n.attrs.get("id") for n in parse_html(section_page).iter()}
        assert not fragment or fragment in ids, f"{guide_page} hat keinen Abschnitt #{fragment}"


def test_each_record_links_its_page_and_its_file_in_the_repository(built_site: Path) -> None:
    page = built_site / PAGE
    for _, _, *table in sections(page).values():
        for row in table[0].find_all("tr")[1:] if table else []:
            record, datei = row.find_all("td")[:2]
            assert target(built_site, page, present(record.find("a")).href).is_file(), record.text
            assert present(datei.find("a")).href == f"{TEST_REPO_URL}/edit/main/{datei.text}"


def test_page_is_kept_out_of_menu_search_and_sitemap(built_site: Path, base_url: str) -> None:
    assert "redaktion/was-noch-fehlt/" not in {a.href for a in nav_links(built_site / "index.html")}
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith("redaktion/was-noch-fehlt")]
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in ET.parse(built_site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert base_url + "redaktion/was-noch-fehlt/" not in locs


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")
    return tmp_path


def test_a_filled_gap_leaves_the_list(project: Path) -> None:
    record = project / "content/projects/test-herne-wiese.yml"
    text = record.read_text(encoding="utf-8")
    assert "traeger:" not in text
    record.write_text(text.replace("programm:", "traeger: Stadt Herne\nprogramm:", 1), encoding="utf-8")
    gaps = {
        luecke.anker: [e.datei for e in luecke.eintraege]
        for luecke in luecken(load_site(project), dt.date(2026, 11, 26))
    }
    assert gaps["traeger"] == [f"{P}test-linie-ungefaehr.yml", f"{P}test-flaeche-exakt.yml"]


@pytest.mark.parametrize(
    ("today", "listed"), [(dt.date(2022, 2, 1), False), (dt.date(2022, 2, 2), True)], ids=["am-letzten-tag", "danach"]
)
def test_announced_event_is_listed_only_after_its_last_day(today: dt.date, listed: bool) -> None:
    gaps = {luecke.anker: luecke.eintraege for luecke in luecken(load_site(FIXTURE_CONTENT.parent), today)}
    assert bool(gaps["programmstand"]) is listed
