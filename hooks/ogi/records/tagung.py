"""The models of an event: content/<veranstaltung>/tagung.yml (days, sessions) and one file per talk."""

from __future__ import annotations

import zoneinfo
from typing import Annotated, Literal

from pydantic import (
    Field,
    HttpUrl,
    field_validator,
    model_validator,
)

from .dates import Tagesdatum
from .models import (
    ATTACHMENT_FOLDER,
    BEITRAGSARTEN,
    SLUG_PATTERN,
    TIME_PATTERN,
    Beitragsart,
    Dateiname,
    Ganzzahl,
    Link,
    Markdown,
    Programmstand,
    Quelle,
    Record,
    Text,
)

Uhrzeit = Annotated[str, Field(pattern=TIME_PATTERN, description="Uhrzeit als HH:MM, z. B. 09:00.")]


class Tag(Record):
    datum: Tagesdatum = Field(description="Datum des Tages (JJJJ-MM-TT).")
    name: Text = Field(description="Name des Tages, z. B. „Netzwerktag“.")
    beginn: Uhrzeit | None = None
    ende: Uhrzeit | None = None
    ort: Text | None = Field(
        None,
        description="Ort des Tages mit Adresse, z. B. „ChorForum Essen, Fischerstraße 2–4, Essen“; "
        "leer bei Online-Veranstaltungen.",
    )
    beschreibung: Markdown | None = Field(None, description="Worum es an diesem Tag ging (Markdown).")


class Session(Record):
    id: str = Field(
        pattern=SLUG_PATTERN, description="Kurzname aus Kleinbuchstaben und Bindestrichen; Beiträge verweisen darauf."
    )
    titel: Text = Field(description="Titel der Session oder des Workshops.")
    art: Text | None = Field(None, description="Art, z. B. „Workshop“ oder „Plenum“.")
    tag: Tagesdatum = Field(description="Datum des Tages, an dem die Session stattfand.")
    beginn: Uhrzeit | None = None
    ende: Uhrzeit | None = None
    beschreibung: Markdown | None = Field(None, description="Worum es ging (Markdown).")


class Dokument(Record):
    titel: Text = Field(description="Titel des Dokuments.")
    url: HttpUrl | None = Field(None, description="Adresse, wenn das Dokument anderswo veröffentlicht ist.")
    datei: Dateiname | None = Field(None, description=ATTACHMENT_FOLDER)

    @model_validator(mode="after")
    def _has_target(self) -> Dokument:
        if self.url is None and self.datei is None:
            raise ValueError("weder url noch datei angegeben; eines von beiden eintragen")
        return self


class Tagung(Record):
    """An event: content/<veranstaltung>/tagung.yml."""

    titel: Text = Field(description="Titel der Veranstaltung.")
    untertitel: Text | None = Field(None, description="Art der Veranstaltung, z. B. „Online-Fachtagung“.")
    veranstalter: list[Text] = Field(min_length=1, description="Wer veranstaltet hat.")
    plattform: Text | None = Field(None, description="Online-Plattform, auf der die Veranstaltung stattfand.")
    kostenfrei: bool | None = Field(None, description="true, wenn die Teilnahme kostenfrei war.")
    zeitzone: Text = Field("Europe/Berlin", description="Zeitzone der Uhrzeiten, z. B. „Europe/Berlin“.")
    programmstand: Programmstand = Field(
        description=(
            "„angekündigt“, solange die Quellen nur vorab sagen, was geplant war (Einladung, Programm); "
            "„berichtet“, sobald eine Quelle nach der Veranstaltung berichtet, was stattfand. Die Seiten "
            "sprechen danach von Geplantem oder Geschehenem."
        )
    )
    kurzbeschreibung: Text = Field(max_length=300, description="Ein Satz für Listen und Suchmaschinen.")
    beschreibung: Markdown | None = Field(None, description="Beschreibung der Veranstaltung (Markdown).")
    tage: list[Tag] = Field(min_length=1, description="Die Tage der Veranstaltung in zeitlicher Reihenfolge.")
    sessions: list[Session] = Field(default_factory=list, description="Sessions und Workshops.")
    dokumentation: Dokument | None = Field(None, description="Die Dokumentation der Veranstaltung.")
    links: list[Link] = Field(default_factory=list, description="Weiterführende Links.")
    kennungen_basis: HttpUrl | None = Field(
        None,
        description=(
            "Nur für eine Veranstaltung, deren Programm schon mit Kennungen veröffentlicht ist: die Adresse, aus der "
            "schedule.json und schedule.xml die dauerhaften Kennungen (guid) der Beiträge, Personen und Räume "
            "ableiten. Ohne Angabe leiten sie sich aus dem Ordnernamen ab. Einmal veröffentlicht, nie ändern."
        ),
    )
    quellen: list[Quelle] = Field(min_length=1, description="Quellen der Angaben.")
    datenstand: Tagesdatum = Field(description="Datum, an dem die Angaben zuletzt geprüft wurden.")

    @field_validator("zeitzone")
    @classmethod
    def _known_zone(cls, zeitzone: str) -> str:
        # schedule.json and the pages convert times with it; an unknown zone would stop the build.
        try:
            zoneinfo.ZoneInfo(zeitzone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unbekannte Zeitzone „{zeitzone}“; eine Zeitzone der IANA-Liste angeben, z. B. „Europe/Berlin“"
            ) from None
        return zeitzone


class Person(Record):
    name: Text = Field(description="Vor- und Nachname, wie in der Quelle.")
    organisation: Text | None = Field(None, description="Organisation, für die die Person sprach.")
    funktion: Text | None = Field(None, description="Funktion oder Rolle, z. B. „Ministerin“.")
    verschieden_von: Text | None = Field(
        None,
        description=(
            "Nur wenn eine andere Person fast gleich heißt (Unterschied nur in Bindestrich, Leerzeichen, Groß- "
            "und Kleinschreibung oder Akzenten): deren Name, wie er geschrieben ist; dann entfällt die Warnung "
            "„meinten Sie …?“."
        ),
    )


class Anhang(Record):
    titel: Text = Field(description="Linktext, z. B. „Folien“.")
    datei: Dateiname = Field(description=ATTACHMENT_FOLDER)
    art: Literal["Folien", "Dokument", "Sonstiges"] = Field("Folien", description="Folien, Dokument oder Sonstiges.")


class Beitrag(Record):
    """A talk of an event: content/<veranstaltung>/<slug>.yml."""

    titel: Text = Field(description="Titel des Beitrags.")
    art: Beitragsart = Field(description="Art: " + ", ".join(BEITRAGSARTEN) + ".")
    tag: Tagesdatum = Field(description="Datum des Tages (JJJJ-MM-TT); muss ein Tag der Veranstaltung sein.")
    session: str | None = Field(None, description="id der Session aus tagung.yml.")
    beginn: Uhrzeit | None = None
    dauer_min: Annotated[Ganzzahl, Field(gt=0, le=600)] | None = Field(None, description="Dauer in Minuten.")
    reihenfolge: Ganzzahl | None = Field(
        None, description="Position im Programm, wenn keine Uhrzeit bekannt ist (1, 2, 3 …)."
    )
    referierende: list[Person] = Field(default_factory=list, description="Wer gesprochen hat.")
    kurzbeschreibung: Text | None = Field(None, max_length=300, description="Ein Satz für Listen und Suchmaschinen.")
    zusammenfassung: Markdown | None = Field(None, description="Zusammenfassung (Markdown).")
    anhaenge: list[Anhang] = Field(default_factory=list, description="Folien und andere Dateien.")
    video: HttpUrl | None = Field(None, description="Adresse einer Videoaufzeichnung.")
    quellen: list[Quelle] = Field(min_length=1, description="Quellen der Angaben.")
    datenstand: Tagesdatum = Field(description="Datum, an dem die Angaben zuletzt geprüft wurden.")
