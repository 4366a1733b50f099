"""The conference programme as schedule.json in the frab/pretalx/c3voc format (https://c3voc.de/schedule/schema.json).

Our records often lack times: the source names no session times and no talk lengths. The format requires
a start and a duration for every event, so a talk without a known time is given the span it certainly
took place in: its session's time when that is known, otherwise the whole day (start 09:00, duration 04:00
on a day that ran 09:00–13:00). A known start without a known length lasts until its session or day ends.
Consumers of the export thus see a long slot, never an invented time.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from .anhaenge import datei
from .content import Site, Vortrag
from .models import Session, Tag
from .programm import normalised_name, programme, speaker_anchors
from .render import page_url

SCHEDULE_URI = "tagung-2020/schedule.json"
SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
ACRONYM = "ogi_tagung_2020"  # the schema allows no hyphen after the first character
# guids must not change when the site moves to another host, so they hang off the event's public page.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL,
                       "https://www.rvr.ruhr/themen/oekologie-umwelt/gruene-infrastruktur/digitale-fachveranstaltung/")
MAIN_ROOM = "Hauptprogramm"  # where talks outside any session are placed
DAY_MINUTES = 24 * 60 - 1  # a day without known times runs 00:00–23:59, as pretalx writes it
EVENT_TYPES = {"Workshop": "workshop", "Podium": "discussion", "Diskussion": "discussion", "Sonstiges": "other"}
REFERENCE_TYPES = {"Folien": "slides", "Dokument": "paper", "Sonstiges": "related"}


@dataclass(frozen=True)
class Slot:
    """Start and end in minutes after midnight of the event's day."""

    start: int
    end: int

    @property
    def minutes(self) -> int:
        return max(self.end - self.start, 0)


def guid(kind: str, key: str) -> uuid.UUID:
    """Stable UUIDv5 of a record: guid('event', 'workshop-klimaanpassung')."""
    return uuid.uuid5(NAMESPACE, f"{kind}:{key}")


def schedule_json(site: Site, site_url: str) -> str:
    """The export as text: stable key order, UTF-8, two-space indent, final newline."""
    return json.dumps(schedule(site, site_url), ensure_ascii=False, indent=2) + "\n"


def schedule(site: Site, site_url: str) -> dict:
    """The schedule document. URLs are absolute from `site_url`; an empty `site_url` leaves them site-relative."""
    t = site.tagung
    assert t is not None
    zone = ZoneInfo(t.zeitzone)
    anchors = speaker_anchors(site)
    rooms: dict[str, dict] = {}
    days = []
    for index, programm_tag in enumerate(programme(site), start=1):
        tag = programm_tag.tag
        window = day_slot(tag)
        day_rooms: dict[str, list[dict]] = {}
        for block in programm_tag.bloecke:
            if not block.vortraege:
                continue
            room = block.session.titel if block.session else MAIN_ROOM
            rooms.setdefault(room, _room(room, block.session))
            day_rooms.setdefault(room, []).extend(
                _event(site, v, talk_slot(v), zone, room, site_url, anchors) for v in block.vortraege)
        days.append({
            "index": index,
            "date": tag.datum.isoformat(),
            "day_start": _moment(tag.datum, window.start, zone),
            "day_end": _moment(tag.datum, window.end, zone),
            "rooms": day_rooms,
        })
    stand = max([t.datenstand] + [v.record.datenstand for v in site.vortraege])
    return {
        "$schema": SCHEMA_URL,
        "schedule": {
            "version": stand.isoformat(),
            "base_url": _absolute(site_url, ""),
            "conference": {
                "acronym": ACRONYM,
                "title": t.titel,
                "description": t.kurzbeschreibung,
                "start": t.tage[0].datum.isoformat(),
                "end": t.tage[-1].datum.isoformat(),
                "daysCount": len(t.tage),
                "timeslot_duration": "00:15",
                "time_zone_name": t.zeitzone,
                "url": _absolute(site_url, page_url("tagung-2020/index.md")),
                "rooms": list(rooms.values()),
                "days": days,
            },
        },
    }


def day_slot(tag: Tag) -> Slot:
    """The day's published hours, or the whole day when they are not known."""
    start = _minutes(tag.beginn) if tag.beginn else 0
    end = _minutes(tag.ende) if tag.ende else DAY_MINUTES
    return Slot(start, end if end > start else DAY_MINUTES)


def session_slot(session: Session | None, tag: Tag) -> Slot:
    """The session's hours where known, otherwise the day's."""
    day = day_slot(tag)
    if session is None or not session.beginn:
        return day
    start = _minutes(session.beginn)
    end = _minutes(session.ende) if session.ende else day.end
    return Slot(start, end if end > start else day.end)


def talk_slot(v: Vortrag) -> Slot:
    """A known start and length; a known start running to the end of its session; or the session's span."""
    container = session_slot(v.session, v.tag)
    if not v.record.beginn:
        return container
    start = _minutes(v.record.beginn)
    if v.record.dauer_min:
        return Slot(start, start + v.record.dauer_min)
    return Slot(start, max(container.end, start))


def _event(site: Site, v: Vortrag, slot: Slot, zone: ZoneInfo, room: str, site_url: str,
           anchors: dict[str, str]) -> dict:
    r = v.record
    event_guid = guid("event", v.slug)
    index_url = _absolute(site_url, page_url("tagung-2020/referierende.md"))
    links = [{"type": "media", "url": str(r.video), "title": "Videoaufzeichnung"}] if r.video else []
    attachments = []
    for a in r.anhaenge:
        file = datei(site, a.titel, a.datei)
        if file is None:  # missing: a content error, shown while serving; the export leaves it out
            continue
        attachments.append({"type": REFERENCE_TYPES[a.art], "url": _absolute(site_url, file.uri),
                            "title": file.linktext})
    return {
        "guid": str(event_guid),
        "id": event_guid.int % (2**31 - 1) + 1,  # deprecated integer id, derived so that it is stable too
        "date": _moment(v.tag.datum, slot.start, zone),
        "start": _clock(slot.start),
        "end": _moment(v.tag.datum, slot.start + slot.minutes, zone),
        "duration": _clock(slot.minutes),
        "room": room,
        "slug": v.slug,
        "url": _absolute(site_url, page_url(f"tagung-2020/{v.slug}.md")),
        "title": r.titel,
        "subtitle": None,
        "track": None,
        "type": EVENT_TYPES.get(r.art, "talk"),
        "language": "de",
        "abstract": r.kurzbeschreibung,
        "description": r.zusammenfassung,
        "persons": [_person(p, anchors, index_url) for p in r.referierende],
        "links": links,
        "attachments": attachments,
    }


def _person(person, anchors: dict[str, str], index_url: str) -> dict:
    key = normalised_name(person.name)
    roles = ", ".join(x for x in (person.funktion, person.organisation) if x)
    return {
        "guid": str(guid("person", key)),
        "name": " ".join(person.name.split()),
        "url": f"{index_url}#{anchors[key]}",
        "biography": roles or None,
    }


def _room(name: str, session: Session | None) -> dict:
    room = {"name": name, "guid": str(guid("room", name)), "type": "online"}
    if session is not None and session.beschreibung:
        room["description"] = session.beschreibung
    return room


def _absolute(site_url: str, path: str) -> str:
    return urljoin(site_url, path) if site_url else "/" + path


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _moment(day: dt.date, minutes: int, zone: ZoneInfo) -> str:
    midnight = dt.datetime.combine(day, dt.time(), tzinfo=zone)
    return (midnight + dt.timedelta(minutes=minutes)).isoformat()
