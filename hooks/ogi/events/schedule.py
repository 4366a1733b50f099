"""The conference programme as schedule.json in the frab/pretalx/c3voc format (https://c3voc.de/schedule/schema.json).

Our records often lack times: the source names no session times and no talk lengths, sometimes no end of
the day. The format requires a start and a duration for every talk and a start and an end for every day, so:
- a talk without a time of its own is given the span it certainly took place in: its session's hours where
  known, else its day's (a talk on a day that ran 09:00–13:00 starts 09:00 and lasts 04:00);
- an end nobody published is not invented: the span ends where it starts (duration 00:00), so a day known
  to begin at 08:30 is 08:30–08:30 and a talk known to start 11:30, with no length and no known end of its
  session or day, is 11:30 with duration 00:00. A duration of 00:00 in this export means "length not known";
- a day without any known hours runs 00:00–00:00.
Consumers thus see a known start or a span that is certain, never a whole-day slot ending 23:59.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from ..model import urls
from ..model.site import Vortrag
from ..opendata.exporte import Export, Umgebung
from ..records.tagung import Person, Session, Tag
from .programm import normalised_name
from .veranstaltung import Veranstaltung

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
JsonObject = dict[str, Any]  # a JSON object of the export (the schema is c3voc's, its values of every JSON type)
MAIN_ROOM = "Hauptprogramm"  # where talks outside any session are placed
EVENT_TYPES = {"Workshop": "workshop", "Podium": "discussion", "Diskussion": "discussion", "Sonstiges": "other"}
REFERENCE_TYPES = {"Folien": "slides", "Dokument": "paper", "Sonstiges": "related"}


class ScheduleJson(Export):
    identifier = "schedule.json"
    label = "Daten für Programm-Apps (schedule.json)"
    hinweis = "das Programm im JSON-Format von frab und pretalx, für Programm-Apps und Entwickler"

    def render(self, event: Veranstaltung, umgebung: Umgebung) -> str:
        """The document as text: stable key order, UTF-8, two-space indent, final newline."""
        return json.dumps(schedule(event, umgebung.site_url), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Slot:
    """Start and end in minutes after midnight of the event's day."""

    start: int
    end: int

    @property
    def minutes(self) -> int:
        return max(self.end - self.start, 0)


def schedule(event: Veranstaltung, site_url: str) -> JsonObject:
    """The schedule document. URLs are absolute from `site_url`; an empty `site_url` leaves them site-relative."""
    t = event.record
    zone = event.zone
    anchors = event.anker
    rooms: dict[str, JsonObject] = {}
    days = []
    for index, programm_tag in enumerate(event.programm, start=1):
        tag = programm_tag.tag
        window = day_slot(tag)
        day_rooms: dict[str, list[JsonObject]] = {}
        for block in programm_tag.bloecke:
            if not block.vortraege:
                continue
            room = block.session.titel if block.session else MAIN_ROOM
            rooms.setdefault(room, _room(event, room, block.session))
            day_rooms.setdefault(room, []).extend(
                _event(event, v, talk_slot(v), zone, room, site_url, anchors) for v in block.vortraege
            )
        days.append(
            {
                "index": index,
                "date": tag.datum.isoformat(),
                "day_start": _moment(tag.datum, window.start, zone),
                "day_end": _moment(tag.datum, window.end, zone),
                "rooms": day_rooms,
            }
        )
    return {
        "$schema": SCHEMA_URL,
        "schedule": {
            "version": event.datenstand.isoformat(),
            "base_url": _absolute(site_url, ""),
            "conference": {
                "acronym": event.acronym,
                "title": t.titel,
                "description": t.kurzbeschreibung,
                "start": t.tage[0].datum.isoformat(),
                "end": t.tage[-1].datum.isoformat(),
                "daysCount": len(t.tage),
                "timeslot_duration": "00:15",
                "time_zone_name": t.zeitzone,
                "url": _absolute(site_url, event.page_path()),
                "rooms": list(rooms.values()),
                "days": days,
            },
        },
    }


def day_slot(tag: Tag) -> Slot:
    """The day's published hours; an unknown start is midnight, an unknown end the start (length unknown)."""
    start = _minutes(tag.beginn) if tag.beginn else 0
    return Slot(start, _end(tag.ende, start))


def session_slot(session: Session | None, tag: Tag) -> Slot:
    """The session's hours where known, otherwise the day's."""
    day = day_slot(tag)
    if session is None or not session.beginn:
        return day
    start = _minutes(session.beginn)
    return Slot(start, _end(session.ende, start, day.end))


def talk_slot(v: Vortrag) -> Slot:
    """A known start and length; a known start running to the known end of its session or day; or the
    session's span. An end nobody published is the start (see the module's note)."""
    container = session_slot(v.session, v.tag)
    if not v.record.beginn:
        return container
    start = _minutes(v.record.beginn)
    if v.record.dauer_min:
        return Slot(start, start + v.record.dauer_min)
    return Slot(start, container.end if container.end > start else start)


def _end(ende: str | None, start: int, fallback: int | None = None) -> int:
    # The published end, else the container's, else the start itself: never a time nobody gave.
    end = _minutes(ende) if ende else fallback
    return end if end is not None and end > start else start


def end_known(v: Vortrag) -> bool:
    """True when the talk's slot has a length (its own, or the known end of its session or day)."""
    return talk_slot(v).minutes > 0


def time_known(v: Vortrag) -> bool:
    """True when the talk's own start or its session's start is known (the talk page then shows a time)."""
    return bool(v.record.beginn or (v.session is not None and v.session.beginn))


def talk_times(event: Veranstaltung, v: Vortrag) -> tuple[dt.datetime, dt.datetime]:
    """Start and end of the talk's slot as aware datetimes in the event's zone (the slot schedule.json gives)."""
    slot = talk_slot(v)
    midnight = dt.datetime.combine(v.tag.datum, dt.time(), tzinfo=event.zone)
    return midnight + dt.timedelta(minutes=slot.start), midnight + dt.timedelta(minutes=slot.start + slot.minutes)


def _event(
    event: Veranstaltung, v: Vortrag, slot: Slot, zone: ZoneInfo, room: str, site_url: str, anchors: dict[str, str]
) -> JsonObject:
    r = v.record
    event_guid = event.guid("event", v.slug)
    index_url = _absolute(site_url, event.page_path("referierende"))
    links = [{"type": "media", "url": str(r.video), "title": "Videoaufzeichnung"}] if r.video else []
    types = {a.datei: REFERENCE_TYPES[a.art] for a in r.anhaenge}
    attachments = [
        {"type": types[file.datei], "url": _absolute(site_url, file.uri), "title": file.linktext}
        for file in event.anhaenge(v)
    ]
    return {
        "guid": str(event_guid),
        "id": event_guid.int % (2**31 - 1) + 1,  # deprecated integer id, derived so that it is stable too
        "date": _moment(v.tag.datum, slot.start, zone),
        "start": _clock(slot.start),
        "end": _moment(v.tag.datum, slot.start + slot.minutes, zone),
        "duration": _clock(slot.minutes),
        "room": room,
        "slug": v.slug,
        "url": _absolute(site_url, event.page_path(v.slug)),
        "title": r.titel,
        "subtitle": None,
        "track": None,
        "type": EVENT_TYPES.get(r.art, "talk"),
        "language": "de",
        "abstract": r.kurzbeschreibung,
        "description": r.zusammenfassung,
        "persons": [_person(event, p, anchors, index_url) for p in r.referierende],
        "links": links,
        "attachments": attachments,
    }


def _person(event: Veranstaltung, person: Person, anchors: dict[str, str], index_url: str) -> JsonObject:
    key = normalised_name(person.name)
    roles = ", ".join(x for x in (person.funktion, person.organisation) if x)
    return {
        "guid": str(event.guid("person", key)),
        "name": " ".join(person.name.split()),
        "url": f"{index_url}#{anchors[key]}",
        "biography": roles or None,
    }


def _room(event: Veranstaltung, name: str, session: Session | None) -> JsonObject:
    room = {"name": name, "guid": str(event.guid("room", name)), "type": "online"}
    if session is not None and session.beschreibung:
        room["description"] = session.beschreibung
    return room


def _absolute(site_url: str, path: str) -> str:
    return urls.absolute_url(site_url, path)


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _moment(day: dt.date, minutes: int, zone: ZoneInfo) -> str:
    midnight = dt.datetime.combine(day, dt.time(), tzinfo=zone)
    return (midnight + dt.timedelta(minutes=minutes)).isoformat()
