"""The Atom feed "Neu und geändert" (RFC 4287): the most recently checked records and events.

An entry's `updated` is the time of the last commit that changed its record file (gitdates.py, so each entry
has its own, and a rebuild of the same commit the same); outside a Git checkout, or for a file not yet
committed, the record's `datenstand` (the day its facts were checked) at midnight UTC. An event's is the newest
of its tagung.yml and its talks. Entry ids are URNs of UUIDv5 (talks: their schedule guid),
so they survive a move of the site to another address. Nothing depends on the clock: rebuilds are identical.
The XML comes from ElementTree (standard library), which escapes every text and attribute.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
import zoneinfo
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..events.veranstaltung import Veranstaltung
from ..model import urls
from ..model.site import Site
from ..records.projekt import Projekt
from ..records.tagung import Beitrag
from .exporte import Export, Umgebung

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
MAX_EINTRAEGE = 50  # a feed reader needs the recent changes, not the archive
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://www.rvr.ruhr/themen/oekologie-umwelt/gruene-infrastruktur/")
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")  # the day an entry is listed under on the page
TITEL = "Neu und geändert – Offensive Grüne Infrastruktur 2030"


class AtomFeed(Export):
    identifier = urls.FEED
    label = "Neu und geändert (Atom-Feed)"
    hinweis = "neue und geänderte Maßnahmen und Veranstaltungen, zum Abonnieren in einem Feedreader"

    def __init__(self, eintraege: Sequence[Eintrag] = ()) -> None:
        self.eintraege = eintraege  # what it lists, newest first: Build.feed_eintraege, made once per build

    def render(self, site: Site, umgebung: Umgebung) -> bytes:
        return atom_feed(site, self.eintraege, umgebung)


@dataclass(frozen=True)
class Eintrag:
    """One entry: a record or an event."""

    id: str
    titel: str
    art: str  # "Maßnahme", "Beitrag", "Veranstaltung"
    seite: str  # docs path of its page, e.g. "massnahmen/herne-x.md"
    updated: dt.datetime  # aware, UTC
    summary: str | None

    @property
    def path(self) -> str:
        """URL path of its page."""
        return urls.page_url(self.seite)


def eintraege(
    site: Site, events: list[Veranstaltung], history: Mapping[str, dt.datetime] | None = None
) -> list[Eintrag]:
    """Every record and event, newest first; ties in a stable order. `history`: record file -> last commit."""
    history = history or {}

    def changed(source: str, datenstand: dt.date) -> dt.datetime:
        committed = history.get(source)
        if committed is not None:
            return committed.astimezone(dt.UTC)
        return dt.datetime.combine(datenstand, dt.time(), dt.UTC)

    def eintrag(guid: object, art: str, seite: str, source: str, record: Projekt | Beitrag) -> Eintrag:
        changed_at = changed(source, record.datenstand)
        return Eintrag(f"urn:uuid:{guid}", record.titel, art, seite, changed_at, record.kurzbeschreibung)

    entries = [
        eintrag(uuid.uuid5(NAMESPACE, "massnahme:" + m.slug), "Maßnahme", urls.massnahme(m.slug), m.source, m.record)
        for m in site.massnahmen
    ]
    for event in events:
        talks = [
            eintrag(event.guid("event", v.slug), "Beitrag", event.page(v.slug), v.source, v.record)
            for v in event.vortraege
        ]
        newest = max([changed(event.source, event.record.datenstand), *(t.updated for t in talks)])
        entries.append(
            Eintrag(
                f"urn:uuid:{event.guid('veranstaltung', event.uri)}",
                event.record.titel,
                "Veranstaltung",
                event.page(),
                newest,
                event.record.kurzbeschreibung,
            )
        )
        entries += talks
    return sorted(entries, key=lambda e: (-e.updated.timestamp(), e.art, e.titel.casefold(), e.id))


def neueste(site: Site, events: list[Veranstaltung], history: Mapping[str, dt.datetime] | None = None) -> list[Eintrag]:
    """What the feed and the page "Neu und geändert" list: the MAX_EINTRAEGE newest entries."""
    return eintraege(site, events, history)[:MAX_EINTRAEGE]


def nach_tagen(entries: Sequence[Eintrag]) -> list[tuple[dt.date, list[Eintrag]]]:
    """The entries grouped by day (in Germany), newest first: the page "Neu und geändert" for people."""
    tage: dict[dt.date, list[Eintrag]] = {}
    for e in entries:
        tage.setdefault(e.updated.astimezone(BERLIN).date(), []).append(e)
    return list(tage.items())


def atom_feed(site: Site, entries: Sequence[Eintrag], umgebung: Umgebung) -> bytes:
    """The feed document (UTF-8 XML) listing `entries` (neueste(): each dated as the module's docstring says)."""
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": "de"})
    _text(feed, "id", f"urn:uuid:{uuid.uuid5(NAMESPACE, 'feed')}")
    _text(feed, "title", TITEL)
    _text(feed, "subtitle", "Neue und geänderte Maßnahmen, Beiträge und Veranstaltungen, nach dem Stand der Daten")
    _text(feed, "updated", _moment(max((e.updated for e in entries), default=umgebung.erstellt)))
    author = ET.SubElement(feed, "author")
    _text(author, "name", site.anbieter)
    ET.SubElement(feed, "link", rel="self", type=AtomFeed.content_type, href=umgebung.link(urls.FEED, urls.FEED))
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=umgebung.link(urls.HOME, urls.FEED))
    for e in entries:
        entry = ET.SubElement(feed, "entry")
        _text(entry, "id", e.id)
        _text(entry, "title", f"{e.art}: {e.titel}")
        _text(entry, "updated", _moment(e.updated))
        ET.SubElement(entry, "link", rel="alternate", type="text/html", href=umgebung.link(e.path, urls.FEED))
        if e.summary:
            _text(entry, "summary", e.summary)
    ET.indent(feed)
    text: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=False)  # bytes for any encoding but "unicode"
    return XML_DECLARATION + text + b"\n"


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = text


def _moment(moment: dt.datetime) -> str:
    """RFC 3339 date-time in UTC, to the second."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
