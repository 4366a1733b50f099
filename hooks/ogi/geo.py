"""Plausibility of positions: everything on this site lies in the RVR area."""

from __future__ import annotations

# A box that holds the whole RVR area (fakten.md).
LAT_MIN, LAT_MAX = 51.1, 51.9
LON_MIN, LON_MAX = 6.2, 8.0


def inside_region(lon: float, lat: float) -> bool:
    return LAT_MIN <= lat <= LAT_MAX and LON_MIN <= lon <= LON_MAX


def check_position(lon: float, lat: float, *, example_order: str) -> None:
    """Raise a German ValueError if (lon, lat) is outside the RVR area, naming a swap if that is it."""
    if inside_region(lon, lat):
        return
    if inside_region(lat, lon):
        if example_order == "geojson":
            raise ValueError(
                f"[{lon}, {lat}] hat Länge und Breite vertauscht; GeoJSON erwartet [Länge, Breite], "
                f"also [{lat}, {lon}]"
            )
        raise ValueError(f"breite {lat} und laenge {lon} sind vertauscht; richtig wäre breite: {lon}, laenge: {lat}")
    raise ValueError(
        f"[{lon}, {lat}] liegt außerhalb des RVR-Gebiets; erwartet Länge {LON_MIN}–{LON_MAX} "
        f"und Breite {LAT_MIN}–{LAT_MAX}"
    )
