"""Announced is not reported: an event's pages word its programme by Tagung.programmstand.

The fixture testtag-2022 is „angekündigt“ (only an announcement is known), tagung-2020 „berichtet“ (a
report after the event); the pages say „Programm (angekündigt)“ / „Geplant für“ for the one and
„Fand statt“ for the other — a choice of the templates, not of editors' prose.
"""

from __future__ import annotations

from pathlib import Path

from helpers import article, facts

ANGEKUENDIGT = "testtag-2022"
BERICHTET = "tagung-2020"


def programme_heading(site: Path, ordner: str) -> str:
    (heading,) = [h for h in article(site / ordner / "index.html").find_all("h2") if h.attrs.get("id") == "programm"]
    return heading.text


def note(site: Path, page: str) -> str:
    found = [n for n in article(site / page).iter() if n.attrs.get("id") == "programmstand"]
    return found[0].text if found else ""


def test_announced_programme_is_headed_as_announced(built_site: Path) -> None:
    assert programme_heading(built_site, ANGEKUENDIGT) == "Programm (angekündigt)"
    assert "Geplant war, was hier steht" in note(built_site, f"{ANGEKUENDIGT}/index.html")


def test_reported_programme_is_headed_plainly(built_site: Path) -> None:
    assert programme_heading(built_site, BERICHTET) == "Programm"
    assert (
        note(built_site, f"{BERICHTET}/index.html")
        == "Das Programm folgt den Berichten nach der Veranstaltung: So fand sie statt."
    )


def test_announced_talk_says_planned_and_names_announced_speakers(built_site: Path) -> None:
    page = f"{ANGEKUENDIGT}/test-eroeffnung/index.html"
    shown = facts(built_site / page)
    assert shown["Geplant für"] == "Testtag, 01.02.2022"
    assert "Fand statt" not in shown and "Tag" not in shown
    assert shown["Angekündigt"] == "Max Mustermann"
    assert "Referent·in" not in shown
    assert note(built_site, page).startswith("Dieser Programmpunkt gehört zum angekündigten Programm")


def test_reported_talk_and_session_say_it_took_place(built_site: Path) -> None:
    talk = facts(built_site / f"{BERICHTET}/test-grusswort/index.html")
    assert "Fand statt" in talk and "Geplant für" not in talk
    assert "Referent·in" in talk
    assert note(built_site, f"{BERICHTET}/test-grusswort/index.html") == ""
    assert "Fand statt" in facts(built_site / f"{BERICHTET}/sessions/werkstatt-a/index.html")


def test_events_overview_counts_announced_items_as_announced(built_site: Path) -> None:
    text = article(built_site / "veranstaltungen/index.html").text
    assert "1 Programmpunkt angekündigt, 1 Person als Referierende genannt." in text
    assert "Person sprach" not in text.split("Testtag 2022", 1)[1].split("Testtagung", 1)[0]


def test_speakers_of_an_announced_event_are_named_as_announced(built_site: Path) -> None:
    text = article(built_site / f"{ANGEKUENDIGT}/referierende/index.html").text
    assert "die für die Veranstaltung „Testtag 2022“ angekündigt waren" in text
    alle = article(built_site / "veranstaltungen/referierende/index.html").text
    assert "Testtag 2022, 01.02.2022, angekündigt)" in alle
