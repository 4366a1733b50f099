"""Maps: a Folium map on every measure page, an overview map, Kommune maps and the Kommunen index map.

All of them lie on the site's own base map (the Kommune outlines) and make no third-party request; the
background tiles are added in the browser only after the visitor consents (assets/karte/einwilligung.js).

Modules by job: `settings` (operator settings, typed), `elements` (Folium elements, rendering a map's div
and script), `geometry` (boxes and centres), `outlines` (the base map file), `karten` (which page gets which
map, and its fragment), `assets` (the files the maps need).
"""

from __future__ import annotations

from .assets import CONSENT_SCRIPT, asset_files, asset_outputs
from .elements import RenderedMap, OgiMap, render_map, stabilise_ids
from .geometry import bounds, centre, positions
from .karten import (
    KOMMUNE_RADIUS_M,
    PLACEHOLDER,
    STATUS_FARBEN,
    UNGEFAEHR_RADIUS_M,
    Karten,
    karten_features,
    ogi_map,
    massnahme_optionen,
    massnahme_zeichnung,
)
from .settings import KartenEinstellungen, SettingsError, karten_einstellungen

__all__ = [
    "CONSENT_SCRIPT", "KOMMUNE_RADIUS_M", "PLACEHOLDER", "STATUS_FARBEN",
    "UNGEFAEHR_RADIUS_M", "RenderedMap", "Karten", "KartenEinstellungen", "SettingsError", "OgiMap", "asset_files",
    "asset_outputs", "bounds", "centre", "karten_einstellungen", "karten_features", "ogi_map",
    "massnahme_optionen", "massnahme_zeichnung", "positions", "render_map", "stabilise_ids",
]

