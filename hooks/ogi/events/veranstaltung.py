"""One event of the archive as the pages and exports read it: its records, programme, speakers and addresses.

Every exporter takes one `Veranstaltung`, so a second event needs only a second object, not new exporters.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from functools import cached_property
from zoneinfo import ZoneInfo

from ..model import urls
from ..model.site import Site, Veranstaltungsdaten, Vortrag
from ..records.slugs import slugify
from ..records.tagung import Tagung
from .anhaenge import Datei, datei
from .programm import (
    Auftritt,
    ProgrammTag,
    Referent,
    distinct_roles,
    normalised_name,
    programme,
    sort_key,
    speakers,
)

# guids must not change when the site moves to another host, so they hang off an address at the operator:
# one per folder name (the folder is the address of the event's pages, so it stays), or the address an
# event's guids were first published under, which its tagung.yml names (`kennungen_basis`).
NAMESPACE_BASE = "https://www.rvr.ruhr/themen/oekologie-umwelt/gruene-infrastruktur/#veranstaltung-"


def guid_namespace(daten: Veranstaltungsdaten) -> uuid.UUID:
    """The namespace of the guids of an event's talks, persons and rooms (UUIDv5)."""
    basis = daten.tagung.kennungen_basis
    return uuid.uuid5(uuid.NAMESPACE_URL, str(basis) if basis else NAMESPACE_BASE + daten.ordner)


@dataclass(frozen=True)
class Veranstaltung:
    """An event with everything derived from its records once per build."""

    uri: str  # folder of its pages and files in the site, e.g. "fachtag-2025"
    acronym: str  # c3voc acronym: lower case, digits, "_" (no hyphen after the first character)
    namespace: uuid.UUID  # guids of talks, persons and rooms are UUIDv5 in this namespace
    record: Tagung
    source: str  # tagung.yml, for edit links
    site: Site  # attachments are looked up in its content folder
    daten: Veranstaltungsdaten  # the loaded records (tagung and talks)
    programm: tuple[ProgrammTag, ...]
    referierende: tuple[Referent, ...]

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.record.zeitzone)

    # Derived once per event on first use (the dataclass is frozen; cached_property writes past that).

    @cached_property
    def vortraege(self) -> list[Vortrag]:
        """All talks in programme order."""
        return [v for tag in self.programm for block in tag.bloecke for v in block.vortraege]

    @cached_property
    def session_vortraege(self) -> dict[str, list[Vortrag]]:
        """Session id -> its talks in programme order."""
        return {
            block.session.id: block.vortraege
            for tag in self.programm
            for block in tag.bloecke
            if block.session is not None
        }

    @cached_property
    def datenstand(self) -> dt.date:
        """The newest `datenstand` of the event and its talks."""
        return max([self.record.datenstand] + [v.record.datenstand for v in self.vortraege])

    @cached_property
    def anker(self) -> dict[str, str]:
        """normalised speaker name -> anchor on the speaker index."""
        return {normalised_name(r.name): r.anker for r in self.referierende}

    def guid(self, kind: str, key: str) -> uuid.UUID:
        """Stable UUIDv5 of a record: guid('event', 'workshop-klimaanpassung')."""
        return uuid.uuid5(self.namespace, f"{kind}:{key}")

    def page(self, name: str = "index") -> str:
        """Docs path of one of its pages: page('workshop-x') -> 'fachtag-2025/workshop-x.md'."""
        return urls.event_page(self.uri, name)

    def page_path(self, name: str = "index") -> str:
        """URL path of one of its pages, relative to the site root: 'fachtag-2025/workshop-x/'."""
        return urls.page_url(self.page(name))

    def file(self, name: str) -> str:
        """Docs path of one of its files: file('schedule.xml') -> 'fachtag-2025/schedule.xml'."""
        return urls.event_file(self.uri, name)

    def anhaenge(self, v: Vortrag) -> list[Datei]:
        """The talk's attachments that exist (a missing one is a content error shown while serving)."""
        return [d for d in (datei(self.site, a.titel, a.datei, self.uri) for a in v.record.anhaenge) if d is not None]

    def datei(self, titel: str, name: str) -> Datei | None:
        """One of the event's files (e.g. its documentation), None while it is missing."""
        return datei(self.site, titel, name, self.uri)


def veranstaltung(site: Site, daten: Veranstaltungsdaten) -> Veranstaltung:
    """The event of one loaded folder, with its programme and speakers derived once."""
    return Veranstaltung(
        uri=daten.ordner,
        acronym="ogi_" + daten.ordner.replace("-", "_"),
        namespace=guid_namespace(daten),
        record=daten.tagung,
        source=daten.source,
        site=site,
        daten=daten,
        programm=tuple(programme(daten)),
        referierende=tuple(speakers(daten)),
    )


def veranstaltungen(site: Site) -> list[Veranstaltung]:
    """Every event of the archive, oldest first."""
    return [veranstaltung(site, daten) for daten in site.veranstaltungen]


@dataclass(frozen=True)
class Person:
    """One speaker across all events, with an anchor on the index of all speakers."""

    name: str
    anker: str
    auftritte: tuple[tuple[Veranstaltung, Auftritt], ...]

    @property
    def rollen(self) -> list[str]:
        """The distinct 'Funktion, Organisation' texts of all talks, oldest event first."""
        return distinct_roles(a.person for _, a in self.auftritte)


def alle_referierenden(events: list[Veranstaltung]) -> list[Person]:
    """Every speaker of every event once (same normalised name), sorted by surname."""
    by_name: dict[str, list[tuple[Veranstaltung, Auftritt]]] = {}
    for event in sorted(events, key=lambda e: e.record.tage[0].datum):
        for referent in event.referierende:
            by_name.setdefault(normalised_name(referent.name), []).extend((event, a) for a in referent.auftritte)
    result: list[Person] = []
    used: set[str] = set()
    for key in sorted(by_name, key=lambda k: (sort_key(by_name[k][0][1].person.name), k)):
        name = " ".join(by_name[key][0][1].person.name.split())
        anker = base = "person-" + (slugify(name) or "ohne-namen")
        number = 2
        while anker in used:
            anker, number = f"{base}-{number}", number + 1
        used.add(anker)
        result.append(Person(name, anker, tuple(by_name[key])))
    return result
