"""Places checked against the map the site draws: the Kommune outlines of the base map (BKG VG5000).

A measure's point, line or area must lie in a Kommune it names, and every Kommune's centre (where a measure
known only by its Kommune is drawn) inside its own outline. The outlines are generalised: their borders
are good to a few hundred metres, so a measure may lie up to TOLERANCE_M beyond one; a centre may not.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from .geo import distance_to_polygon_m, polygon_contains, positions
from .kommunen import ags_of, official_kommunen, outline_rings

TOLERANCE_M = 200


def kommune_at(lon: float, lat: float, names: Collection[str]) -> str | None:
    """The Kommune whose outline holds (lon, lat), named as in `names` (content/kommunen.yml); None outside all."""
    ags = next((ags for ags, rings in outline_rings().items() if polygon_contains(rings, lon, lat)), None)
    if ags is None:
        return None
    return next((name for name in names if ags_of(name) == ags), official_kommunen()[ags])


def distance_text(metres: float) -> str:
    """'340 m' or '1,2 km'."""
    if metres < 1000:
        return f"{int(metres / 10 + 0.5) * 10} m"  # half up, as people round
    return f"{metres / 1000:.1f} km".replace(".", ",")


def _where(lon: float, lat: float, names: Collection[str]) -> tuple[str, str | None]:
    actual = kommune_at(lon, lat, names)
    return (f"in {actual}" if actual else "in keiner Kommune des RVR-Gebiets"), actual


def centre_problem(name: str, lon: float, lat: float, names: Collection[str]) -> str | None:
    """Why a Kommune's centre is not inside its own outline; None if it is (or the outline is unknown)."""
    ags = ags_of(name)
    rings = outline_rings().get(ags) if ags else None
    if rings is None or polygon_contains(rings, lon, lat):
        return None
    where, _ = _where(lon, lat, names)
    return (
        f"die Ortsmitte (breite {lat}, laenge {lon}) liegt {where}, "
        f"{distance_text(distance_to_polygon_m(rings, lon, lat))} außerhalb von {name}; breite und laenge eines "
        f"Punkts in {name} aus einer Quelle eintragen (die Karte zeigt dort Maßnahmen ohne genaue Lage)"
    )


def geometry_problem(geometrie: Mapping[str, Any], kommunen: Sequence[str], names: Collection[str]) -> str | None:
    """Why a measure's geometry does not lie in (or within TOLERANCE_M of) the Kommunen it names; else None."""
    outlines = [rings for name in kommunen if (ags := ags_of(name)) and (rings := outline_rings().get(ags))]
    if not outlines:
        return None
    points = positions(geometrie)
    outside = [
        (number, point, min(distance_to_polygon_m(rings, *point) for rings in outlines))
        for number, point in enumerate(points, start=1)
    ]
    outside = [entry for entry in outside if entry[2] > TOLERANCE_M]
    if not outside:
        return None
    number, (lon, lat), metres = outside[0]
    where, actual = _where(lon, lat, names)
    named = " und ".join(kommunen)
    what = f"[{lon}, {lat}]" if len(points) == 1 else f"Punkt {number} von {len(points)} ([{lon}, {lat}])"
    count = f" (außerhalb liegen {len(outside)} Punkte)" if len(outside) > 1 else ""
    fix = f"die Koordinaten prüfen oder {actual} unter kommunen ergänzen" if actual else "die Koordinaten prüfen"
    return f"{what} liegt {where}, {distance_text(metres)} außerhalb von {named}{count}; {fix}"
