"""Money at a glance: funding sums per Kommune and per Kreis, computed once in the core, drawn as SVG
charts at build time with the same figures as a table. Fixture content: tests/leser_fixture.py
(Hamm 120.000 €; Oberhausen 80.500 € and one measure without amount; Bottrop and Gladbeck share 40.000 €)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from helpers import article
from helpers import tables as tables_of
from leser_fixture import leser_project

from ogi.content import load_site
from ogi.foerdersummen import foerdersummen

SVG = "{http://www.w3.org/2000/svg}"


def test_sums_per_kommune_and_kreis_are_computed_once_from_the_records(tmp_path):
    site = load_site(leser_project(tmp_path / "projekt"))
    assert site.errors == []
    summen = foerdersummen(site.massnahmen_sortiert)
    assert [(s.name, s.betrag, s.mit_betrag, s.ohne_betrag) for s in summen.kommunen] == [
        ("Hamm", 120000, 1, 1), ("Oberhausen", 80500, 1, 1), ("Bottrop", 40000, 1, 0), ("Gladbeck", 40000, 1, 0)]
    assert summen.kommune("Bottrop").gemeinsam == 1
    assert [(s.name, s.betrag) for s in summen.kreise] == [("Kreisfreie Städte", 240500), ("Kreis Recklinghausen", 40000)]
    assert (summen.gesamt, summen.ohne_betrag) == (240500, 2)  # the shared measure counts once in the total


def test_kommune_page_states_its_sum_and_the_measures_without_amount(leser_site: Path):
    assert "Förderung: zusammen 80.500 € für 1 Maßnahme; für 1 weitere ist kein Betrag bekannt." in article(
        leser_site / "kommunen/oberhausen/index.html").text
    assert "1 Maßnahme liegt auch in anderen Kommunen" in article(leser_site / "kommunen/bottrop/index.html").text


def test_kommunen_index_has_tables_per_kommune_and_kreis_sorted_in_german_format(leser_site: Path):
    tables = tables_of(leser_site / "kommunen/index.html")
    kommunen = next(t for t in tables if t[0][0] == "Kommune")
    assert kommunen[1:] == [["Hamm", "120.000 €", "1", "1"], ["Oberhausen", "80.500 €", "1", "1"],
                            ["Bottrop", "40.000 €", "1", "0"], ["Gladbeck", "40.000 €", "1", "0"]]
    kreise = next(t for t in tables if t[0][0] == "Kreis")
    assert [row[:2] for row in kreise[1:]] == [["Kreisfreie Städte", "240.500 €"], ["Kreis Recklinghausen", "40.000 €"]]


def test_measures_overview_shows_the_kommune_sums(leser_site: Path):
    tables = tables_of(leser_site / "massnahmen/index.html")
    assert any(t[0][0] == "Kommune" and t[1][:2] == ["Hamm", "120.000 €"] for t in tables)


def test_charts_carry_the_same_figures_as_the_tables(leser_site: Path):
    for name, table_head in (("foerderung-kommunen.svg", "Kommune"), ("foerderung-kreise.svg", "Kreis")):
        svg = ET.parse(leser_site / "daten" / name).getroot()
        texts = [t.text for t in svg.iter(f"{SVG}text")]
        bars = [float(r.get("width")) for r in svg.iter(f"{SVG}rect")]
        table = next(t for t in tables_of(leser_site / "kommunen/index.html") if t[0][0] == table_head)
        assert texts == [cell for row in table[1:] for cell in row[:2]]
        assert bars == sorted(bars, reverse=True) and bars[0] > 0
        assert svg.find(f"{SVG}title").text
