"""Everything the generator adds to the site: pages from records, copied files and exports."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import jinja2

from .content import ATTACHMENTS_DIR, IMAGES_DIR, Massnahme, Site, Vortrag
from .models import Session, Tag
from .render import environment

GENAUIGKEIT_TEXT = {
    "exakt": "genaue Lage",
    "ungefähr": "ungefähre Lage",
    "Kommune": "genaue Lage nicht bekannt; die Karte zeigt die Ortsmitte der Kommune",
}


@dataclass(frozen=True)
class Output:
    """One file of the site: Markdown to render, or a file to publish as it is."""

    uri: str  # path inside the docs tree, e.g. "massnahmen/herne-goerresstrasse.md"
    content: str | bytes | None = None
    path: Path | None = None  # a file on disk to publish unchanged
    source: str | None = None  # the content file it comes from, for the edit link


@dataclass(frozen=True)
class ProgrammTag:
    tag: Tag
    bloecke: list["Block"]


@dataclass(frozen=True)
class Block:
    session: Session | None
    vortraege: list[Vortrag]


def build_outputs(site: Site) -> list[Output]:
    """All generated pages and files, in a stable order."""
    env = environment()
    outputs: list[Output] = []
    outputs += massnahmen_pages(site, env)
    outputs += kommunen_pages(site, env)
    outputs += tagung_pages(site, env)
    return outputs


def sorted_massnahmen(site: Site) -> list[Massnahme]:
    return sorted(site.massnahmen, key=lambda m: (m.orte[0].name, m.record.titel.casefold()))


def massnahmen_pages(site: Site, env: jinja2.Environment) -> Iterable[Output]:
    massnahmen = sorted_massnahmen(site)
    yield Output("massnahmen/index.md", env.get_template("massnahmen.md.j2").render(
        massnahmen=massnahmen, karte="", downloads=""))
    page = env.get_template("massnahme.md.j2")
    for m in massnahmen:
        yield Output(f"massnahmen/{m.slug}.md", page.render(m=m, genauigkeit=GENAUIGKEIT_TEXT, karte=""), source=m.source)
        for bild in m.record.bilder:
            yield Output(f"massnahmen/bilder/{bild.datei}", path=site.root / IMAGES_DIR / bild.datei)


def kommunen_pages(site: Site, env: jinja2.Environment) -> Iterable[Output]:
    by_ort: dict[str, list[Massnahme]] = defaultdict(list)
    for m in sorted_massnahmen(site):
        for ort in m.orte:
            by_ort[ort.name].append(m)
    groups: dict[str, list] = defaultdict(list)
    for ort in site.kommunen.values():
        if ort.name in by_ort:
            groups[ort.kreis].append((ort, len(by_ort[ort.name])))
    ordered = sorted(groups.items(), key=lambda item: (item[0] != "Kreisfreie Städte", item[0]))
    without = [o for o in site.kommunen.values() if o.name not in by_ort]
    yield Output("kommunen/index.md", env.get_template("kommunen.md.j2").render(
        gruppen=[(k, sorted(v, key=lambda x: x[0].name)) for k, v in ordered],
        ohne=sorted(without, key=lambda o: o.name)), source="content/kommunen.yml")
    page = env.get_template("kommune.md.j2")
    for name, massnahmen in sorted(by_ort.items()):
        ort = site.kommunen[name]
        yield Output(f"kommunen/{ort.slug}.md", page.render(ort=ort, massnahmen=massnahmen, karte=""))


def programme(site: Site) -> list[ProgrammTag]:
    """Days in order, each with its sessions and the talks in programme order."""
    assert site.tagung is not None
    result = []
    for tag in site.tagung.tage:
        talks = sorted((v for v in site.vortraege if v.tag.datum == tag.datum), key=_programme_order)
        blocks = [Block(s, [v for v in talks if v.session == s]) for s in site.tagung.sessions if s.tag == tag.datum]
        loose = [v for v in talks if v.session is None]
        if loose:
            blocks.insert(0, Block(None, loose))
        result.append(ProgrammTag(tag, blocks))
    return result


def _programme_order(v: Vortrag) -> tuple:
    # Known times first in time order; then the editors' order; then the file name.
    return (v.record.beginn or "99:99", v.record.reihenfolge if v.record.reihenfolge is not None else 10**6, v.slug)


def tagung_pages(site: Site, env: jinja2.Environment) -> Iterable[Output]:
    if site.tagung is None:
        return
    doc = site.tagung.dokumentation
    doc_href = ""
    if doc and doc.datei:
        doc_href = f"anhaenge/{doc.datei}"
        yield Output(f"tagung-2020/anhaenge/{doc.datei}", path=site.root / ATTACHMENTS_DIR / doc.datei)
    yield Output("tagung-2020/index.md", env.get_template("tagung.md.j2").render(
        t=site.tagung, programm=programme(site), dokumentation_href=doc_href), source=site.tagung_source)
    page = env.get_template("beitrag.md.j2")
    for v in sorted(site.vortraege, key=lambda v: v.slug):
        anhaenge = [_attachment_link(site, a) for a in v.record.anhaenge]
        yield Output(f"tagung-2020/{v.slug}.md", page.render(v=v, anhaenge=anhaenge), source=v.source)
        for a in v.record.anhaenge:
            yield Output(f"tagung-2020/anhaenge/{a.datei}", path=site.root / ATTACHMENTS_DIR / a.datei)


@dataclass(frozen=True)
class AttachmentLink:
    titel: str
    format: str
    groesse: str
    href: str


def _attachment_link(site: Site, anhang) -> AttachmentLink:
    path = site.root / ATTACHMENTS_DIR / anhang.datei
    return AttachmentLink(anhang.titel, path.suffix.lstrip(".").upper() or "Datei",
                          human_size(path.stat().st_size), f"anhaenge/{anhang.datei}")


def human_size(size: int) -> str:
    """2400000 -> '2,3 MB' (German decimal comma)."""
    if size < 1024:
        return f"{size} Byte"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
