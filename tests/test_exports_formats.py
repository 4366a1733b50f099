"""schedule.xml, iCalendar, the DCAT-AP.de catalogue and the Atom feed, on records of the tests' own."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import icalendar
import pyshacl
import pytest
import rdflib.namespace as ns
import xmlschema
from pytest import TempPathFactory
from rdflib import RDF, SH, Graph, Literal, URIRef

from formats_projekt import TITEL_SONDERZEICHEN, ZWEITE, formats_project
from helpers import ROOT, as_bytes, as_text, present
from ogi.events.kalender import Kalender, talk_file
from ogi.events.pages import EVENT_EXPORTS
from ogi.events.schedule import ScheduleJson
from ogi.events.schedule_xml import ScheduleXml
from ogi.events.veranstaltung import veranstaltungen
from ogi.model.urls import KATALOG as KATALOG_URI
from ogi.model.urls import NEU, page_url
from ogi.opendata.exporte import Export, Umgebung
from ogi.opendata.feed import AtomFeed
from ogi.opendata.katalog import DCATDE, GEOCODING_LEVEL, KREISSCHLUESSEL, LIZENZ_URI, KatalogTurtle
from ogi.opendata.projekte import OPEN_DATA_EXPORTS
from ogi.pages.outputs import build_outputs
from ogi.records.content import load_site

XSD = ROOT / "tests/standards/c3voc-schedule.xml.xsd"
DCAT_AP_DE = ROOT / "tests/standards/dcat-ap-de-2.0"
# GovData's profile „DCAT-AP.de 2.0 – Spezifikation + Konventionen“ (its README lists the files).
SHAPES = (
    "dcat-ap-spec-german-messages.ttl",
    "dcat-ap-spec-german-additions.ttl",
    "dcat-ap-de-deprecated.ttl",
    "dcat-ap-konventionen.ttl",
    "dcat-ap_2.1.1_shacl_shapes.ttl",
)
SITE_URL = "https://example.org/gruene-infrastruktur/"
ERSTELLT = dt.datetime(2026, 11, 26, 8, 30, tzinfo=dt.UTC)
ATOM = "{http://www.w3.org/2005/Atom}"
BERLIN = dt.timezone(dt.timedelta(hours=1))
EXPORTS: tuple[type[Export], ...] = (*EVENT_EXPORTS, *OPEN_DATA_EXPORTS, KatalogTurtle, AtomFeed)


@pytest.fixture(scope="module")
def project(tmp_path_factory: TempPathFactory) -> Path:
    return formats_project(tmp_path_factory.mktemp("formats"))


Files = dict[str, str | bytes]  # the generated files by address


@pytest.fixture(scope="module")
def files(project: Path) -> dict[str, str | bytes]:
    outputs = build_outputs(load_site(project), SITE_URL, erstellt=ERSTELLT)
    return {o.uri: o.content for o in outputs if o.content is not None}


def json_events(files: Files) -> dict[str, dict[str, Any]]:
    """schedule.json's talks by slug (JSON: untyped)."""
    data = json.loads(files["tagung-2020/schedule.json"])
    return {
        e["slug"]: e for day in data["schedule"]["conference"]["days"] for room in day["rooms"].values() for e in room
    }


def xml_events(files: Files) -> dict[str, ET.Element]:
    root = ET.fromstring(files["tagung-2020/schedule.xml"])
    return {e.findtext("url", "").rstrip("/").rsplit("/", 1)[-1]: e for e in root.iter("event")}


def vevents(ics: str | bytes) -> list[icalendar.Event]:
    return [e for e in icalendar.Calendar.from_ical(ics).walk("VEVENT") if isinstance(e, icalendar.Event)]


# --- the declarations -----------------------------------------------------------------------------


@pytest.mark.parametrize("export", EXPORTS, ids=lambda e: e.identifier)
def test_every_export_declares_identifier_extension_content_type_and_german_label(export: type[Export]) -> None:
    assert export.identifier.endswith("." + export.extension)
    assert "/" in export.content_type and export.label and export.hinweis
    format_uri = export.format_uri()
    assert format_uri is None or format_uri.startswith("http://publications.europa.eu/resource/authority/file-type/")


def test_a_file_type_is_named_once_in_the_file_name() -> None:
    class Liste(Export):
        uri = "daten/liste.csv"
        label, hinweis = "Liste", "eine Liste"

    assert (Liste.identifier, Liste.extension, Liste.content_type, Liste.eu_dateityp) == (
        "liste.csv",
        "csv",
        "text/csv",
        "CSV",
    )
    with pytest.raises(TypeError, match=r"Unbekannt: \.abc fehlt in FORMATE"):

        class Unbekannt(Export):
            identifier = "liste.abc"


@pytest.mark.parametrize("export", EXPORTS, ids=lambda e: e.identifier)
def test_every_export_renders_itself(export: type[Export]) -> None:
    # pretalx's shape: the class that declares a file also makes it (issue 23: only 3 of 8 did).
    assert "render" in vars(export), f"{export.__name__} hat kein render"


def test_every_open_data_export_renders_the_file_published_under_its_identifier(project: Path, files: Files) -> None:
    site = load_site(project)
    for export in OPEN_DATA_EXPORTS:
        assert export.uri == f"daten/{export.identifier}"
        assert export().render(site, Umgebung(SITE_URL, ERSTELLT)) == files[export.uri]


def test_every_event_export_is_published_under_its_identifier(files: Files) -> None:
    for export in EVENT_EXPORTS:
        assert f"tagung-2020/{export.identifier}" in files


# --- schedule.xml ---------------------------------------------------------------------------------


def test_schedule_xml_validates_against_the_c3voc_xsd(files: Files) -> None:
    schema = xmlschema.XMLSchema(str(XSD))
    assert [str(e.reason) for e in schema.iter_errors(files["tagung-2020/schedule.xml"])] == []


def test_schedule_xml_has_the_events_guids_persons_and_attachments_of_schedule_json(files: Files) -> None:
    by_json, by_xml = json_events(files), xml_events(files)
    assert list(by_xml) == list(by_json)
    for slug, e in by_json.items():
        x = by_xml[slug]
        assert (x.get("guid"), int(present(x.get("id")))) == (e["guid"], e["id"])
        assert (x.findtext("date"), x.findtext("start"), x.findtext("duration")) == (
            e["date"],
            e["start"],
            e["duration"],
        )
        assert (x.findtext("title"), x.findtext("room"), x.findtext("url")) == (e["title"], e["room"], e["url"])
        assert [(p.get("guid"), p.text) for p in present(x.find("persons"))] == [
            (p["guid"], p["name"]) for p in e["persons"]
        ]
        assert [(a.get("href"), a.get("type"), a.text) for a in present(x.find("attachments"))] == [
            (a["url"], a["type"], a["title"]) for a in e["attachments"]
        ]
        assert [(a.get("href"), a.text) for a in present(x.find("links"))] == [
            (a["url"], a["title"]) for a in e["links"]
        ]


def test_schedule_xml_keeps_markup_characters_as_text(files: Files) -> None:
    assert xml_events(files)["vortrag-mit-zeit"].findtext("title") == TITEL_SONDERZEICHEN
    assert present(ET.fromstring(files["tagung-2020/schedule.xml"]).find("conference/title")).text == (
        "Testtagung Grün & Blau <2021>"
    )


def test_schedule_xml_gives_talks_without_time_the_span_schedule_json_gives(files: Files) -> None:
    x = xml_events(files)
    assert (x["vortrag-ohne-zeit"].findtext("start"), x["vortrag-ohne-zeit"].findtext("duration")) == ("09:00", "04:00")
    assert (x["vortrag-session-zeit"].findtext("start"), x["vortrag-session-zeit"].findtext("duration")) == (
        "10:00",
        "02:00",
    )
    # a day without known hours: midnight with no length, never a whole-day slot ending 23:59
    assert (x["workshop-sonntag"].findtext("start"), x["workshop-sonntag"].findtext("duration")) == ("00:00", "00:00")


# --- iCalendar ------------------------------------------------------------------------------------


def test_calendar_parses_back_with_the_days_and_every_talk_of_known_time(files: Files) -> None:
    events = vevents(files["tagung-2020/" + Kalender.identifier])
    guids = {e["guid"]: slug for slug, e in json_events(files).items()}
    talks = sorted(guids[str(e["UID"])] for e in events if str(e["UID"]) in guids)
    assert talks == ["vortrag-mit-zeit", "vortrag-session-zeit", "vortrag-sommerzeit"]
    assert len(events) == len(talks) + 2  # one per day


def test_calendar_times_are_in_europe_berlin_with_a_vtimezone(files: Files) -> None:
    calendar = icalendar.Calendar.from_ical(files["tagung-2020/kalender.ics"])
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    by_summary = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    sunday = by_summary["Vortrag am Sonntag"]
    assert sunday["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert sunday.decoded("DTSTART").utcoffset() == dt.timedelta(hours=2)  # summer time from 28.03.2021
    assert sunday.decoded("DTEND") - sunday.decoded("DTSTART") == dt.timedelta(minutes=45)
    talk = by_summary[TITEL_SONDERZEICHEN]
    assert talk.decoded("DTSTART") == dt.datetime(2021, 3, 27, 10, 15, tzinfo=BERLIN)


def test_calendar_day_without_hours_is_an_all_day_entry(files: Files) -> None:
    days = {
        e.decoded("DTSTART"): e
        for e in vevents(files["tagung-2020/kalender.ics"])
        if str(e["SUMMARY"]).startswith(("Erster Tag", "Zweiter Tag"))
    }
    assert dt.date(2021, 3, 28) in days and not isinstance(days[dt.date(2021, 3, 28)].decoded("DTSTART"), dt.datetime)
    first = next(e for e in days.values() if str(e["SUMMARY"]).startswith("Erster Tag"))
    assert first.decoded("DTSTART") == dt.datetime(2021, 3, 27, 9, 0, tzinfo=BERLIN)


def test_calendar_links_the_talk_page_and_its_attachments(files: Files) -> None:
    talk = next(e for e in vevents(files["tagung-2020/kalender.ics"]) if str(e["SUMMARY"]) == TITEL_SONDERZEICHEN)
    assert str(talk["URL"]) == f"{SITE_URL}tagung-2020/vortrag-mit-zeit/"
    attachments = talk["ATTACH"]
    assert isinstance(attachments, list)
    assert [str(a) for a in attachments] == [
        f"{SITE_URL}tagung-2020/anhaenge/folien-test.pdf",
        "https://example.org/video/1",
    ]
    assert "Erika Mustermann" in str(talk["DESCRIPTION"])


def test_calendar_dtstamp_is_the_build_time(files: Files) -> None:
    for event in vevents(files["tagung-2020/kalender.ics"]):
        assert event.decoded("DTSTAMP") == ERSTELLT


def test_calendar_is_byte_identical_on_every_build_and_uids_do_not_depend_on_the_host(project: Path) -> None:
    def calendar(site_url: str) -> str | bytes:
        outputs = build_outputs(load_site(project), site_url, erstellt=ERSTELLT)
        content: str | bytes | None = next(o.content for o in outputs if o.uri == "tagung-2020/kalender.ics")
        assert content is not None
        return content

    assert calendar(SITE_URL) == calendar(SITE_URL)
    uids = [str(e["UID"]) for e in vevents(calendar(SITE_URL))]
    assert uids == [str(e["UID"]) for e in vevents(calendar("https://anderswo.example/"))]
    assert all(uuid.UUID(u).version == 5 for u in uids)


def test_talk_calendar_holds_only_that_talk_with_the_uid_of_the_event_calendar(project: Path, files: Files) -> None:
    event = veranstaltungen(load_site(project))[0]
    talk = next(v for v in event.vortraege if v.slug == "vortrag-sommerzeit")
    [single] = vevents(files[talk_file(event, talk)])
    assert str(single["UID"]) == json_events(files)["vortrag-sommerzeit"]["guid"]
    assert not any(uri.endswith("vortrag-ohne-zeit.ics") for uri in files)


# --- DCAT-AP.de -----------------------------------------------------------------------------------


def _literal(node: object) -> Literal:
    """A value of the catalogue that must be an RDF literal (a size, a date)."""
    assert isinstance(node, Literal), node
    return node


@pytest.fixture(scope="module")
def katalog(files: Files) -> Graph:
    return Graph().parse(data=files[KATALOG_URI], format="turtle")


def test_katalog_has_the_mandatory_properties_of_catalogue_datasets_and_distributions(katalog: Graph) -> None:
    [catalog] = katalog.subjects(RDF.type, ns.DCAT.Catalog)
    for prop in (ns.DCTERMS.title, ns.DCTERMS.description, ns.DCTERMS.publisher):
        assert katalog.value(catalog, prop) is not None, prop
    datasets = set(katalog.objects(catalog, ns.DCAT.dataset))
    assert datasets == set(katalog.subjects(RDF.type, ns.DCAT.Dataset))
    assert sorted(str(d).rsplit("#", 1)[1] for d in datasets) == ["massnahmen", "tagung-2020", ZWEITE]
    for dataset in datasets:
        for prop in (
            ns.DCTERMS.title,
            ns.DCTERMS.description,
            ns.DCTERMS.publisher,
            ns.DCAT.contactPoint,
            ns.DCTERMS.issued,
            ns.DCTERMS.modified,
            DCATDE.politicalGeocodingLevelURI,
        ):
            assert katalog.value(dataset, prop) is not None, (dataset, prop)
        for distribution in katalog.objects(dataset, ns.DCAT.distribution):
            for prop in (ns.DCAT.accessURL, ns.DCTERMS["format"], ns.DCAT.mediaType, ns.DCTERMS.license):
                assert katalog.value(distribution, prop) is not None, (distribution, prop)
    publisher = katalog.value(catalog, ns.DCTERMS.publisher)
    assert str(katalog.value(publisher, ns.FOAF.name)) == "Testverband Beispielregion"  # name in betreiber.yml


def test_katalog_licence_and_political_geocoding_of_the_rvr_area(katalog: Graph) -> None:
    for distribution in katalog.subjects(RDF.type, ns.DCAT.Distribution):
        assert katalog.value(distribution, ns.DCTERMS.license) == URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
    assert LIZENZ_URI == URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
    for dataset in katalog.subjects(RDF.type, ns.DCAT.Dataset):
        assert katalog.value(dataset, DCATDE.politicalGeocodingLevelURI) == GEOCODING_LEVEL
        keys = sorted(str(u).rsplit("/", 1)[-1] for u in katalog.objects(dataset, DCATDE.politicalGeocodingURI))
        assert keys == sorted(KREISSCHLUESSEL) and len(keys) == 15


def test_katalog_lists_the_open_data_and_each_event_file_at_its_public_address(katalog: Graph, files: Files) -> None:
    urls = {str(katalog.value(d, ns.DCAT.accessURL)) for d in katalog.subjects(RDF.type, ns.DCAT.Distribution)}
    expected = {f"{SITE_URL}daten/{e.identifier}" for e in OPEN_DATA_EXPORTS}
    expected |= {f"{SITE_URL}{event}/{e.identifier}" for e in EVENT_EXPORTS for event in ("tagung-2020", ZWEITE)}
    assert urls == expected
    for url in urls:
        assert url[len(SITE_URL) :] in files


def govdata_findings(graph: Graph) -> tuple[list[str], list[str]]:
    """(violations, warnings and infos) of `graph` under GovData's shapes, as their messages."""
    shapes = Graph()
    for name in SHAPES:
        shapes.parse(DCAT_AP_DE / name, format="turtle")
    vocabularies = Graph().parse(DCAT_AP_DE / "vokabular-auszug.ttl", format="turtle")
    # The vocabularies go with the data, as GovData's validator imports them (dcat-ap-de-imports.ttl).
    _, report, _ = pyshacl.validate(graph + vocabularies, shacl_graph=shapes, inference="none", allow_warnings=True)
    findings: dict[bool, list[str]] = {True: [], False: []}
    for result in report.subjects(RDF.type, SH.ValidationResult):
        violation = report.value(result, SH.resultSeverity) == SH.Violation
        findings[violation].append(f"{report.value(result, SH.focusNode)}: {report.value(result, SH.resultMessage)}")
    return sorted(findings[True]), sorted(findings[False])


def test_katalog_passes_govdata_shapes_with_specification_and_conventions(katalog: Graph) -> None:
    violations, others = govdata_findings(katalog)
    assert violations == []
    assert others == []


def test_govdata_shapes_catch_what_the_katalog_does_right(katalog: Graph) -> None:
    # The shapes bite: without the provider's ID, or with the size as an integer, the catalogue fails.
    broken = Graph() + katalog
    broken.remove((None, DCATDE.contributorID, None))
    for distribution, size in list(broken.subject_objects(ns.DCAT.byteSize)):
        broken.set(
            (
                distribution,
                ns.DCAT.byteSize,
                Literal(int(_literal(size).toPython()), datatype=ns.XSD.nonNegativeInteger),
            )
        )
    messages = " ".join(govdata_findings(broken)[0])
    assert "K12&13" in messages and "dcat:byteSize MUSS ein als xsd:decimal getyptes Literal sein" in messages


def test_katalog_names_the_operators_data_provider_id(files: Files, project: Path) -> None:
    katalog = Graph().parse(data=files[KATALOG_URI], format="turtle")
    ids = set(katalog.objects(None, DCATDE.contributorID))
    assert ids == {URIRef("http://dcat-ap.de/def/contributors/openNRW")}  # the default: NRW's portal
    betreiber = project / "content/betreiber.yml"
    original = betreiber.read_text(encoding="utf-8")
    try:
        betreiber.write_text(original + "datenbereitsteller_id: regionalverbandRuhr\n", encoding="utf-8")
        outputs = build_outputs(load_site(project), SITE_URL, erstellt=ERSTELLT)
        own = Graph().parse(data=next(o.content for o in outputs if o.uri == KATALOG_URI), format="turtle")
    finally:
        betreiber.write_text(original, encoding="utf-8")
    assert set(own.objects(None, DCATDE.contributorID)) == {
        URIRef("http://dcat-ap.de/def/contributors/regionalverbandRuhr")
    }


def test_katalog_file_sizes_are_decimals(katalog: Graph) -> None:
    sizes = list(katalog.objects(None, ns.DCAT.byteSize))
    assert sizes and all(_literal(s).datatype == ns.XSD.decimal and _literal(s).toPython() > 0 for s in sizes)


def test_katalog_dates_come_from_the_records(katalog: Graph) -> None:
    massnahmen = next(d for d in katalog.subjects(RDF.type, ns.DCAT.Dataset) if str(d).endswith("#massnahmen"))
    issued, modified = (
        _literal(katalog.value(massnahmen, p)).toPython() for p in (ns.DCTERMS.issued, ns.DCTERMS.modified)
    )
    assert (issued, modified) == (dt.date(2021, 2, 1), dt.date(2021, 5, 1))


# --- schema.org ------------------------------------------------------------------------------------


def test_event_in_a_hall_has_its_place_and_attendance_mode_from_the_record(project: Path) -> None:
    from ogi.opendata.strukturdaten import event

    site = load_site(project)
    daten = {d.ordner: d for d in site.veranstaltungen}
    hall = event(daten[ZWEITE], SITE_URL)
    assert hall["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert hall["location"] == {
        "@type": "Place",
        "name": "Testsaal, Teststraße 1, Essen",
        "address": "Testsaal, Teststraße 1, Essen",
    }  # as tagung.yml writes it
    online = event(daten["tagung-2020"], SITE_URL)
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online["location"]["@type"] == "VirtualLocation"


def test_event_without_a_recorded_place_gets_no_location(project: Path) -> None:
    from ogi.opendata.strukturdaten import event

    site = load_site(project)
    daten = next(d for d in site.veranstaltungen if d.ordner == ZWEITE)
    tage = [t.model_copy(update={"ort": None}) for t in daten.tagung.tage]
    daten.tagung = daten.tagung.model_copy(update={"tage": tage})
    data = event(daten, SITE_URL)
    assert "location" not in data and "eventAttendanceMode" not in data  # nothing is invented


# --- Atom -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def feed(files: Files) -> ET.Element:
    return ET.fromstring(files[AtomFeed.identifier])


def test_feed_has_the_elements_rfc_4287_requires(feed: ET.Element) -> None:
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author/" + ATOM + "name"):
        assert feed.findtext(ATOM + name), name
    self_link = [link.get("href") for link in feed.findall(ATOM + "link") if link.get("rel") == "self"]
    assert self_link == [f"{SITE_URL}{AtomFeed.identifier}"]
    for entry in feed.findall(ATOM + "entry"):
        assert entry.findtext(ATOM + "id") and entry.findtext(ATOM + "title") and entry.findtext(ATOM + "updated")
        assert present(present(entry.find(ATOM + "link")).get("href")).startswith(SITE_URL)


def test_feed_lists_records_and_events_newest_datenstand_first(feed: ET.Element) -> None:
    def moment(text: str | None) -> dt.datetime:
        return dt.datetime.fromisoformat(present(text))

    entries = [(e.findtext(ATOM + "title"), moment(e.findtext(ATOM + "updated"))) for e in feed.findall(ATOM + "entry")]
    newest = dt.datetime(2023, 7, 2, tzinfo=dt.UTC)
    assert entries[:2] == [
        ("Beitrag: Begrüßung im Forum", newest),
        ("Veranstaltung: Testforum 2023", newest),
    ]  # an event is as new as its newest talk
    assert ("Maßnahme: Testpark & <Wiese>", dt.datetime(2021, 5, 1, tzinfo=dt.UTC)) in entries
    assert [u for _, u in entries] == sorted((u for _, u in entries), reverse=True)
    titles = [t for t, _ in entries]
    assert "Veranstaltung: Testtagung Grün & Blau <2021>" in titles and f"Beitrag: {TITEL_SONDERZEICHEN}" in titles
    assert moment(feed.findtext(ATOM + "updated")) == newest


def test_feed_entries_are_dated_by_their_records_last_commit(tmp_path: Path) -> None:
    from test_workflow_last_changed import git

    project = formats_project(tmp_path)
    git(project, "init", "-q")
    git(project, "add", "content")
    git(project, "commit", "-qm", "alle", date="2026-03-01T09:00:00+01:00")
    record = project / "content/projects/bochum-testweg.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("Ein Weg", "Ein neuer Weg"), encoding="utf-8")
    talk = project / "content" / ZWEITE / "rundgang.yml"
    talk.write_text(talk.read_text(encoding="utf-8") + "kurzbeschreibung: Geändert.\n", encoding="utf-8")
    git(project, "commit", "-qam", "zwei", date="2026-04-02T15:30:45+02:00")
    outputs = build_outputs(load_site(project), SITE_URL, erstellt=ERSTELLT)
    content: str | bytes | None = next(o.content for o in outputs if o.uri == AtomFeed.identifier)
    assert content is not None
    feed = ET.fromstring(content)
    updated = {e.findtext(ATOM + "title"): e.findtext(ATOM + "updated") for e in feed.findall(ATOM + "entry")}
    assert updated["Maßnahme: Testweg"] == "2026-04-02T13:30:45Z"  # its own last change, in UTC
    assert updated["Maßnahme: Testpark & <Wiese>"] == "2026-03-01T08:00:00Z"
    assert updated["Beitrag: Rundgang"] == "2026-04-02T13:30:45Z"
    assert updated["Veranstaltung: Testforum 2023"] == "2026-04-02T13:30:45Z"  # as new as its newest talk
    assert updated["Veranstaltung: Testtagung Grün & Blau <2021>"] == "2026-03-01T08:00:00Z"
    assert len(set(updated.values())) == 2 and feed.findtext(ATOM + "updated") == "2026-04-02T13:30:45Z"


def test_feed_ids_do_not_depend_on_the_host(project: Path) -> None:
    def ids(site_url: str) -> list[str]:
        outputs = build_outputs(load_site(project), site_url, erstellt=ERSTELLT)
        content: str | bytes | None = next(o.content for o in outputs if o.uri == AtomFeed.identifier)
        assert content is not None
        root = ET.fromstring(content)
        return [e.findtext(ATOM + "id", "") for e in root.findall(ATOM + "entry")]

    assert ids(SITE_URL) == ids("https://anderswo.example/") and all(i.startswith("urn:uuid:") for i in ids(SITE_URL))


def test_feed_and_page_neu_list_the_same_entries_sorted_once_per_build(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ogi.opendata.feed as feed_module

    sorted_lists: list[tuple[object, ...]] = []
    eintraege = feed_module.eintraege

    def counted(*args: Any) -> Any:
        sorted_lists.append(args)
        return eintraege(*args)

    monkeypatch.setattr(feed_module, "eintraege", counted)
    files = {o.uri: o.content for o in build_outputs(load_site(project), SITE_URL, erstellt=ERSTELLT)}
    assert len(sorted_lists) == 1  # a derived list, made once (Build.feed_eintraege) and read by both outputs
    feed = ET.fromstring(as_bytes(files[AtomFeed.identifier]))
    in_feed = [
        present(present(e.find(ATOM + "link")).get("href")).removeprefix(SITE_URL) for e in feed.findall(ATOM + "entry")
    ]
    on_page = [
        page_url(seite) for seite in re.findall(r"^- [^\n]*?\]\(([^)#]+\.md)\)", as_text(files[NEU]), re.MULTILINE)
    ]
    assert len(in_feed) > 5 and on_page == in_feed


def test_schedule_json_is_declared_as_json() -> None:
    assert (ScheduleJson.extension, ScheduleJson.content_type) == ("json", "application/json")
    assert (ScheduleXml.identifier, Kalender.content_type) == ("schedule.xml", "text/calendar")


# --- events as records ----------------------------------------------------------------------------


def test_files_of_a_later_event_live_in_its_own_folder(tmp_path: Path) -> None:
    from helpers import fake_pdf

    project = formats_project(tmp_path)
    record = project / "content" / ZWEITE / "rundgang.yml"
    record.write_text(
        record.read_text(encoding="utf-8") + "anhaenge:\n  - titel: Plan\n    datei: plan.pdf\n"
        "  - titel: Fehlt\n    datei: fehlt.pdf\n",
        encoding="utf-8",
    )
    fake_pdf(project / "content" / ZWEITE / "anhaenge/plan.pdf", 1000)
    site = load_site(project)
    assert [(e.path, e.field) for e in site.errors] == [(f"content/{ZWEITE}/rundgang.yml", "anhaenge[2].datei")]
    assert f"content/{ZWEITE}/anhaenge/" in site.errors[0].message
    event = next(e for e in veranstaltungen(site) if e.uri == ZWEITE)
    [plan] = event.anhaenge(next(v for v in event.vortraege if v.slug == "rundgang"))
    assert plan.uri == f"{ZWEITE}/anhaenge/plan.pdf"


@pytest.mark.parametrize(
    "source, page",
    [
        ("content/tagung-2020/vortrag.yml", "tagung-2020/vortrag.md"),
        (f"content/{ZWEITE}/rundgang.yml", f"{ZWEITE}/rundgang.md"),
        (f"content/{ZWEITE}/tagung.yml", None),
        ("content/projects/bilder.yml", None),
    ],
    ids=["2020", "later-event", "tagung-yml", "reserved-project-name"],
)
def test_a_faulty_talk_of_any_event_keeps_its_address_for_the_error_page(source: str, page: str | None) -> None:
    from ogi.pages.outputs import record_page

    assert record_page(source) == page
