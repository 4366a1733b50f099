"""schedule.json: the programme in the frab/pretalx/c3voc format, valid, stable and absolute from site_url."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from helpers import FIXTURE_ROOT, STANDARDS, SUBPATH, TAGUNG, article_links, present, resolve
from ogi.events.schedule import ScheduleJson, schedule
from ogi.events.veranstaltung import NAMESPACE_BASE, Veranstaltung, guid_namespace, veranstaltungen
from ogi.model.site import Site
from ogi.opendata.exporte import Umgebung
from ogi.records.content import load_site
from ogi.records.files import human_size

SCHEMA = STANDARDS / "c3voc-schedule.schema.json"
PRETALX_EXAMPLE = STANDARDS / "c3voc-example-pretalx-democon.json"
SITE_URL = "https://example.org/gruene-infrastruktur/"
SITE = load_site(FIXTURE_ROOT)
# The fixture's 2020 event names the address its guids were first published under (kennungen_basis).
PUBLISHED_2020 = uuid.uuid5(
    uuid.NAMESPACE_URL, "https://www.rvr.ruhr/themen/oekologie-umwelt/gruene-infrastruktur/digitale-fachveranstaltung/"
)


def event_of(site: Site) -> Veranstaltung:
    """The site's one event (the exporters take an event, not the site)."""
    return veranstaltungen(site)[0]


def events(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The talks of a schedule document (JSON: untyped)."""
    return [e for day in data["schedule"]["conference"]["days"] for room in day["rooms"].values() for e in room]


@pytest.fixture(scope="module")
def exported(built_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((built_site / "tagung-2020/schedule.json").read_text(encoding="utf-8"))
    return data


def _c3voc_errors(data: dict[str, Any]) -> list[str]:
    import jsonschema

    validator = jsonschema.Draft6Validator(
        json.loads(SCHEMA.read_text(encoding="utf-8")), format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]


def test_schedule_validates_against_the_c3voc_schema(exported: dict[str, Any]) -> None:
    assert _c3voc_errors(exported) == []


def test_c3voc_schema_copy_accepts_pretalx_and_rejects_a_broken_event() -> None:
    # The copied schema really checks: pretalx's own export passes, an event without a guid does not.
    example = json.loads(PRETALX_EXAMPLE.read_text(encoding="utf-8"))
    assert _c3voc_errors(example) == []
    del next(iter(example["schedule"]["conference"]["days"][0]["rooms"].values()))[0]["guid"]
    assert _c3voc_errors(example) != []


def test_schedule_holds_every_talk_once_in_programme_order(exported: dict[str, Any]) -> None:
    from ogi.events.programm import talks_in_order

    event = present(SITE.veranstaltung("tagung-2020"))
    assert [e["slug"] for e in events(exported)] == [v.slug for v in talks_in_order(event)]
    assert len(events(exported)) == len(event.vortraege) == 5


def test_schedule_event_guids_are_uuid5_of_the_slug(exported: dict[str, Any]) -> None:
    for event in events(exported):
        guid = uuid.UUID(event["guid"])
        assert guid.version == 5
        assert guid == uuid.uuid5(PUBLISHED_2020, f"event:{event['slug']}")
    ids = [e["id"] for e in events(exported)]
    assert len(set(ids)) == len(ids) and min(ids) >= 1


def test_guids_hang_off_the_address_an_event_names_or_else_its_folder_name() -> None:
    assert {event.ordner: guid_namespace(event) for event in SITE.veranstaltungen} == {
        "tagung-2020": PUBLISHED_2020,
        "testtag-2022": uuid.uuid5(uuid.NAMESPACE_URL, NAMESPACE_BASE + "testtag-2022"),
    }


def test_schedule_urls_are_absolute_from_site_url_and_lead_to_built_pages(
    exported: dict[str, Any], built_site: Path, base_url: str
) -> None:
    assert base_url.endswith(SUBPATH)
    conference = exported["schedule"]["conference"]
    urls = [conference["url"]] + [e["url"] for e in events(exported)]
    urls += [p["url"] for e in events(exported) for p in e["persons"]]
    assert exported["schedule"]["base_url"] == base_url
    for url in urls:
        assert url.startswith(base_url), url
        path, fragment = resolve(built_site, base_url, base_url, url)
        assert path is not None and path.is_file(), url
        if fragment:
            assert f'id="{fragment}"' in path.read_text(encoding="utf-8")


def test_event_page_links_the_schedule(built_site: Path) -> None:
    page = built_site / "tagung-2020/index.html"
    assert [e.href for e in article_links(page) if e.text == ScheduleJson.label] == [ScheduleJson.identifier]


def test_talk_without_known_time_gets_the_hours_of_its_day(exported: dict[str, Any]) -> None:
    event = next(e for e in events(exported) if e["slug"] == "test-werkstatt-a")
    assert (event["date"], event["start"], event["duration"], event["end"]) == (
        "2020-11-26T09:00:00+01:00",
        "09:00",
        "04:00",
        "2020-11-26T13:00:00+01:00",
    )
    day = exported["schedule"]["conference"]["days"][0]
    assert (day["day_start"], day["day_end"]) == ("2020-11-26T09:00:00+01:00", "2020-11-26T13:00:00+01:00")


def test_known_start_and_length_are_exported_as_they_are(exported: dict[str, Any]) -> None:
    event = next(e for e in events(exported) if e["slug"] == "test-vortrag-mit-zeit")
    assert (event["date"], event["start"], event["duration"], event["end"]) == (
        "2020-11-27T10:15:00+01:00",
        "10:15",
        "00:20",
        "2020-11-27T10:35:00+01:00",
    )
    assert dt.datetime.fromisoformat(event["end"]) - dt.datetime.fromisoformat(event["date"]) == dt.timedelta(
        minutes=20
    )


def test_known_start_without_length_runs_to_the_end_of_the_day(exported: dict[str, Any]) -> None:
    event = next(e for e in events(exported) if e["slug"] == "test-impuls-ohne-session")
    assert (event["start"], event["duration"]) == ("11:30", "01:30")


def test_slides_go_into_attachments_with_absolute_url() -> None:
    event = next(e for e in events(schedule(event_of(SITE), SITE_URL)) if e["slug"] == "test-grusswort")
    size = human_size((FIXTURE_ROOT / TAGUNG / "anhaenge/test-folien.pdf").stat().st_size)
    assert event["attachments"] == [
        {"type": "slides", "url": f"{SITE_URL}tagung-2020/anhaenge/test-folien.pdf", "title": f"Folien (PDF, {size})"}
    ]
    assert urlsplit(event["attachments"][0]["url"]).scheme == "https"


def test_speakers_are_persons_with_role_and_link_to_the_index(exported: dict[str, Any]) -> None:
    event = next(e for e in events(exported) if e["slug"] == "test-grusswort")
    assert [(p["name"], p["biography"], urlsplit(p["url"]).fragment) for p in event["persons"]] == [
        ("Erika Mustermann", "Testfunktion, Testorganisation", "person-erika-mustermann")
    ]
    assert "public_name" not in event["persons"][0]  # a pretalx person, not also a frab person (schema: oneOf)


def test_schedule_is_the_same_text_on_every_run() -> None:
    umgebung = Umgebung(SITE_URL)
    assert ScheduleJson().render(event_of(load_site(FIXTURE_ROOT)), umgebung) == ScheduleJson().render(
        event_of(load_site(FIXTURE_ROOT)), umgebung
    )


def test_guids_do_not_depend_on_where_the_site_is_hosted() -> None:
    site = SITE
    here = [e["guid"] for e in events(schedule(event_of(site), SITE_URL))]
    there = [e["guid"] for e in events(schedule(event_of(site), "https://andere.example/"))]
    assert here == there


def test_talk_in_no_session_is_placed_in_the_main_room(exported: dict[str, Any]) -> None:
    day = exported["schedule"]["conference"]["days"][1]
    assert {room: [e["slug"] for e in talks] for room, talks in day["rooms"].items()} == {
        "Hauptprogramm": ["test-impuls-ohne-session"],
        "Plenum: Beiträge zur Prüfung": ["test-vortrag-mit-zeit", "test-grusswort"],
    }
