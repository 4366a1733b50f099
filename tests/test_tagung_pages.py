"""The built conference archive: event page with programme, talk, session and speaker pages, files."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import ROOT, mkdocs_build
from htmlpages import parse_page
from tagung_html import facts, headings, links, nav_links
from tagung_projekt import SLIDES_BYTES, TAGUNG, fake_pdf, project_with_slides

from ogi.content import load_site
from ogi.programm import talks_in_order
from ogi.schedule import ScheduleJson

SITE = load_site(ROOT)
TALKS = talks_in_order(SITE)


def target(site: Path, page: Path, href: str) -> Path:
    """The file a relative link on `page` (an index.html of the built site) points to."""
    base = "http://site/"
    url = urljoin(base + page.parent.relative_to(site).as_posix() + "/", href)
    path = urlsplit(url).path.lstrip("/")
    return site / path / "index.html" if path.endswith("/") or path == "" else site / path


@pytest.fixture(scope="module")
def slides_site(tmp_path_factory) -> Path:
    """A build with slides for the Grußwort, a second talk by the same speaker and a documentation PDF."""
    tmp = tmp_path_factory.mktemp("tagung-folien")
    project = project_with_slides(tmp)
    second = project / TAGUNG / "zweiter-beitrag.yml"
    second.write_text((project / TAGUNG / "grusswort-heinen-esser.yml").read_text(encoding="utf-8")
                      .replace("titel: Grußwort zur Fachtagung", "titel: Zweiter Beitrag zur Prüfung")
                      .replace("reihenfolge: 1", 'beginn: "10:15"\ndauer_min: 20').replace("  - titel: Folien\n", "  - titel: Handout\n")
                      .replace("name: Ursula Heinen-Esser", "name: Ursula  Heinen-Esser"), encoding="utf-8")
    fake_pdf(project / TAGUNG / "anhaenge/dokumentation.pdf", 12 * 1024 * 1024)
    tagung = project / TAGUNG / "tagung.yml"
    tagung.write_text(tagung.read_text(encoding="utf-8").replace(
        "dokumentation:\n", "dokumentation:\n  datei: dokumentation.pdf\n"), encoding="utf-8")
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_event_page_lists_every_talk_in_programme_order(built_site: Path):
    page = built_site / "tagung-2020/index.html"
    hrefs = [e.href.rstrip("/") for e in links(page)]
    listed = [h for h in hrefs if h in {v.slug for v in TALKS}]
    assert listed == [v.slug for v in TALKS]
    assert listed[0] == "workshop-strategien" and listed[-1] == "grusswort-heinen-esser"


def test_event_page_shows_both_days_with_their_times_and_sessions(built_site: Path):
    page = built_site / "tagung-2020/index.html"
    days = [h.text for h in headings(page, "h3")]
    assert days == ["Netzwerktag: 26.11.2020, 09:00–13:00 Uhr", "Fachtagung: 27.11.2020, 09:00–13:00 Uhr"]
    sessions = [(h.attrs["id"], h.text) for h in headings(page, "h4")]
    assert sessions == [(f"session-{s.id}", s.titel) for s in SITE.tagung.sessions]


def test_event_page_offers_speakers_schedule_and_documentation(built_site: Path):
    page = built_site / "tagung-2020/index.html"
    by_text = {e.text: e.href for e in links(page)}
    assert target(built_site, page, by_text["Referierende"]) == built_site / "tagung-2020/referierende/index.html"
    assert target(built_site, page, by_text[ScheduleJson.label]).is_file()
    assert by_text[SITE.tagung.dokumentation.titel] == str(SITE.tagung.dokumentation.url)


@pytest.mark.parametrize("session", SITE.tagung.sessions, ids=lambda s: s.id)
def test_every_session_has_its_page_linking_its_talks(built_site: Path, session):
    page = built_site / f"tagung-2020/sessions/{session.id}/index.html"
    assert parse_page(page).h1 == [session.titel]
    talk_links = {target(built_site, page, e.href) for e in links(page) if e.text in {v.record.titel for v in TALKS}}
    expected = {built_site / f"tagung-2020/{v.slug}/index.html" for v in TALKS if v.session == session}
    assert talk_links == expected and expected


def test_talk_page_links_its_session_page_and_its_speaker_entry(built_site: Path):
    page = built_site / "tagung-2020/grusswort-heinen-esser/index.html"
    by_text = {e.text: e.href for e in links(page)}
    session = target(built_site, page, by_text["Fachtagung: Positionen und gute Praxis in Europa"])
    assert session == built_site / "tagung-2020/sessions/fachtagung/index.html"
    speaker = by_text["Ursula Heinen-Esser"]
    assert target(built_site, page, speaker) == built_site / "tagung-2020/referierende/index.html"
    assert urlsplit(speaker).fragment in parse_page(built_site / "tagung-2020/referierende/index.html").ids


def test_speaker_index_has_one_entry_per_person_linking_the_talks(built_site: Path):
    page = built_site / "tagung-2020/referierende/index.html"
    assert [h.text for h in headings(page, "h2")] == ["Ursula Heinen-Esser"]
    talk = [e for e in links(page) if e.text == "Grußwort zur Fachtagung"]
    assert [target(built_site, page, e.href) for e in talk] == [built_site / "tagung-2020/grusswort-heinen-esser/index.html"]


def test_speaker_index_is_in_the_navigation(built_site: Path):
    start = built_site / "index.html"
    entries = {e.text: e.href for e in nav_links(start)}
    assert target(built_site, start, entries["Referierende"]) == built_site / "tagung-2020/referierende/index.html"


def test_slides_link_names_format_and_size_and_the_file_is_published(slides_site: Path):
    page = slides_site / "tagung-2020/grusswort-heinen-esser/index.html"
    slides = [e for e in links(page) if e.text.startswith("Folien")]
    assert [e.text for e in slides] == ["Folien (PDF, 2,3 MB)"]
    published = target(slides_site, page, slides[0].href)
    assert published.stat().st_size == SLIDES_BYTES
    assert published.read_bytes().startswith(b"%PDF-")


def test_same_person_in_two_talks_is_one_speaker_entry(slides_site: Path):
    page = slides_site / "tagung-2020/referierende/index.html"
    assert [h.text for h in headings(page, "h2")] == ["Ursula Heinen-Esser"]
    talks = [e.text for e in links(page) if target(slides_site, page, e.href).parent.parent.name == "tagung-2020"
             and not e.href.startswith(("#", "http"))]
    assert talks == ["Zweiter Beitrag zur Prüfung", "Grußwort zur Fachtagung"]  # programme order: timed first


def test_documentation_file_is_offered_on_the_event_page(slides_site: Path):
    page = slides_site / "tagung-2020/index.html"
    doc = [e for e in links(page) if e.text.startswith(SITE.tagung.dokumentation.titel + " (")]
    assert [e.text for e in doc] == [f"{SITE.tagung.dokumentation.titel} (PDF, 12 MB)"]
    assert target(slides_site, page, doc[0].href).stat().st_size == 12 * 1024 * 1024


def test_talk_without_known_time_shows_no_invented_time(built_site: Path):
    assert list(facts(built_site / "tagung-2020/workshop-klimaanpassung/index.html")) == ["Art", "Tag", "Session"]


def test_talk_with_known_time_shows_time_and_length(slides_site: Path):
    shown = facts(slides_site / "tagung-2020/zweiter-beitrag/index.html")
    assert shown["Uhrzeit"] == "10:15 Uhr (20 Minuten)"
    assert shown["Referent·in"] == ("Ursula Heinen-Esser (damalige Umweltministerin des Landes Nordrhein-Westfalen, "
                                    "Land Nordrhein-Westfalen)")
