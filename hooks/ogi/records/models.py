"""The content model: one typed model per record kind.

Validation, the JSON Schemas for editors' tools and the field reference in the editors' guide are all
derived from these classes. Keys are German because editors write them; descriptions are the German
help texts shown in the schema and the guide.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

import zoneinfo

from pydantic import (
    BaseModel,
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    field_validator,
    model_validator,
)

from .dates import Datum, Tagesdatum
from .geo import check_position
from .kontakt import EMAIL_PATTERN, TELEFON_PATTERN
from .text import structure_problem

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
PLZ_PATTERN = r"^[0-9]{5}$"
# What a value that does not match a pattern should look like; validation.py adds it to the message.
PATTERN_HINTS = {
    TIME_PATTERN: "erwartet eine Uhrzeit als HH:MM in Anführungszeichen, z. B. \"09:00\"",
    SLUG_PATTERN: "erwartet Kleinbuchstaben, Ziffern und Bindestriche, z. B. workshop-biodiversitaet",
    PLZ_PATTERN: "erwartet fünf Ziffern in Anführungszeichen, z. B. \"45128\"",
    EMAIL_PATTERN: ("erwartet genau eine E-Mail-Adresse wie name@example.org, ohne „mailto:“, Leerzeichen, "
                    "Anführungszeichen, spitze Klammern und ohne Zusätze wie „?cc=“"),
    TELEFON_PATTERN: "erwartet eine Telefonnummer aus Ziffern, Leerzeichen und + / - ( ), z. B. „+49 201 2069-0“",
}

STATUS_WERTE = ("geplant", "in Umsetzung", "abgeschlossen", "nicht bekannt")
STATUS_UNBEKANNT = "nicht bekannt"
STATUS_BELEG_ARTEN = ("Quelle", "Abschlussbilanz")
GENAUIGKEIT_WERTE = ("exakt", "ungefähr", "Kommune")
PROGRAMMSTAND_WERTE = ("angekündigt", "berichtet")
# Where an event's files go: beside its tagung.yml, whichever event it is.
ATTACHMENT_FOLDER = "Dateiname im Ordner `anhaenge/` der Veranstaltung: `content/<veranstaltung>/anhaenge/`."
# GovData's list of data providers (http://dcat-ap.de/def/contributors/) has no entry of the RVR; Open.NRW,
# the portal of North Rhine-Westphalia, delivers the data of the state's public bodies to GovData.
DATENBEREITSTELLER_STANDARD = "openNRW"
BEITRAGSARTEN = ("Grußwort", "Vortrag", "Impuls", "Workshop", "Podium", "Diskussion", "Sonstiges")


class Record(BaseModel):
    """Base of every model: unknown keys are errors, values are not silently converted to text."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Text = Annotated[str, Field(min_length=1)]
# Contact values that become mailto: and tel: links (kontakt.py builds them from the checked value).
EMail = Annotated[str, Field(min_length=1, pattern=EMAIL_PATTERN)]
Telefon = Annotated[str, Field(min_length=1, pattern=TELEFON_PATTERN)]


def _renderable(value: str) -> str:
    problem = structure_problem(value)
    if problem:
        raise ValueError(problem)
    return value


# Rich text (Markdown, shown through text.rich_text): its shape is limited before any page renders it.
Markdown = Annotated[Text, AfterValidator(_renderable)]


# Numbers are never converted: not from text, booleans, infinity or NaN, and no float is taken for an
# integer (YAML reads the German `150.000` as 150.0). The YAML reader keeps `0x1F`, `1_500_000` or `010`
# as text, so they are refused here too; validation.py words the message from how the value was written.
Ganzzahl = Annotated[int, Field(strict=True)]
Zahl = Annotated[float, Field(strict=True, allow_inf_nan=False)]

# A file inside the record's folder: a name, or a relative path of such names. No absolute path,
# no "..", no hidden file, no character that needs quoting in a URL.
_DATEI = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$")


def _relative_file(value: object) -> object:
    if not isinstance(value, str):
        return value
    name = value.strip()
    if name.startswith(("/", "\\", "~")) or re.match(r"^[A-Za-z]:", name):
        raise ValueError(f"„{name}“ ist ein Pfad außerhalb des Inhaltsordners; hier steht nur der Name einer "
                         "Datei aus dem Ordner des Feldes, z. B. „herne-park.jpg“ oder „folien.pdf“")
    if ".." in re.split(r"[/\\]", name):
        raise ValueError(f"„{name}“ verlässt mit „..“ den Ordner; hier steht nur der Name einer Datei aus dem "
                         "Ordner des Feldes, z. B. „herne-park.jpg“ oder „folien.pdf“")
    if not _DATEI.match(name):
        raise ValueError(f"„{name}“ ist als Dateiname nicht erlaubt; nur Buchstaben ohne Umlaute, Ziffern, "
                         "Punkt, Bindestrich und Unterstrich, z. B. „folien-2020.pdf“ (die Datei umbenennen)")
    return name


Dateiname = Annotated[str, BeforeValidator(_relative_file), Field(min_length=1, pattern=_DATEI.pattern)]


# --- shared parts ------------------------------------------------------------------------------


class Quelle(Record):
    """A public source that a fact on the page comes from: citable by its address or, for print, a full reference."""

    titel: Text = Field(description="Name der Quelle, z. B. Titel des Artikels und Medium.")
    url: HttpUrl | None = Field(None, description="Adresse der Quelle (https://…); fehlt sie, ist fundstelle Pflicht.")
    fundstelle: Text | None = Field(
        None,
        description=(
            "Nur für Gedrucktes ohne Adresse: vollständige Angabe mit Medium, Ausgabe und Seite, "
            "z. B. „WAZ Herne, Ausgabe vom 17.07.2020, S. 13“; dann ist auch datum Pflicht."
        ),
    )
    datum: Datum | None = Field(
        None, description="Datum der Veröffentlichung, soweit bekannt: JJJJ-MM-TT, JJJJ-MM oder JJJJ."
    )
    abgerufen: Datum = Field(description="Wann die Quelle gelesen wurde: JJJJ-MM-TT oder JJJJ-MM.")
    archiv_url: HttpUrl | None = Field(
        None, description="Adresse einer archivierten Fassung, z. B. im Internet Archive (https://web.archive.org/…)."
    )

    @model_validator(mode="after")
    def _citable(self) -> Quelle:
        if self.url is None and self.fundstelle is None:
            raise ValueError(
                "Quelle ohne Adresse; url (https://…) angeben oder, bei Gedrucktem, fundstelle mit Medium, "
                "Ausgabe und Seite"
            )
        if self.url is None and self.datum is None:
            raise ValueError("gedruckte Quelle ohne Datum; datum der Ausgabe angeben, z. B. 2020-07-17")
        return self


class Link(Record):
    """A link to another website."""

    titel: Text = Field(description="Linktext, der sagt, wohin der Link führt.")
    url: HttpUrl = Field(description="Adresse (https://…).")


# --- Kommunen ----------------------------------------------------------------------------------


class Kommune(Record):
    """One of the 53 municipalities of the RVR area."""

    name: Text = Field(description="Amtlicher Name, z. B. „Mülheim an der Ruhr“.")
    kreis: Text | None = Field(
        None, description="Kreis, zu dem die Kommune gehört; leer bei kreisfreien Städten."
    )
    breite: Zahl = Field(description="Geografische Breite der Ortsmitte (WGS84), z. B. 51.550.")
    laenge: Zahl = Field(description="Geografische Länge der Ortsmitte (WGS84), z. B. 7.217.")
    quelle: Quelle | None = Field(
        None, description="Quelle der Ortsmitte, wenn sie nicht aus den quellen der Datei stammt."
    )

    @model_validator(mode="after")
    def _inside_region(self) -> Kommune:
        check_position(self.laenge, self.breite, example_order="breite/laenge")
        return self


class KommunenDatei(Record):
    """content/kommunen.yml: the reference list of municipalities."""

    kommunen: list[Kommune] = Field(min_length=1, description="Alle Kommunen des RVR-Gebiets.")
    genauigkeit: Text | None = Field(
        None, description="Wie genau die Ortsmitten sind, in einem Satz; erscheint auf der Seite der Kommunen."
    )
    quellen: list[Quelle] = Field(
        default_factory=list, description="Quellen der Kreiszugehörigkeit und der Ortsmitten."
    )


# --- Maßnahmen ---------------------------------------------------------------------------------

Position = Annotated[
    list[Zahl],
    Field(min_length=2, max_length=2, description="[Länge, Breite] in WGS84, z. B. [7.217, 51.550]."),
]


class Punkt(Record):
    type: Literal["Point"]
    coordinates: Position


class Linie(Record):
    type: Literal["LineString"]
    coordinates: list[Position] = Field(min_length=2)


class Flaeche(Record):
    type: Literal["Polygon"]
    coordinates: list[Annotated[list[Position], Field(min_length=4)]] = Field(min_length=1)

    @field_validator("coordinates")
    @classmethod
    def _rings_closed(cls, rings: list[list[list[float]]]) -> list[list[list[float]]]:
        for ring in rings:
            if ring[0] != ring[-1]:
                raise ValueError(
                    "der Ring der Fläche ist nicht geschlossen; der letzte Punkt muss gleich dem ersten sein"
                )
        return rings


Geometrie = Annotated[Punkt | Linie | Flaeche, Field(discriminator="type")]


def _positions(geometrie: Punkt | Linie | Flaeche) -> list[list[float]]:
    if isinstance(geometrie, Punkt):
        return [geometrie.coordinates]
    if isinstance(geometrie, Linie):
        return list(geometrie.coordinates)
    return [p for ring in geometrie.coordinates for p in ring]


class Lage(Record):
    """Where a measure is, and how exactly that is known."""

    genauigkeit: Literal[GENAUIGKEIT_WERTE] = Field(  # type: ignore[valid-type]
        description=(
            "Wie genau die Lage bekannt ist: „exakt“ (Ort aus einer Quelle belegt), „ungefähr“ "
            "(Straße oder Park bekannt; ein Punkt wird als Kreis mit dem Umkreis `radius_m` gezeigt) oder „Kommune“ (nur "
            "die Kommune ist bekannt; dann zeigt die Karte die Fläche der Kommune und `geometrie` bleibt leer)."
        )
    )
    ort: Text | None = Field(None, description="Ortsangabe in Worten, z. B. „Görresstraße 38, Röhlinghausen“.")
    geometrie: Geometrie | None = Field(
        None,
        description="GeoJSON-Geometrie (Point, LineString oder Polygon), Koordinaten als [Länge, Breite].",
    )
    radius_m: Annotated[Ganzzahl, Field(ge=10, le=5000)] | None = Field(
        None,
        description=(
            "Nur bei genauigkeit „ungefähr“ und einem Punkt: Umkreis in Metern, in dem die Maßnahme liegt "
            "(z. B. 300, wenn nur der Park bekannt ist); ohne Angabe 250."
        ),
    )

    @field_validator("geometrie")
    @classmethod
    def _inside_region(cls, geometrie: Punkt | Linie | Flaeche | None) -> Punkt | Linie | Flaeche | None:
        if geometrie is not None:
            for lon, lat in _positions(geometrie):
                check_position(lon, lat, example_order="geojson")
        return geometrie

    @model_validator(mode="after")
    def _geometry_matches_precision(self) -> Lage:
        if self.genauigkeit == "Kommune" and self.geometrie is not None:
            raise ValueError(
                "bei genauigkeit „Kommune“ bleibt geometrie leer; die Karte zeigt dann das Gebiet der Kommune"
            )
        if self.genauigkeit != "Kommune" and self.geometrie is None:
            raise ValueError(
                f"bei genauigkeit „{self.genauigkeit}“ fehlt geometrie; "
                "eine Geometrie angeben oder genauigkeit: Kommune setzen"
            )
        if self.radius_m is not None and (self.genauigkeit != "ungefähr" or self.geometrie is None
                                          or self.geometrie.type != "Point"):
            raise ValueError("radius_m gilt nur bei genauigkeit „ungefähr“ mit einem Punkt (type: Point); "
                             "radius_m weglassen oder genauigkeit und geometrie anpassen")
        return self


class Zeitraum(Record):
    beginn: Datum | None = Field(None, description="Beginn: JJJJ, JJJJ-MM oder JJJJ-MM-TT.")
    ende: Datum | None = Field(None, description="Ende: JJJJ, JJJJ-MM oder JJJJ-MM-TT.")

    @model_validator(mode="after")
    def _ordered(self) -> Zeitraum:
        if self.beginn and self.ende and self.ende.sort_key < self.beginn.sort_key:
            raise ValueError("das Ende liegt vor dem Beginn; Daten prüfen")
        return self


class Foerderung(Record):
    betrag_eur: Annotated[Ganzzahl, Field(ge=0)] | None = Field(
        None, description="Fördersumme in Euro als ganze Zahl ohne Tausenderpunkt, z. B. 127687."
    )
    foerdergeber: Text | None = Field(None, description="Wer fördert, z. B. „Land Nordrhein-Westfalen“.")
    anteil_prozent: Annotated[Zahl, Field(gt=0, le=100)] | None = Field(
        None, description="Förderquote in Prozent, z. B. 100."
    )
    hinweis: Text | None = Field(
        None, description="Erläuterung zum Betrag, wenn die Quelle ihn nur zusammen mit anderen nennt."
    )


class Bild(Record):
    datei: Dateiname = Field(description="Dateiname im Ordner content/projects/bilder/, z. B. „herne-park.jpg“.")
    alt: Text = Field(description="Alternativtext: was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen.")
    urheber: Text = Field(description="Wer das Bild gemacht hat (Bildnachweis).")
    lizenz: Text = Field(description="Lizenz oder Nutzungsrecht, z. B. „CC BY 4.0“ oder „© RVR“.")


class StatusBeleg(Record):
    """What a measure's status rests on."""

    art: Literal[STATUS_BELEG_ARTEN] = Field(  # type: ignore[valid-type]
        description=(
            "„Quelle“: eine Quelle zu dieser Maßnahme nennt den Stand; „Abschlussbilanz“: nur die Bilanz des "
            "ganzen Programms stützt ihn (z. B. „27 Maßnahmen umgesetzt“), keine Quelle zur Maßnahme selbst."
        )
    )
    quelle: int = Field(ge=1, description="Nummer des Eintrags in quellen, der den Stand belegt (1 = der erste).")
    datum: Datum | None = Field(
        None,
        description=(
            "Wann die Quelle den Stand meldete, z. B. 2022-02-08 für die Abschlussbilanz; leer, wenn unbekannt "
            "(dann gilt das datum der Quelle)."
        ),
    )


class Fertigstellung(Record):
    """When a finished measure was completed, and which source says so."""

    datum: Datum = Field(description="Wann die Maßnahme fertiggestellt wurde: JJJJ, JJJJ-MM oder JJJJ-MM-TT.")
    quelle: int = Field(ge=1, description="Nummer des Eintrags in quellen, der das Datum belegt (1 = der erste).")


class Hinweis(Record):
    """A dated note on a later change at the same place; it does not change the measure's status."""

    datum: Datum = Field(description="Wann die spätere Änderung geschah oder gemeldet wurde: JJJJ, JJJJ-MM oder JJJJ-MM-TT.")
    text: Text = Field(description="Was sich später an derselben Stelle getan hat, in einem oder zwei Sätzen.")
    quelle: int = Field(ge=1, description="Nummer des Eintrags in quellen, der den Hinweis belegt (1 = der erste).")


class Projekt(Record):
    """A measure: content/projects/<slug>.yml."""

    titel: Text = Field(description="Name der Maßnahme, kurz und eindeutig.")
    kommunen: list[Text] = Field(
        min_length=1, description="Kommune(n), in denen die Maßnahme liegt; Namen wie in content/kommunen.yml."
    )
    traeger: Text | None = Field(
        None, description="Wer die Maßnahme umsetzt, z. B. „Stadt Herne“; leer lassen, wenn keine Quelle es nennt."
    )
    programm: Text = Field(description="Förderprogramm, z. B. „Aktionsprogramm Grüne Lückenschlüsse“.")
    status: Literal[STATUS_WERTE] = Field(  # type: ignore[valid-type]
        description=(
            "Stand der Umsetzung: geplant, in Umsetzung, abgeschlossen oder nicht bekannt, wenn keine Quelle "
            "den Stand nennt."
        )
    )
    status_beleg: StatusBeleg | None = Field(
        None,
        description="Worauf der Status beruht; Pflicht außer bei status „nicht bekannt“, dann bleibt es leer.",
    )
    hinweise: list[Hinweis] = Field(
        default_factory=list,
        description="Spätere Änderungen an derselben Stelle, mit Datum und Quelle; sie ändern den Status nicht.",
    )
    fertigstellung: Fertigstellung | None = Field(
        None,
        description="Nur bei status „abgeschlossen“: wann die Maßnahme fertig wurde, mit der Quelle, die es nennt.",
    )
    zeitraum: Zeitraum | None = Field(None, description="Beginn und Ende der Umsetzung, soweit bekannt.")
    foerderung: Foerderung | None = Field(None, description="Förderung, soweit eine Quelle sie nennt.")
    kurzbeschreibung: Text = Field(
        max_length=300,
        description="Ein Satz, der die Maßnahme beschreibt; erscheint in Listen, Kartenfenstern und Suchmaschinen.",
    )
    beschreibung: Markdown | None = Field(None, description="Ausführliche Beschreibung in Markdown.")
    lage: Lage = Field(description="Wo die Maßnahme liegt und wie genau das bekannt ist.")
    stichworte: list[Text] = Field(
        default_factory=list,
        description="Wörter, unter denen Lesende die Maßnahme suchen, die aber nicht im Text stehen, "
        "z. B. „Schwammstadt“ oder „Holsterhausen“; nur für die Suche, nicht sichtbar.",
    )
    bilder: list[Bild] = Field(default_factory=list, description="Bilder mit Alternativtext und Bildnachweis.")
    quellen: list[Quelle] = Field(min_length=1, description="Öffentliche Quellen für alle Angaben der Seite.")
    datenstand: Tagesdatum = Field(description="Datum, an dem die Angaben zuletzt geprüft wurden (JJJJ-MM-TT).")


# --- Veranstaltungen ---------------------------------------------------------------------------------

Uhrzeit = Annotated[str, Field(pattern=TIME_PATTERN, description="Uhrzeit als HH:MM, z. B. 09:00.")]


class Tag(Record):
    datum: Tagesdatum = Field(description="Datum des Tages (JJJJ-MM-TT).")
    name: Text = Field(description="Name des Tages, z. B. „Netzwerktag“.")
    beginn: Uhrzeit | None = None
    ende: Uhrzeit | None = None
    ort: Text | None = Field(
        None, description="Ort des Tages mit Adresse, z. B. „ChorForum Essen, Fischerstraße 2–4, Essen“; "
        "leer bei Online-Tagungen."
    )
    beschreibung: Markdown | None = Field(None, description="Worum es an diesem Tag ging (Markdown).")


class Session(Record):
    id: str = Field(pattern=SLUG_PATTERN, description="Kurzname aus Kleinbuchstaben und Bindestrichen; Beiträge verweisen darauf.")
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
    plattform: Text | None = Field(None, description="Online-Plattform, auf der die Tagung stattfand.")
    kostenfrei: bool | None = Field(None, description="true, wenn die Teilnahme kostenfrei war.")
    zeitzone: Text = Field("Europe/Berlin", description="Zeitzone der Uhrzeiten, z. B. „Europe/Berlin“.")
    programmstand: Literal[PROGRAMMSTAND_WERTE] = Field(  # type: ignore[valid-type]
        description=(
            "„angekündigt“, solange die Quellen nur vorab sagen, was geplant war (Einladung, Programm); "
            "„berichtet“, sobald eine Quelle nach der Veranstaltung berichtet, was stattfand. Die Seiten "
            "sprechen danach von Geplantem oder Geschehenem."
        )
    )
    kurzbeschreibung: Text = Field(max_length=300, description="Ein Satz für Listen und Suchmaschinen.")
    beschreibung: Markdown | None = Field(None, description="Beschreibung der Tagung (Markdown).")
    tage: list[Tag] = Field(min_length=1, description="Die Tage der Tagung in zeitlicher Reihenfolge.")
    sessions: list[Session] = Field(default_factory=list, description="Sessions und Workshops.")
    dokumentation: Dokument | None = Field(None, description="Die Dokumentation der Tagung.")
    links: list[Link] = Field(default_factory=list, description="Weiterführende Links.")
    kennungen_basis: HttpUrl | None = Field(None, description=(
        "Nur für eine Veranstaltung, deren Programm schon mit Kennungen veröffentlicht ist: die Adresse, aus der "
        "schedule.json und schedule.xml die dauerhaften Kennungen (guid) der Beiträge, Personen und Räume "
        "ableiten. Ohne Angabe leiten sie sich aus dem Ordnernamen ab. Einmal veröffentlicht, nie ändern."))
    quellen: list[Quelle] = Field(min_length=1, description="Quellen der Angaben.")
    datenstand: Tagesdatum = Field(description="Datum, an dem die Angaben zuletzt geprüft wurden.")

    @field_validator("zeitzone")
    @classmethod
    def _known_zone(cls, zeitzone: str) -> str:
        # schedule.json and the pages convert times with it; an unknown zone would stop the build.
        try:
            zoneinfo.ZoneInfo(zeitzone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unbekannte Zeitzone „{zeitzone}“; eine Zeitzone der IANA-Liste angeben, "
                             "z. B. „Europe/Berlin“") from None
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
    art: Literal[BEITRAGSARTEN] = Field(  # type: ignore[valid-type]
        description="Art: " + ", ".join(BEITRAGSARTEN) + "."
    )
    tag: Tagesdatum = Field(description="Datum des Tages (JJJJ-MM-TT); muss ein Tag der Tagung sein.")
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


# --- site data ---------------------------------------------------------------------------------


class Meilenstein(Record):
    datum: Datum = Field(description="Wann: JJJJ, JJJJ-MM oder JJJJ-MM-TT, in Anführungszeichen.")
    titel: Text = Field(description="Kurzer Titel des Ereignisses.")
    beschreibung: Text = Field(description="Ein Satz, was geschah.")
    quelle: Quelle = Field(description="Öffentliche Quelle des Ereignisses.")


class MeilensteineDatei(Record):
    """content/meilensteine.yml: the timeline of the Offensive."""

    meilensteine: list[Meilenstein] = Field(min_length=1)


class Foerdersumme(Record):
    """A funding figure of the programme as one source states it."""

    betrag_eur: Annotated[Ganzzahl, Field(ge=0)] = Field(
        description="Betrag in Euro als ganze Zahl, wie die Quelle ihn nennt, z. B. 2200000 für „rund 2,2 Mio. €“.")
    rund: bool = Field(False, description="true, wenn die Quelle den Betrag nur ungefähr nennt („rund“, „ca.“, „etwa“).")
    umfasst: Text = Field(
        description="Was der Betrag umfasst, als Satzteil, der nach dem Betrag steht, z. B. „Förderung des "
        "Aktionsprogramms Grüne Lückenschlüsse 2020/21, ganz vom Land Nordrhein-Westfalen getragen“.")
    quelle: Quelle = Field(description="Öffentliche Quelle des Betrags.")


class FoerdersummenDatei(Record):
    """content/foerdersummen.yml: the programme's funding figures, one of them the headline."""

    hauptzahl: Foerdersumme = Field(
        description="Die eine Antwort auf „Wie viel Geld?“: die Summe, zu der die Förderbeträge der Maßnahmen "
        "dieser Website gehören; Übersicht und Startseite nennen sie zuerst und sagen, welcher Teil davon "
        "einzelnen Maßnahmen zugeordnet ist.")
    weitere: list[Foerdersumme] = Field(
        default_factory=list,
        description="Andere Zahlen, die Quellen nennen (andere Zeiträume, Teilförderungen); sie stehen unter der "
        "Hauptzahl, jede mit dem, was sie umfasst.")


class Anschrift(Record):
    strasse: Text = Field(description="Straße und Hausnummer.")
    plz: str = Field(pattern=PLZ_PATTERN, description="Postleitzahl, fünf Ziffern, in Anführungszeichen.")
    ort: Text = Field(description="Ort.")


class Kontakt(Record):
    rolle: Text = Field(description="Funktion, z. B. „Projektleitung Offensive Grüne Infrastruktur 2030“.")
    name: Text | None = Field(None, description="Name, nur wenn die Person der Veröffentlichung zugestimmt hat.")
    email: EMail | None = Field(None, description="Dienstliche E-Mail-Adresse.")
    telefon: Telefon | None = Field(None, description="Dienstliche Telefonnummer, z. B. „+49 201 2069-0“.")



class Verantwortlich(Record):
    """The person responsible for the content under § 18 Abs. 2 MStV."""

    name: Text = Field(description="Vor- und Nachname der verantwortlichen Person, wie vom Betreiber benannt.")
    funktion: Text | None = Field(None, description="Funktion, z. B. „Leitung der Kommunikation“.")
    anschrift: Anschrift | None = Field(
        None, description="Anschrift der Person; ohne Angabe gilt die Anschrift des Betreibers.")


class Datenschutzbeauftragte(Record):
    """The data-protection officer, whose contact details Art. 13 DSGVO requires."""

    name: Text | None = Field(None, description="Name, nur wenn er veröffentlicht werden soll; sonst genügt die Funktion.")
    email: EMail | None = Field(None, description="E-Mail-Adresse der oder des Datenschutzbeauftragten.")
    telefon: Telefon | None = Field(None, description="Telefonnummer.")
    anschrift: Anschrift | None = Field(
        None, description="Postanschrift; ohne Angabe gilt die Anschrift des Betreibers.")


class Barrierefreiheit(Record):
    """The feedback contact of the accessibility statement (BITV NRW)."""

    email: EMail | None = Field(None, description="E-Mail-Adresse für Meldungen von Barrieren.")
    formular: HttpUrl | None = Field(None, description="Adresse eines Kontaktformulars für Meldungen von Barrieren.")
    telefon: Telefon | None = Field(None, description="Telefonnummer für Meldungen von Barrieren.")


class Betreiber(Record):
    """content/betreiber.yml: the operator, for Impressum, Kontakt, Datenschutz and Barrierefreiheit.

    A build for a published address (https://) requires `verantwortlich`, `email`,
    `datenschutzbeauftragte` (e-mail) and `barrierefreiheit` (e-mail or form); see ogi/pflichtangaben.py.
    """

    name: Text = Field(description="Name des Betreibers, wie im Impressum.")
    kurzname: Text | None = Field(None, description="Abkürzung, z. B. „RVR“.")
    rechtsform: Text | None = Field(None, description="Rechtsform, z. B. „Körperschaft des öffentlichen Rechts“.")
    anschrift: Anschrift = Field(description="Postanschrift für Impressum, Kontakt und Datenschutz.")
    telefon: Telefon | None = Field(None, description="Telefonnummer der Zentrale.")
    email: EMail | None = Field(None, description="Allgemeine E-Mail-Adresse.")
    website: HttpUrl | None = Field(None, description="Website des Betreibers.")
    organe: list[Text] = Field(default_factory=list, description="Organe des Betreibers, für das Impressum.")
    kontakte: list[Kontakt] = Field(default_factory=list, description="Ansprechstellen für die Kontaktseite.")
    presse: Kontakt | None = Field(
        None, description="Pressestelle für Presseanfragen (Kontaktseite, Abschnitt „Presse“), mit rolle und email.")
    verantwortlich: Verantwortlich | None = Field(
        None, description="Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV; legt der Betreiber fest.")
    datenschutzbeauftragte: Datenschutzbeauftragte | None = Field(
        None, description="Kontakt der oder des Datenschutzbeauftragten (Art. 13 DSGVO).")
    barrierefreiheit: Barrierefreiheit | None = Field(
        None, description="Kontakt für Meldungen von Barrieren (Erklärung zur Barrierefreiheit, BITV NRW).")
    quellen: list[Quelle] = Field(default_factory=list, description="Quellen dieser Angaben.")
    datenbereitsteller_id: str = Field(
        DATENBEREITSTELLER_STANDARD, pattern=r"^[A-Za-z0-9]+$",
        description=(
            "Kennung des Datenbereitstellers bei GovData (dcatde:contributorID im Katalog daten/katalog.ttl), "
            "der letzte Teil von http://dcat-ap.de/def/contributors/…; Standard „openNRW“: Daten öffentlicher "
            "Stellen in NRW erreichen GovData über Open.NRW. Wer direkt an GovData liefert, erhält von GovData "
            "eine eigene Kennung (info@govdata.de) und trägt sie hier ein."))


def slug_is_valid(slug: str) -> bool:
    return re.fullmatch(SLUG_PATTERN, slug) is not None
