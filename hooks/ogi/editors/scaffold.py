"""New records for editors: `make new-project`, `make new-veranstaltung` and `make new-beitrag` write a valid
file to start from. Every event folder is equal: a talk goes into the folder its editor names."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jinja2

from ..model.site import Site, Veranstaltungsdaten
from ..pages.render import TEMPLATES
from ..records.content import load_site
from ..records.errors import did_you_mean, visible
from ..records.layout import CONTENT_DIR, PROJECTS_DIR, TAGUNG_FILE
from ..records.load_events import event_folder_problem
from ..records.messages import duplicate_title, not_a_slug, other_day, unknown_day, unknown_kommune, unknown_session
from ..records.models import BEITRAGSARTEN
from ..records.projekt import Projekt
from ..records.slugs import slugify
from ..records.tagung import Beitrag, Tagung
from ..records.validation import not_allowed, validate
from ..records.yamlfile import read_yaml
from .schemas import schema_comment

MAX_SLUG_LENGTH = 60


class ScaffoldError(Exception):
    """A German message for the editor; nothing was written."""


def new_project(root: Path, titel: str, kommune: str, today: dt.date, slug: str | None = None) -> Path:
    """Write content/projects/<slug>.yml for a new measure and return its path."""
    titel, kommune = _required(titel, "TITEL"), _required(kommune, "KOMMUNE")
    site = load_site(root)
    if not site.kommunen:
        raise ScaffoldError(_unreadable("content/kommunen.yml"))
    if kommune not in site.kommunen:
        raise ScaffoldError(f"KOMMUNE: {unknown_kommune(kommune, site.kommunen)}")
    _refuse_duplicate_title(titel, [(m.record.titel, m.source) for m in site.massnahmen])
    target = root / PROJECTS_DIR / f"{_slug(titel, slug)}.yml"
    return _write(root, target, "neu_projekt.yml.j2", Projekt, titel=titel, kommune=kommune, heute=today)


def new_veranstaltung(root: Path, titel: str, datum: str, today: dt.date, slug: str | None = None) -> Path:
    """Write content/<slug>/tagung.yml for a new event (first day `datum`) and return its path."""
    titel, datum = _required(titel, "TITEL"), _required(datum, "DATUM")
    try:
        day = dt.date.fromisoformat(datum)
    except ValueError:
        raise ScaffoldError(
            f"DATUM: „{visible(datum)}“ ist kein Datum; den ersten Tag als JJJJ-MM-TT angeben, z. B. DATUM=2022-09-15"
        ) from None
    site = load_site(root)
    _refuse_duplicate_title(titel, [(event.tagung.titel, event.source) for event in site.veranstaltungen])
    folder = _slug(titel, slug)
    problem = event_folder_problem(root, folder)
    if problem:
        raise ScaffoldError(f"SLUG: {problem}" if slug else f"{problem}; mit SLUG=… einen anderen Namen angeben")
    if (root / CONTENT_DIR / folder).exists():
        raise ScaffoldError(
            f"{CONTENT_DIR}/{folder}/ gibt es schon und wird nicht überschrieben; einen anderen "
            "Titel wählen oder SLUG=… angeben"
        )
    target = root / CONTENT_DIR / folder / TAGUNG_FILE
    return _write(root, target, "neu_tagung.yml.j2", Tagung, titel=titel, tag=day, heute=today, ordner=folder)


def new_beitrag(
    root: Path,
    titel: str,
    today: dt.date,
    art: str = "Vortrag",
    tag: str | None = None,
    session: str | None = None,
    slug: str | None = None,
    veranstaltung: str | None = None,
) -> Path:
    """Write content/<veranstaltung>/<slug>.yml for a new talk of that event and return its path."""
    titel = _required(titel, "TITEL")
    site = load_site(root)
    event = _event(root, site, (veranstaltung or "").strip())
    if art not in BEITRAGSARTEN:
        raise ScaffoldError(f"ART: {not_allowed(art, list(BEITRAGSARTEN))}")
    days = {d.datum.isoformat(): d.datum for d in event.tagung.tage}
    sessions = {s.id: s for s in event.tagung.sessions}
    if session:
        if session not in sessions:
            raise ScaffoldError(f"SESSION: {unknown_session(session, sessions)}")
        day = sessions[session].tag
        if tag and tag != day.isoformat():
            raise ScaffoldError(f"TAG: {other_day(session, day.isoformat(), 'TAG weglassen oder angleichen')}")
    elif tag:
        if tag not in days:
            raise ScaffoldError(f"TAG: {unknown_day(tag, days)}")
        day = days[tag]
    elif len(days) == 1:
        day = next(iter(days.values()))
    else:
        raise ScaffoldError(
            "TAG oder SESSION fehlt; Tage der Veranstaltung: "
            + ", ".join(days)
            + ("; Sessions: " + ", ".join(sessions) if sessions else "")
        )
    _refuse_duplicate_title(titel, [(v.record.titel, v.source) for v in event.vortraege])
    folder = f"{CONTENT_DIR}/{event.ordner}"
    target = root / folder / f"{_slug(titel, slug)}.yml"
    if target.name == TAGUNG_FILE:
        raise ScaffoldError(f"der Name {TAGUNG_FILE} ist für die Veranstaltung selbst reserviert; SLUG=… angeben")
    return _write(
        root,
        target,
        "neu_beitrag.yml.j2",
        Beitrag,
        titel=titel,
        art=art,
        arten=BEITRAGSARTEN,
        tag=day,
        session=session,
        sessions=list(sessions),
        heute=today,
        veranstaltung=event.tagung.titel,
        anhaenge=event.attachments_dir,
    )


def _event(root: Path, site: Site, name: str) -> Veranstaltungsdaten:
    """The event folder `name` names; without a name the only event, if there is just one."""
    events = {event.ordner: event for event in site.veranstaltungen}
    if not name:
        if len(events) == 1:
            return next(iter(events.values()))
        raise ScaffoldError(
            "VERANSTALTUNG fehlt; den Ordner der Veranstaltung angeben, z. B. VERANSTALTUNG="
            + next(iter(events), "netzwerktag-2022")
            + "; Veranstaltungen: "
            + (", ".join(events) or "noch keine, zuerst make new-veranstaltung")
        )
    if name in events:
        return events[name]
    if (root / CONTENT_DIR / name / TAGUNG_FILE).is_file():
        raise ScaffoldError(_unreadable(f"{CONTENT_DIR}/{name}/{TAGUNG_FILE}"))
    raise ScaffoldError(
        f"VERANSTALTUNG: unbekannte Veranstaltung „{visible(name)}“{did_you_mean(name, events)}; "
        f"erlaubt sind die Ordner in {CONTENT_DIR}/ mit {TAGUNG_FILE}: "
        + ", ".join(events)
        + " (eine neue legt make new-veranstaltung an)"
    )


def _unreadable(shown: str) -> str:
    return f"{shown} lässt sich nicht lesen; erst `make check` ausführen und die Fehler beheben"


def _required(value: str | None, variable: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ScaffoldError(f'{variable} fehlt; angeben, z. B. {variable}="…"')
    return value


def _slug(titel: str, slug: str | None) -> str:
    if slug:
        if slugify(slug) != slug:
            raise ScaffoldError(f"SLUG: {not_a_slug(slug)}")
        return slug
    words = slugify(titel).split("-")
    result = words[0]
    for word in words[1:]:
        if len(result) + 1 + len(word) > MAX_SLUG_LENGTH:
            break
        result += "-" + word
    if not result:
        raise ScaffoldError("TITEL enthält keine Buchstaben oder Ziffern; SLUG=… angeben")
    return result


def _refuse_duplicate_title(titel: str, existing: list[tuple[str, str]]) -> None:
    for other, source in existing:
        if other.casefold() == titel.casefold():
            raise ScaffoldError(f"TITEL: {duplicate_title(titel, source)}")


def _template(name: str) -> jinja2.Template:
    # YAML, not HTML: no autoescaping; strings are written as JSON, which YAML reads unchanged.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)
    return env.get_template(name)


def _write(root: Path, target: Path, vorlage: str, model: type, **werte: object) -> Path:
    """Fill the template `vorlage` for `target` (its first line names the schema for that path) and write it,
    only if the result is a valid `model` record."""
    shown = target.relative_to(root).as_posix()
    if target.exists():
        raise ScaffoldError(
            f"{shown} gibt es schon und wird nicht überschrieben; einen anderen Titel wählen oder SLUG=… angeben"
        )
    text = _template(vorlage).render(schema_comment=schema_comment(shown), **werte)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:
        handle.write(text)
    source, errors = read_yaml(target, shown)
    if source is not None:
        _, errors = validate(model, source)
    if errors:  # a broken template must never leave a broken file behind
        target.unlink()
        raise ScaffoldError("die Vorlage ergibt keinen gültigen Datensatz: " + "; ".join(map(str, errors)))
    return target
