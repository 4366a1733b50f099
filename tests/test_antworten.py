"""Readers' answers of issue 24 checked on the built fixture site and the exports: when a measure was
finished (page, list, open data), the words readers search with (stichworte, compound parts, place names)
and the summary as a result's snippet, the page "Neu und geändert". Fixture content: tests/fixtures/site/
(test-herne-park: fertigstellung 2021-06 by its source 2, stichworte [Schwammstadt])."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from bench.htmltree import Node, parse_html
from helpers import FIXTURE_ROOT, article, as_bytes, present
from ogi.opendata.exporte import Umgebung
from ogi.opendata.projekte import export_outputs
from ogi.opendata.spalten import CSV_SPALTEN, GEOJSON_SPALTEN, XLSX_SPALTEN
from ogi.pages.suchwoerter import compound_parts, place_names, search_keywords
from ogi.records.content import load_site

SITE_URL = "https://example.org/ogi/"


def by_id(path: Path, ident: str) -> Node:
    return next(n for n in parse_html(path).iter() if n.attrs.get("id") == ident)


@pytest.fixture(scope="module")
def exports() -> dict[str, str | bytes]:
    site = load_site(FIXTURE_ROOT)
    assert not site.errors, site.errors
    return {o.uri.rsplit("/", 1)[-1]: o.content or "" for _, o in export_outputs(site, Umgebung(SITE_URL))}


def test_measure_page_shows_when_it_was_finished_with_its_source(built_site: Path) -> None:
    page = parse_html(built_site / "massnahmen/test-herne-park/index.html")
    fakten = {dt.text.strip(): dd for dt, dd in zip(page.find_all("dt"), page.find_all("dd"))}
    wann = fakten["Fertiggestellt"]
    assert [t.attrs["datetime"] for t in wann.find_all("time")] == ["2021-06"]
    assert " ".join(wann.text.split()) == "Juni 2021 (Quelle 2)"
    assert [a.attrs["href"] for a in wann.find_all("a")] == ["#quelle-2"]


def test_measures_list_has_a_completion_column(built_site: Path) -> None:
    table = by_id(built_site / "massnahmen/index.html", "massnahmen-liste")
    heads = [th.text for th in table.find_all("th")]
    assert heads[4] == "Fertiggestellt"
    body = present(table.find("tbody"))
    rows = {present(tr.find("a")).text: [td.text for td in tr.find_all("td")] for tr in body.find_all("tr")}
    assert rows["Testpark in Herne"][4] == "Juni 2021"
    assert {cells[4] for title, cells in rows.items() if title != "Testpark in Herne"} == {"–"}


def test_overview_filter_offers_the_years_of_completion(built_site: Path) -> None:
    select = by_id(built_site / "massnahmen/index.html", "ogi-filter-fertigstellung")
    assert select.attrs["name"] == "fertigstellung"
    assert [(o.attrs["value"], o.text) for o in select.find_all("option")] == [("", "alle"), ("2021", "2021")]


def test_exports_carry_the_completion_date_by_name_as_written(exports: dict[str, str | bytes]) -> None:
    rows = {r["slug"]: r for r in csv.DictReader(io.StringIO(str(exports["projekte.csv"])))}
    assert rows["test-herne-park"]["fertigstellung"] == "2021-06"
    assert rows["test-punkt-exakt"]["fertigstellung"] == ""
    features = {f["id"]: f["properties"] for f in json.loads(exports["projekte.geojson"])["features"]}
    assert features["test-herne-park"]["fertigstellung"] == "2021-06"
    assert features["test-punkt-exakt"]["fertigstellung"] is None
    workbook = openpyxl.load_workbook(io.BytesIO(as_bytes(exports["projekte.xlsx"])))
    sheet = workbook["Maßnahmen"]
    heads = [c.value for c in sheet[1]]
    by_title = {row[0]: dict(zip(heads, row)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert by_title["Testpark in Herne"]["Fertigstellung"] == "Juni 2021"  # a month stays text, as written


def test_every_format_reads_its_columns_from_the_one_table(exports: dict[str, str | bytes]) -> None:
    csv_head = next(csv.reader(io.StringIO(str(exports["projekte.csv"]))))
    assert csv_head == [s.name for s in CSV_SPALTEN]
    feature = json.loads(exports["projekte.geojson"])["features"][0]
    assert list(feature["properties"]) == [s.name for s in GEOJSON_SPALTEN]
    sheet = openpyxl.load_workbook(io.BytesIO(as_bytes(exports["projekte.xlsx"])))["Maßnahmen"]
    assert [c.value for c in sheet[1]] == [s.ueberschrift for s in XLSX_SPALTEN]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Schwamm-Metropole", ["Schwamm", "Metropole"]),
        ("Quartierpark", ["Quartier", "Park"]),
        ("Landschaftsschutz", ["Landschaft", "Schutz"]),
        ("Erlebnisroute", ["Erlebnis", "Route"]),
        ("Park", []),
        ("Fledermäuse", []),
    ],
    ids=["hyphen", "head", "linking-s", "no-linking-s", "head-alone", "no-head"],
)
def test_compound_parts(word: str, parts: list[str]) -> None:
    assert compound_parts(word) == parts


def test_place_names_from_place_adjectives_before_a_noun() -> None:
    assert place_names("Quartierpark Holsterhauser Markt") == ["Holsterhausen", "Holsterhaus"]
    assert place_names("Recklinghäuser Straße") == ["Recklinghausen", "Recklinghaus"]
    assert place_names("Der Träger der Maßnahme") == []  # not before a capitalised word


def test_search_keywords_add_parts_and_places_of_title_and_keywords_after_the_editors_words() -> None:
    words = search_keywords("<p>Text</p>", ["Schwammstadt"], "Holsterhauser Markt. Workshop Schwamm-Metropole")
    assert words[0] == "Schwammstadt"
    assert {"Schwamm", "Stadt", "Metropole", "Holsterhausen"} <= set(words)


def test_measure_search_entry_is_its_summary_and_its_keywords(built_site: Path) -> None:
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    doc = next(d for d in index["docs"] if d["location"] == "massnahmen/test-herne-park/")
    assert doc["title"] == "Testpark in Herne"
    assert doc["text"] == "<p>Ein Park, nur für Tests; bekannt ist nur die Kommune.</p>"  # no breadcrumb, no facts
    assert doc["tags"][:3] == ["Schwammstadt", "Herne", "Testträger Herne"]
    listing = [d for d in index["docs"] if d["location"].startswith("massnahmen/#") or d["location"] == "massnahmen/"]
    assert not any("Testpark in Herne" in d["text"] for d in listing)  # the list's rows are not one run of words


def test_new_and_changed_search_entry_is_its_summary_not_its_list(built_site: Path) -> None:
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    docs = [d for d in index["docs"] if d["location"].startswith("neu/")]
    assert [d["location"] for d in docs] == ["neu/"]  # no entry per day of the list
    assert docs[0]["text"].startswith("<p>Hier stehen die Maßnahmen, Beiträge und Veranstaltungen")
    assert "Testpark in Herne" not in docs[0]["text"]  # the list's entries are not one run of words


def test_new_and_changed_page_lists_the_feeds_entries_and_is_linked_from_start_and_footer(built_site: Path) -> None:
    feed = (built_site / "neu.atom").read_text(encoding="utf-8")
    page = article(built_site / "neu/index.html")
    links = [a.text for a in page.find_all("a")]
    assert "Testpark in Herne" in links and "Testpark in Herne" in feed
    assert "Feed zum Abonnieren" in links
    start = parse_html(built_site / "index.html")
    assert any(a.text == "Neu und geändert" and a.attrs.get("href") == "neu/" for a in start.find_all("a"))
    footer = present(parse_html(built_site / "impressum/index.html").find("footer"))
    assert any(a.text == "Neu und geändert" for a in footer.find_all("a"))
