"""The files the maps need (local Leaflet and plugins, own scripts, the base map) and their site paths."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from ..model import urls
from ..model.output import Output
from ..model.urls import MAP_ASSETS as ASSET_DIR
from ..records.kommunen import OUTLINES
from .settings import KartenEinstellungen

ASSETS = Path(__file__).parent.parent / "assets" / "karte"
CONSENT_SCRIPT = f"{ASSET_DIR}/einwilligung.js"
OUTLINES_URI = f"{ASSET_DIR}/kommunen.geojson"

# name -> path below ASSET_DIR, as linked from the map fragments
LINKS = {
    "leaflet_js": "leaflet/leaflet.js",
    "leaflet_css": "leaflet/leaflet.css",
    "gesten_js": "gesturehandling/leaflet-gesture-handling.min.js",
    "gesten_css": "gesturehandling/leaflet-gesture-handling.min.css",
    "karte_js": "karte.js",
    "karte_css": "karte.css",
    "uebersicht_js": "uebersicht.js",
    "cluster_js": "markercluster/leaflet.markercluster.js",
    "cluster_css": "markercluster/MarkerCluster.css",
    "grundkarte": "kommunen.geojson",
    # Only in the preview (`make serve`), on the page "Lage zeichnen": never part of a published site.
    "zeichnen_js": "leaflet-draw/leaflet.draw.js",
    "zeichnen_css": "leaflet-draw/leaflet.draw.css",
    "lage_zeichnen_js": "lage-zeichnen.js",
    "lage_zeichnen_css": "lage-zeichnen.css",
}
# Leaflet.draw, vendored from npm with its licence and pinned by hash (assets/karte/README.md, SHA256SUMS there).
DRAW_DIR = ASSETS / "leaflet-draw"


def asset_links(uri: str) -> Mapping[str, str]:
    """Relative links from the page `uri` to every map asset, and to the consent section of Datenschutz."""
    # One relative path to the site's root per page, not one relpath per file: this runs for every map.
    return _links(urls.relative_url(uri, urls.HOME).removeprefix("./"), urls.relative_url(uri, urls.DATENSCHUTZ))


@functools.lru_cache(maxsize=32)
def _links(root: str, datenschutz: str) -> Mapping[str, str]:
    # The same for all pages of one folder depth: one read-only mapping each.
    links = {name: f"{root}{ASSET_DIR}/{path}" for name, path in LINKS.items()}
    links["datenschutz"] = datenschutz + "#hintergrundkarte"
    return MappingProxyType(links)


def asset_files(einstellungen: KartenEinstellungen) -> list[tuple[str, Path]]:
    """(site path, file) of every script, style and image the maps need; only the consent script without maps."""
    files = [(CONSENT_SCRIPT, ASSETS / "einwilligung.js")]
    if not einstellungen.aktiv:
        return files
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_gesturehandling as gesturehandling
    import xstatic.pkg.leaflet_markercluster as markercluster

    leaflet_dir = Path(leaflet.BASE_DIR)
    cluster_dir = Path(markercluster.BASE_DIR)
    gesten_dir = Path(gesturehandling.BASE_DIR)
    files += [(f"{ASSET_DIR}/{name}", ASSETS / name) for name in ("karte.css", "karte.js", "uebersicht.js")]
    files.append((OUTLINES_URI, OUTLINES))  # the base map: one file, cached, for every map
    files += [(f"{ASSET_DIR}/leaflet/{name}", leaflet_dir / name) for name in ("leaflet.js", "leaflet.css")]
    files += [(f"{ASSET_DIR}/leaflet/images/{p.name}", p) for p in sorted((leaflet_dir / "images").glob("*.png"))]
    files += [
        (f"{ASSET_DIR}/markercluster/{name}", cluster_dir / name)
        for name in ("leaflet.markercluster.js", "MarkerCluster.css")
    ]
    files += [
        (f"{ASSET_DIR}/gesturehandling/{name}", gesten_dir / name)
        for name in ("leaflet-gesture-handling.min.js", "leaflet-gesture-handling.min.css")
    ]
    return files


def drawing_files() -> list[tuple[str, Path]]:
    """(site path, file) of what the preview's drawing page adds to the maps' files: Leaflet.draw and its script."""
    vendored = [line.split()[1] for line in (DRAW_DIR / "SHA256SUMS").read_text(encoding="utf-8").splitlines()]
    own = [(f"{ASSET_DIR}/{name}", ASSETS / name) for name in ("lage-zeichnen.js", "lage-zeichnen.css")]
    return own + [(f"{ASSET_DIR}/leaflet-draw/{name}", DRAW_DIR / name) for name in vendored]


def asset_outputs(einstellungen: KartenEinstellungen) -> list[Output]:
    """The map assets as files of the site."""
    return [Output(uri, path=path) for uri, path in asset_files(einstellungen)]
