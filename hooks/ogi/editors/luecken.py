"""What readers ask for and the records do not say yet: the editors' page "Was noch fehlt".

Reader pages stay quiet where a fact is unknown (DESIGN: "readers' questions are fields"); this list tells
the editors, who alone can close the gaps, which record lacks which fact and where the guide says how to add
it. It is read from the records at build time, so it is never out of date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import urls
from ..model.site import Massnahme, Site, Veranstaltungsdaten, Vortrag
from ..records.models import Quelle

PAGE = "redaktion/was-noch-fehlt.md"  # the guide page that carries the list (its marker: ogi:was-noch-fehlt)


@dataclass(frozen=True)
class Eintrag:
    """One record with one missing fact."""

    titel: str
    seite: str  # docs path of the record's page
    datei: str  # the record's file, e.g. content/projects/x.yml
    angabe: str = ""  # what is known so far, or how much is missing


@dataclass(frozen=True)
class Luecke:
    """One kind of missing fact, with every record that lacks it."""

    anker: str  # its section on the page
    titel: str
    warum: str  # what readers miss, in one sentence
    anleitung: str  # the guide's section on how to add it, a path inside docs/redaktion/
    eintraege: tuple[Eintrag, ...]

    @property
    def anleitung_titel(self) -> str:
        """The guide section's name, as the link to it says."""
        return ANLEITUNGEN[self.anleitung]


# The guide's sections that say how to add each fact, by their path (the link text names them).
ANLEITUNGEN = {
    "belegen.md#fertigstellung": "Belegen: Fertigstellung",
    "massnahme.md#lage": "Maßnahme: Lage und Karte",
    "massnahme.md#traeger": "Maßnahme: Träger",
    "bilder.md": "Bilder",
    "belegen.md#status": "Belegen: Status",
    "beitrag.md#anhaenge": "Beitrag: Folien und Dokumente",
    "belegen.md#programmstand": "Belegen: Angekündigt oder berichtet",
    "belegen.md#quellen": "Belegen: Quellen",
}


def luecken(site: Site, heute: dt.date) -> list[Luecke]:
    """Every kind of gap, in the order of the page; a kind without gaps stays in the list with no entries."""
    massnahmen = site.massnahmen_sortiert
    events = site.veranstaltungen
    talks = [(event, talk) for event in events for talk in sorted(event.vortraege, key=lambda v: v.record.titel)]
    return [
        Luecke(
            "fertigstellung",
            "Abgeschlossen, aber ohne Datum der Fertigstellung",
            "Lesende fragen, wann eine Maßnahme fertig wurde.",
            "belegen.md#fertigstellung",
            _measures(massnahmen, lambda m: m.record.status == "abgeschlossen" and m.record.fertigstellung is None),
        ),
        Luecke(
            "lage",
            "Ohne genaue Lage",
            "Lesende fragen, wo genau die Maßnahme liegt.",
            "massnahme.md#lage",
            _measures(massnahmen, lambda m: m.record.lage.genauigkeit != "exakt", _precision),
        ),
        Luecke(
            "traeger",
            "Ohne Träger",
            "Lesende fragen, wer die Maßnahme umsetzt und wen sie fragen können.",
            "massnahme.md#traeger",
            _measures(massnahmen, lambda m: m.record.traeger is None),
        ),
        Luecke(
            "bilder",
            "Ohne Bilder",
            "Lesende wollen sehen, wie die Maßnahme aussieht.",
            "bilder.md",
            _measures(massnahmen, lambda m: not m.record.bilder),
        ),
        Luecke(
            "abschlussbilanz",
            "Status nur aus der Abschlussbilanz des Programms",
            "Der Stand beruht nur auf der Bilanz des ganzen Programms, nicht auf einer Quelle zur Maßnahme.",
            "belegen.md#status",
            _measures(
                massnahmen,
                lambda m: m.record.status_beleg is not None and m.record.status_beleg.art == "Abschlussbilanz",
            ),
        ),
        Luecke(
            "folien",
            "Beiträge ohne Folien, Dokument oder Video",
            "Lesende suchen, was in einem Beitrag gezeigt und gesagt wurde.",
            "beitrag.md#anhaenge",
            tuple(
                _talk(event, talk) for event, talk in talks if not talk.record.anhaenge and talk.record.video is None
            ),
        ),
        Luecke(
            "dokumentation",
            "Veranstaltungen ohne Dokumentation",
            "Lesende suchen die Dokumentation einer Veranstaltung.",
            "beitrag.md#anhaenge",
            tuple(_event(event) for event in events if event.tagung.dokumentation is None),
        ),
        Luecke(
            "programmstand",
            "Vorbei, aber noch „angekündigt“",
            "Die Seiten sprechen noch von Geplantem, obwohl die Veranstaltung vorbei ist.",
            "belegen.md#programmstand",
            tuple(
                _event(event, f"letzter Tag {_last_day(event):%d.%m.%Y}")
                for event in events
                if event.tagung.programmstand == "angekündigt" and _last_day(event) < heute
            ),
        ),
        Luecke(
            "archiv",
            "Quellen ohne archivierte Fassung",
            "Seiten im Netz verschwinden; eine archivierte Fassung hält die Quelle auffindbar.",
            "belegen.md#quellen",
            tuple(_unarchived(massnahmen, events, talks)),
        ),
    ]


def _measures(
    massnahmen: Iterable[Massnahme],
    missing: Callable[[Massnahme], bool],
    angabe: Callable[[Massnahme], str] = lambda m: "",
) -> tuple[Eintrag, ...]:
    return tuple(Eintrag(m.record.titel, urls.massnahme(m.slug), m.source, angabe(m)) for m in massnahmen if missing(m))


def _precision(m: Massnahme) -> str:
    return "nur die Kommune" if m.record.lage.genauigkeit == "Kommune" else "ungefähr"


def _talk(event: Veranstaltungsdaten, talk: Vortrag, angabe: str = "") -> Eintrag:
    return Eintrag(
        talk.record.titel, urls.event_page(event.ordner, talk.slug), talk.source, angabe or event.tagung.titel
    )


def _event(event: Veranstaltungsdaten, angabe: str = "") -> Eintrag:
    return Eintrag(event.tagung.titel, urls.event_page(event.ordner), event.source, angabe)


def _last_day(event: Veranstaltungsdaten) -> dt.date:
    return max(tag.datum for tag in event.tagung.tage)


def _unarchived(
    massnahmen: list[Massnahme], events: list[Veranstaltungsdaten], talks: list[tuple[Veranstaltungsdaten, Vortrag]]
) -> Iterable[Eintrag]:
    """Records with a source on the web that has no archived copy, with how many of their sources lack one."""

    def count(quellen: list[Quelle]) -> str:
        online = [q for q in quellen if q.url is not None]
        missing = sum(1 for q in online if q.archiv_url is None)
        return f"{missing} von {len(online)} {'Quelle' if len(online) == 1 else 'Quellen'}" if missing else ""

    for m in massnahmen:
        if angabe := count(m.record.quellen):
            yield Eintrag(m.record.titel, urls.massnahme(m.slug), m.source, angabe)
    for event in events:
        if angabe := count(event.tagung.quellen):
            yield _event(event, angabe)
    for event, talk in talks:
        if angabe := count(talk.record.quellen):
            yield _talk(event, talk, angabe)
