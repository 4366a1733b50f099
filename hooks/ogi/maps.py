"""Maps: a Folium map on every measure page, an overview map and Kommune maps, all without third-party requests.

Leaflet comes from the xstatic packages and is published under assets/karte/. Folium only writes the map
div and its script; the background tiles are added in the browser after the visitor consents
(assets/karte/einwilligung.js).
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import folium
import jinja2
from branca.element import Element, Figure, MacroElement
from folium.template import Template

from .content import Massnahme, Ort, Site
from .output import Output
from .models import STATUS_WERTE
from .render import page_url, relative_url
from . import branca_cache  # noqa: F401  (compiles branca's element templates once; see there)

ASSETS = Path(__file__).parent / "assets" / "karte"
ASSET_DIR = "assets/karte"  # where the map assets are published inside the site
CONSENT_SCRIPT = f"{ASSET_DIR}/einwilligung.js"
GEOJSON_URI = "daten/projekte.geojson"
CSV_URI = "daten/projekte.csv"
PLATZHALTER = "<!-- ogi-karte -->"  # where a page's map goes; filled after Markdown (Karten.einsetzen)

STATUS_FARBEN = {"geplant": "#6a4c00", "in Umsetzung": "#0d47a1", "abgeschlossen": "#1b5e20", "nicht bekannt": "#595959"}
KOMMUNE_RADIUS_M = 1000  # kommunen.yml gives the centres to about 1 km
UNGEFAEHR_RADIUS_M = 250
MAX_ZOOM_FIT = 16


@dataclass(frozen=True)
class KartenEinstellungen:
    """Operator settings for the maps, from mkdocs.yml `extra.karte` and the environment."""

    aktiv: bool = True
    kacheln_url: str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    attribution: str = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende'
    anbieter: str = "OpenStreetMap Foundation"

    @property
    def kachel_server(self) -> str:
        """The host that receives the visitor's IP address, e.g. 'tile.openstreetmap.org'."""
        return urlsplit(self.kacheln_url.replace("{s}", "a")).hostname or self.kacheln_url


def karten_einstellungen(extra: Mapping[str, Any] | None,
                         environ: Mapping[str, str] = os.environ) -> KartenEinstellungen:
    """Settings from `extra.karte` in mkdocs.yml; OGI_KARTEN=0 in the environment builds without maps."""
    values = dict(extra or {})
    unknown = set(values) - {"kacheln_url", "attribution", "anbieter"}
    if unknown:
        raise ValueError(f"extra.karte: unbekannte Einstellung {', '.join(sorted(unknown))}; "
                         "erlaubt sind kacheln_url, attribution und anbieter")
    aktiv = environ.get("OGI_KARTEN", "1").strip() not in {"0", "nein", "false"}
    return KartenEinstellungen(aktiv=aktiv, **{k: str(v) for k, v in values.items()})


# --- Folium elements with local assets and ids derived from content --------------------------------


class OgiMap(folium.Map):
    """A Folium map without tiles, without Folium's CDN files and without page-wide styles."""

    default_js = [("leaflet", f"{ASSET_DIR}/leaflet/leaflet.js")]
    default_css = [("leaflet_css", f"{ASSET_DIR}/leaflet/leaflet.css")]

    # Folium's own template also adds a viewport meta that blocks zooming and html/body styles.
    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <div class="folium-map ogi-karte__flaeche" id={{ this.get_name()|tojson }}></div>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.map({{ this.get_name()|tojson }}, {
        center: {{ this.location|tojson }}, crs: L.CRS.{{ this.crs }}, ...{{ this.options|tojavascript }}
        });
        (window.ogiKarten = window.ogiKarten || []).push({{ this.get_name() }});
        {% endmacro %}
        """
    )


class Uebersicht(MacroElement):
    """Adds the measures (fetched from projekte.geojson) to the map; see assets/karte/uebersicht.js."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        ogiUebersicht({{ this._parent.get_name() }}, {{ this.optionen|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, optionen: dict[str, Any]):
        super().__init__()
        self._name = "Uebersicht"
        self.optionen = optionen


def stabilise_ids(root: Element, seed: str) -> None:
    """Replace branca's random ids by ids derived from `seed` and the element's place in the tree."""
    counter = 0

    def visit(element: Element) -> None:
        nonlocal counter
        element._id = hashlib.sha1(f"{seed}:{counter}".encode()).hexdigest()[:16]
        counter += 1
        children = list(element._children.values())
        element._children.clear()
        for child in children:
            visit(child)
            element._children[child.get_name()] = child

    visit(root)


@dataclass(frozen=True)
class GerenderteKarte:
    """The parts of a rendered Folium map that go into a page."""

    html: str
    script: str


def render_map(m: folium.Map, seed: str) -> GerenderteKarte:
    """Render the map's div and script only (not Folium's whole page), with deterministic ids.

    Calls each element's `html` and `script` macros in the order branca's MacroElement.render uses, but
    without wrapping every fragment in a new branca Element: that compiles each fragment as a Jinja
    template and would make the maps the largest cost of a build. The elements used here (map, vector
    layers, tooltips, FitBounds) have no render-time side effects beyond their macros.
    """
    figure = m.get_root()
    assert isinstance(figure, Figure)
    stabilise_ids(figure, seed)
    html: list[str] = []
    script: list[str] = []

    def collect(element: Element) -> None:
        module = element._template.module
        for name, parts in (("html", html), ("script", script)):
            macro = getattr(module, name, None)
            if macro is not None:
                parts.append(str(macro(element, {})))
        for child in element._children.values():
            collect(child)

    collect(m)
    return GerenderteKarte(html="".join(_lines(html)), script="\n".join(_lines(script)))


def _lines(parts: list[str]) -> list[str]:
    # Strip indentation and blank lines: the fragment sits in a Markdown raw HTML block.
    return [line.strip() for part in parts for line in part.splitlines() if line.strip()]


# --- geometry ----------------------------------------------------------------------------------


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


def _latlon(position: list[float]) -> list[float]:
    return [position[1], position[0]]


# --- maps of the pages ----------------------------------------------------------------------------


def massnahme_map(m: Massnahme) -> OgiMap:
    """The Folium map of one measure, fitted to its geometry; the Kommune's centre is a dashed circle."""
    geometrie, lage = m.geometrie, m.record.lage
    farbe = STATUS_FARBEN[m.record.status]
    karte = OgiMap(location=centre(geometrie), tiles=None, zoom_start=13, width="100%", height="100%", maxZoom=19)
    radius = 0
    if lage.genauigkeit == "Kommune":
        radius = KOMMUNE_RADIUS_M
        folium.Circle(_latlon(geometrie["coordinates"]), radius=radius, color=farbe, weight=3, dash_array="8 6",
                      fill=True, fill_color=farbe, fill_opacity=0.12,
                      tooltip=folium.Tooltip(f"Ortsmitte von {m.orte[0].name} – genaue Lage nicht bekannt",
                                             permanent=True, direction="top")).add_to(karte)
    elif geometrie["type"] == "Point" and lage.genauigkeit == "ungefähr":
        radius = UNGEFAEHR_RADIUS_M
        folium.Circle(_latlon(geometrie["coordinates"]), radius=radius, color=farbe, weight=3, fill=True,
                      fill_color=farbe, fill_opacity=0.2,
                      tooltip=folium.Tooltip("ungefähre Lage", permanent=True, direction="top")).add_to(karte)
    elif geometrie["type"] == "Point":
        folium.Marker(_latlon(geometrie["coordinates"]), alt=f"Lage: {m.record.titel}",
                      title=m.record.titel).add_to(karte)
    elif geometrie["type"] == "LineString":
        folium.PolyLine([_latlon(p) for p in geometrie["coordinates"]], color=farbe, weight=6,
                        opacity=0.9).add_to(karte)
    else:
        folium.Polygon([[_latlon(p) for p in ring] for ring in geometrie["coordinates"]], color=farbe, weight=3,
                       fill=True, fill_color=farbe, fill_opacity=0.3).add_to(karte)
    karte.fit_bounds(bounds(geometrie, radius), padding=(24, 24), max_zoom=MAX_ZOOM_FIT)
    return karte


def uebersicht_map(seed_bounds: list[list[float]], optionen: dict[str, Any]) -> OgiMap:
    """A map shell fitted to `seed_bounds`; the measures come from projekte.geojson in the browser."""
    (south, west), (north, east) = seed_bounds
    karte = OgiMap(location=[round((south + north) / 2, 6), round((west + east) / 2, 6)], tiles=None, zoom_start=10,
                   width="100%", height="100%", maxZoom=19)  # markercluster needs the map's maxZoom
    karte.fit_bounds(seed_bounds, padding=(24, 24), max_zoom=13)
    Uebersicht(optionen).add_to(karte)
    return karte


def _union(boxes: Iterable[list[list[float]]]) -> list[list[float]]:
    boxes = list(boxes)
    return [[min(b[0][0] for b in boxes), min(b[0][1] for b in boxes)],
            [max(b[1][0] for b in boxes), max(b[1][1] for b in boxes)]]


def karten_features(massnahmen: list[Massnahme]) -> dict[str, Any]:
    """A compact FeatureCollection with only what the map script shows and filters by."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": m.geometrie, "properties": {
            "slug": m.slug, "titel": m.record.titel, "kurzbeschreibung": m.record.kurzbeschreibung,
            "kommunen": [o.name for o in m.orte], "kreise": list(m.kreise), "traeger": m.record.traeger,
            "status": m.record.status, "genauigkeit": m.record.lage.genauigkeit}}
        for m in sorted(massnahmen, key=lambda m: m.slug)]}


@dataclass(frozen=True)
class Filter:
    """The choices of the overview's filter form."""

    gebiete: list[tuple[str, list[str]]]  # (Kreis, its Kommunen with measures)
    traeger: list[str]
    status: tuple[str, ...] = STATUS_WERTE


@dataclass
class Karten:
    """Renders the map fragments of the pages and lists the files the maps need."""

    site: Site
    env: jinja2.Environment
    einstellungen: KartenEinstellungen = field(default_factory=KartenEinstellungen)
    _karten_der_seiten: dict[str, Callable[[], str]] | None = field(default=None, repr=False)

    def _assets(self, uri: str, cluster: bool) -> dict[str, str]:
        # One relative path to the site's root per page, not one relpath per file: this runs for every map.
        root = relative_url(uri, "index.md").removeprefix("./")
        rel = {name: f"{root}{ASSET_DIR}/{path}" for name, path in (
            ("leaflet_js", "leaflet/leaflet.js"), ("leaflet_css", "leaflet/leaflet.css"),
            ("karte_css", "karte.css"), ("uebersicht_js", "uebersicht.js"),
            ("cluster_js", "markercluster/leaflet.markercluster.js"),
            ("cluster_css", "markercluster/MarkerCluster.css"))}
        rel["datenschutz"] = relative_url(uri, "datenschutz.md") + "#hintergrundkarte"
        rel["cluster"] = "ja" if cluster else ""
        return rel

    def massnahme(self, m: Massnahme, uri: str) -> str:
        """The map block of a measure page, with its text alternative; '' when maps are off."""
        if not self.einstellungen.aktiv:
            return ""
        karte = render_map(massnahme_map(m), seed=f"massnahme:{m.slug}")
        return self.env.get_template("karte_massnahme.html.j2").render(
            m=m, karte=karte, assets=self._assets(uri, cluster=False), e=self.einstellungen)

    def uebersicht(self, uri: str, massnahmen: list[Massnahme]) -> str:
        """The overview map with its filter form and legend; '' when maps are off or nothing to show."""
        if not self.einstellungen.aktiv or not massnahmen:
            return ""
        optionen = {"daten": relative_url(uri, GEOJSON_URI), "basis": relative_url(uri, "massnahmen/index.md"),
                    "filter": "ogi-filter", "liste": "massnahmen-liste", "kommune": None}
        karte = render_map(uebersicht_map(_union(bounds(m.geometrie) for m in massnahmen), optionen),
                           seed="uebersicht")
        return self.env.get_template("karte_uebersicht.html.j2").render(
            karte=karte, assets=self._assets(uri, cluster=True), e=self.einstellungen,
            filter=self._filter(massnahmen), anzahl=len(massnahmen), mit_filter=True, ort=None)

    def kommune(self, ort: Ort, uri: str, massnahmen: list[Massnahme]) -> str:
        """The map of a Kommune page: its measures only."""
        if not self.einstellungen.aktiv or not massnahmen:
            return ""
        # Its own few measures inline: fetching projekte.geojson would load every measure of the region.
        optionen = {"merkmale": karten_features(massnahmen), "basis": relative_url(uri, "massnahmen/index.md"),
                    "filter": None, "liste": None, "kommune": ort.name}
        box = _union(bounds(m.geometrie, KOMMUNE_RADIUS_M if m.record.lage.genauigkeit == "Kommune" else 0)
                     for m in massnahmen)
        karte = render_map(uebersicht_map(box, optionen), seed=f"kommune:{ort.slug}")
        return self.env.get_template("karte_uebersicht.html.j2").render(
            karte=karte, assets=self._assets(uri, cluster=True), e=self.einstellungen,
            filter=None, anzahl=len(massnahmen), mit_filter=False, ort=ort)

    def platzhalter(self, uri: str) -> str:
        """What a page's Markdown carries where its map goes; '' when the page gets no map.

        The map HTML itself is put in by `einsetzen` after Markdown and the search index have run:
        neither has anything to do with it, and parsing it there cost more than rendering it.
        """
        return PLATZHALTER if self.einstellungen.aktiv and self._seiten().get(uri) is not None else ""

    def einsetzen(self, html: str, uri: str) -> str:
        """Replace the placeholder in the finished page of `uri` with its map."""
        if PLATZHALTER not in html:
            return html
        render = self._seiten().get(uri)
        return html.replace(PLATZHALTER, render() if render is not None and self.einstellungen.aktiv else "", 1)

    def _seiten(self) -> dict[str, Callable[[], str]]:
        # uri -> a function rendering that page's map; built once per Karten object.
        if self._karten_der_seiten is None:
            seiten: dict[str, Callable[[], str]] = {}
            by_ort: dict[str, list[Massnahme]] = {}
            alle = sorted(self.site.massnahmen, key=lambda m: m.slug)
            for m in alle:
                uri = f"massnahmen/{m.slug}.md"
                seiten[uri] = functools.partial(self.massnahme, m, uri)
                for ort in m.orte:
                    by_ort.setdefault(ort.name, []).append(m)
            if alle:
                seiten["massnahmen/index.md"] = functools.partial(self.uebersicht, "massnahmen/index.md", alle)
            for name, massnahmen in by_ort.items():
                ort = self.site.kommunen[name]
                uri = f"kommunen/{ort.slug}.md"
                seiten[uri] = functools.partial(self.kommune, ort, uri, massnahmen)
            self._karten_der_seiten = seiten
        return self._karten_der_seiten

    def _filter(self, massnahmen: list[Massnahme]) -> Filter:
        kreise: dict[str, set[str]] = {}
        for m in massnahmen:
            for ort in m.orte:
                kreise.setdefault(ort.kreis, set()).add(ort.name)
        ordered = sorted(kreise.items(), key=lambda item: (item[0] != "Kreisfreie Städte", item[0]))
        traeger = sorted({m.record.traeger for m in massnahmen if m.record.traeger}, key=str.casefold)
        return Filter([(k, sorted(v)) for k, v in ordered], traeger)


def asset_files(einstellungen: KartenEinstellungen) -> list[tuple[str, Path]]:
    """(site path, file) of every script, style and image the maps need; only the consent script without maps."""
    files = [(CONSENT_SCRIPT, ASSETS / "einwilligung.js")]
    if not einstellungen.aktiv:
        return files
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as markercluster

    leaflet_dir = Path(leaflet.BASE_DIR)
    cluster_dir = Path(markercluster.BASE_DIR)
    files += [(f"{ASSET_DIR}/{name}", ASSETS / name) for name in ("karte.css", "uebersicht.js")]
    files += [(f"{ASSET_DIR}/leaflet/{name}", leaflet_dir / name) for name in ("leaflet.js", "leaflet.css")]
    files += [(f"{ASSET_DIR}/leaflet/images/{p.name}", p) for p in sorted((leaflet_dir / "images").glob("*.png"))]
    files += [(f"{ASSET_DIR}/markercluster/{name}", cluster_dir / name)
              for name in ("leaflet.markercluster.js", "MarkerCluster.css")]
    return files


def massnahme_url(m: Massnahme, site_url: str) -> str:
    """The absolute URL of a measure's page."""
    return site_url.rstrip("/") + "/" + page_url(f"massnahmen/{m.slug}.md")


def asset_outputs(einstellungen: KartenEinstellungen) -> list[Output]:
    """The map assets as files of the site."""
    return [Output(uri, path=path) for uri, path in asset_files(einstellungen)]
