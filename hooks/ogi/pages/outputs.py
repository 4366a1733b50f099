"""Everything the generator adds to the site: pages from records, copied files and exports."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath

import jinja2

from ..editors.cms import cms_outputs
from ..editors.lage_zeichnen import drawing_outputs
from ..events.pages import EVENT_EXPORTS, archive_outputs, event_outputs
from ..maps import KartenEinstellungen, asset_outputs, karten_daten
from ..model import urls
from ..model.build import Build
from ..model.foerdersummen import foerder_outputs
from ..model.output import Output
from ..model.site import Kommunendaten, Massnahme, Site, kreis_order
from ..opendata.exporte import Export
from ..opendata.feed import MAX_EINTRAEGE, AtomFeed, nach_tagen
from ..opendata.katalog import KatalogTurtle, datensaetze
from ..opendata.projekte import downloads_fragment, export_outputs
from ..records.bilder import Fassung, UnreadableImage, fassungen, size_problem
from ..records.files import IMAGES, published_file
from ..records.layout import (
    CONTENT_DIR,
    IMAGES_DIR,
    PROJECTS_DIR,
    RESERVED_PROJECT_NAMES,
    RESERVED_TALK_NAMES,
    TAGUNG_FILE,
)
from ..records.models import slug_is_valid
from ..records.projekt import Bild
from .regionbild import region_svg

GENAUIGKEIT_TEXT = {
    "exakt": "genaue Lage",
    "ungefähr": "ungefähre Lage",
    "Kommune": "genaue Lage nicht bekannt; die Karte zeigt das Gebiet der Kommune",
}


def build_outputs(
    build: Build | Site,
    site_url: str = "",
    einstellungen: KartenEinstellungen | None = None,
    erstellt: dt.datetime | None = None,
) -> list[Output]:
    """All generated pages and files, in a stable order.

    hooks/site.py passes its `Build` (whose maps it later puts into the pages); tests and bench/ may pass a
    Site with the address `site_url` (makes the exports' URLs absolute), map `einstellungen` and build time.
    """
    if isinstance(build, Site):
        build = Build(build, site_url, erstellt, einstellungen or KartenEinstellungen())
    site, env, maps, umgebung = build.site, build.env, build.karten, build.umgebung
    exports = export_outputs(site, umgebung)
    events = build.veranstaltungen
    tagung: list[Output] = []
    event_files = []
    for event in events:
        files = list(event_outputs(event, env, umgebung))
        by_uri = {o.uri: o for o in files}
        event_files.append((event, [(e, by_uri[event.file(e.identifier)]) for e in EVENT_EXPORTS]))
        tagung += files
    katalog = Output(urls.KATALOG, KatalogTurtle(datensaetze(site, exports, event_files)).render(site, umgebung))
    feed = Output(urls.FEED, AtomFeed(build.feed_eintraege).render(site, umgebung))
    weitere: list[tuple[type[Export], Output]] = [(KatalogTurtle, katalog), (AtomFeed, feed)]

    outputs: list[Output] = []
    outputs += massnahmen_pages(build, exports, weitere)
    outputs += kommunen_pages(build)
    outputs += asset_outputs(maps.einstellungen)
    if maps.einstellungen.aktiv:
        # the overview map's points: its own small file (with the list's rows above the overview's limit)
        outputs += karten_daten(site.massnahmen_sortiert, maps.einstellungen.zusammengefasst(len(site.massnahmen)))
    outputs += [output for _, output in exports]
    outputs += [katalog, feed]
    outputs.append(
        Output(
            urls.NEU,
            env.get_template("neu.md.j2").render(
                seite=urls.NEU, tage=nach_tagen(build.feed_eintraege), anzahl=MAX_EINTRAEGE
            ),
        )
    )
    outputs += archive_outputs(events, env)
    outputs += tagung
    outputs.append(Output(urls.REGION_SVG, content=region_svg(site)))  # the start page's overview picture
    outputs += foerder_outputs(build.foerdersummen)
    outputs += drawing_outputs(build)  # only while serving: an editors' tool, never published
    outputs += cms_outputs(build)  # the editing page with its configuration generated from the models
    outputs += error_pages(site, env, {o.uri for o in outputs})
    return outputs


def record_page(source: str) -> str | None:
    """The page a record file becomes, e.g. content/projects/x.yml -> massnahmen/x.md; None for others."""
    path = PurePosixPath(source)
    if path.suffix != ".yml" or not slug_is_valid(path.stem):
        return None
    if str(path.parent) == PROJECTS_DIR and path.stem not in RESERVED_PROJECT_NAMES:
        return urls.massnahme(path.stem)
    # Any other folder of content/ is an event (content/<ordner>/tagung.yml).
    if (
        path.parent.parent == PurePosixPath(CONTENT_DIR)
        and str(path.parent) != PROJECTS_DIR
        and path.name != TAGUNG_FILE
        and path.stem not in RESERVED_TALK_NAMES
    ):
        return urls.event_page(path.parent.name, path.stem)
    return None


def error_pages(site: Site, env: jinja2.Environment, taken: set[str]) -> Iterable[Output]:
    """While serving with content errors: a faulty record's own address shows its errors, not a 404."""
    for source in sorted({e.path for e in site.errors}):
        uri = record_page(source)
        if uri is not None and uri not in taken:
            yield Output(uri, env.get_template("fehlerseite.md.j2").render(source=source), source=source)


def massnahmen_pages(
    build: Build, exports: Sequence[tuple[type[Export], Output]], weitere: Sequence[tuple[type[Export], Output]] = ()
) -> Iterable[Output]:
    site, env, maps = build.site, build.env, build.karten
    massnahmen = site.massnahmen_sortiert
    anbieter = site.anbieter
    yield Output(
        urls.MASSNAHMEN,
        env.get_template("massnahmen.md.j2").render(
            seite=urls.MASSNAHMEN,
            massnahmen=massnahmen,
            karte=maps.placeholder(urls.MASSNAHMEN),
            foerderung=build.foerdersummen,
            zusammengefasst=maps.einstellungen.zusammengefasst(len(massnahmen)),
            gruppen=kommunen_gruppen(site),
            downloads=downloads_fragment(env, exports, urls.MASSNAHMEN, anbieter, len(massnahmen), weitere),
        ),
    )
    page = env.get_template("massnahme.md.j2")
    for m in massnahmen:
        uri = urls.massnahme(m.slug)
        bilder = list(massnahme_bilder(site, m))
        yield Output(
            uri,
            page.render(seite=uri, m=m, bilder=bilder, genauigkeit=GENAUIGKEIT_TEXT, karte=maps.placeholder(uri)),
            source=m.source,
        )
        for _, groessen in bilder:
            yield from (Output(f.uri, content=f.daten, source=m.source) for f in groessen)


def massnahme_bilder(site: Site, m: Massnahme) -> Iterable[tuple[Bild, list[Fassung]]]:
    """Each image of a measure with its published sizes, made from the file (never copied).

    While serving with a content error, an image with a problem is left out instead of stopping the build.
    """
    for bild in m.record.bilder:
        path = published_file(site.root, IMAGES_DIR, bild.datei, IMAGES)
        if path is None or size_problem(path, bild.datei)[0]:
            continue
        try:
            yield bild, fassungen(path, bild.datei)
        except UnreadableImage:
            continue


def kommunen_gruppen(site: Site) -> list[tuple[str, list[tuple[Kommunendaten, int]]]]:
    """Per Kreis (in the site's order), its Kommunen with measures by name, each with its number of measures."""
    by_ort = site.massnahmen_je_kommune
    groups: dict[str, list[tuple[Kommunendaten, int]]] = defaultdict(list)
    for ort in site.kommunen.values():
        if ort.name in by_ort:
            groups[ort.kreis].append((ort, len(by_ort[ort.name])))
    ordered = sorted(groups.items(), key=lambda item: kreis_order(item[0]))
    return [(k, sorted(v, key=lambda x: x[0].name)) for k, v in ordered]


def kommunen_pages(build: Build) -> Iterable[Output]:
    site, env, maps = build.site, build.env, build.karten
    by_ort = site.massnahmen_je_kommune
    without = [o for o in site.kommunen.values() if o.name not in by_ort]
    yield Output(
        urls.KOMMUNEN,
        env.get_template("kommunen.md.j2").render(
            seite=urls.KOMMUNEN,
            gruppen=kommunen_gruppen(site),
            ohne=sorted(without, key=lambda o: o.name),
            datei=site.kommunen_datei,
            foerderung=build.foerdersummen,
            karte=maps.placeholder(urls.KOMMUNEN),
        ),
        source="content/kommunen.yml",
    )
    page = env.get_template("kommune.md.j2")
    for name, massnahmen in by_ort.items():
        ort = site.kommunen[name]
        uri = urls.kommune(ort.slug)
        yield Output(
            uri,
            page.render(
                seite=uri, ort=ort, massnahmen=massnahmen, karte=maps.placeholder(uri), foerderung=build.foerdersummen
            ),
        )
