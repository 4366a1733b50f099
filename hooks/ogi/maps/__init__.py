"""Maps: a Folium map on every measure page, an overview map, Kommune maps and the Kommunen index map.

All of them lie on the site's own base map (the Kommune outlines) and make no third-party request; the
background tiles are added in the browser only after the visitor consents (assets/karte/einwilligung.js).

Modules by job: `settings` (operator settings, typed), `elements` (Folium elements, rendering a map's div
and script), `geometry` (boxes and centres), `outlines` (the base map file), `options` (what a map draws, as JSON
options), `daten` (the measures as the overview and Kommune maps read them: one point each), `karten` (which
page gets which map, and its fragment), `assets` (the files the maps need).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .assets import CONSENT_SCRIPT, asset_files, asset_outputs
from .geometry import bounds, centre, positions
from .settings import KartenEinstellungen, SettingsError, karten_einstellungen

if TYPE_CHECKING:
    from .daten import karten_daten, karten_features
    from .elements import OgiMap, render_map, stabilise_ids
    from .karten import PLACEHOLDER, Karten, ogi_map
    from .kept import RenderedMap
    from .options import (
        KOMMUNE_RADIUS_M,
        STATUS_FARBEN,
        UNGEFAEHR_RADIUS_M,
        massnahme_optionen,
        massnahme_zeichnung,
    )

# Folium and branca take about a second to import: the modules that draw maps load on first use, so that
# `make check` and the editors' tools, which draw none, start without them.
_LAZY = (
    {name: "daten" for name in ("karten_daten", "karten_features")}
    | {name: "elements" for name in ("OgiMap", "render_map", "stabilise_ids")}
    | {"RenderedMap": "kept"}
    | {name: "karten" for name in ("PLACEHOLDER", "Karten", "ogi_map")}
    | {
        name: "options"
        for name in (
            "KOMMUNE_RADIUS_M",
            "STATUS_FARBEN",
            "UNGEFAEHR_RADIUS_M",
            "massnahme_optionen",
            "massnahme_zeichnung",
        )
    }
)


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)


__all__ = [
    "CONSENT_SCRIPT",
    "KOMMUNE_RADIUS_M",
    "PLACEHOLDER",
    "STATUS_FARBEN",
    "UNGEFAEHR_RADIUS_M",
    "RenderedMap",
    "Karten",
    "KartenEinstellungen",
    "SettingsError",
    "OgiMap",
    "asset_files",
    "asset_outputs",
    "bounds",
    "centre",
    "karten_daten",
    "karten_einstellungen",
    "karten_features",
    "ogi_map",
    "massnahme_optionen",
    "massnahme_zeichnung",
    "positions",
    "render_map",
    "stabilise_ids",
]
