"""The 2020 conference archive: event page with programme, talk, session and speaker pages, files, schedule.json."""

from __future__ import annotations

from typing import Iterable

import jinja2

from .anhaenge import Datei, datei
from .content import Site
from .output import Output
from .programm import normalised_name, programme, session_talks, speakers
from .schedule import SCHEDULE_URI, schedule_json

TAGUNG_URI = "tagung-2020"


def tagung_outputs(site: Site, env: jinja2.Environment, site_url: str = "") -> Iterable[Output]:
    """All pages and files of the conference archive, in a stable order; nothing if there is no event."""
    if site.tagung is None:
        return
    t = site.tagung
    dokumentation = None
    if t.dokumentation and t.dokumentation.datei:
        dokumentation = datei(site, t.dokumentation.titel, t.dokumentation.datei)
    referierende = speakers(site)
    anker = {normalised_name(r.name): r.anker for r in referierende}
    yield Output(f"{TAGUNG_URI}/index.md", env.get_template("tagung.md.j2").render(
        t=t, programm=programme(site), dokumentation=dokumentation,
        anzahl_referierende=len(anker), schedule=SCHEDULE_URI.rsplit("/", 1)[-1]), source=site.tagung_source)

    files: dict[str, Datei] = {}
    if dokumentation is not None:
        files[dokumentation.uri] = dokumentation
    page = env.get_template("beitrag.md.j2")
    for v in sorted(site.vortraege, key=lambda v: v.slug):
        anhaenge = [d for d in (datei(site, a.titel, a.datei) for a in v.record.anhaenge) if d is not None]
        files.update((a.uri, a) for a in anhaenge)
        personen = [(p, anker[normalised_name(p.name)]) for p in v.record.referierende]
        yield Output(f"{TAGUNG_URI}/{v.slug}.md", page.render(v=v, anhaenge=anhaenge, personen=personen),
                     source=v.source)

    page = env.get_template("session.md.j2")
    for s in t.sessions:
        tag = next((d for d in t.tage if d.datum == s.tag), None)
        yield Output(f"{TAGUNG_URI}/sessions/{s.id}.md", page.render(
            s=s, tag=tag, vortraege=session_talks(site, s), t=t), source=site.tagung_source)

    yield Output(f"{TAGUNG_URI}/referierende.md", env.get_template("referierende.md.j2").render(
        t=t, referierende=referierende))
    yield Output(SCHEDULE_URI, schedule_json(site, site_url), source=site.tagung_source)
    for uri in sorted(files):
        yield Output(uri, path=files[uri].path)
