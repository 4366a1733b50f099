"""schedule.json: the programme in the frab/pretalx/c3voc format, valid, stable and absolute from site_url."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, SUBPATH
from htmlpages import resolve
from ogi.content import load_site
from ogi.schedule import NAMESPACE, ScheduleJson, schedule, schedule_json
from ogi.veranstaltung import veranstaltungen
from tagung_projekt import TAGUNG, append_to_record, project_with_slides

STANDARDS = ROOT.parent / "shared" / "standards"
SCHEMA = STANDARDS / "c3voc-schedule.schema.json"
SITE_URL = "https://example.org/gruene-infrastruktur/"


def event_of(site):
    """The site's one event (the exporters take an event, not the site)."""
    return veranstaltungen(site)[0]


def events(data: dict) -> list[dict]:
    return [e for day in data["schedule"]["conference"]["days"] for room in day["rooms"].values() for e in room]


@pytest.fixture(scope="module")
def exported(built_site: Path) -> dict:
    return json.loads((built_site / "tagung-2020/schedule.json").read_text(encoding="utf-8"))


@pytest.mark.skipif(not SCHEMA.is_file(), reason="../shared/standards/ fehlt; das Schema liegt nur dort")
def test_schedule_validates_against_the_c3voc_schema(exported):
    import jsonschema

    validator = jsonschema.Draft6Validator(json.loads(SCHEMA.read_text(encoding="utf-8")),
                                           format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER)
    assert [f"{e.json_path}: {e.message}" for e in validator.iter_errors(exported)] == []


def test_schedule_holds_every_talk_once_in_programme_order(exported):
    from ogi.programm import talks_in_order

    assert [e["slug"] for e in events(exported)] == [v.slug for v in talks_in_order(load_site(ROOT))]


def test_schedule_event_guids_are_uuid5_of_the_slug(exported):
    for event in events(exported):
        guid = uuid.UUID(event["guid"])
        assert guid.version == 5
        assert guid == uuid.uuid5(NAMESPACE, f"event:{event['slug']}")
    ids = [e["id"] for e in events(exported)]
    assert len(set(ids)) == len(ids) and min(ids) >= 1


def test_schedule_urls_are_absolute_from_site_url_and_lead_to_built_pages(exported, built_site, base_url):
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


def test_event_page_links_the_schedule(built_site):
    from tagung_html import links

    page = built_site / "tagung-2020/index.html"
    assert [e.href for e in links(page) if e.text == ScheduleJson.label] == [ScheduleJson.identifier]


def test_talk_without_known_time_gets_the_hours_of_its_day(exported):
    event = next(e for e in events(exported) if e["slug"] == "workshop-klimaanpassung")
    assert (event["date"], event["start"], event["duration"], event["end"]) == (
        "2020-11-26T09:00:00+01:00", "09:00", "04:00", "2020-11-26T13:00:00+01:00")
    day = exported["schedule"]["conference"]["days"][0]
    assert (day["day_start"], day["day_end"]) == ("2020-11-26T09:00:00+01:00", "2020-11-26T13:00:00+01:00")


def test_known_start_and_length_are_exported_as_they_are(tmp_path: Path):
    project = project_with_slides(tmp_path)
    append_to_record(project, "workshop-biodiversitaet", 'beginn: "10:15"\ndauer_min: 50\n')
    event = next(e for e in events(schedule(event_of(load_site(project)), SITE_URL)) if e["slug"] == "workshop-biodiversitaet")
    assert (event["date"], event["start"], event["duration"], event["end"]) == (
        "2020-11-26T10:15:00+01:00", "10:15", "00:50", "2020-11-26T11:05:00+01:00")
    assert dt.datetime.fromisoformat(event["end"]) - dt.datetime.fromisoformat(event["date"]) == dt.timedelta(minutes=50)


def test_known_start_without_length_runs_to_the_end_of_the_day(tmp_path: Path):
    project = project_with_slides(tmp_path)
    append_to_record(project, "workshop-biodiversitaet", 'beginn: "11:30"\n')
    event = next(e for e in events(schedule(event_of(load_site(project)), SITE_URL)) if e["slug"] == "workshop-biodiversitaet")
    assert (event["start"], event["duration"]) == ("11:30", "01:30")


def test_slides_go_into_attachments_with_absolute_url(tmp_path: Path):
    site = load_site(project_with_slides(tmp_path))
    event = next(e for e in events(schedule(event_of(site), SITE_URL)) if e["slug"] == "grusswort-heinen-esser")
    assert event["attachments"] == [{"type": "slides", "url": f"{SITE_URL}tagung-2020/anhaenge/grusswort-folien.pdf",
                                     "title": "Folien (PDF, 2,3 MB)"}]
    assert urlsplit(event["attachments"][0]["url"]).scheme == "https"


def test_speakers_are_persons_with_role_and_link_to_the_index(exported):
    event = next(e for e in events(exported) if e["slug"] == "grusswort-heinen-esser")
    assert [(p["name"], p["biography"], urlsplit(p["url"]).fragment) for p in event["persons"]] == [
        ("Ursula Heinen-Esser", "damalige Umweltministerin des Landes Nordrhein-Westfalen, Land Nordrhein-Westfalen",
         "person-ursula-heinen-esser")]
    assert "public_name" not in event["persons"][0]  # a pretalx person, not also a frab person (schema: oneOf)


def test_schedule_is_the_same_text_on_every_run():
    assert schedule_json(event_of(load_site(ROOT)), SITE_URL) == schedule_json(event_of(load_site(ROOT)), SITE_URL)


def test_guids_do_not_depend_on_where_the_site_is_hosted():
    site = load_site(ROOT)
    here = [e["guid"] for e in events(schedule(event_of(site), SITE_URL))]
    there = [e["guid"] for e in events(schedule(event_of(site), "https://andere.example/"))]
    assert here == there


def test_talk_in_no_session_is_placed_in_the_main_room(tmp_path: Path):
    project = project_with_slides(tmp_path)
    record = project / TAGUNG / "grusswort-heinen-esser.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("session: fachtagung\n", ""), encoding="utf-8")
    day = schedule(event_of(load_site(project)), SITE_URL)["schedule"]["conference"]["days"][1]
    assert list(day["rooms"]) == ["Hauptprogramm"]
