"""The conference programme and its speakers, derived from the loaded records (no rendering here)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..model.site import Veranstaltungsdaten, Vortrag
from ..records.slugs import slugify
from ..records.tagung import Person, Session, Tag


@dataclass(frozen=True)
class Block:
    """A session of one day with its talks; `session` is None for talks outside any session."""

    session: Session | None
    vortraege: list[Vortrag]


@dataclass(frozen=True)
class ProgrammTag:
    """One day of the event with its blocks in programme order."""

    tag: Tag
    bloecke: list[Block]


@dataclass(frozen=True)
class Auftritt:
    """One talk of a speaker, with the role given in that talk's record."""

    vortrag: Vortrag
    person: Person


@dataclass(frozen=True)
class Referent:
    """One person across all talks (same normalised name), with an anchor on the speaker index."""

    name: str
    anker: str
    auftritte: list[Auftritt]

    @property
    def rollen(self) -> list[str]:
        """The distinct 'Funktion, Organisation' texts of all talks, in programme order."""
        return distinct_roles(a.person for a in self.auftritte)


def distinct_roles(people: Iterable[Person]) -> list[str]:
    """'Funktion, Organisation' of each record of one speaker, each part and each role said once.

    A role whose parts another role already names ('Emschergenossenschaft' beside 'Vorstand,
    Emschergenossenschaft') is left out, as is a part repeated in one record; case and spacing do not count.
    """
    roles: list[tuple[str, frozenset[str]]] = []
    for person in people:
        parts: dict[str, str] = {}
        for part in (person.funktion, person.organisation):
            if part:
                parts.setdefault(normalised_name(part), part)
        if parts:
            roles.append((", ".join(parts.values()), frozenset(parts)))
    kept: list[str] = []
    seen: set[frozenset[str]] = set()
    for text, key in roles:
        if key in seen or any(key < other for _, other in roles):
            continue
        seen.add(key)
        kept.append(text)
    return kept


def programme(event: Veranstaltungsdaten) -> list[ProgrammTag]:
    """Days in order, each with its sessions (in the order of tagung.yml) and their talks in programme order."""
    result = []
    for tag in event.tagung.tage:
        talks = sorted((v for v in event.vortraege if v.tag.datum == tag.datum), key=programme_order)
        blocks = [Block(s, [v for v in talks if v.session == s]) for s in event.tagung.sessions if s.tag == tag.datum]
        loose = [v for v in talks if v.session is None]
        if loose:
            blocks.insert(0, Block(None, loose))
        result.append(ProgrammTag(tag, blocks))
    return result


def programme_order(v: Vortrag) -> tuple[str, int, str]:
    """Known times first in time order; then the editors' `reihenfolge`; then the file name."""
    return (v.record.beginn or "99:99", v.record.reihenfolge if v.record.reihenfolge is not None else 10**6, v.slug)


def talks_in_order(event: Veranstaltungsdaten) -> list[Vortrag]:
    """All talks in the order the programme shows them."""
    return [v for tag in programme(event) for block in tag.bloecke for v in block.vortraege]


def normalised_name(name: str) -> str:
    """The identity of a speaker: Unicode-normalised, whitespace collapsed, case folded."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def _fold(text: str) -> str:
    # German index order (DIN 5007-1): umlauts sort as their base letter, ß as ss.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sort_key(name: str) -> tuple[str, str]:
    """Sort by surname (the last word of the name), then by the whole name."""
    words = name.split()
    return (_fold(words[-1]) if words else "", _fold(name))


def speakers(event: Veranstaltungsdaten) -> list[Referent]:
    """Every speaker once, sorted by surname, with their talks in programme order."""
    by_name: dict[str, list[Auftritt]] = {}
    for v in talks_in_order(event):
        for person in v.record.referierende:
            by_name.setdefault(normalised_name(person.name), []).append(Auftritt(v, person))
    ordered = sorted(
        by_name.values(),
        key=lambda auftritte: (sort_key(auftritte[0].person.name), normalised_name(auftritte[0].person.name)),
    )
    result: list[Referent] = []
    used: set[str] = set()
    for auftritte in ordered:
        name = " ".join(auftritte[0].person.name.split())
        anker = base = "person-" + (slugify(name) or "ohne-namen")
        number = 2
        while anker in used:  # "Müller" and "Mueller" are two people with one slug
            anker, number = f"{base}-{number}", number + 1
        used.add(anker)
        result.append(Referent(name, anker, auftritte))
    return result
