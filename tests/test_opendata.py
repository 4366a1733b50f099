"""Open data: projekte.geojson (RFC 7946) and projekte.csv as built, and their links on the measures' index."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from geojson_pydantic import Feature, FeatureCollection
from geojson_pydantic.geometries import Geometry

from helpers import FIXTURE_CONTENT, FIXTURE_ROOT, SUBPATH, article, geojson_positions, resolve
from ogi.opendata.exporte import LIZENZ, LIZENZ_URL, Umgebung
from ogi.opendata.projekte import (
    CSV_SPALTEN,
    ProjekteCsv,
    ProjekteGeoJson,
    projekte_csv,
    projekte_geojson,
    rfc7946_geometry,
)
from ogi.records.content import load_site
from ogi.records.geo import inside_region

RECORDS = sorted(p.stem for p in (FIXTURE_CONTENT / "projects").glob("*.yml"))


def _geojson(site: Path) -> dict[str, Any]:
    """The published GeoJSON, as json.loads reads it (untyped)."""
    data: dict[str, Any] = json.loads((site / "daten/projekte.geojson").read_text(encoding="utf-8"))
    return data


def test_projekte_geojson_validates_and_has_one_feature_per_record(built_site: Path) -> None:
    data = _geojson(built_site)
    collection: FeatureCollection[Feature[Geometry, dict[str, Any]]] = FeatureCollection.model_validate(data)
    assert sorted(str(f.id) for f in collection.features) == RECORDS
    for feature in data["features"]:
        assert set(feature["properties"]) >= {"titel", "kommunen", "traeger", "status", "foerderung_eur", "url"}


def test_projekte_geojson_positions_are_lon_lat_inside_the_region(built_site: Path) -> None:
    features = _geojson(built_site)["features"]
    kinds = {f["geometry"]["type"] for f in features}
    assert kinds == {"Point", "LineString", "Polygon"}
    for feature in features:
        assert [p for p in geojson_positions(feature["geometry"]) if not inside_region(*p)] == [], feature["id"]


def test_projekte_geojson_urls_are_absolute_and_reach_the_pages(built_site: Path, base_url: str) -> None:
    for feature in _geojson(built_site)["features"]:
        url = feature["properties"]["url"]
        assert url == f"{base_url}massnahmen/{feature['id']}/"
        assert (built_site / url[len(base_url) :] / "index.html").is_file()


def test_projekte_csv_is_utf8_with_one_row_per_record(built_site: Path) -> None:
    text = (built_site / "daten/projekte.csv").read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == CSV_SPALTEN
    assert sorted(r["slug"] for r in rows) == RECORDS
    by_slug = {f["id"]: f["properties"] for f in _geojson(built_site)["features"]}
    for row in rows:
        assert row["titel"] == by_slug[row["slug"]]["titel"]
        assert inside_region(float(row["laenge"]), float(row["breite"]))


def test_exports_keep_lines_and_areas_as_geometry_and_centre() -> None:
    site = load_site(FIXTURE_ROOT)
    data = json.loads(projekte_geojson(site.massnahmen, "https://example.org/x/"))
    FeatureCollection.model_validate(data)
    kinds = {f["id"]: f["geometry"]["type"] for f in data["features"]}
    assert kinds["test-linie-ungefaehr"] == "LineString" and kinds["test-flaeche-exakt"] == "Polygon"
    rows = {r["slug"]: r for r in csv.DictReader(io.StringIO(projekte_csv(site.massnahmen, "https://example.org/x/")))}
    assert (float(rows["test-flaeche-exakt"]["breite"]), float(rows["test-flaeche-exakt"]["laenge"])) == (51.51, 7.465)


def test_massnahmen_index_links_exports_with_licence_and_provider(built_site: Path) -> None:
    content = article(built_site / "massnahmen/index.html")
    hrefs = {a.href: a.text for a in content.find_all("a")}
    assert "../daten/projekte.geojson" in hrefs and "../daten/projekte.csv" in hrefs
    assert hrefs[LIZENZ_URL] == LIZENZ
    text = content.text
    assert "Datenbereitsteller: Testverband Beispielregion" in text  # from betreiber.yml


def test_polygon_rings_follow_the_right_hand_rule() -> None:
    clockwise = [[7.45, 51.50], [7.45, 51.52], [7.48, 51.52], [7.48, 51.50], [7.45, 51.50]]
    hole_ccw = [[7.46, 51.505], [7.47, 51.505], [7.47, 51.51], [7.46, 51.51], [7.46, 51.505]]
    outer, hole = rfc7946_geometry({"type": "Polygon", "coordinates": [clockwise, hole_ccw]})["coordinates"]
    assert outer == list(reversed(clockwise)) and hole == list(reversed(hole_ccw))
    point = {"type": "Point", "coordinates": [7.0, 51.4]}
    assert rfc7946_geometry(point) == point


def test_without_site_url_the_tables_link_each_page_relative_to_themselves(built_site: Path, base_url: str) -> None:
    # A build without SITE_URL wrote "/massnahmen/x/": under a Pages sub-path ("/gruene-infrastruktur/") that
    # address lies outside the site. Relative to the file's own address, it reaches the page wherever it is published.
    assert base_url.endswith(SUBPATH)
    site = load_site(FIXTURE_ROOT)
    tabelle = ProjekteCsv().render(site, Umgebung())
    karte = json.loads(ProjekteGeoJson().render(site, Umgebung()))
    for datei, links in (
        (ProjekteCsv.uri, [row["url"] for row in csv.DictReader(io.StringIO(tabelle))]),
        (ProjekteGeoJson.uri, [f["properties"]["url"] for f in karte["features"]]),
    ):
        assert len(links) == len(RECORDS)
        for href in links:
            page, _ = resolve(built_site, base_url, base_url + datei, href)
            assert page is not None and page.is_file(), (datei, href)
