"""The model of content/betreiber.yml: the operator's details for imprint, contact and privacy pages."""

from __future__ import annotations

from pydantic import (
    Field,
    HttpUrl,
)

from .models import DATENBEREITSTELLER_STANDARD, PLZ_PATTERN, EMail, Quelle, Record, Telefon, Text


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
        None, description="Anschrift der Person; ohne Angabe gilt die Anschrift des Betreibers."
    )


class Datenschutzbeauftragte(Record):
    """The data-protection officer, whose contact details Art. 13 DSGVO requires."""

    name: Text | None = Field(
        None, description="Name, nur wenn er veröffentlicht werden soll; sonst genügt die Funktion."
    )
    email: EMail | None = Field(None, description="E-Mail-Adresse der oder des Datenschutzbeauftragten.")
    telefon: Telefon | None = Field(None, description="Telefonnummer.")
    anschrift: Anschrift | None = Field(
        None, description="Postanschrift; ohne Angabe gilt die Anschrift des Betreibers."
    )


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
        None, description="Pressestelle für Presseanfragen (Kontaktseite, Abschnitt „Presse“), mit rolle und email."
    )
    verantwortlich: Verantwortlich | None = Field(
        None, description="Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV; legt der Betreiber fest."
    )
    datenschutzbeauftragte: Datenschutzbeauftragte | None = Field(
        None, description="Kontakt der oder des Datenschutzbeauftragten (Art. 13 DSGVO)."
    )
    barrierefreiheit: Barrierefreiheit | None = Field(
        None, description="Kontakt für Meldungen von Barrieren (Erklärung zur Barrierefreiheit, BITV NRW)."
    )
    quellen: list[Quelle] = Field(default_factory=list, description="Quellen dieser Angaben.")
    datenbereitsteller_id: str = Field(
        DATENBEREITSTELLER_STANDARD,
        pattern=r"^[A-Za-z0-9]+$",
        description=(
            "Kennung des Datenbereitstellers bei GovData (dcatde:contributorID im Katalog daten/katalog.ttl), "
            "der letzte Teil von http://dcat-ap.de/def/contributors/…; Standard „openNRW“: Daten öffentlicher "
            "Stellen in NRW erreichen GovData über Open.NRW. Wer direkt an GovData liefert, erhält von GovData "
            "eine eigene Kennung (info@govdata.de) und trägt sie hier ein."
        ),
    )
