"""The conference archive: event page with programme, talk, session and speaker pages, files and exports."""

from __future__ import annotations

from collections.abc import Iterable

import jinja2

from ..model import urls
from ..model.output import Output
from ..opendata.exporte import Umgebung
from .anhaenge import Datei
from .kalender import Kalender, talk_calendars, talk_file
from .programm import normalised_name
from .schedule import ScheduleJson, time_known
from .schedule_xml import ScheduleXml
from .veranstaltung import Veranstaltung, alle_referierenden

# The event's exports, in the order the "Daten" box lists them: calendar first, it serves most readers.
EVENT_EXPORTS = (Kalender, ScheduleXml, ScheduleJson)


def event_outputs(event: Veranstaltung, env: jinja2.Environment, umgebung: Umgebung) -> Iterable[Output]:
    """The pages and files of one event."""
    t = event.record
    dokumentation = None
    if t.dokumentation and t.dokumentation.datei:
        dokumentation = event.datei(t.dokumentation.titel, t.dokumentation.datei)
    anker = event.anker

    def seite(uri: str, vorlage: str, source: str | None, **werte: object) -> Output:
        # Every page of the event gets its own address as `seite`, the event's folder (Markdown links resolve
        # from the page's source file, which sits there) and the event record `t`.
        return Output(uri, env.get_template(vorlage).render(seite=uri, ordner=event.uri, t=t, **werte), source=source)

    daten = [
        {"label": e.label, "hinweis": e.hinweis, "href": urls.link(event.file(e.identifier), event.page())}
        for e in EVENT_EXPORTS
    ]
    yield seite(
        event.page(),
        "tagung.md.j2",
        event.source,
        programm=list(event.programm),
        dokumentation=dokumentation,
        anzahl_referierende=len(anker),
        daten=daten,
    )

    files: dict[str, Datei] = {}
    if dokumentation is not None:
        files[dokumentation.uri] = dokumentation
    for v in sorted(event.vortraege, key=lambda v: v.slug):
        anhaenge = event.anhaenge(v)
        files.update((a.uri, a) for a in anhaenge)
        personen = [(p, anker[normalised_name(p.name)]) for p in v.record.referierende]
        kalender = talk_file(event, v) if time_known(v) else None
        yield seite(
            event.page(v.slug), "beitrag.md.j2", v.source, v=v, anhaenge=anhaenge, personen=personen, kalender=kalender
        )

    for s in t.sessions:
        tag = next((d for d in t.tage if d.datum == s.tag), None)
        vortraege = event.session_vortraege.get(s.id, [])
        yield seite(urls.session(event.uri, s.id), "session.md.j2", event.source, s=s, tag=tag, vortraege=vortraege)

    yield seite(event.page("referierende"), "referierende.md.j2", None, referierende=list(event.referierende))
    for export in EVENT_EXPORTS:
        yield Output(event.file(export.identifier), export().render(event, umgebung), source=event.source)
    for v, ics in talk_calendars(event, umgebung):
        yield Output(talk_file(event, v), ics, source=v.source)
    for uri in sorted(files):
        yield Output(uri, path=files[uri].path)


def archive_outputs(events: list[Veranstaltung], env: jinja2.Environment) -> Iterable[Output]:
    """The 'Veranstaltungen' page (newest event first) and the index of all speakers."""
    newest_first = sorted(events, key=lambda e: e.record.tage[0].datum, reverse=True)
    yield Output(
        urls.VERANSTALTUNGEN,
        env.get_template("veranstaltungen.md.j2").render(seite=urls.VERANSTALTUNGEN, events=newest_first),
    )
    yield Output(
        urls.ALLE_REFERIERENDEN,
        env.get_template("alle_referierenden.md.j2").render(
            seite=urls.ALLE_REFERIERENDEN, personen=alle_referierenden(events)
        ),
    )
