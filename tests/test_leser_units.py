"""Small parts of the readers' features: search keywords, table labels for phones, the menu section of
a page, the region picture."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bench.htmltree import parse_html
from helpers import FIXTURE_ROOT, present
from leser_fixture import leser_project
from ogi.model.site import Site
from ogi.pages.markers import fill_markers
from ogi.pages.navigation import section_index
from ogi.pages.regionbild import MIT, OHNE, region_svg
from ogi.pages.render import environment
from ogi.pages.suchwoerter import search_keywords, word_variants
from ogi.pages.tabellen import label_cells
from ogi.records.content import load_site

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("word", "variants"),
    [
        ("Fledermäuse", ["Fledermause"]),
        ("Lückenschlüsse", ["Luckenschlüsse", "Lückenschlusse", "Luckenschlusse"]),
        ("Straße", ["Strasse"]),
        ("Park", []),
    ],
    ids=["umlaut", "two-umlauts", "eszett", "none"],
)
def test_word_variants_write_each_umlaut_plain(word: str, variants: list[str]) -> None:
    assert word_variants(word) == variants


def test_search_keywords_put_editors_words_first_and_skip_scripts() -> None:
    html = "<p>Fledermäuse im Stollen</p><script>var Bäume = 1</script>"
    assert search_keywords(html, ["Excel", "Tabelle"]) == ["Excel", "Tabelle", "Fledermause"]
    assert search_keywords(html, "kein Liste") == ["Fledermause"]


def test_search_keywords_leave_out_what_the_search_leaves_out() -> None:
    # Material's search drops an element marked data-search-exclude (nested elements of its kind included)
    # and a marked heading with its section; their words give no keywords either.
    html = (
        '<p>Grünfläche</p><div class="ogi-tabelle" data-search-exclude><div><p>Bönen</p></div><p>Mülheim</p></div>'
        '<p>Bäume</p><h2 id="tag" data-search-exclude="">Änderung</h2><ul><li>Lünen</li></ul>'
        "<h2>Übersicht</h2><p>Straße</p>"
    )
    assert search_keywords(html) == ["Grunfläche", "Grünflache", "Grunflache", "Baume", "Ubersicht", "Strasse"]
    assert search_keywords("<p>Fläche</p><div data-search-exclude><p>Bönen") == ["Flache"]  # no end tag


def test_label_cells_names_each_cell_by_its_column_and_escapes_the_heading() -> None:
    html = (
        "<table>\n<thead>\n<tr>\n<th>Kennzahl &amp; „Wert“</th>\n<th>Wert</th>\n</tr>\n</thead>\n<tbody>\n"
        "<tr>\n<td>A</td>\n<td><code>content/x.yml:1:</code></td>\n</tr>\n</tbody>\n</table>"
    )
    out = label_cells(html)
    assert '<td data-label="Kennzahl &amp; „Wert“">A</td>' in out
    assert '<td data-label="Wert"><code>content/<wbr>x.<wbr>yml:<wbr>1:</code></td>' in out
    assert label_cells('<table class="x"><tr><td>1</td></tr></table>') == '<table class="x"><tr><td>1</td></tr></table>'


@pytest.mark.parametrize(
    ("uri", "section"),
    [
        ("massnahmen/herne-park.md", "massnahmen/index.md"),
        ("kommunen/herne.md", "kommunen/index.md"),
        ("tagung-2020/sessions/fachtagung.md", "tagung-2020/index.md"),
        ("impressum.md", None),
        ("massnahmen/index.md", None),
    ],
    ids=["massnahme", "kommune", "session", "legal", "listed"],
)
def test_section_index_finds_the_nearest_listed_index(uri: str, section: str | None) -> None:
    listed = {"index.md", "massnahmen/index.md", "kommunen/index.md", "tagung-2020/index.md"}
    assert section_index(uri, listed) == section


def test_region_picture_fills_the_kommunen_with_measures(tmp_path: Path) -> None:
    site = load_site(leser_project(tmp_path / "projekt"))
    text = region_svg(site)
    assert text == region_svg(site)  # deterministic
    paths = ET.fromstring(text).findall(f"{SVG}g/{SVG}path")
    assert len(paths) == 53
    filled = sorted(p.findtext(f"{SVG}title", "") for p in paths if p.get("fill") == MIT)
    assert filled == ["Bottrop", "Gladbeck", "Hamm", "Oberhausen"]
    assert {p.get("fill") for p in paths} == {MIT, OHNE}


def test_section_index_puts_unlisted_events_under_veranstaltungen() -> None:
    listed = {"veranstaltungen/index.md", "tagung-2020/index.md"}
    assert (
        section_index("netzwerktag-2022/eroeffnung.md", listed, ["tagung-2020", "netzwerktag-2022"])
        == "veranstaltungen/index.md"
    )
    assert section_index("tagung-2020/grusswort.md", listed, ["tagung-2020"]) == "tagung-2020/index.md"
    assert section_index("kontakt.md", listed, ["tagung-2020"]) is None


def kontakte_html(site: Site) -> str:
    return fill_markers("<!-- ogi:kontakte -->", site, environment(), dt.date(2026, 11, 1))


def test_contacts_offer_the_telephone_as_a_link_to_tap() -> None:
    """A contact without a telephone of its own shows the operator's switchboard as a tel: link: on a
    phone it is one tap, and it is the only way to reach anyone while no e-mail is published."""
    site = load_site(FIXTURE_ROOT)
    links = {a.text: a.href for a in parse_html(kontakte_html(site)).find_all("a")}
    assert links["+49 123 4567-0"] == "tel:+4912345670"
    assert links["projekt@example.org"] == "mailto:projekt@example.org"


def test_contacts_without_any_entry_send_the_reader_to_the_address() -> None:
    site = load_site(FIXTURE_ROOT)
    site.betreiber = present(site.betreiber).model_copy(update={"kontakte": []})
    markdown = kontakte_html(site)
    assert "Eigene Ansprechstellen sind hier noch nicht veröffentlicht" in markdown
    assert "[allgemeine Anschrift](#anschrift)" in markdown
