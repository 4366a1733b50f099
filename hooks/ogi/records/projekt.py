"""The model of a measure's record, content/projects/<name>.yml, with its place, period, funding and status basis."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    Field,
    field_validator,
    model_validator,
)

from .dates import Datum, Tagesdatum
from .geo import check_position
from .models import (
    Dateiname,
    Ganzzahl,
    Genauigkeit,
    Markdown,
    Quelle,
    Record,
    Status,
    StatusBelegArt,
    Text,
    Zahl,
)

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

    genauigkeit: Genauigkeit = Field(
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
        if self.radius_m is not None and (
            self.genauigkeit != "ungefähr" or self.geometrie is None or self.geometrie.type != "Point"
        ):
            raise ValueError(
                "radius_m gilt nur bei genauigkeit „ungefähr“ mit einem Punkt (type: Point); "
                "radius_m weglassen oder genauigkeit und geometrie anpassen"
            )
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
    """A photo of the measure. The file is only ever read as pixels (records/bilder.py encodes it anew); alt
    text and credit are required: readers who cannot see the photo need the one, its licence the other."""

    datei: Dateiname = Field(description="Dateiname im Ordner content/projects/bilder/, z. B. „herne-park.jpg“.")
    alt: Text = Field(description="Alternativtext: was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen.")
    urheber: Text = Field(description="Wer das Bild gemacht hat (Bildnachweis).")
    lizenz: Text = Field(description="Lizenz oder Nutzungsrecht, z. B. „CC BY 4.0“ oder „© RVR“.")


class StatusBeleg(Record):
    """What a measure's status rests on."""

    art: StatusBelegArt = Field(
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


# The first words that announce a completion: that fact has one place, `fertigstellung`.
_ABSCHLUSS_WOERTER = frozenset({"fertig", "fertiggestellt", "fertigstellung", "abgeschlossen", "abschluss"})


class VerlaufEintrag(Record):
    """One dated step of a measure (decided, funded, building started …), as a source reports it."""

    datum: Datum = Field(
        description="Wann der Schritt geschah, so genau, wie die Quelle es sagt: JJJJ, JJJJ-MM oder JJJJ-MM-TT."
    )
    ereignis: Text = Field(
        max_length=160,
        description=(
            "Was geschah, kurz in eigenen Worten nach der Quelle, z. B. „Förderbescheid des Landes übergeben“ "
            "oder „Förderprogramm der Gemeinde gestartet“. Die Fertigstellung steht nicht hier, "
            "sondern in fertigstellung; die Seite zeigt sie im Verlauf mit."
        ),
    )
    quelle: int = Field(ge=1, description="Nummer des Eintrags in quellen, der den Schritt belegt (1 = der erste).")

    @field_validator("ereignis")
    @classmethod
    def _not_the_completion(cls, ereignis: str) -> str:
        erstes = ereignis.split(maxsplit=1)[0].strip(".,;:!–-").lower()
        if erstes in _ABSCHLUSS_WOERTER:
            raise ValueError(
                f"„{ereignis}“ ist die Fertigstellung; sie steht in fertigstellung (datum, quelle), nicht im "
                "Verlauf – den Eintrag dorthin übertragen (die Seite zeigt sie im Verlauf mit)"
            )
        return ereignis


class Hinweis(Record):
    """A dated note on a later change at the same place; it does not change the measure's status."""

    datum: Datum = Field(
        description="Wann die spätere Änderung geschah oder gemeldet wurde: JJJJ, JJJJ-MM oder JJJJ-MM-TT."
    )
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
    status: Status = Field(
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
    verlauf: list[VerlaufEintrag] = Field(
        default_factory=list,
        description=(
            "Die Schritte der Maßnahme mit Datum und Quelle (beschlossen, bewilligt, Baubeginn …), nur was "
            "eine Quelle datiert; die Reihenfolge ordnet die Website. Geplantes gehört nicht hierher."
        ),
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
