"""The measures as the overview and Kommune maps read them: one point each, with only the properties that
assets/karte/uebersicht.js shows (popup, lists), groups and filters by.

The overview fetches them as a file of its own (urls.KARTE_MASSNAHMEN), not the open-data export
projekte.geojson, which carries every published column and full geometries: at 1.000 measures that export was
the overview's second largest part of a first visit. A Kommune page carries its own few inline, made here too.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import urls
from ..model.output import Output
from ..model.site import Massnahme
from ..opendata import spalten
from .geometry import centre

# What the script reads, by the names of the published columns (the same values as projekte.geojson's):
# slug links popup and list rows; titel, kurzbeschreibung, kommunen, status and genauigkeit make the popups
# and lists; kommunen, kreise, traeger, status and fertigstellung are the filter's fields.
EIGENSCHAFTEN = (
    "slug",
    "titel",
    "kurzbeschreibung",
    "kommunen",
    "kreise",
    "traeger",
    "status",
    "genauigkeit",
    "fertigstellung",
)
# Decimals of a point: 5 round to at most 0,6 m (north–south; less east–west at 51° N), 3 pixels at the
# closest zoom (19) and far less than a marker (20 px); a 6th decimal would only add bytes.
STELLEN = 5


def punkt(m: Massnahme) -> list[float]:
    """[lon, lat] of the measure's one point on these maps: a line or area is the centre of its bounding box
    (as the tables' breite/laenge), a measure known only by its Kommune the Kommune's centre."""
    breite, laenge = centre(m.geometrie)
    return [round(laenge, STELLEN), round(breite, STELLEN)]


def karten_features(massnahmen: list[Massnahme]) -> dict[str, Any]:
    """A FeatureCollection of one point per measure, by slug, with only the properties the map script reads
    (none that a measure lacks)."""
    werte = [spalten.SPALTE[name] for name in EIGENSCHAFTEN]
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": punkt(m)},
                "properties": {s.name: spalten.json_wert(wert) for s in werte if (wert := s.wert(m, "")) is not None},
            }
            for m in sorted(massnahmen, key=lambda m: m.slug)
        ],
    }


def karten_daten(massnahmen: list[Massnahme]) -> list[Output]:
    """The overview map's data file; none without measures (the overview then has no map)."""
    if not massnahmen:
        return []
    text = json.dumps(karten_features(massnahmen), ensure_ascii=False, separators=(",", ":"))
    return [Output(urls.KARTE_MASSNAHMEN, content=text)]
