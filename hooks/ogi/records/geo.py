"""Plausibility of positions: everything on this site lies in the RVR area."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

# A box that holds the whole RVR area (fakten.md).
LAT_MIN, LAT_MAX = 51.1, 51.9
LON_MIN, LON_MAX = 6.2, 8.0


def positions(geometrie: Mapping[str, Any]) -> list[list[float]]:
    """All [lon, lat] positions of a Point, LineString or Polygon."""
    kind, coordinates = geometrie["type"], geometrie["coordinates"]
    if kind == "Point":
        return [coordinates]
    if kind == "LineString":
        return list(coordinates)
    if kind == "Polygon":
        return [p for ring in coordinates for p in ring]
    raise ValueError(f"unbekannter Geometrietyp {kind}")


def inside_region(lon: float, lat: float) -> bool:
    return LAT_MIN <= lat <= LAT_MAX and LON_MIN <= lon <= LON_MAX


def check_position(lon: float, lat: float, *, example_order: str) -> None:
    """Raise a German ValueError if (lon, lat) is outside the RVR area, naming a swap if that is it."""
    if inside_region(lon, lat):
        return
    if inside_region(lat, lon):
        if example_order == "geojson":
            raise ValueError(
                f"[{lon}, {lat}] hat Länge und Breite vertauscht; GeoJSON erwartet [Länge, Breite], also [{lat}, {lon}]"
            )
        raise ValueError(f"breite {lat} und laenge {lon} sind vertauscht; richtig wäre breite: {lon}, laenge: {lat}")
    raise ValueError(
        f"[{lon}, {lat}] liegt außerhalb des RVR-Gebiets; erwartet Länge {LON_MIN}–{LON_MAX} "
        f"und Breite {LAT_MIN}–{LAT_MAX}"
    )


# --- positions against the Kommune outlines -------------------------------------------------------------
# A ring is a list of [lon, lat] positions, first equal to last, as in GeoJSON. Within the RVR area (about
# 100 km across) a flat projection around the position measured from is exact to a few metres.

METRES_PER_DEGREE_LAT = 111_320


def ring_contains(ring: list[list[float]], lon: float, lat: float) -> bool:
    """True if (lon, lat) lies inside `ring` (even-odd ray casting; a point on the edge counts either way)."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def polygon_contains(rings: list[list[list[float]]], lon: float, lat: float) -> bool:
    """Inside the outer ring and in none of the holes."""
    return ring_contains(rings[0], lon, lat) and not any(ring_contains(hole, lon, lat) for hole in rings[1:])


def distance_to_ring_m(ring: list[list[float]], lon: float, lat: float) -> float:
    """Metres from (lon, lat) to the nearest point of the line of `ring`."""
    kx = METRES_PER_DEGREE_LAT * math.cos(math.radians(lat))
    ky = METRES_PER_DEGREE_LAT
    best = math.inf
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        ax, ay = (x1 - lon) * kx, (y1 - lat) * ky
        bx, by = (x2 - lon) * kx, (y2 - lat) * ky
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
        best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best


def distance_to_polygon_m(rings: list[list[list[float]]], lon: float, lat: float) -> float:
    """0 inside the polygon, else metres to its nearest edge."""
    if polygon_contains(rings, lon, lat):
        return 0.0
    return min(distance_to_ring_m(ring, lon, lat) for ring in rings)
