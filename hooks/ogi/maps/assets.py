"""The files the maps need (local Leaflet and plugins, own scripts, the base map) and their site paths."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from ..kommunen import OUTLINES
from ..output import Output
from .. import urls
from ..urls import MAP_ASSETS as ASSET_DIR
from .settings import KartenEinstellungen

ASSETS = Path(__file__).parent.parent / "assets" / "karte"
CONSENT_SCRIPT = f"{ASSET_DIR}/einwilligung.js"
OUTLINES_URI = f"{ASSET_DIR}/kommunen.geojson"

# name -> path below ASSET_DIR, as linked from the map fragments
LINKS = {
    "leaflet_js": "leaflet/leaflet.js", "leaflet_css": "leaflet/leaflet.css",
    "gesten_js": "gesturehandling/leaflet-gesture-handling.min.js",
    "gesten_css": "gesturehandling/leaflet-gesture-handling.min.css",
    "karte_js": "karte.js", "karte_css": "karte.css", "uebersicht_js": "uebersicht.js",
    "cluster_js": "markercluster/leaflet.markercluster.js", "cluster_css": "markercluster/MarkerCluster.css",
    "grundkarte": "kommunen.geojson",
}


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
    files += [(f"{ASSET_DIR}/markercluster/{name}", cluster_dir / name)
              for name in ("leaflet.markercluster.js", "MarkerCluster.css")]
    files += [(f"{ASSET_DIR}/gesturehandling/{name}", gesten_dir / name)
              for name in ("leaflet-gesture-handling.min.js", "leaflet-gesture-handling.min.css")]
    return files


def asset_outputs(einstellungen: KartenEinstellungen) -> list[Output]:
    """The map assets as files of the site."""
    return [Output(uri, path=path) for uri, path in asset_files(einstellungen)]
