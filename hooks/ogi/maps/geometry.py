"""Geometry of the maps and exports: positions, bounding boxes and centres of GeoJSON geometries."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from ..records.geo import positions

__all__ = ["positions", "bounds", "centre", "box_centre", "union", "latlon"]


def bounds(geometrie: Mapping[str, Any], radius_m: float = 0) -> list[list[float]]:
    """[[south, west], [north, east]] of a geometry, widened by `radius_m` metres."""
    points = positions(geometrie)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    dlat = radius_m / 111_320
    dlon = radius_m / (111_320 * math.cos(math.radians((south + north) / 2)))
    return [[round(south - dlat, 6), round(west - dlon, 6)], [round(north + dlat, 6), round(east + dlon, 6)]]


def centre(geometrie: Mapping[str, Any]) -> list[float]:
    """[lat, lon] in the middle of the geometry's bounding box."""
    (south, west), (north, east) = bounds(geometrie)
    return [round((south + north) / 2, 6), round((west + east) / 2, 6)]


def box_centre(box: list[list[float]]) -> list[float]:
    """[lat, lon] in the middle of a [[south, west], [north, east]] box."""
    (south, west), (north, east) = box
    return [round((south + north) / 2, 6), round((west + east) / 2, 6)]


def union(boxes: Iterable[list[list[float]]]) -> list[list[float]]:
    """The smallest box holding all `boxes`."""
    boxes = list(boxes)
    return [
        [min(b[0][0] for b in boxes), min(b[0][1] for b in boxes)],
        [max(b[1][0] for b in boxes), max(b[1][1] for b in boxes)],
    ]


def latlon(position: list[float]) -> list[float]:
    """Leaflet's [lat, lon] of a GeoJSON [lon, lat] position."""
    return [position[1], position[0]]
