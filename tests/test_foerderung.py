"""Money at a glance: funding sums per Kommune and per Kreis (a kreisfreie Stadt on its own), computed once
in the core, drawn as SVG charts at build time with the same figures as a table, each sum with its share.
Fixture content: tests/leser_fixture.py (Hamm 120.000 €; Oberhausen 80.500 € and one measure without
amount; Bottrop and Gladbeck share 40.000 €) and the fixture's content/foerdersummen.yml (headline figure
rund 1,0 Mio. €)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from helpers import article, present
from helpers import tables as tables_of
from leser_fixture import leser_project
from ogi.model.foerdersummen import foerdersummen
from ogi.records.content import load_site

SVG = "{http://www.w3.org/2000/svg}"


def test_sums_per_kommune_and_kreis_are_computed_once_from_the_records(tmp_path: Path) -> None:
    site = load_site(leser_project(tmp_path / "projekt"))
    assert site.errors == []
    summen = foerdersummen(site.massnahmen_sortiert)
    assert [(s.name, s.betrag, s.mit_betrag, s.ohne_betrag) for s in summen.kommunen] == [
        ("Hamm", 120000, 1, 1),
        ("Oberhausen", 80500, 1, 1),
        ("Bottrop", 40000, 1, 0),
        ("Gladbeck", 40000, 1, 0),
    ]
    assert present(summen.kommune("Bottrop")).gemeinsam == 1
    # Kreis level: a kreisfreie Stadt is its own row; "Kreisfreie Städte" is no Kreis.
    assert [(s.name, s.betrag) for s in summen.kreise] == [
        ("Hamm", 120000),
        ("Oberhausen", 80500),
        ("Bottrop", 40000),
        ("Kreis Recklinghausen", 40000),
    ]
    assert (summen.gesamt, summen.ohne_betrag) == (240500, 2)  # the shared measure counts once in the total


def test_shares_are_of_the_assigned_amounts_or_of_a_given_whole(tmp_path: Path) -> None:
    site = load_site(leser_project(tmp_path / "projekt"))
    summen = foerdersummen(site.massnahmen_sortiert, present(site.foerdersummen).hauptzahl)
    assert (summen.anteil(120000), summen.anteil(80500), summen.anteil(240500, 1000000)) == ("50 %", "33 %", "24 %")
    assert (summen.anteil(1000, 1000000), summen.anteil(0)) == ("unter 1 %", "0 %")
    assert summen.hauptzahl is not None and summen.hauptzahl.betrag_eur == 1000000


def test_kommune_page_states_its_sum_and_the_measures_without_amount(leser_site: Path) -> None:
    assert (
        "Förderung: zusammen 80.500 € für 1 Maßnahme; für 1 weitere ist kein Betrag bekannt."
        in article(leser_site / "kommunen/oberhausen/index.html").text
    )
    assert "1 Maßnahme liegt auch in anderen Kommunen" in article(leser_site / "kommunen/bottrop/index.html").text


def test_kommune_page_says_which_share_of_the_whole_its_sum_is(leser_site: Path) -> None:
    assert (
        "Das sind 33 % der 240.500 €, die auf dieser Website einzelnen Maßnahmen zugeordnet sind, und etwa 8 % "
        "von rund 1 Mio. € insgesamt"
    ) in article(leser_site / "kommunen/oberhausen/index.html").text


def test_measures_overview_answers_how_much_with_the_headline_its_source_and_the_assigned_share(
    leser_site: Path,
) -> None:
    text = article(leser_site / "massnahmen/index.html").text
    assert (
        "240.500 € von rund 1 Mio. € (Förderung des Testprogramms 2020/21, zu dem die Maßnahmen der "
        "Testinhalte gehören) sind einzelnen Maßnahmen zugeordnet, etwa 24 % (Quelle der Gesamtsumme: "
        "Testquelle der Fördersumme)"
    ) in " ".join(text.split())


def test_kommunen_index_has_tables_per_kommune_and_kreis_sorted_in_german_format(leser_site: Path) -> None:
    tables = tables_of(leser_site / "kommunen/index.html")
    kommunen = next(t for t in tables if t[0][0] == "Kommune")
    assert kommunen[0][2] == "Anteil an 240.500 €"
    assert kommunen[1:] == [
        ["Hamm", "120.000 €", "50 %", "1", "1"],
        ["Oberhausen", "80.500 €", "33 %", "1", "1"],
        ["Bottrop", "40.000 €", "17 %", "1", "0"],
        ["Gladbeck", "40.000 €", "17 %", "1", "0"],
    ]
    kreise = next(t for t in tables if t[0][0] == "Kreis oder kreisfreie Stadt")
    assert [row[:2] for row in kreise[1:]] == [
        ["Hamm", "120.000 €"],
        ["Oberhausen", "80.500 €"],
        ["Bottrop", "40.000 €"],
        ["Kreis Recklinghausen", "40.000 €"],
    ]


def test_measures_overview_shows_the_kommune_sums(leser_site: Path) -> None:
    tables = tables_of(leser_site / "massnahmen/index.html")
    assert any(t[0][0] == "Kommune" and t[1][:2] == ["Hamm", "120.000 €"] for t in tables)


def test_charts_carry_the_same_figures_as_the_tables(leser_site: Path) -> None:
    for name, table_head in (
        ("foerderung-kommunen.svg", "Kommune"),
        ("foerderung-kreise.svg", "Kreis oder kreisfreie Stadt"),
    ):
        svg = ET.parse(leser_site / "daten" / name).getroot()
        texts = [t.text for t in svg.iter(f"{SVG}text")]
        bars = [float(present(r.get("width"))) for r in svg.iter(f"{SVG}rect")]
        table = next(t for t in tables_of(leser_site / "kommunen/index.html") if t[0][0] == table_head)
        assert texts == [cell for row in table[1:] for cell in row[:2]]
        assert bars == sorted(bars, reverse=True) and bars[0] > 0
        assert present(svg.find(f"{SVG}title")).text
