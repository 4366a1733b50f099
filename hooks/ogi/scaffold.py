"""New records for editors: `make new-project` and `make new-beitrag` write a valid file to start from."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jinja2

from .content import (
    PROJECTS_DIR,
    TAGUNG_DIR,
    TAGUNG_FILE,
    duplicate_title,
    load_site,
    not_a_slug,
    other_day,
    unknown_day,
    unknown_kommune,
    unknown_session,
)
from .models import BEITRAGSARTEN, Beitrag, Projekt
from .render import TEMPLATES
from .schemas import schema_comment
from .slugs import slugify
from .validation import not_allowed, validate
from .yamlfile import read_yaml

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
    text = _template("neu_projekt.yml.j2").render(
        schema_comment=schema_comment(f"{PROJECTS_DIR}/x.yml"), titel=titel, kommune=kommune, heute=today)
    return _write(root, target, text, Projekt)


def new_beitrag(root: Path, titel: str, today: dt.date, art: str = "Vortrag", tag: str | None = None,
                session: str | None = None, slug: str | None = None) -> Path:
    """Write content/tagung-2020/<slug>.yml for a new presentation and return its path."""
    titel = _required(titel, "TITEL")
    site = load_site(root)
    if site.tagung is None:
        raise ScaffoldError(_unreadable(f"{TAGUNG_DIR}/{TAGUNG_FILE}"))
    if art not in BEITRAGSARTEN:
        raise ScaffoldError(f"ART: {not_allowed(art, list(BEITRAGSARTEN))}")
    days = {d.datum.isoformat(): d.datum for d in site.tagung.tage}
    sessions = {s.id: s for s in site.tagung.sessions}
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
        raise ScaffoldError("TAG oder SESSION fehlt; Tage der Tagung: " + ", ".join(days)
                            + "; Sessions: " + ", ".join(sessions))
    _refuse_duplicate_title(titel, [(v.record.titel, v.source) for v in site.vortraege])
    target = root / TAGUNG_DIR / f"{_slug(titel, slug)}.yml"
    if target.name == TAGUNG_FILE:
        raise ScaffoldError(f"der Name {TAGUNG_FILE} ist für die Tagung selbst reserviert; SLUG=… angeben")
    text = _template("neu_beitrag.yml.j2").render(
        schema_comment=schema_comment(f"{TAGUNG_DIR}/x.yml"), titel=titel, art=art, arten=BEITRAGSARTEN,
        tag=day, session=session, sessions=list(sessions), heute=today)
    return _write(root, target, text, Beitrag)


def _unreadable(shown: str) -> str:
    return f"{shown} lässt sich nicht lesen; erst `make check` ausführen und die Fehler beheben"


def _required(value: str | None, variable: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ScaffoldError(f"{variable} fehlt; angeben, z. B. {variable}=\"…\"")
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
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)
    return env.get_template(name)


def _write(root: Path, target: Path, text: str, model: type) -> Path:
    shown = target.relative_to(root).as_posix()
    if target.exists():
        raise ScaffoldError(f"{shown} gibt es schon und wird nicht überschrieben; einen anderen Titel wählen "
                            "oder SLUG=… angeben")
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
