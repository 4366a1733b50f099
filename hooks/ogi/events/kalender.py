"""The programme as iCalendar (RFC 5545): one .ics per event and one per talk, made with the icalendar library.

A calendar holds only what is known: a VEVENT per talk whose time is known (its own or its session's, the
time its page shows) and a VEVENT per day of the event. A known time is a timed event in the event's zone; a
known start without a known end is a timed event without DTEND (RFC 5545 3.6.1: it has no length), never an
end invented; a day without known hours is a date-only (all-day) entry.
Times are in the event's zone with a VTIMEZONE; UIDs are the talks' schedule.json guids, so a re-import
updates instead of duplicating. DTSTAMP is the build time (SOURCE_DATE_EPOCH), so rebuilds are byte-identical.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import icalendar

from ..model import urls
from ..model.site import Vortrag
from ..opendata.exporte import Export, Umgebung
from ..records.tagung import Tag
from .schedule import end_known, talk_times, time_known
from .veranstaltung import Veranstaltung


class Kalender(Export):
    identifier = "kalender.ics"
    label = "Programm für Kalender-Apps"
    hinweis = (
        "die Tage und alle Beiträge mit bekannter Uhrzeit, zum Übernehmen in Outlook, Google Kalender oder "
        "die Kalender-App des Telefons"
    )

    def render(self, event: Veranstaltung, umgebung: Umgebung) -> bytes:
        return event_calendar(event, umgebung)


def talk_file(event: Veranstaltung, v: Vortrag) -> str:
    """Docs path of the one-talk calendar behind the talk page's 'Zum Kalender hinzufügen'."""
    return urls.talk_calendar(event.uri, v.slug)


def event_calendar(event: Veranstaltung, umgebung: Umgebung) -> bytes:
    """The event's days and every talk with a known time."""
    talks = [v for v in event.vortraege if time_known(v)]
    components = [_day(event, tag, umgebung) for tag in event.record.tage]
    components += [_talk(event, v, umgebung) for v in talks]
    return _calendar(event, umgebung, components, event.record.titel)


def talk_calendar(event: Veranstaltung, v: Vortrag, umgebung: Umgebung) -> bytes:
    """A calendar with the one talk (same UID as in the event's calendar)."""
    return _calendar(event, umgebung, [_talk(event, v, umgebung)], v.record.titel)


def talk_calendars(event: Veranstaltung, umgebung: Umgebung) -> Iterable[tuple[Vortrag, bytes]]:
    """(talk, .ics) for every talk with a known time."""
    for v in event.vortraege:
        if time_known(v):
            yield v, talk_calendar(event, v, umgebung)


def _calendar(event: Veranstaltung, umgebung: Umgebung, components: list[icalendar.Event], name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Regionalverband Ruhr//Offensive Grüne Infrastruktur 2030//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", icalendar.vText(name))  # RFC 7986; vText escapes ";" "," "\\" as for SUMMARY
    calendar.add("x-wr-calname", icalendar.vText(name))  # the same for Outlook and Google Calendar
    calendar.add("x-wr-timezone", event.record.zeitzone)
    _add_url(calendar, "url", umgebung.public_url(event.page_path()))
    for component in components:
        calendar.add_component(component)
    years = [tag.datum.year for tag in event.record.tage]
    # A VTIMEZONE for the years of the event only: the full history would be most of the file.
    calendar.add_missing_timezones(first_date=dt.date(min(years), 1, 1), last_date=dt.date(max(years) + 1, 1, 1))
    ical: bytes = calendar.to_ical()
    return ical


def _common(event: Veranstaltung, component: icalendar.Event, umgebung: Umgebung, modified: dt.date, tag: Tag) -> None:
    component.add("dtstamp", umgebung.erstellt.astimezone(dt.UTC))
    component.add("last-modified", dt.datetime.combine(modified, dt.time(), tzinfo=dt.UTC))
    component.add("status", "CONFIRMED")
    if tag.ort:
        component.add("location", tag.ort)
    elif event.record.plattform:
        component.add("location", f"online ({event.record.plattform})")


def _day(event: Veranstaltung, tag: Tag, umgebung: Umgebung) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", str(event.guid("day", tag.datum.isoformat())))
    component.add("summary", f"{tag.name}: {event.record.titel}")
    if tag.beginn:
        midnight = dt.datetime.combine(tag.datum, dt.time(), tzinfo=event.zone)
        component.add("dtstart", midnight + _minutes(tag.beginn))
        if tag.ende:
            component.add("dtend", midnight + _minutes(tag.ende))
    else:  # hours unknown: an all-day entry, no invented times
        component.add("dtstart", tag.datum)
        component.add("dtend", tag.datum + dt.timedelta(days=1))
    lines = ["Das Ende ist nicht bekannt."] if tag.beginn and not tag.ende else []
    if tag.beschreibung:
        lines.append(tag.beschreibung.strip())
    if lines:
        component.add("description", "\n\n".join(lines))
    page = umgebung.public_url(event.page_path())
    _add_url(component, "url", page and page + f"#tag-{tag.datum.isoformat()}")
    _common(event, component, umgebung, event.record.datenstand, tag)
    return component


def _talk(event: Veranstaltung, v: Vortrag, umgebung: Umgebung) -> icalendar.Event:
    r = v.record
    start, end = talk_times(event, v)
    component = icalendar.Event()
    component.add("uid", str(event.guid("event", v.slug)))
    component.add("summary", r.titel)
    component.add("dtstart", start)
    if end_known(v):
        component.add("dtend", end)
    lines = [r.kurzbeschreibung] if r.kurzbeschreibung else []
    lines += [", ".join(x for x in (p.name, p.funktion, p.organisation) if x) for p in r.referierende]
    if lines:
        component.add("description", "\n".join(lines))
    component.add("categories", [r.art])
    _add_url(component, "url", umgebung.public_url(event.page_path(v.slug)))
    for file in event.anhaenge(v):
        _add_url(component, "attach", umgebung.public_url(file.uri))
    if r.video:
        component.add("attach", str(r.video))
    _common(event, component, umgebung, r.datenstand, v.tag)
    return component


def _add_url(component: icalendar.Component, name: str, url: str | None) -> None:
    # URL and ATTACH take absolute URIs only (RFC 5545): a build without a site address leaves them out.
    if url is not None:
        component.add(name, url)


def _minutes(clock: str) -> dt.timedelta:
    hours, minutes = clock.split(":")
    return dt.timedelta(hours=int(hours), minutes=int(minutes))
