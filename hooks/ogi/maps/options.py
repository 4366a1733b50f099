"""What a map draws, as the JSON options of its page: a measure's shape (or its Kommune's area when only the
Kommune is known), the features and filters of many measures, and the first view. assets/karte/*.js draws
them on the one Folium map; no Folium here, so the options are made without importing it."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from ..model import urls
from ..model.site import Kommunendaten, Massnahme, kreis_order
from ..records.models import STATUS_WERTE
from .assets import asset_links
from .geometry import bounds, latlon, union
from .outlines import ATTRIBUTION, umriss_von, umrisse

STATUS_FARBEN = {
    "geplant": "#6a4c00",
    "in Umsetzung": "#0d47a1",
    "abgeschlossen": "#1b5e20",
    "nicht bekannt": "#595959",
}
KOMMUNE_RADIUS_M = 1500  # kommunen.yml gives the centres to about 1,5 km (used only without an outline)
UNGEFAEHR_RADIUS_M = 250  # an approximate point without its own radius_m


def area_box(ort: Kommunendaten) -> list[list[float]]:
    umriss = umriss_von(ort.kommune)
    if umriss is not None:
        return umriss.box
    return bounds({"type": "Point", "coordinates": [ort.kommune.laenge, ort.kommune.breite]}, KOMMUNE_RADIUS_M)


def massnahme_box(m: Massnahme) -> list[list[float]]:
    """The area a measure's map shows: its geometry, its circle, or its Kommunen's areas."""
    lage = m.record.lage
    if lage.genauigkeit == "Kommune":
        return union(area_box(o) for o in m.kommunen)
    if lage.genauigkeit == "ungefähr" and m.geometrie["type"] == "Point":
        return bounds(m.geometrie, lage.radius_m or UNGEFAEHR_RADIUS_M)
    return bounds(m.geometrie)


def basis_optionen(uri: str, **extra: Any) -> dict[str, Any]:
    """Options of ogiKarte (assets/karte/karte.js): the base map file and what to highlight on it."""
    return {
        "grundkarte": asset_links(uri)["grundkarte"],
        "namensnennung": ATTRIBUTION,
        "hervorheben": [],
        "beschriftung": None,
        "anzahlen": None,
    } | extra


def massnahme_zeichnung(m: Massnahme) -> dict[str, Any] | None:
    """What a measure page's map draws over the base map, as Leaflet arguments (karte.js draws it);
    None when the measure is the highlighted area of its Kommune."""
    geometrie, lage, farbe = m.geometrie, m.record.lage, STATUS_FARBEN[m.record.status]
    gestrichelt = {"dashArray": "12 8"} if lage.genauigkeit == "ungefähr" else {}
    if lage.genauigkeit == "Kommune":
        if any(o.ags for o in m.kommunen):
            return None
        # No outline for this Kommune: its centre, honestly dashed.
        return {
            "art": "kreis",
            "lage": latlon(geometrie["coordinates"]),
            "stil": {
                "radius": KOMMUNE_RADIUS_M,
                "color": farbe,
                "weight": 3,
                "dashArray": "8 6",
                "fill": True,
                "fillColor": farbe,
                "fillOpacity": 0.12,
            },
        }
    if geometrie["type"] == "Point" and lage.genauigkeit == "ungefähr":
        return {
            "art": "kreis",
            "lage": latlon(geometrie["coordinates"]),
            "stil": {
                "radius": lage.radius_m or UNGEFAEHR_RADIUS_M,
                "color": farbe,
                "weight": 3,
                "dashArray": "8 6",
                "fill": True,
                "fillColor": farbe,
                "fillOpacity": 0.2,
            },
        }
    if geometrie["type"] == "Point":
        return {
            "art": "markierung",
            "lage": latlon(geometrie["coordinates"]),
            "stil": {"alt": f"Lage: {m.record.titel}", "title": m.record.titel},
        }
    if geometrie["type"] == "LineString":
        return {
            "art": "linie",
            "lage": [latlon(p) for p in geometrie["coordinates"]],
            "stil": {"color": farbe, "weight": 6, "opacity": 0.9, **gestrichelt},
        }
    return {
        "art": "flaeche",
        "lage": [[latlon(p) for p in ring] for ring in geometrie["coordinates"]],
        "stil": {"color": farbe, "weight": 3, "fill": True, "fillColor": farbe, "fillOpacity": 0.3, **gestrichelt},
    }


def massnahme_optionen(m: Massnahme, uri: str = urls.MASSNAHMEN) -> dict[str, Any]:
    """The options of ogiKarte on the measure's page `uri`: its shape or its Kommune's area, and the view
    fitted to it."""
    hervorheben: list[str] = []
    beschriftung = None
    if m.record.lage.genauigkeit == "Kommune":
        hervorheben = [a for a in (o.ags for o in m.kommunen) if a]
        beschriftung = f"{', '.join(o.name for o in m.kommunen)}: genaue Lage nicht bekannt"
    return basis_optionen(
        uri,
        hervorheben=hervorheben,
        beschriftung=beschriftung,
        zeichnung=massnahme_zeichnung(m),
        ansicht=ansicht(massnahme_box(m), ZOOM_MASSNAHME),
    )


# A measure is shown no closer than zoom 12: before consent the base map's outlines and names are all there
# is to tell where it lies, and at street level no outline is in sight. Maps of many measures fit one zoom
# closer at most, with less margin: on a phone the whole region then fits one zoom closer.
ZOOM_MASSNAHME = {"padding": 24, "maxZoom": 12}
ZOOM_GEBIET = {"padding": 8, "maxZoom": 13}


def ansicht(box: list[list[float]], zoom: dict[str, int]) -> dict[str, Any]:
    """Where ogiKarte first fits the map: `box` ([[south, west], [north, east]]) with margin and zoom limit."""
    return {"box": box, **zoom}


@functools.cache
def region_box() -> list[list[float]]:
    """The box of all Kommune outlines of the base map."""
    return union(u.box for u in umrisse().values())


@dataclass(frozen=True)
class Filter:
    """The choices of the overview's filter form."""

    gebiete: list[tuple[str, list[str]]]  # (Kreis, its Kommunen with measures)
    traeger: list[str]
    jahre: list[int]  # years of completion that a source gives, newest first
    status: tuple[str, ...] = STATUS_WERTE


def filter_of(massnahmen: list[Massnahme]) -> Filter:
    kreise: dict[str, set[str]] = {}
    for m in massnahmen:
        for ort in m.kommunen:
            kreise.setdefault(ort.kreis, set()).add(ort.name)
    ordered = sorted(kreise.items(), key=lambda item: kreis_order(item[0]))
    traeger = sorted({m.record.traeger for m in massnahmen if m.record.traeger}, key=str.casefold)
    jahre = sorted({j for m in massnahmen if (j := m.fertig_jahr)}, reverse=True)
    return Filter([(k, sorted(v)) for k, v in ordered], traeger, jahre)
