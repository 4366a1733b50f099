"""The linked site model: the records joined to each other (Kommunen, measures, events, talks), with the
wording and lists derived from them once. The pages, maps and exports read only this."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..pages.render import euro, zahl
from ..records.betreiber import Betreiber
from ..records.dates import TeilDatum
from ..records.errors import ContentError, ContentErrors
from ..records.kommunen import ags_of
from ..records.layout import attachments_dir
from ..records.models import (
    FoerdersummenDatei,
    Kommune,
    KommunenDatei,
    MeilensteineDatei,
)
from ..records.projekt import Projekt
from ..records.tagung import Beitrag, Session, Tag, Tagung
from ..records.yamlfile import YamlFile
from .verlauf import Schritt, schritte

KREISFREI = "Kreisfreie Städte"  # the group of the Kommunen without a Kreis; listed first
# Who provides the site and its data while content/betreiber.yml is missing (a fresh or minimal site).
ANBIETER_STANDARD = "Regionalverband Ruhr"


@dataclass(frozen=True)
class Kommunendaten:
    """A Kommune of content/kommunen.yml as the site links it: its address (slug) and Kreis label.

    Not to be confused with `Lage.ort`, a place in words (street, park) inside a Kommune.
    """

    kommune: Kommune
    slug: str

    @property
    def name(self) -> str:
        return self.kommune.name

    @property
    def kreis(self) -> str:
        return self.kommune.kreis or KREISFREI

    @property
    def ags(self) -> str | None:
        """Its Amtlicher Gemeindeschlüssel: the key of its outline on the base map (None for a name not on it)."""
        return ags_of(self.kommune.name)

    @property
    def kreis_text(self) -> str:
        """The Kreis by name, or 'kreisfreie Stadt': the group label 'Kreisfreie Städte' is no Kreis."""
        return self.kommune.kreis or "kreisfreie Stadt"


def kreis_order(kreis: str) -> tuple[bool, str]:
    """Sort key of Kreis groups: the kreisfreie Städte first, then the Kreise by name."""
    return (kreis != KREISFREI, kreis)


@dataclass(frozen=True)
class Massnahme:
    """A measure record with what the site derives from it."""

    slug: str
    source: str
    record: Projekt
    kommunen: tuple[Kommunendaten, ...]
    geometrie: dict[str, Any]  # GeoJSON geometry; the Kommune's centre when only that is known

    @property
    def kreise(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(ort.kreis for ort in self.kommunen))

    # Wording of the measure's facts, one place for the page, the lists and the exports (not template logic).

    @property
    def kreise_text(self) -> str:
        """'Kreis Unna', 'kreisfreie Stadt', or both for a measure across a Kreis and a kreisfreie Stadt."""
        return ", ".join(dict.fromkeys(ort.kreis_text for ort in self.kommunen))

    @property
    def status_klasse(self) -> str:
        """The CSS class of its status badge, e.g. 'ogi-status--in-Umsetzung'."""
        return "ogi-status--" + self.record.status.replace(" ", "-")

    @property
    def status_grundlage(self) -> StatusGrundlage | None:
        """What the status rests on, as the page names it; None when no source states it."""
        beleg = self.record.status_beleg
        if beleg is None:
            return None
        quelle = self.record.quellen[beleg.quelle - 1]
        nur_bilanz = beleg.art == "Abschlussbilanz"
        return StatusGrundlage(
            "Abschlussbilanz des Programms" if nur_bilanz else quelle.titel,
            beleg.quelle,
            beleg.datum or quelle.datum,
            nur_bilanz,
        )

    @property
    def zeitraum_text(self) -> str | None:
        """'März 2021 bis 2022', 'bis 2022', '2020'; None without a period."""
        z = self.record.zeitraum
        beginn, ende = (z.beginn, z.ende) if z else (None, None)
        if beginn and ende:
            return f"{beginn.deutsch()} bis {ende.deutsch()}"
        if beginn:
            return beginn.deutsch()
        return f"bis {ende.deutsch()}" if ende else None

    @property
    def foerderung_text(self) -> str | None:
        """'122.000 € durch Land Nordrhein-Westfalen (Förderquote 100 %)'; None without funding facts."""
        f = self.record.foerderung
        if f is None:
            return None
        text = euro(self.foerderbetrag) if self.foerderbetrag is not None else "Betrag nicht einzeln bekannt"
        if f.foerdergeber:
            text += f" durch {f.foerdergeber}"
        if f.anteil_prozent:
            text += f" (Förderquote {zahl(f.anteil_prozent)} %)"
        return text

    @property
    def foerderbetrag(self) -> int | None:
        """Its funding in €; None when no source gives the amount."""
        f = self.record.foerderung
        return f.betrag_eur if f else None

    @property
    def suchwoerter(self) -> list[str]:
        """The editors' `stichworte`, then the Kommunen and the Träger (the facts list is not indexed)."""
        r = self.record
        return list(
            dict.fromkeys([*r.stichworte, *(ort.name for ort in self.kommunen), *([r.traeger] if r.traeger else [])])
        )

    @cached_property
    def alle_schritte(self) -> tuple[Schritt, ...]:
        """Every dated step, the completion included, in date order: sorted once, read by the page's list and
        the exports' two columns (each of CSV, GeoJSON and XLSX)."""
        return schritte(self.record)

    @property
    def verlauf(self) -> tuple[Schritt, ...]:
        """Its dated steps with the completion, in date order; empty when the record has no `verlauf`."""
        return self.alle_schritte if self.record.verlauf else ()

    @property
    def letzter_schritt(self) -> Schritt | None:
        """The latest dated step, the completion included; None when no source dates a step."""
        return self.alle_schritte[-1] if self.alle_schritte else None

    @property
    def fertig_jahr(self) -> int | None:
        """The year the measure was completed, by its source; None when no source gives it."""
        f = self.record.fertigstellung
        return f.datum.jahr if f else None


@dataclass(frozen=True)
class StatusGrundlage:
    """The source a measure's status rests on: its title (or the programme's final report), number, date."""

    beleg: str
    quelle: int
    wann: TeilDatum | None
    nur_bilanz: bool  # only the whole programme's final report supports it

    @property
    def einschraenkung(self) -> str | None:
        """What the page adds when the basis does not name the measure itself."""
        return "die Bilanz nennt die Maßnahmen nicht einzeln" if self.nur_bilanz else None


@dataclass(frozen=True)
class Vortrag:
    """A presentation record with its day and session."""

    slug: str
    source: str
    record: Beitrag
    tag: Tag
    session: Session | None


@dataclass
class Veranstaltungsdaten:
    """One event folder, content/<ordner>/: its tagung.yml and its talks."""

    ordner: str  # folder name; it becomes the address of the event's pages, e.g. "fachtag-2025"
    tagung: Tagung
    source: str  # display path of tagung.yml
    vortraege: list[Vortrag] = field(default_factory=list)

    @property
    def attachments_dir(self) -> str:
        return attachments_dir(self.ordner)


@dataclass
class Site:
    """Everything the pages, maps and exports are made from."""

    root: Path
    kommunen: dict[str, Kommunendaten] = field(default_factory=dict)
    kommunen_datei: KommunenDatei | None = None  # its sources and stated precision, for the Kommunen page
    massnahmen: list[Massnahme] = field(default_factory=list)
    veranstaltungen: list[Veranstaltungsdaten] = field(default_factory=list)  # every event, oldest first
    meilensteine: MeilensteineDatei | None = None
    foerdersummen: FoerdersummenDatei | None = None  # the programme's funding figures (optional file)
    betreiber: Betreiber | None = None
    betreiber_datei: YamlFile | None = None  # its lines, for the check before publishing (pflichtangaben.py)
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    sources: dict[str, Path] = field(default_factory=dict)  # display path -> file, for edit links and dates

    @property
    def anbieter(self) -> str:
        """Who provides the site and its data (pages, open data, catalogue, feed): the operator's name."""
        return self.betreiber.name if self.betreiber else ANBIETER_STANDARD

    def veranstaltung(self, ordner: str) -> Veranstaltungsdaten | None:
        """The event of content/<ordner>/, None if there is none (or it could not be read)."""
        return next((event for event in self.veranstaltungen if event.ordner == ordner), None)

    def raise_for_errors(self) -> None:
        if self.errors:
            raise ContentErrors(self.errors)

    # Facts derived from the linked records, computed once on first use (after load_site, which is the
    # only code that changes the lists above) and read by every page, map and export.

    @cached_property
    def massnahmen_sortiert(self) -> list[Massnahme]:
        """The measures as lists show them: by their first Kommune, then by title."""
        return sorted(self.massnahmen, key=lambda m: (m.kommunen[0].name, m.record.titel.casefold()))

    @cached_property
    def massnahmen_je_kommune(self) -> dict[str, list[Massnahme]]:
        """Kommune name -> its measures in list order; only Kommunen with measures, by name."""
        by_name: dict[str, list[Massnahme]] = {}
        for m in self.massnahmen_sortiert:
            for ort in m.kommunen:
                by_name.setdefault(ort.name, []).append(m)
        return dict(sorted(by_name.items()))

    @cached_property
    def datenstand(self) -> dt.date | None:
        dates = [m.record.datenstand for m in self.massnahmen]
        for event in self.veranstaltungen:
            dates += [event.tagung.datenstand] + [v.record.datenstand for v in event.vortraege]
        return max(dates, default=None)
