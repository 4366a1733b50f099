"""projekte.xlsx: a workbook with typed columns and a licence sheet, reproducible bytes, content kept as
text (never a formula), linked as "Excel/LibreOffice". Fixture content: tests/leser_fixture.py."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl

from helpers import page_url, parse_page, resolve
from leser_fixture import LESER_URL, leser_project
from ogi.opendata.excel import ZIP_TIME, projekte_xlsx
from ogi.records.content import load_site

SITE_URL = "https://example.org/gi/"
FORMEL = """titel: Formel im Titel
kommunen: [Hamm]
programm: Aktionsprogramm Grüne Lückenschlüsse
status: geplant
status_beleg:
  art: Quelle
  quelle: 1
kurzbeschreibung: =HYPERLINK("https://example.org";"klick")
lage:
  genauigkeit: Kommune
quellen:
  - titel: Beispielquelle
    url: https://example.org/quelle
    abgerufen: 2026-11
datenstand: 2026-11-02
"""


def workbook_bytes(tmp_path: Path) -> bytes:
    project = leser_project(tmp_path / "projekt")
    (project / "content/projects/hamm-formel.yml").write_text(FORMEL, encoding="utf-8")
    site = load_site(project)
    assert site.errors == []
    return projekte_xlsx(
        site.massnahmen_sortiert, SITE_URL, "Beispielverband", "Lizenz X", "https://example.org/lizenz"
    )


def rows_by_title(sheet: Any) -> dict[str, dict[str, Any]]:  # openpyxl's sheet and cells: untyped package
    header = [c.value for c in sheet[1]]
    return {row[0].value: {h: c for h, c in zip(header, row)} for row in sheet.iter_rows(min_row=2)}


def test_workbook_columns_are_typed_and_rows_link_to_their_pages(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(tmp_path)))
    assert book.sheetnames == ["Maßnahmen", "Lizenz und Quelle"]
    row = rows_by_title(book["Maßnahmen"])["Winterquartier für Fledermäuse am Beispielbach"]
    assert row["Förderung in €"].value == 120000 and "€" in row["Förderung in €"].number_format
    assert row["Datenstand"].value == dt.datetime(2026, 11, 1) and row["Datenstand"].is_date
    assert row["Maßnahme"].hyperlink.target == SITE_URL + "massnahmen/hamm-fledermaeuse/"
    assert row["Träger"].value == "Naturschutzverein Beispielaue"
    unknown = rows_by_title(book["Maßnahmen"])["Teich am Beispielhof mit einem außergewöhnlich langen Namen"]
    assert unknown["Förderung in €"].value is None


def test_workbook_keeps_formula_like_content_as_text(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(tmp_path)))
    cell = rows_by_title(book["Maßnahmen"])["Formel im Titel"]["Kurzbeschreibung"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_workbook_names_licence_and_source(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(workbook_bytes(tmp_path)))["Lizenz und Quelle"]
    facts = {row[0].value: row[1].value for row in sheet.iter_rows()}
    assert facts["Lizenz"] == "Lizenz X" and facts["Datenbereitsteller"] == "Beispielverband"
    assert facts["Quelle"] == SITE_URL + "massnahmen/"


def test_workbook_bytes_are_reproducible(tmp_path: Path) -> None:
    first = workbook_bytes(tmp_path / "a")
    assert first == workbook_bytes(tmp_path / "b")
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {ZIP_TIME}
        core = archive.read("docProps/core.xml").decode()
    # the document dates are the newest datenstand of the records, not the time of the build
    assert re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core) == ["2026-11-02T00:00:00Z"] * 2


def test_downloads_offer_the_workbook_for_excel_and_libreoffice(leser_site: Path) -> None:
    base = LESER_URL
    index = leser_site / "massnahmen/index.html"
    html = index.read_text(encoding="utf-8")
    match = re.search(r'<a href="([^"]+\.xlsx)">([^<]*)</a>', html)
    assert match and "Excel/LibreOffice" in match.group(2)
    target, _ = resolve(leser_site, base, page_url(leser_site, index, base), match.group(1))
    assert target is not None and target.read_bytes()[:2] == b"PK"
    assert match.group(1) in parse_page(index).links


def test_workbook_without_a_site_address_keeps_titles_without_links(tmp_path: Path) -> None:
    # A build without site_url gives site-relative page addresses, which a workbook cannot open.
    project = leser_project(tmp_path / "projekt")
    site = load_site(project)
    book = openpyxl.load_workbook(
        io.BytesIO(
            projekte_xlsx(site.massnahmen_sortiert, "", "Beispielverband", "Lizenz X", "https://example.org/lizenz")
        )
    )
    row = rows_by_title(book["Maßnahmen"])["Winterquartier für Fledermäuse am Beispielbach"]
    assert row["Maßnahme"].hyperlink is None and row["Maßnahme"].data_type == "s"
    facts = {r[0].value: r[1] for r in book["Lizenz und Quelle"].iter_rows()}
    assert facts["Lizenztext"].hyperlink.target == "https://example.org/lizenz"
    assert facts["Quelle"].hyperlink is None
