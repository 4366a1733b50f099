"""Loading an event folder, content/<ordner>/: its tagung.yml, its talks and their attachments."""

from __future__ import annotations

from pathlib import Path

from ..model.site import Site, Veranstaltungsdaten, Vortrag
from .errors import FILE_FIELD, ContentError
from .files import DOCUMENTS, file_problem, human_size
from .layout import (
    CONTENT_DIR,
    MAX_ATTACHMENT_BYTES,
    RESERVED_EVENT_FOLDERS,
    RESERVED_SESSION_IDS,
    RESERVED_TALK_NAMES,
    TAGUNG_FILE,
)
from .loader import Loader
from .messages import is_twin, not_a_slug, other_day, unknown_day, unknown_session
from .models import slug_is_valid
from .tagung import Beitrag, Session, Tagung
from .yaml_messages import Loc


def event_folders(root: Path) -> list[Path]:
    """Every folder of content/ with a tagung.yml, by name."""
    return sorted(p.parent for p in (root / CONTENT_DIR).glob(f"*/{TAGUNG_FILE}"))


def event_folder_problem(root: Path, name: str) -> str | None:
    """Why content/<name>/ cannot become the address /<name>/ of an event; None if it can."""
    if not slug_is_valid(name):
        return "der Ordnername " + not_a_slug(name, "zur Adresse der Veranstaltung")
    if name in RESERVED_EVENT_FOLDERS or (root / "docs" / name).exists() or (root / "docs" / f"{name}.md").exists():
        return (
            f"der Ordnername „{name}“ ist schon die Adresse eines Bereichs der Website; einen anderen wählen, "
            f"z. B. „{name}-veranstaltung“"
        )
    return None


def load_event(site: Site, loader: Loader, folder: Path) -> None:
    problem = event_folder_problem(site.root, folder.name)
    if problem:
        site.errors.append(ContentError(loader.display(folder / TAGUNG_FILE), 1, FILE_FIELD, problem))
        return
    tagung = loader.load(folder / TAGUNG_FILE, Tagung)
    if tagung is None:
        return
    event = Veranstaltungsdaten(folder.name, tagung, loader.display(folder / TAGUNG_FILE))
    site.veranstaltungen.append(event)
    source = event.source
    days = {tag.datum: tag for tag in tagung.tage}
    sessions: dict[str, Session] = {}
    for index, session in enumerate(tagung.sessions):
        at = (source, ("sessions", index, "id"), f"sessions[{index + 1}].id")
        if session.id in sessions:
            loader.error(*at, f"die id „{session.id}“ ist schon vergeben; jede Session braucht eine eigene id")
        sessions[session.id] = session
        if session.id in RESERVED_SESSION_IDS:
            loader.error(
                *at, f"die id „{session.id}“ ist für eine Seite des Tagungsarchivs reserviert; eine andere wählen"
            )
        if session.tag not in days:
            loader.error(
                source,
                ("sessions", index, "tag"),
                f"sessions[{index + 1}].tag",
                unknown_day(session.tag.isoformat(), (d.isoformat() for d in days)),
            )
    if tagung.dokumentation and tagung.dokumentation.datei:
        _check_attachment(
            site, loader, event, source, ("dokumentation", "datei"), "dokumentation.datei", tagung.dokumentation.datei
        )
    for path in sorted(folder.glob("*.yml")):
        if path.name == TAGUNG_FILE:
            continue
        record = loader.load(path, Beitrag, slug=True)
        if record is None:
            continue
        shown = loader.display(path)
        if path.stem in RESERVED_TALK_NAMES:
            site.errors.append(
                ContentError(
                    shown,
                    1,
                    FILE_FIELD,
                    f"der Dateiname „{path.name}“ ist für eine Seite des Tagungsarchivs "
                    f"reserviert; einen anderen Namen wählen, z. B. „vortrag-{path.stem}.yml“",
                )
            )
            continue
        session = sessions.get(record.session) if record.session else None
        if record.session and session is None:
            loader.error(shown, ("session",), "session", unknown_session(record.session, sessions))
            continue
        if record.tag not in days:
            loader.error(shown, ("tag",), "tag", unknown_day(record.tag.isoformat(), (d.isoformat() for d in days)))
            continue
        if session is not None and is_twin(record, session):
            loader.error(
                shown,
                ("session",),
                "session",
                f"der Beitrag und die Session „{session.id}“ beschreiben dasselbe ({session.art} "
                f"„{session.titel}“), im Programm stünde es doppelt; entweder nur die Session in "
                "tagung.yml behalten oder nur den Beitrag (dann ohne session und die Session löschen)",
            )
            continue
        if session is not None and session.tag != record.tag:
            loader.error(shown, ("tag",), "tag", other_day(session.id, session.tag.isoformat(), "tag angleichen"))
            continue
        for index, anhang in enumerate(record.anhaenge):
            _check_attachment(
                site, loader, event, shown, ("anhaenge", index, "datei"), f"anhaenge[{index + 1}].datei", anhang.datei
            )
        event.vortraege.append(Vortrag(path.stem, shown, record, days[record.tag], session))


def _check_attachment(
    site: Site, loader: Loader, event: Veranstaltungsdaten, shown: str, loc: Loc, field_name: str, name: str
) -> None:
    loader.named.setdefault(event.attachments_dir, set()).add(name)
    path = site.root / event.attachments_dir / name
    problem = file_problem(site.root, event.attachments_dir, name, DOCUMENTS)
    if problem:
        loader.error(shown, loc, field_name, problem)
    elif path.stat().st_size > MAX_ATTACHMENT_BYTES:
        line = loader.files[shown].line_of(loc)
        site.warnings.append(
            ContentError(
                shown,
                line,
                field_name,
                f"die Datei „{name}“ ist {human_size(path.stat().st_size)} groß; Dateien über 20 MB "
                "verkleinern (z. B. PDF komprimieren), damit sie schnell laden",
            )
        )
