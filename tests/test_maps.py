"""Maps in the core: Folium maps per measure (geometry, ids, local assets), settings, and a build without maps."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from pytest import TempPathFactory

from bench.htmltree import parse_html
from helpers import FIXTURE_ROOT, asset_urls, copy_project, geojson_positions, mkdocs_build, present
from karten_fixture import make_project
from ogi.maps import (
    KOMMUNE_RADIUS_M,
    PLACEHOLDER,
    STATUS_FARBEN,
    Karten,
    KartenEinstellungen,
    OgiMap,
    karten_daten,
    karten_einstellungen,
    karten_features,
    massnahme_optionen,
    massnahme_zeichnung,
    ogi_map,
    render_map,
)
from ogi.maps.daten import EIGENSCHAFTEN
from ogi.maps.outlines import umriss_von, umrisse
from ogi.model import urls
from ogi.model.site import Kommunendaten, Massnahme, Site
from ogi.pages.render import environment
from ogi.records.content import load_site
from ogi.records.models import Kommune
from ogi.records.projekt import Lage

# Test data only (never into content/): one record per geometry kind, inside the RVR box.
GEOMETRY_RECORDS = {
    "test-punkt-exakt": """
titel: Testpunkt exakt
kommunen: [Essen]
programm: Testprogramm
status: geplant
status_beleg: {art: Quelle, quelle: 1}
traeger: Testträger Punkt
kurzbeschreibung: Ein Punkt mit belegter Lage, nur für Tests.
lage:
  genauigkeit: exakt
  ort: Testplatz 1
  geometrie: {type: Point, coordinates: [7.0131, 51.4556]}
quellen: [{titel: Testquelle, url: "https://example.org/quelle", abgerufen: 2026-11}]
datenstand: 2026-11-26
""",
    "test-linie-ungefaehr": """
titel: Testlinie ungefähr
kommunen: [Bochum]
programm: Testprogramm
status: in Umsetzung
status_beleg: {art: Quelle, quelle: 1}
kurzbeschreibung: Eine Linie mit ungefährem Verlauf, nur für Tests.
lage:
  genauigkeit: ungefähr
  geometrie: {type: LineString, coordinates: [[7.20, 51.47], [7.23, 51.49], [7.25, 51.48]]}
quellen: [{titel: Testquelle, url: "https://example.org/quelle", abgerufen: 2026-11}]
datenstand: 2026-11-26
""",
    "test-flaeche-exakt": """
titel: Testfläche exakt
kommunen: [Dortmund]
programm: Testprogramm
status: abgeschlossen
status_beleg: {art: Quelle, quelle: 1}
kurzbeschreibung: Eine Fläche mit belegter Ausdehnung, nur für Tests.
lage:
  genauigkeit: exakt
  geometrie:
    type: Polygon
    coordinates: [[[7.45, 51.50], [7.48, 51.50], [7.48, 51.52], [7.45, 51.52], [7.45, 51.50]]]
quellen: [{titel: Testquelle, url: "https://example.org/quelle", abgerufen: 2026-11}]
datenstand: 2026-11-26
""",
}


def add_geometry_records(project: Path) -> list[str]:
    """Write the three test records into a copied project; returns their slugs."""
    for slug, text in GEOMETRY_RECORDS.items():
        (project / "content/projects" / f"{slug}.yml").write_text(text.lstrip(), encoding="utf-8")
    return list(GEOMETRY_RECORDS)


@pytest.fixture(scope="module")
def geometry_site(tmp_path_factory: TempPathFactory) -> Site:
    project = copy_project(tmp_path_factory.mktemp("geometrie"))
    add_geometry_records(project)
    site = load_site(project)
    assert site.errors == []
    return site


def _by_slug(site: Site, slug: str) -> Massnahme:
    return next(m for m in site.massnahmen if m.slug == slug)


def test_massnahme_map_draws_kommune_precision_as_the_kommunes_outline(tmp_path: Path) -> None:
    site = load_site(make_project(tmp_path / "projekt"))
    m = _by_slug(site, "ob-1")
    optionen = massnahme_optionen(m)
    assert optionen["zeichnung"] is None  # no point, no circle: the outline is highlighted on the base map
    assert optionen["hervorheben"] == [present(umriss_von(m.kommunen[0].kommune)).ags]
    assert optionen["beschriftung"] == f"{m.kommunen[0].name}: genaue Lage nicht bekannt"
    assert optionen["ansicht"]["box"] == present(umriss_von(m.kommunen[0].kommune)).box


def test_kommune_without_outline_is_a_dashed_circle_around_its_centre() -> None:
    kommune = Kommune(name="Irgendwo", breite=51.5, laenge=7.0)
    m = SimpleNamespace(
        geometrie={"type": "Point", "coordinates": [7.0, 51.5]},
        kommunen=[Kommunendaten(kommune, "irgendwo")],
        record=SimpleNamespace(status="geplant", titel="T", lage=Lage(genauigkeit="Kommune")),
    )
    zeichnung = present(massnahme_zeichnung(cast("Massnahme", m)))  # a stand-in with what the drawing reads
    assert zeichnung["art"] == "kreis" and zeichnung["lage"] == [51.5, 7.0]
    assert zeichnung["stil"]["radius"] == KOMMUNE_RADIUS_M and zeichnung["stil"]["dashArray"] == "8 6"


def test_kommunen_match_their_outlines_by_official_name() -> None:
    assert len(umrisse()) == 53
    assert present(umriss_von(Kommune(name="Voerde", breite=51.6, laenge=6.68))).name == "Voerde (Niederrhein)"
    assert present(umriss_von(Kommune(name="Oberhausen", breite=51.5, laenge=7.0))).ags == "05119000"
    assert umriss_von(Kommune(name="Irgendwo", breite=51.5, laenge=7.0)) is None


def test_radius_only_for_an_approximate_point() -> None:
    point = {"type": "Point", "coordinates": [7.0, 51.5]}
    assert Lage(genauigkeit="ungefähr", geometrie=point, radius_m=300).radius_m == 300
    with pytest.raises(ValueError, match="radius_m gilt nur"):
        Lage(genauigkeit="exakt", geometrie=point, radius_m=300)


@pytest.mark.parametrize(
    "slug, art, gestrichelt",
    [
        ("test-punkt-exakt", "markierung", False),
        ("test-linie-ungefaehr", "linie", True),
        ("test-flaeche-exakt", "flaeche", False),
    ],
    ids=["punkt", "linie", "flaeche"],
)
def test_massnahme_map_draws_record_geometry_and_fits_it(
    geometry_site: Site, slug: str, art: str, gestrichelt: bool
) -> None:
    m = _by_slug(geometry_site, slug)
    optionen = massnahme_optionen(m)
    zeichnung = optionen["zeichnung"]
    assert zeichnung["art"] == art
    assert ("dashArray" in zeichnung["stil"]) is gestrichelt  # approximate shapes are dashed
    assert optionen["hervorheben"] == [] and optionen["beschriftung"] is None
    (south, west), (north, east) = optionen["ansicht"]["box"]
    assert optionen["ansicht"]["maxZoom"] <= 12  # not at street level, where no outline of the base map is in sight
    for lon, lat in geojson_positions(m.geometrie):
        assert south <= lat <= north and west <= lon <= east
    if art == "markierung":
        assert zeichnung["lage"] == [m.geometrie["coordinates"][1], m.geometrie["coordinates"][0]]
        assert zeichnung["stil"] == {"alt": f"Lage: {m.record.titel}", "title": m.record.titel}
    else:
        assert zeichnung["stil"]["color"] == STATUS_FARBEN[m.record.status]


def test_render_map_gives_identical_ids_for_the_same_seed() -> None:
    first = render_map(ogi_map(), seed="karte")
    second = render_map(ogi_map(), seed="karte")
    other = render_map(ogi_map(), seed="anderer")
    assert first == second
    assert first.html != other.html and first.name != other.name
    assert first.name in first.script


def test_every_map_page_shares_one_map_and_differs_only_in_its_options(geometry_site: Site) -> None:
    karten = Karten(geometry_site, environment())
    fragments = {
        slug: karten.massnahme(_by_slug(geometry_site, slug), f"massnahmen/{slug}.md") for slug in GEOMETRY_RECORDS
    }
    fragments["uebersicht"] = karten.uebersicht("massnahmen/index.md", geometry_site.massnahmen_sortiert)
    fragments["kommunen"] = karten.kommunen("kommunen/index.md", {"Essen": 1})
    calls = {name: re.search(r"^ogiKarte\((\w+), (.*)\);$", f, re.M) for name, f in fragments.items()}
    assert len({present(c).group(1) for c in calls.values()}) == 1
    for slug in GEOMETRY_RECORDS:
        optionen = massnahme_optionen(_by_slug(geometry_site, slug), f"massnahmen/{slug}.md")
        assert json.loads(present(calls[slug]).group(2)) == optionen
    assert "ogiUebersicht(" in fragments["uebersicht"] and "ogiUebersicht(" not in fragments["kommunen"]
    shells = {f[: f.index("ogiKarte(")].split("<script>\n")[-1] for f in fragments.values()}
    assert len(shells) == 1


def test_overview_map_file_has_one_point_per_measure_and_only_what_the_script_reads(geometry_site: Site) -> None:
    (output,) = karten_daten(geometry_site.massnahmen)
    assert output.uri == urls.KARTE_MASSNAHMEN == "assets/karte/massnahmen.json"
    features = json.loads(str(output.content))["features"]
    assert [f["properties"]["slug"] for f in features] == sorted(m.slug for m in geometry_site.massnahmen)
    assert {f["geometry"]["type"] for f in features} == {"Point"}
    assert {key for f in features for key in f["properties"]} <= set(EIGENSCHAFTEN)
    by_slug = {f["properties"]["slug"]: f for f in features}
    # A line and an area are the centre of their bounds, as the script drew them; a point stays where it is.
    assert by_slug["test-linie-ungefaehr"]["geometry"]["coordinates"] == [7.225, 51.48]
    assert by_slug["test-flaeche-exakt"]["geometry"]["coordinates"] == [7.465, 51.51]
    punkt = by_slug["test-punkt-exakt"]
    assert punkt["geometry"]["coordinates"] == [7.0131, 51.4556]
    assert punkt["properties"] == {
        "slug": "test-punkt-exakt",
        "titel": "Testpunkt exakt",
        "kurzbeschreibung": "Ein Punkt mit belegter Lage, nur für Tests.",
        "kommunen": ["Essen"],
        "kreise": ["Kreisfreie Städte"],
        "traeger": "Testträger Punkt",
        "status": "geplant",
        "genauigkeit": "exakt",
    }
    assert "traeger" not in by_slug["test-linie-ungefaehr"]["properties"]  # no value: no key
    assert karten_daten([]) == []


def test_kommune_map_carries_the_same_points_inline(geometry_site: Site) -> None:
    linie = _by_slug(geometry_site, "test-linie-ungefaehr")
    ort = geometry_site.kommunen["Bochum"]
    fragment = Karten(geometry_site, environment()).kommune(ort, "kommunen/bochum.md", [linie])
    call = present(re.search(r"^ogiUebersicht\((\w+), (.*)\);$", fragment, re.M))
    assert json.loads(call.group(2))["merkmale"] == karten_features([linie])
    assert "LineString" not in fragment


def test_massnahme_fragment_loads_only_local_assets_and_no_viewport_meta(geometry_site: Site) -> None:
    m = _by_slug(geometry_site, "test-punkt-exakt")
    fragment = Karten(geometry_site, environment()).massnahme(m, f"massnahmen/{m.slug}.md")
    urls = asset_urls(fragment)
    assert all(u.startswith("../../assets/karte/") for u in urls)
    assert "../../assets/karte/gesturehandling/leaflet-gesture-handling.min.js" in urls
    assert not [n for n in parse_html(fragment).find_all("meta") if n.attrs.get("name") == "viewport"]
    for _, url in OgiMap.default_js + OgiMap.default_css:
        assert not url.startswith(("http:", "https:", "//"))


def test_karten_einstellungen_switch_off_with_ogi_karten_0() -> None:
    assert karten_einstellungen({}, environ={"OGI_KARTEN": "0"}).aktiv is False
    assert karten_einstellungen(None, environ={}).aktiv is True


def test_karten_einstellungen_reject_unknown_key_in_german() -> None:
    with pytest.raises(ValueError, match="unbekannte Einstellung kachel_url"):
        karten_einstellungen({"kachel_url": "x"}, environ={})


def test_karten_einstellungen_name_the_tile_server() -> None:
    settings = karten_einstellungen({"kacheln_url": "https://{s}.kacheln.example.org/{z}/{x}/{y}.png"}, environ={})
    assert settings.kachel_server == "a.kacheln.example.org"
    assert KartenEinstellungen().kachel_server == "tile.openstreetmap.org"


@pytest.mark.slow
def test_build_without_maps_keeps_exports_and_drops_leaflet(fixture_project: Path, tmp_path: Path) -> None:
    result = mkdocs_build(fixture_project, tmp_path / "site", OGI_KARTEN="0")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert not (site / "assets/karte/leaflet").exists()
    assert (site / "assets/karte/einwilligung.js").is_file()
    assert (site / "daten/projekte.geojson").is_file()
    assert not (site / urls.KARTE_MASSNAHMEN).exists()  # the overview's map file goes with the maps
    assert not [u for u in asset_urls(site / "massnahmen/test-boenen-daecher/index.html") if "leaflet" in u]


def test_map_html_is_inserted_after_markdown_and_stays_out_of_search(built_site: Path) -> None:
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    texts = [doc["text"] for doc in index["docs"] if doc["location"].startswith(("massnahmen/", "kommunen/"))]
    assert texts and not [t for t in texts if "Hintergrundkarte laden" in t or "L.map" in t]
    assert "../../assets/karte/leaflet/leaflet.js" in asset_urls(
        built_site / "massnahmen/test-boenen-daecher/index.html"
    )


def test_placeholder_only_for_pages_with_a_map() -> None:
    site = load_site(FIXTURE_ROOT)
    karten = Karten(site, environment())
    m = site.massnahmen[0]
    assert karten.placeholder(f"massnahmen/{m.slug}.md") == PLACEHOLDER
    assert karten.placeholder("kommunen/index.md") == PLACEHOLDER  # all 53 outlines with their counts
    assert karten.placeholder("kontakt.md") == ""
    assert Karten(site, environment(), KartenEinstellungen(aktiv=False)).placeholder(f"massnahmen/{m.slug}.md") == ""
    filled = karten.insert(f"<main>{PLACEHOLDER}</main>", f"massnahmen/{m.slug}.md")
    assert PLACEHOLDER not in filled and "ogi-karte__rahmen" in filled


def _signed_area(ring: list[list[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2


def test_base_map_outlines_follow_the_right_hand_rule_as_published() -> None:
    # RFC 7946 3.1.6: exterior rings counterclockwise, holes clockwise. The build publishes the data file itself.
    from ogi.maps.assets import OUTLINES_URI, asset_files
    from ogi.maps.settings import KartenEinstellungen
    from ogi.records.kommunen import OUTLINES

    assert dict(asset_files(KartenEinstellungen()))[OUTLINES_URI] == OUTLINES
    features = json.loads(OUTLINES.read_text(encoding="utf-8"))["features"]
    assert len(features) == 53
    for feature in features:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for polygon in polygons:
            assert _signed_area(polygon[0]) > 0, feature["properties"]["name"]
            assert all(_signed_area(hole) < 0 for hole in polygon[1:]), feature["properties"]["name"]


def test_open_data_winding_also_turns_multipolygons() -> None:
    from ogi.opendata.projekte import rfc7946_geometry

    clockwise = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]
    turned = rfc7946_geometry({"type": "MultiPolygon", "coordinates": [[clockwise]]})
    assert turned["coordinates"][0][0] == list(reversed(clockwise))
