"""The built conference archive: event page with programme, talk, session and speaker pages, files."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers import (
    FIXTURE_ROOT,
    TAGUNG,
    append_to_record,
    article,
    article_links,
    as_text,
    copy_project,
    facts,
    fake_pdf,
    headings,
    mkdocs_build,
    nav_links,
    parse_page,
    present,
    replace_in,
    target,
)
from ogi.events.programm import talks_in_order
from ogi.events.schedule import ScheduleJson
from ogi.records.content import load_site
from ogi.records.files import human_size
from ogi.records.tagung import Session

SITE = load_site(FIXTURE_ROOT)
TALKS = talks_in_order(present(SITE.veranstaltung("tagung-2020")))
SLIDES = FIXTURE_ROOT / TAGUNG / "anhaenge/test-folien.pdf"


@pytest.fixture(scope="module")
def documentation_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build whose tagung.yml offers a documentation PDF of 12 MB instead of a link, and whose talk
    test-werkstatt-a has slides of 2,4 MB: the attachments' sizes in one build."""
    tmp = tmp_path_factory.mktemp("tagung-dokumentation")
    project = copy_project(tmp / "projekt")
    fake_pdf(project / TAGUNG / "anhaenge/dokumentation.pdf", 12 * 1024 * 1024)
    fake_pdf(project / TAGUNG / "anhaenge/gross.pdf", 2_400_000)
    append_to_record(project, "test-werkstatt-a", "anhaenge:\n  - titel: Folien\n    datei: gross.pdf\n")
    replace_in(
        project / TAGUNG / "tagung.yml",
        "  url: https://example.org/testtagung/dokumentation\n",
        "  datei: dokumentation.pdf\n",
    )
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_event_page_lists_every_talk_in_programme_order(built_site: Path) -> None:
    page = built_site / "tagung-2020/index.html"
    hrefs = [e.href.rstrip("/") for e in article_links(page)]
    listed = [h for h in hrefs if h in {v.slug for v in TALKS}]
    assert listed == [v.slug for v in TALKS]
    # Day by day; within a day talks without a session first, then sessions; timed talks before ordered ones.
    assert listed == [
        "test-werkstatt-a",
        "test-werkstatt-b",
        "test-impuls-ohne-session",
        "test-vortrag-mit-zeit",
        "test-grusswort",
    ]


def test_event_page_shows_both_days_with_their_times_and_sessions(built_site: Path) -> None:
    page = built_site / "tagung-2020/index.html"
    days = [h.text for h in headings(page, "h3")]
    assert days == ["Werkstatttag: 26.11.2020, 09:00–13:00 Uhr", "Plenumstag: 27.11.2020, 09:00–13:00 Uhr"]
    sessions = [(h.attrs["id"], h.text) for h in headings(page, "h4")]
    assert sessions == [
        ("session-werkstatt-a", "Werkstatt A"),
        ("session-werkstatt-b", "Werkstatt B"),
        ("session-plenum", "Plenum: Beiträge zur Prüfung"),
    ]


def test_event_page_offers_speakers_schedule_and_documentation(built_site: Path) -> None:
    page = built_site / "tagung-2020/index.html"
    by_text = {e.text: e.href for e in article_links(page)}
    assert target(built_site, page, by_text["Referierende"]) == built_site / "tagung-2020/referierende/index.html"
    assert target(built_site, page, by_text[ScheduleJson.label]).is_file()
    assert by_text["Dokumentation der Testtagung"] == "https://example.org/testtagung/dokumentation"


def test_events_overview_says_where_the_presentations_are_published(built_site: Path) -> None:
    """Readers searching „Folien“ land on the overview: each event names its documentation there."""
    page = built_site / "veranstaltungen/index.html"
    assert "Folien und Dokumentation: Dokumentation der Testtagung" in article(page).text
    by_text = {e.text: e.href for e in article_links(page)}
    assert by_text["Dokumentation der Testtagung"] == "https://example.org/testtagung/dokumentation"


@pytest.mark.slow
def test_events_overview_links_a_documentation_file_through_the_event_page(documentation_site: Path) -> None:
    page = documentation_site / "veranstaltungen/index.html"
    by_text = {e.text: e.href for e in article_links(page)}
    assert (
        target(documentation_site, page, by_text["Dokumentation der Testtagung"].split("#")[0])
        == documentation_site / "tagung-2020/index.html"
    )
    assert by_text["Dokumentation der Testtagung"].endswith("#dokumentation")


@pytest.mark.parametrize("session", present(SITE.veranstaltung("tagung-2020")).tagung.sessions, ids=lambda s: s.id)
def test_every_session_has_its_page_linking_its_talks(built_site: Path, session: Session) -> None:
    page = built_site / f"tagung-2020/sessions/{session.id}/index.html"
    assert parse_page(page).h1 == [session.titel]
    talk_links = {
        target(built_site, page, e.href) for e in article_links(page) if e.text in {v.record.titel for v in TALKS}
    }
    expected = {built_site / f"tagung-2020/{v.slug}/index.html" for v in TALKS if v.session == session}
    assert talk_links == expected and expected


def test_talk_page_links_its_session_page_and_its_speaker_entry(built_site: Path) -> None:
    page = built_site / "tagung-2020/test-grusswort/index.html"
    by_text = {e.text: e.href for e in article_links(page)}
    session = target(built_site, page, by_text["Plenum: Beiträge zur Prüfung"])
    assert session == built_site / "tagung-2020/sessions/plenum/index.html"
    speaker = by_text["Erika Mustermann"]
    assert target(built_site, page, speaker) == built_site / "tagung-2020/referierende/index.html"
    assert urlsplit(speaker).fragment in parse_page(built_site / "tagung-2020/referierende/index.html").ids


def test_speaker_index_has_one_entry_per_person_linking_the_talks(built_site: Path) -> None:
    page = built_site / "tagung-2020/referierende/index.html"
    assert [h.text for h in headings(page, "h2")] == ["Erika Mustermann", "Max Mustermann"]
    talk = [e for e in article_links(page) if e.text == "Testgrußwort im Plenum"]
    assert [target(built_site, page, e.href) for e in talk] == [built_site / "tagung-2020/test-grusswort/index.html"]


def test_same_person_in_two_talks_is_one_speaker_entry(built_site: Path) -> None:
    # "Erika  Mustermann" (two spaces) in one record, "Erika Mustermann" in the other: one person.
    page = built_site / "tagung-2020/referierende/index.html"
    talks = [
        e.text
        for e in article_links(page)
        if target(built_site, page, e.href).parent.parent.name == "tagung-2020" and not e.href.startswith(("#", "http"))
    ]
    assert talks == ["Testvortrag mit Uhrzeit", "Testgrußwort im Plenum", "Testvortrag mit Uhrzeit"]  # programme order


def test_speaker_indexes_are_reached_from_the_menu_and_from_the_event(built_site: Path) -> None:
    # The menu lists each event (from its folder, not from mkdocs.yml) and the speakers of all events; an
    # event's own speakers page is linked from the event's page, like its programme.
    start = built_site / "index.html"
    entries = {e.text: e.href for e in nav_links(start)}
    assert (
        target(built_site, start, entries["Referierende aller Veranstaltungen"])
        == built_site / "veranstaltungen/referierende/index.html"
    )
    event = built_site / "tagung-2020/index.html"
    assert built_site / "tagung-2020/referierende/index.html" in {
        target(built_site, event, e.href) for e in article_links(event) if not e.href.startswith(("#", "http"))
    }


def test_slides_link_names_format_and_size_and_the_file_is_published(built_site: Path) -> None:
    page = built_site / "tagung-2020/test-grusswort/index.html"
    slides = [e for e in article_links(page) if e.text.startswith("Folien")]
    assert [e.text for e in slides] == [f"Folien (PDF, {human_size(SLIDES.stat().st_size)})"]
    published = target(built_site, page, slides[0].href)
    assert published.read_bytes() == SLIDES.read_bytes()


@pytest.mark.slow
def test_slides_size_is_given_in_megabytes_with_a_decimal_comma(documentation_site: Path) -> None:
    page = documentation_site / "tagung-2020/test-werkstatt-a/index.html"
    assert [e.text for e in article_links(page) if e.text.startswith("Folien")] == ["Folien (PDF, 2,3 MB)"]


@pytest.mark.slow
def test_documentation_file_is_offered_on_the_event_page(documentation_site: Path) -> None:
    page = documentation_site / "tagung-2020/index.html"
    doc = [e for e in article_links(page) if e.text.startswith("Dokumentation der Testtagung (")]
    assert [e.text for e in doc] == ["Dokumentation der Testtagung (PDF, 12 MB)"]
    assert target(documentation_site, page, doc[0].href).stat().st_size == 12 * 1024 * 1024


def test_talk_without_known_time_shows_no_invented_time(built_site: Path) -> None:
    assert list(facts(built_site / "tagung-2020/test-werkstatt-a/index.html")) == ["Art", "Fand statt", "Session"]


def test_talk_with_known_time_shows_time_and_length(built_site: Path) -> None:
    shown = facts(built_site / "tagung-2020/test-vortrag-mit-zeit/index.html")
    assert shown["Uhrzeit"] == "10:15 Uhr (20 Minuten)"
    assert shown["Referierende"] == "Erika Mustermann (Testfunktion, Testorganisation); Max Mustermann"


def test_talk_with_one_speaker_names_role_and_organisation(built_site: Path) -> None:
    shown = facts(built_site / "tagung-2020/test-grusswort/index.html")
    assert shown["Referent·in"] == "Erika Mustermann (Testfunktion, Testorganisation)"


def test_programme_line_names_the_kind_only_where_the_title_does_not(tmp_path: Path) -> None:
    # "Workshop: Klimaanpassung (Workshop)" said the kind twice; a title that starts with it needs no label.
    from ogi.pages.outputs import build_outputs
    from ogi.records.content import load_site

    project = copy_project(tmp_path / "projekt")
    replace_in(
        project / TAGUNG / "test-impuls-ohne-session.yml",
        "titel: Testimpuls ohne Session",
        "titel: 'Impuls: Testthema'",
    )
    programm = as_text({o.uri: o for o in build_outputs(load_site(project))}["tagung-2020/index.md"].content)
    lines = {
        line.split("](")[0].removeprefix("- ").split("[")[-1]: line
        for line in programm.splitlines()
        if line.startswith("- ")
    }
    assert "ogi-art" not in lines["Impuls: Testthema"]
    assert lines["Testgrußwort im Plenum"].endswith('<span class="ogi-art">(Grußwort)</span>')


EXKURSION = {
    "tagung.yml": """titel: Testexkursion 2023
untertitel: Symposium unterwegs
veranstalter: [Testveranstalter]
programmstand: berichtet
kurzbeschreibung: Eine Veranstaltung anderer Art, mit Treffpunkt und einer Station.
tage:
  - {datum: 2023-09-16, name: Exkursionstag, beginn: "10:00", ende: "13:00", ort: "Treffpunkt Testbahnhof, Testort"}
sessions:
  - {id: station-ufer, titel: Station am Testufer, art: Station, tag: 2023-09-16}
dokumentation: {titel: Bericht, url: https://example.org/bericht}
quellen: [{titel: Testquelle, url: "https://example.org/testquelle", abgerufen: 2026-11}]
datenstand: 2026-11-26
""",
    "fuehrung.yml": """titel: Führung am Testufer
art: Sonstiges
tag: 2023-09-16
session: station-ufer
referierende: [{name: Erika Musterfrau}]
quellen: [{titel: Testquelle, url: "https://example.org/testquelle", abgerufen: 2026-11}]
datenstand: 2026-11-26
""",
}


def test_an_event_of_another_kind_is_called_an_event_on_its_pages(tmp_path: Path) -> None:
    # CONTRIBUTING's recipe "eine neue Art Veranstaltung", tried with an excursion: its pages said "Programm der
    # Tagung", and the speakers' page put its kind after "der" ("der Symposium unterwegs").
    from ogi.pages.outputs import build_outputs

    project = copy_project(tmp_path / "projekt")
    for name, text in EXKURSION.items():
        (project / "content/testexkursion-2023").mkdir(exist_ok=True)
        (project / "content/testexkursion-2023" / name).write_text(text, encoding="utf-8")
    site = load_site(project)
    assert not site.errors
    pages = {o.uri: o.content for o in build_outputs(site)}
    for page in ("fuehrung.md", "sessions/station-ufer.md", "referierende.md"):
        text = as_text(pages[f"testexkursion-2023/{page}"])
        assert "der Veranstaltung" in text and "Tagung" not in text, page
    assert "auf der [Veranstaltung „Testexkursion 2023“]" in as_text(pages["testexkursion-2023/referierende.md"])
