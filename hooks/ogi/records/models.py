"""The content model's base: field types, patterns and their hints, sources and links, and the models of the
small site-wide files (kommunen.yml, meilensteine.yml, foerdersummen.yml). The larger record kinds have a
module each: projekt.py (a measure), tagung.py (an event and its talks), betreiber.py (the operator).

Validation, the JSON Schemas for editors' tools and the field reference in the editors' guide are all
derived from these classes. Keys are German because editors write them; descriptions are the German
help texts shown in the schema and the guide.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    model_validator,
)

from .dates import Datum
from .geo import check_position
from .kontakt import EMAIL_PATTERN, TELEFON_PATTERN
from .text import structure_problem

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
PLZ_PATTERN = r"^[0-9]{5}$"
# What a value that does not match a pattern should look like; validation.py adds it to the message.
PATTERN_HINTS = {
    TIME_PATTERN: 'erwartet eine Uhrzeit als HH:MM in Anführungszeichen, z. B. "09:00"',
    SLUG_PATTERN: "erwartet Kleinbuchstaben, Ziffern und Bindestriche, z. B. workshop-biodiversitaet",
    PLZ_PATTERN: 'erwartet fünf Ziffern in Anführungszeichen, z. B. "45128"',
    EMAIL_PATTERN: (
        "erwartet genau eine E-Mail-Adresse wie name@example.org, ohne „mailto:“, Leerzeichen, "
        "Anführungszeichen, spitze Klammern und ohne Zusätze wie „?cc=“"
    ),
    TELEFON_PATTERN: "erwartet eine Telefonnummer aus Ziffern, Leerzeichen und + / - ( ), z. B. „+49 201 2069-0“",
}
# Each choice list is a Literal type (what mypy and pydantic check) and its values as a tuple (for messages).
Status = Literal["geplant", "in Umsetzung", "abgeschlossen", "nicht bekannt"]
STATUS_WERTE: tuple[str, ...] = get_args(Status)
STATUS_UNBEKANNT = "nicht bekannt"
StatusBelegArt = Literal["Quelle", "Abschlussbilanz"]
STATUS_BELEG_ARTEN: tuple[str, ...] = get_args(StatusBelegArt)
Genauigkeit = Literal["exakt", "ungefähr", "Kommune"]
GENAUIGKEIT_WERTE: tuple[str, ...] = get_args(Genauigkeit)
Programmstand = Literal["angekündigt", "berichtet"]
PROGRAMMSTAND_WERTE: tuple[str, ...] = get_args(Programmstand)
# Where an event's files go: beside its tagung.yml, whichever event it is.
ATTACHMENT_FOLDER = "Dateiname im Ordner `anhaenge/` der Veranstaltung: `content/<veranstaltung>/anhaenge/`."
# GovData's list of data providers (http://dcat-ap.de/def/contributors/) has no entry of the RVR; Open.NRW,
# the portal of North Rhine-Westphalia, delivers the data of the state's public bodies to GovData.
DATENBEREITSTELLER_STANDARD = "openNRW"
Beitragsart = Literal["Grußwort", "Vortrag", "Impuls", "Workshop", "Podium", "Diskussion", "Sonstiges"]
BEITRAGSARTEN: tuple[str, ...] = get_args(Beitragsart)


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
        raise ValueError(
            f"„{name}“ ist ein Pfad außerhalb des Inhaltsordners; hier steht nur der Name einer "
            "Datei aus dem Ordner des Feldes, z. B. „herne-park.jpg“ oder „folien.pdf“"
        )
    if ".." in re.split(r"[/\\]", name):
        raise ValueError(
            f"„{name}“ verlässt mit „..“ den Ordner; hier steht nur der Name einer Datei aus dem "
            "Ordner des Feldes, z. B. „herne-park.jpg“ oder „folien.pdf“"
        )
    if not _DATEI.match(name):
        raise ValueError(
            f"„{name}“ ist als Dateiname nicht erlaubt; nur Buchstaben ohne Umlaute, Ziffern, "
            "Punkt, Bindestrich und Unterstrich, z. B. „folien-2020.pdf“ (die Datei umbenennen)"
        )
    return name


Dateiname = Annotated[str, BeforeValidator(_relative_file), Field(min_length=1, pattern=_DATEI.pattern)]


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


class Kommune(Record):
    """One of the 53 municipalities of the RVR area."""

    name: Text = Field(description="Amtlicher Name, z. B. „Mülheim an der Ruhr“.")
    kreis: Text | None = Field(None, description="Kreis, zu dem die Kommune gehört; leer bei kreisfreien Städten.")
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


class Meilenstein(Record):
    """One dated step of the Offensive as a whole, for the timeline page. It belongs to no record with a
    `quellen` list, so it carries its source itself, unlike a measure's `verlauf` entry (a number)."""

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
        description="Betrag in Euro als ganze Zahl, wie die Quelle ihn nennt, z. B. 2200000 für „rund 2,2 Mio. €“."
    )
    rund: bool = Field(
        False, description="true, wenn die Quelle den Betrag nur ungefähr nennt („rund“, „ca.“, „etwa“)."
    )
    umfasst: Text = Field(
        description="Was der Betrag umfasst, als Satzteil, der nach dem Betrag steht, z. B. „Förderung des "
        "Aktionsprogramms Grüne Lückenschlüsse 2020/21, ganz vom Land Nordrhein-Westfalen getragen“."
    )
    quelle: Quelle = Field(description="Öffentliche Quelle des Betrags.")


class FoerdersummenDatei(Record):
    """content/foerdersummen.yml: the programme's funding figures, one of them the headline."""

    hauptzahl: Foerdersumme = Field(
        description="Die eine Antwort auf „Wie viel Geld?“: die Summe, zu der die Förderbeträge der Maßnahmen "
        "dieser Website gehören; Übersicht und Startseite nennen sie zuerst und sagen, welcher Teil davon "
        "einzelnen Maßnahmen zugeordnet ist."
    )
    weitere: list[Foerdersumme] = Field(
        default_factory=list,
        description="Andere Zahlen, die Quellen nennen (andere Zeiträume, Teilförderungen); sie stehen unter der "
        "Hauptzahl, jede mit dem, was sie umfasst.",
    )


def slug_is_valid(slug: str) -> bool:
    return re.fullmatch(SLUG_PATTERN, slug) is not None
