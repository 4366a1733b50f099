"""A DCAT-AP.de catalogue of the open data (https://www.dcat-ap.de/def/dcatde/), so portals such as GovData
and Open.NRW can harvest it: one dataset for the measures (GeoJSON, CSV) and one per event (its programme
files). Written with rdflib as Turtle; the URIs of the distributions are the files' public addresses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF

from ..events.veranstaltung import Veranstaltung
from ..model import urls
from ..model.output import Output
from ..model.site import Site
from ..records.kontakt import mailto, tel
from ..records.models import DATENBEREITSTELLER_STANDARD
from .exporte import Export, Umgebung

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
# GovData's data providers: http://dcat-ap.de/def/contributors/<ID> (DCAT-AP.de Konventionenhandbuch 2.0,
# Konvention 12 and 13); the ID is the operator's setting `datenbereitsteller_id` in betreiber.yml.
CONTRIBUTORS = Namespace("http://dcat-ap.de/def/contributors/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
LIZENZ_URI = URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
SPRACHE = URIRef("http://publications.europa.eu/resource/authority/language/DEU")
THEMEN = (
    URIRef("http://publications.europa.eu/resource/authority/data-theme/ENVI"),
    URIRef("http://publications.europa.eu/resource/authority/data-theme/REGI"),
)
GEOCODING_LEVEL = URIRef("http://dcat-ap.de/def/politicalGeocoding/Level/administrativeDistrict")
# The RVR area by Kreis: the 11 kreisfreie Städte and the Kreise Recklinghausen, Unna, Wesel and
# Ennepe-Ruhr-Kreis. Keys (first five digits of the AGS) from © GeoBasis-DE / BKG (2021), VG5000, level GEM.
KREISSCHLUESSEL = (
    "05112",
    "05113",
    "05117",
    "05119",
    "05170",
    "05512",
    "05513",
    "05562",
    "05911",
    "05913",
    "05914",
    "05915",
    "05916",
    "05954",
    "05978",
)
GEOCODING_URIS = tuple(URIRef(f"http://dcat-ap.de/def/politicalGeocoding/districtKey/{key}") for key in KREISSCHLUESSEL)


class KatalogTurtle(Export):
    identifier = "katalog.ttl"
    label = "Beschreibung der Daten für Datenportale (DCAT-AP.de)"
    hinweis = (
        "ein Verzeichnis aller Datendateien dieser Website im Standard DCAT-AP.de, damit Portale wie GovData sie finden"
    )

    def __init__(self, datensaetze: Sequence[Datensatz] = ()) -> None:
        self.datensaetze = datensaetze  # the datasets it describes, with the files already made (datensaetze())

    def render(self, site: Site, umgebung: Umgebung) -> str:
        return katalog_turtle(site, self.datensaetze, umgebung)


@dataclass(frozen=True)
class Verteilung:
    """One published file of a dataset: its declaration, address and size."""

    export: type[Export]
    uri: str  # path in the site, e.g. urls.CSV
    size: int


@dataclass(frozen=True)
class Datensatz:
    """One dataset of the catalogue."""

    key: str  # fragment of its URI in the catalogue, e.g. "massnahmen"
    titel: str
    beschreibung: str
    landing_page: str  # path of the page that explains it
    issued: dt.date
    modified: dt.date
    verteilungen: Sequence[Verteilung]
    keywords: Sequence[str] = ()


def katalog_uri(umgebung: Umgebung) -> str:
    return umgebung.url(urls.KATALOG)


def katalog(site: Site, datensaetze: Sequence[Datensatz], umgebung: Umgebung) -> Graph:
    """The catalogue as an RDF graph."""
    g = Graph(bind_namespaces="core")
    g.bind("dcat", DCAT)
    g.bind("dct", DCTERMS)
    g.bind("dcatde", DCATDE)
    g.bind("foaf", FOAF)
    g.bind("vcard", VCARD)
    base = katalog_uri(umgebung)
    catalog, publisher, contact = URIRef(base + "#katalog"), URIRef(base + "#herausgeber"), URIRef(base + "#kontakt")
    betreiber = site.betreiber
    name = site.anbieter
    contributor = CONTRIBUTORS[betreiber.datenbereitsteller_id if betreiber else DATENBEREITSTELLER_STANDARD]

    # Both the class and the one the shapes ask for: a harvester need not read the FOAF and vCard ontologies.
    g.add((publisher, RDF.type, FOAF.Organization))
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, FOAF.name, Literal(name, lang="de")))
    g.add((contact, RDF.type, VCARD.Organization))
    g.add((contact, RDF.type, VCARD.Kind))
    g.add((contact, VCARD.fn, Literal(name, lang="de")))
    g.add((contact, VCARD.hasURL, URIRef(umgebung.url(urls.KONTAKT))))
    if betreiber and betreiber.website:
        g.add((publisher, FOAF.homepage, URIRef(str(betreiber.website))))
    if betreiber and betreiber.email:
        g.add((contact, VCARD.hasEmail, URIRef(mailto(betreiber.email))))
    if betreiber and betreiber.telefon:
        g.add((contact, VCARD.hasTelephone, URIRef(tel(betreiber.telefon))))

    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, Literal("Offene Daten der Offensive Grüne Infrastruktur 2030", lang="de")))
    g.add(
        (
            catalog,
            DCTERMS.description,
            Literal(
                "Maßnahmen der Offensive Grüne Infrastruktur 2030 des Regionalverbands Ruhr mit Lage, Träger, Status "
                "und Förderung sowie die Programme ihrer Veranstaltungen.",
                lang="de",
            ),
        )
    )
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((catalog, FOAF.homepage, URIRef(umgebung.url(""))))
    g.add((catalog, DCTERMS.language, SPRACHE))
    g.add((catalog, DCTERMS.license, LIZENZ_URI))
    if datensaetze:
        g.add((catalog, DCTERMS.modified, _date(max(d.modified for d in datensaetze))))

    for d in datensaetze:
        dataset = URIRef(f"{base}#{d.key}")
        g.add((catalog, DCAT.dataset, dataset))
        g.add((dataset, RDF.type, DCAT.Dataset))
        g.add((dataset, DCTERMS.identifier, Literal(str(dataset))))
        g.add((dataset, DCTERMS.title, Literal(d.titel, lang="de")))
        g.add((dataset, DCTERMS.description, Literal(d.beschreibung, lang="de")))
        g.add((dataset, DCTERMS.publisher, publisher))
        g.add((dataset, DCATDE.contributorID, contributor))
        g.add((dataset, DCAT.contactPoint, contact))
        g.add((dataset, DCAT.landingPage, URIRef(umgebung.url(d.landing_page))))
        g.add((dataset, DCTERMS.language, SPRACHE))
        g.add((dataset, DCTERMS.issued, _date(d.issued)))
        g.add((dataset, DCTERMS.modified, _date(d.modified)))
        g.add((dataset, DCATDE.politicalGeocodingLevelURI, GEOCODING_LEVEL))
        for uri in GEOCODING_URIS:
            g.add((dataset, DCATDE.politicalGeocodingURI, uri))
        for theme in THEMEN:
            g.add((dataset, DCAT.theme, theme))
        for keyword in d.keywords:
            g.add((dataset, DCAT.keyword, Literal(keyword, lang="de")))
        for v in d.verteilungen:
            _distribution(g, dataset, v, d, name, umgebung)
    return g


def _distribution(g: Graph, dataset: URIRef, v: Verteilung, d: Datensatz, name: str, umgebung: Umgebung) -> None:
    url = URIRef(umgebung.url(v.uri))
    distribution = URIRef(str(url))  # the file's address names the distribution: no blank nodes, stable output
    g.add((dataset, DCAT.distribution, distribution))
    g.add((distribution, RDF.type, DCAT.Distribution))
    g.add((distribution, DCTERMS.title, Literal(v.export.label, lang="de")))
    g.add((distribution, DCTERMS.description, Literal(v.export.hinweis, lang="de")))
    g.add((distribution, DCAT.accessURL, url))
    g.add((distribution, DCAT.downloadURL, url))
    if v.export.format_uri():
        g.add((distribution, DCTERMS["format"], URIRef(str(v.export.format_uri()))))
    g.add((distribution, DCAT.mediaType, URIRef(v.export.media_type_uri())))
    g.add((distribution, DCAT.byteSize, Literal(Decimal(v.size), datatype=XSD.decimal)))  # as DCAT-AP.de asks
    g.add((distribution, DCTERMS.license, LIZENZ_URI))
    g.add((distribution, DCATDE.licenseAttributionByText, Literal(f"Datenquelle: {name}", lang="de")))
    g.add((distribution, DCTERMS.issued, _date(d.issued)))
    g.add((distribution, DCTERMS.modified, _date(d.modified)))


def katalog_turtle(site: Site, datensaetze: Sequence[Datensatz], umgebung: Umgebung) -> str:
    """The catalogue as Turtle text."""
    return katalog(site, datensaetze, umgebung).serialize(format="turtle")


def _date(day: dt.date) -> Literal:
    return Literal(day.isoformat(), datatype=XSD.date)


def datensaetze(
    site: Site,
    massnahmen_dateien: Sequence[tuple[type[Export], Output]],
    events: Sequence[tuple[Veranstaltung, Sequence[tuple[type[Export], Output]]]],
) -> list[Datensatz]:
    """The catalogue's datasets: the measures, then each event's programme, with their published files."""
    result = []
    stand = [m.record.datenstand for m in site.massnahmen]
    if stand:
        result.append(
            Datensatz(
                key="massnahmen",
                titel="Maßnahmen der Offensive Grüne Infrastruktur 2030",
                beschreibung="Die Maßnahmen der Offensive Grüne Infrastruktur 2030 im Gebiet des Regionalverbands Ruhr "
                "mit Kommune, Lage, Träger, Status, Zeitraum und Förderung.",
                landing_page=urls.page_url(urls.MASSNAHMEN),
                issued=min(stand),
                modified=max(stand),
                verteilungen=[_verteilung(e, o) for e, o in massnahmen_dateien],
                keywords=("Grüne Infrastruktur", "Metropole Ruhr", "Klimaanpassung", "Freiraum"),
            )
        )
    for event, dateien in events:
        dates = [event.record.datenstand] + [v.record.datenstand for v in event.vortraege]
        result.append(
            Datensatz(
                key=event.uri,
                titel=f"Programm: {event.record.titel}",
                beschreibung=f"{event.record.kurzbeschreibung} Das Programm mit Tagen, Sessions, Beiträgen und "
                "Referierenden.",
                landing_page=event.page_path(),
                issued=min(dates),
                modified=max(dates),
                verteilungen=[_verteilung(e, o) for e, o in dateien],
                keywords=("Grüne Infrastruktur", "Metropole Ruhr", "Veranstaltung"),
            )
        )
    return result


def _verteilung(export: type[Export], output: Output) -> Verteilung:
    content = output.content or ""
    return Verteilung(export, output.uri, len(content.encode("utf-8") if isinstance(content, str) else content))
