"""The summarised measures overview as the build writes it (no browser): the operator's limit `einzeln_bis`, the
page without a table of every measure, and the map's file carrying each list row's cells as the page's table
formats them, so that page and script never format differently."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bench.htmltree import parse_html
from helpers import FIXTURE_ROOT
from ogi.maps.settings import (
    EINZELN_BIS,
    KartenEinstellungen,
    SettingsError,
    karten_einstellungen,
    mkdocs_settings_problems,
)
from ogi.model import urls
from ogi.pages.outputs import build_outputs
from ogi.records.content import load_site

SITE = load_site(FIXTURE_ROOT)


def _outputs(einzeln_bis: int = EINZELN_BIS) -> dict[str, Any]:
    return {o.uri: o.content for o in build_outputs(SITE, "", KartenEinstellungen(einzeln_bis=einzeln_bis))}


def test_limit_is_500_and_the_overview_summarises_above_it() -> None:
    einstellungen = karten_einstellungen({}, environ={})
    assert einstellungen.einzeln_bis == 500
    assert not einstellungen.zusammengefasst(500)
    assert einstellungen.zusammengefasst(501)
    assert karten_einstellungen({"einzeln_bis": 3}, environ={}).zusammengefasst(4)


@pytest.mark.parametrize("wert", ["viele", -1], ids=["text", "negativ"])
def test_wrong_limit_is_a_german_message(wert: object) -> None:
    with pytest.raises(SettingsError) as error:
        karten_einstellungen({"einzeln_bis": wert}, environ={})
    assert str(error.value) == (
        "extra.karte: einzeln_bis: erwartet eine ganze Zahl ab 0 (bis zu so vielen Maßnahmen zeigt die Übersicht "
        f"jede einzeln), gefunden {wert!r}; erlaubt sind kacheln_url, attribution, anbieter und einzeln_bis"
    )


def test_make_check_names_the_line_of_a_wrong_limit(tmp_path: Any) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nextra:\n  karte:\n    einzeln_bis: viele\n", encoding="utf-8")
    (problem,) = mkdocs_settings_problems(tmp_path)
    assert (problem.path, problem.line, problem.field) == ("mkdocs.yml", 3, "extra.karte")
    assert problem.message.startswith("einzeln_bis: erwartet eine ganze Zahl ab 0")


def test_summarised_page_lists_counts_per_kommune_instead_of_every_measure() -> None:
    seite = parse_html(_outputs(einzeln_bis=3)[urls.MASSNAHMEN])
    tabelle = seite.find("table", cls="ogi-massnahmen")
    assert tabelle is not None and "hidden" in tabelle.attrs
    assert tabelle.find_all("tr") and all(not tr.find("td") for tr in tabelle.find_all("tr"))  # the head only
    anzahl = len(SITE.massnahmen_je_kommune)
    assert f"Hier stehen {len(SITE.massnahmen)} Maßnahmen in {anzahl} Kommunen" in seite.text
    markdown = _outputs(einzeln_bis=3)[urls.MASSNAHMEN]
    for name, ms in SITE.massnahmen_je_kommune.items():
        ort = SITE.kommunen[name]
        assert f"[{name}]({urls.link(urls.kommune(ort.slug), urls.MASSNAHMEN)}) ({len(ms)})" in markdown


def test_map_file_carries_each_row_as_the_page_table_shows_it() -> None:
    # The same measures with the table (default limit) and summarised (limit 3): the file's cells equal the table's.
    tabelle = parse_html(_outputs()[urls.MASSNAHMEN]).find("table", cls="ogi-massnahmen")
    assert tabelle is not None
    zellen = {
        tr.find("a").href.rstrip("/"): [td.text for td in tr.find_all("td")]  # type: ignore[union-attr]
        for tr in tabelle.find_all("tr")
        if tr.find("td")
    }
    merkmale = json.loads(_outputs(einzeln_bis=3)[urls.KARTE_MASSNAHMEN])["features"]
    assert [f["properties"]["slug"] for f in merkmale] == [m.slug for m in SITE.massnahmen_sortiert]  # list order
    for f in merkmale:
        p = f["properties"]
        assert [p.get("fertiggestellt", "–"), p.get("foerderung", "–")] == zellen[p["slug"]][4:]
    assert any("foerderung" in f["properties"] for f in merkmale)
    assert any("fertiggestellt" in f["properties"] for f in merkmale)


def test_map_file_below_the_limit_has_no_row_cells() -> None:
    merkmale = json.loads(_outputs()[urls.KARTE_MASSNAHMEN])["features"]
    assert not any({"fertiggestellt", "foerderung"} & set(f["properties"]) for f in merkmale)
    assert [f["properties"]["slug"] for f in merkmale] == sorted(m.slug for m in SITE.massnahmen)
