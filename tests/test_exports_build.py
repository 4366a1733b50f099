"""The built site on records of the tests' own (two events): for each event, the pages, schedule.json,
schedule.xml and the calendar list the same talks with the same times and links; the pages link the files by
their declared labels; every page announces the Atom feed in its head; the events page and the speaker index
span all events.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import icalendar
import pytest

from bench.htmltree import parse_html
from formats_projekt import FORMATS_URL
from helpers import article_elements as content
from helpers import article_links as links
from helpers import facts, present
from ogi.events.kalender import Kalender
from ogi.events.pages import EVENT_EXPORTS
from ogi.events.schedule import ScheduleJson
from ogi.events.schedule_xml import ScheduleXml
from ogi.events.veranstaltung import veranstaltungen
from ogi.opendata.feed import AtomFeed
from ogi.opendata.katalog import KatalogTurtle
from ogi.records.content import load_site

SITE_URL = FORMATS_URL
# event -> (number of talks, talks with a time on their page, in programme order)
EXPECTED = {
    "tagung-2020": (5, ["vortrag-mit-zeit", "vortrag-session-zeit", "vortrag-sommerzeit"]),
    "testforum-2023": (2, ["begruessung"]),
}
UHRZEIT = re.compile(r"(\d\d:\d\d)(?:–(\d\d:\d\d))? Uhr(?: \((\d+) Minuten\))?")


@pytest.fixture(scope="module")
def built(formats_built: tuple[Path, Path]) -> tuple[Path, Path]:
    """(project, site) of one strict build of the fixture records, published under a subpath (SITE_URL)."""
    return formats_built


def _local(site: Path, url: str) -> Path:
    """The built file behind an absolute URL of the site."""
    assert url.startswith(SITE_URL), url
    path = site / url[len(SITE_URL) :]
    return path / "index.html" if url.endswith("/") else path


def _page_talks(site: Path, event_uri: str) -> list[str]:
    """Slugs of the talks the event page lists, in programme order."""
    hrefs = [a.href for a in links(site / event_uri / "index.html")]
    return [h[:-1] for h in hrefs if re.fullmatch(r"[a-z0-9-]+/", h) and h != "referierende/"]


def _material(page: Path, page_url: str) -> list[str]:
    """Absolute URLs of the links under 'Folien und Material' on a talk page."""
    elements, urls, inside = content(page), [], False
    for e in elements:
        if e.tag.startswith("h"):
            inside = e.text == "Folien und Material"
        elif inside and e.tag == "a":
            if e.text == "Programm der Veranstaltung":  # the way back, after the list
                break
            urls.append(urljoin(page_url, e.href))
    return urls


def _page_times(page: Path) -> tuple[dt.date, str | None, str | None, int | None]:
    """(day, start, end, minutes) as the talk page shows them; None where the page shows nothing."""
    day = next(a.href.rsplit("#tag-", 1)[1] for a in links(page) if "#tag-" in a.href)
    shown = facts(page).get("Uhrzeit")
    if shown is None:
        return dt.date.fromisoformat(day), None, None, None
    start, end, minutes = present(UHRZEIT.match(shown)).groups()
    return dt.date.fromisoformat(day), start, end, int(minutes) if minutes else None


def test_pages_schedule_json_schedule_xml_and_calendar_list_the_same_talks_times_and_links(
    built: tuple[Path, Path],
) -> None:
    project, site = built
    checked = []
    for event in veranstaltungen(load_site(project)):
        folder = site / event.uri
        data = json.loads((folder / ScheduleJson.identifier).read_text(encoding="utf-8"))
        by_json = {
            e["slug"]: e
            for day in data["schedule"]["conference"]["days"]
            for room in day["rooms"].values()
            for e in room
        }
        by_xml = {e.findtext("url", ""): e for e in ET.parse(folder / ScheduleXml.identifier).getroot().iter("event")}
        by_ics = {
            str(e["UID"]): e
            for e in icalendar.Calendar.from_ical((folder / Kalender.identifier).read_bytes()).walk("VEVENT")
        }

        talks = _page_talks(site, event.uri)
        assert talks == list(by_json) and len(talks) == EXPECTED[event.uri][0]
        assert sorted(by_xml) == sorted(e["url"] for e in by_json.values())
        timed = []
        for slug in talks:
            page_url = f"{SITE_URL}{event.uri}/{slug}/"
            page = _local(site, page_url)
            j, x = by_json[slug], by_xml[page_url]
            # the same talk, at the same address, everywhere
            assert j["url"] == page_url and x.get("guid") == j["guid"]
            start = dt.datetime.fromisoformat(j["date"])
            end = dt.datetime.fromisoformat(j["end"])
            assert (x.findtext("date"), x.findtext("start"), x.findtext("duration")) == (
                j["date"],
                j["start"],
                j["duration"],
            )
            material = sorted(_material(page, page_url))
            assert material == sorted(a["url"] for a in j["attachments"] + j["links"])
            assert material == sorted(
                a.get("href", "") for a in [*present(x.find("attachments")), *present(x.find("links"))]
            )

            day, shown_start, shown_end, minutes = _page_times(page)
            assert start.date() == day
            vevent = by_ics.get(j["guid"])
            if shown_start is None:  # no time on the page: none in the calendar either
                assert vevent is None, slug
                continue
            assert vevent is not None, slug
            timed.append(slug)
            assert start.strftime("%H:%M") == shown_start
            if shown_end:
                assert end.strftime("%H:%M") == shown_end
            if minutes:
                assert end - start == dt.timedelta(minutes=minutes)
            assert (vevent.decoded("DTSTART"), vevent.decoded("DTEND")) == (start, end)
            assert str(vevent["URL"]) == page_url
            attach = vevent.get("ATTACH", [])
            attach = attach if isinstance(attach, list) else [attach]
            assert sorted(str(a) for a in attach) == material
        assert timed == EXPECTED[event.uri][1]
        checked.append(event.uri)
    assert checked == list(EXPECTED)


def test_event_page_links_each_export_by_its_declared_label(built: tuple[Path, Path]) -> None:
    _, site = built
    hrefs = {a.text: a.href for a in links(site / "tagung-2020/index.html")}
    for export in EVENT_EXPORTS:
        assert hrefs[export.label] == export.identifier
        assert (site / "tagung-2020" / export.identifier).is_file()
    assert list(hrefs).index(Kalender.label) < list(hrefs).index(ScheduleXml.label)


def test_talk_page_with_known_time_offers_its_calendar_file(built: tuple[Path, Path]) -> None:
    _, site = built
    for slug, expected in (("vortrag-mit-zeit", True), ("vortrag-session-zeit", True), ("vortrag-ohne-zeit", False)):
        page_url = f"{SITE_URL}tagung-2020/{slug}/"
        hrefs = [a.href for a in links(_local(site, page_url)) if a.text == "Zum Kalender hinzufügen"]
        assert bool(hrefs) == expected, slug
        if expected:
            ics = _local(site, urljoin(page_url, hrefs[0])).read_bytes()
            [vevent] = icalendar.Calendar.from_ical(ics).walk("VEVENT")
            assert str(vevent["URL"]) == page_url


def test_measures_page_links_the_catalogue_and_the_feed_in_its_open_data_section(built: tuple[Path, Path]) -> None:
    _, site = built
    page_url = f"{SITE_URL}massnahmen/"
    hrefs = {a.text: urljoin(page_url, a.href) for a in links(_local(site, page_url))}
    assert hrefs[KatalogTurtle.label] == f"{SITE_URL}daten/{KatalogTurtle.identifier}"
    assert hrefs[AtomFeed.label] == f"{SITE_URL}{AtomFeed.identifier}"
    assert _local(site, hrefs[KatalogTurtle.label]).is_file() and _local(site, hrefs[AtomFeed.label]).is_file()


def test_every_page_announces_the_feed_in_its_head(built: tuple[Path, Path]) -> None:
    _, site = built
    pages = sorted(site.rglob("index.html")) + [site / "404.html"]
    assert len(pages) > 20
    for page in pages:  # 404.html is served at any depth: MkDocs gives it absolute paths
        alternates = [n.attrs for n in parse_html(page).find_all("link") if n.attrs.get("rel") == "alternate"]
        feeds = [a for a in alternates if a.get("type") == AtomFeed.content_type]
        assert len(feeds) == 1, page
        assert feeds[0]["title"] == "Neu und geändert"
        url = page.relative_to(site).parent.as_posix()
        page_url = SITE_URL + ("" if url == "." else url + "/")
        assert urljoin(page_url, feeds[0]["href"]) == f"{SITE_URL}{AtomFeed.identifier}", page


def test_every_event_folder_is_an_event_with_its_own_pages_files_and_guids(built: tuple[Path, Path]) -> None:
    _, site = built
    first = json.loads((site / "tagung-2020/schedule.json").read_text(encoding="utf-8"))["schedule"]["conference"]
    second = json.loads((site / "testforum-2023/schedule.json").read_text(encoding="utf-8"))["schedule"]["conference"]
    assert (first["acronym"], second["acronym"]) == ("ogi_tagung_2020", "ogi_testforum_2023")
    assert second["url"] == f"{SITE_URL}testforum-2023/"
    guids = {e["guid"] for c in (first, second) for d in c["days"] for r in d["rooms"].values() for e in r}
    assert len(guids) == 7
    assert (site / "testforum-2023/begruessung/index.html").is_file()
    assert (site / "testforum-2023/kalender/begruessung.ics").is_file()


def test_events_page_lists_every_event_newest_first(built: tuple[Path, Path]) -> None:
    _, site = built
    page_url = f"{SITE_URL}veranstaltungen/"
    hrefs = [urljoin(page_url, a.href) for a in links(_local(site, page_url))]
    events = [h for h in hrefs if h in (f"{SITE_URL}tagung-2020/", f"{SITE_URL}testforum-2023/")]
    assert events == [f"{SITE_URL}testforum-2023/", f"{SITE_URL}tagung-2020/"]


def test_speaker_index_spans_all_events(built: tuple[Path, Path]) -> None:
    _, site = built
    page_url = f"{SITE_URL}veranstaltungen/referierende/"
    page = _local(site, page_url)
    names = [h.text for h in content(page) if h.tag == "h2"]
    assert names == ["Max Beispiel", "Erika Mustermann"]  # by surname; "Erika  Mustermann" is the same person
    talks = [urljoin(page_url, a.href) for a in links(page)]
    assert f"{SITE_URL}testforum-2023/begruessung/" in talks and f"{SITE_URL}tagung-2020/vortrag-mit-zeit/" in talks
    for url in talks:
        if url.startswith(SITE_URL):
            assert _local(site, url).is_file(), url


def test_place_of_a_day_is_on_the_event_page_and_in_the_calendar(built: tuple[Path, Path]) -> None:
    _, site = built
    text = " ".join((site / "testforum-2023/index.html").read_text(encoding="utf-8").split())
    assert "Ort: Testsaal, Teststraße 1, Essen" in text
    events = icalendar.Calendar.from_ical((site / "testforum-2023/kalender.ics").read_bytes()).walk("VEVENT")
    assert {str(e["LOCATION"]) for e in events} == {"Testsaal, Teststraße 1, Essen"}
    day = next(e for e in events if str(e["SUMMARY"]).startswith("Forumstag"))
    # start known, end not: a timed entry at its start in the event's zone, without an invented end
    assert day.decoded("DTSTART") == dt.datetime(2023, 6, 15, 8, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    assert "DTEND" not in day and "DURATION" not in day
    assert str(day["DESCRIPTION"]) == "Das Ende ist nicht bekannt."
