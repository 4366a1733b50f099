"""A small static picture of the RVR area for the start page: the 53 Kommune outlines as SVG, the
Kommunen with documented measures filled. Drawn at build time; no script, no request, any browser."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ..model.site import Site
from ..records.kommunen import OUTLINES

ATTRIBUTION = "© GeoBasis-DE / BKG (2021), dl-de/by-2-0"
WIDTH = 600.0
MIT = "#2e7d32"  # Kommune with measures: 5.3:1 against the light fill around it
OHNE = "#e4ece4"
RAND = "#ffffff"


def _plain(name: str) -> str:
    # "Voerde (Niederrhein)" in VG5000 is "Voerde" in kommunen.yml
    return re.sub(r"\s*\(.*\)$", "", name).strip().casefold()


def kommunen_mit_massnahmen(site: Site) -> list[str]:
    """Names of the Kommunen with at least one documented measure, sorted."""
    return list(site.massnahmen_je_kommune)


def region_svg(site: Site, path: Path = OUTLINES) -> str:
    """The SVG text: one path per Kommune, filled when measures lie in it; deterministic output."""
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    rings = [ring for f in features for ring in _rings(f["geometry"])]
    lons = [p[0] for ring in rings for p in ring]
    lats = [p[1] for ring in rings for p in ring]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)  # once: each point is placed by them
    squash = math.cos(math.radians((south + north) / 2))  # keeps the region's shape at this latitude
    scale = WIDTH / ((east - west) * squash)
    height = round((north - south) * scale, 1)
    mit = {_plain(name) for name in kommunen_mit_massnahmen(site)}

    def point(lon: float, lat: float) -> str:
        return f"{(lon - west) * squash * scale:.1f} {(north - lat) * scale:.1f}"

    paths = []
    for f in sorted(features, key=lambda f: f["properties"]["ags"]):
        d = " ".join("M" + " L".join(point(*p) for p in ring) + " Z" for ring in _rings(f["geometry"]))
        fill = MIT if _plain(f["properties"]["name"]) in mit else OHNE
        paths.append(f'<path d="{d}" fill="{fill}"><title>{escape(f["properties"]["name"])}</title></path>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {height}" role="img" '
        f'aria-labelledby="t">\n<title id="t">Das Gebiet des Regionalverbands Ruhr mit seinen 53 Kommunen; '
        f"grün: Kommunen mit dokumentierten Maßnahmen</title>\n"
        f'<g stroke="{RAND}" stroke-width="1" stroke-linejoin="round">\n' + "\n".join(paths) + "\n</g>\n"
        f"<!-- {escape(ATTRIBUTION)} -->\n</svg>\n"
    )


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    """The outer and inner rings of a GeoJSON (Multi)Polygon, as json.loads reads it (untyped)."""
    coordinates = geometry["coordinates"]
    rings: list[list[list[float]]] = (
        coordinates if geometry["type"] == "Polygon" else [r for p in coordinates for r in p]
    )
    return rings
