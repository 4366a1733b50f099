"""The measures as the overview and Kommune maps read them: one point each, with only the properties that
assets/karte/uebersicht.js shows (popup, lists), groups and filters by.

The overview fetches them as a file of its own (urls.KARTE_MASSNAHMEN), not the open-data export
projekte.geojson, which carries every published column and full geometries: at 1.000 measures that export was
the overview's second largest part of a first visit. A Kommune page carries its own few inline, made here too.

Above the overview's limit (KartenEinstellungen.einzeln_bis) the page has no table of every measure: the same
file then also carries what a row of the list shows (ZEILE), formatted here as the page formats it, and comes in
list order, so that the script renders the rows of a filter's result without formatting anything itself.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import urls
from ..model.output import Output
from ..model.site import Massnahme
from ..opendata import spalten
from ..pages.render import datum, euro
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


def zeile(m: Massnahme) -> dict[str, str]:
    """What a row of the overview's list shows beyond the map's properties, as the table's cells show it:
    completion date and funding as text (the Kommunen's links come with the page's counts per Kommune)."""
    texte = {
        "fertiggestellt": datum(m.record.fertigstellung.datum) if m.record.fertigstellung else "",
        "foerderung": euro(m.foerderbetrag),
    }
    return {name: text for name, text in texte.items() if text}


def karten_features(massnahmen: list[Massnahme], zeilen: bool = False) -> dict[str, Any]:
    """A FeatureCollection of one point per measure with only the properties the map script reads (none that a
    measure lacks): by slug, or with `zeilen` in the given (list) order and with what a list row shows."""
    werte = [spalten.SPALTE[name] for name in EIGENSCHAFTEN]
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": punkt(m)},
                "properties": {s.name: spalten.json_wert(wert) for s in werte if (wert := s.wert(m, "")) is not None}
                | (zeile(m) if zeilen else {}),
            }
            for m in (massnahmen if zeilen else sorted(massnahmen, key=lambda m: m.slug))
        ],
    }


def karten_daten(massnahmen: list[Massnahme], zusammengefasst: bool = False) -> list[Output]:
    """The overview map's data file from the measures in list order; none without measures (the overview then
    has no map). `zusammengefasst`: the overview shows counts first and renders its list from this file."""
    if not massnahmen:
        return []
    text = json.dumps(karten_features(massnahmen, zeilen=zusammengefasst), ensure_ascii=False, separators=(",", ":"))
    return [Output(urls.KARTE_MASSNAHMEN, content=text)]
