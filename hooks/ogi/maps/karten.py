"""The map of each page: which page gets which map, and the HTML fragment that goes into it.

Every map is the same Folium map (rendered once per build) whose content assets/karte/*.js draws from
JSON options: a measure's shape (or its Kommune's area when only the Kommune is known), the overview's and
Kommune pages' measures, the Kommunen index's counts, and the first view of each. Every map lies on the base
map of the Kommune outlines, loaded without consent.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from ..model import urls
from ..model.site import Kommunendaten, Massnahme, Site
from ..model.urls import relative_url
from ..pages.render import kept_folder
from ..records.models import STATUS_WERTE
from .assets import asset_links
from .daten import karten_features
from .geometry import box_centre, union
from .kept import RenderedMap, kept_map
from .options import (
    UNGEFAEHR_RADIUS_M,
    ZOOM_GEBIET,
    ansicht,
    area_box,
    basis_optionen,
    filter_of,
    massnahme_box,
    massnahme_optionen,
    region_box,
)
from .settings import KartenEinstellungen

if TYPE_CHECKING:
    from .elements import OgiMap

PLACEHOLDER = "<!-- ogi-karte -->"  # where a page's map goes; filled after Markdown (Karten.insert)
LISTE_SEITE = 100  # rows a filter's result shows at once on a summarised overview; "Weitere zeigen" adds as many


def ogi_map_settings() -> dict[str, Any]:
    """The settings of the Folium map of every page with a map: the same on all of them, so it is rendered once
    (and kept between builds, ogi.maps.kept). What a page shows comes as JSON options of ogiKarte (and
    ogiUebersicht), which also fit the view before the first paint."""
    return {"location": box_centre(region_box()), "zoom_start": 10, "maxZoom": 19}  # markercluster needs maxZoom


def ogi_map() -> OgiMap:
    from .elements import OgiMap  # Folium: only where the map is rendered anew

    return OgiMap(**ogi_map_settings())


@dataclass
class Karten:
    """Renders the map fragments of the pages; `placeholder` and `insert` put them into the pages."""

    site: Site
    env: jinja2.Environment
    einstellungen: KartenEinstellungen = field(default_factory=KartenEinstellungen)
    _html: jinja2.Environment = field(init=False, repr=False)
    _teile_je_links: dict[tuple[str, ...], dict[str, Markup]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # The map fragments are HTML put into the finished page after Markdown ran (`insert`): HTML
        # autoescaping is their boundary. The page templates' Markdown-inert `finalize` would only cost
        # time here (a quarter of the maps' rendering at 1.000 measures).
        self._html = jinja2.Environment(
            loader=self.env.loader,
            auto_reload=False,
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            bytecode_cache=self.env.bytecode_cache,  # compiled once, kept between builds (ogi.pages.render)
        )
        self._html.globals.update(status_werte=STATUS_WERTE)  # the legend lists every status the model allows

    def _fragment(self, template: str, uri: str, optionen: dict[str, Any], **context: Any) -> str:
        # `optionen` go to ogiKarte; an overview map's `uebersicht` (in `context`) to ogiUebersicht.
        return self._html.get_template(template).render(
            karte=self._karte, optionen=optionen, teile=self._teile(asset_links(uri)), **context
        )

    def massnahme(self, m: Massnahme, uri: str) -> str:
        """The map block of a measure page, with its text alternative; '' when maps are off."""
        if not self.einstellungen.aktiv:
            return ""
        optionen = massnahme_optionen(m, uri)
        return self._fragment(
            "karte_massnahme.html.j2",
            uri,
            optionen,
            m=m,
            radius=m.record.lage.radius_m or UNGEFAEHR_RADIUS_M,
            umriss=bool(optionen["hervorheben"]),
        )

    def _teile(self, assets: Mapping[str, str]) -> dict[str, Markup]:
        # Style and script links and the consent box are the same on all pages of one folder depth: rendered
        # once per set of links, not once per map (a third of a measure map's rendering).
        key = tuple(assets.values())
        teile = self._teile_je_links.get(key)
        if teile is None:
            macros: Any = self._html.get_template("_karte.html.j2").module  # its macros, called from here
            teile = {
                "styles": macros.styles(assets),
                "styles_cluster": macros.styles(assets, cluster=True),
                "einwilligung": macros.einwilligung(self.einstellungen, assets),
                "scripts": macros.scripts(assets),
                "scripts_cluster": macros.scripts(assets, cluster=True),
            }
            self._teile_je_links[key] = teile
        return teile

    @functools.cached_property
    def _karte(self) -> RenderedMap:
        # One map id on every page is enough: each page has one map.
        return kept_map(ogi_map_settings(), seed="karte", directory=kept_folder(self.env))

    def uebersicht(self, uri: str, massnahmen: list[Massnahme]) -> str:
        """The overview map with its filter form and legend; '' when maps are off or nothing to show."""
        if not self.einstellungen.aktiv or not massnahmen:
            return ""
        uebersicht: dict[str, Any] = {
            "daten": relative_url(uri, urls.KARTE_MASSNAHMEN),
            "basis": relative_url(uri, urls.MASSNAHMEN),
            "filter": "ogi-filter",
            "liste": "massnahmen-liste",
            "kommune": None,
            "ags": self._ags(massnahmen),
        }
        zusammengefasst = self.einstellungen.zusammengefasst(len(massnahmen))
        if zusammengefasst:
            # The first view counts per Kommune (inline, ~53 entries); the file of the measures loads on demand.
            uebersicht |= {"zaehler": self._zaehler(uri), "seite": LISTE_SEITE}
        optionen = basis_optionen(uri, ansicht=ansicht(union(massnahme_box(m) for m in massnahmen), ZOOM_GEBIET))
        return self._fragment(
            "karte_uebersicht.html.j2",
            uri,
            optionen,
            uebersicht=uebersicht,
            filter=filter_of(massnahmen),
            anzahl=len(massnahmen),
            mit_filter=True,
            ort=None,
            zusammengefasst=zusammengefasst,
        )

    def _zaehler(self, uri: str) -> list[dict[str, Any]]:
        # Per Kommune with measures: its count, its page (the list's Kommune links) and the box its count zooms to;
        # the count sits in the box's centre, as on the Kommunen index's map.
        zaehler = []
        for name, ms in self.site.massnahmen_je_kommune.items():
            ort = self.site.kommunen[name]
            zaehler.append(
                {
                    "name": name,
                    "anzahl": len(ms),
                    "href": relative_url(uri, urls.kommune(ort.slug)),
                    "box": area_box(ort),
                }
            )
        return zaehler

    def kommune(self, ort: Kommunendaten, uri: str, massnahmen: list[Massnahme]) -> str:
        """The map of a Kommune page: its outline and its measures only."""
        if not self.einstellungen.aktiv or not massnahmen:
            return ""
        # Its own few measures inline: fetching the overview's file would load every measure of the region.
        uebersicht = {
            "merkmale": karten_features(massnahmen),
            "basis": relative_url(uri, urls.MASSNAHMEN),
            "filter": None,
            "liste": None,
            "kommune": ort.name,
            "ags": self._ags(massnahmen),
        }
        ags = ort.ags
        box = union([area_box(ort), *(massnahme_box(m) for m in massnahmen)])
        optionen = basis_optionen(uri, hervorheben=[ags] if ags else [], ansicht=ansicht(box, ZOOM_GEBIET))
        return self._fragment(
            "karte_uebersicht.html.j2",
            uri,
            optionen,
            uebersicht=uebersicht,
            filter=None,
            anzahl=len(massnahmen),
            mit_filter=False,
            ort=ort,
            zusammengefasst=False,
        )

    def kommunen(self, uri: str, anzahlen: dict[str, int]) -> str:
        """The map of the Kommunen index: every outline, with the number of measures of each Kommune."""
        if not self.einstellungen.aktiv:
            return ""
        orte = sorted(self.site.kommunen.values(), key=lambda o: o.name)
        zahlen = {
            ags: {
                "name": o.name,
                "anzahl": anzahlen.get(o.name, 0),
                "href": relative_url(uri, urls.kommune(o.slug)) if anzahlen.get(o.name) else None,
            }
            for o in orte
            if (ags := o.ags)
        }
        box = union(area_box(o) for o in orte)
        optionen = basis_optionen(uri, anzahlen=zahlen, ansicht=ansicht(box, ZOOM_GEBIET))
        return self._fragment("karte_kommunen.html.j2", uri, optionen, gesamt=sum(anzahlen.values()))

    def zeichnen(self, uri: str) -> str:
        """The drawing map of the preview page "Lage zeichnen": the base map of the whole region, the consent box
        for the background tiles, and the drawing tools (assets/karte/lage-zeichnen.js) instead of Folium's map."""
        if not self.einstellungen.aktiv:
            return ""
        assets = asset_links(uri)
        optionen = basis_optionen(uri, ansicht=ansicht(region_box(), ZOOM_GEBIET))
        return self._html.get_template("karte_zeichnen.html.j2").render(
            optionen=optionen, assets=assets, teile=self._teile(assets)
        )

    @staticmethod
    def _ags(massnahmen: list[Massnahme]) -> dict[str, str]:
        # Kommune name -> AGS of its outline, for the measures known only by their Kommune.
        return {
            o.name: a
            for m in massnahmen
            if m.record.lage.genauigkeit == "Kommune"
            for o in m.kommunen[:1]
            if (a := o.ags)
        }

    def placeholder(self, uri: str) -> Markup:
        """What a page's Markdown carries where its map goes; '' when the page gets no map.

        The map HTML itself is put in by `insert` after Markdown and the search index have run:
        neither has anything to do with it, and parsing it there cost more than rendering it.
        """
        shown = self.einstellungen.aktiv and self._seiten.get(uri) is not None
        return Markup(PLACEHOLDER if shown else "")

    def insert(self, html: str, uri: str) -> str:
        """Replace the placeholder in the finished page of `uri` with its map."""
        if PLACEHOLDER not in html:
            return html
        render = self._seiten.get(uri)
        return html.replace(PLACEHOLDER, render() if render is not None and self.einstellungen.aktiv else "", 1)

    @functools.cached_property
    def _seiten(self) -> dict[str, Callable[[], str]]:
        # uri -> a function rendering that page's map.
        seiten: dict[str, Callable[[], str]] = {}
        by_ort = self.site.massnahmen_je_kommune
        alle = sorted(self.site.massnahmen, key=lambda m: m.slug)
        for m in alle:
            uri = urls.massnahme(m.slug)
            seiten[uri] = functools.partial(self.massnahme, m, uri)
        if alle:
            seiten[urls.MASSNAHMEN] = functools.partial(self.uebersicht, urls.MASSNAHMEN, alle)
        for name, massnahmen in by_ort.items():
            ort = self.site.kommunen[name]
            uri = urls.kommune(ort.slug)
            seiten[uri] = functools.partial(self.kommune, ort, uri, massnahmen)
        # Only the preview has this page (ogi.lage_zeichnen); a build without it never asks for its map.
        seiten[urls.LAGE_ZEICHNEN] = functools.partial(self.zeichnen, urls.LAGE_ZEICHNEN)
        if self.site.kommunen:
            seiten[urls.KOMMUNEN] = functools.partial(
                self.kommunen, urls.KOMMUNEN, {name: len(ms) for name, ms in by_ort.items()}
            )
        return seiten
