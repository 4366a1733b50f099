"""Load every content file, validate it and link the records into one Site object."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from ..model import urls
from .errors import FILE_FIELD, ContentError, ContentErrors, did_you_mean, visible
from .dates import TeilDatum
from .file_checks import image_problems, tree_problems
from .files import DOCUMENTS, IMAGES, file_problem, symlink_in
from .future_dates import future_dates, today
from .kommunen import ags_of, official_kommunen
from .places_check import centre_problem, geometry_problem
from .models import (
    STATUS_UNBEKANNT,
    Beitrag,
    Betreiber,
    FoerdersummenDatei,
    Kommune,
    KommunenDatei,
    MeilensteineDatei,
    Projekt,
    Session,
    Tag,
    Tagung,
    slug_is_valid,
)
from ..pages.render import euro, zahl
from .slugs import slugify
from .speaker_names import similar_names
from .validation import validate
from .yamlfile import Loc, YamlFile, read_yaml

PROJECTS_DIR = "content/projects"
IMAGES_DIR = "content/projects/bilder"
TAGUNG_FILE = "tagung.yml"
# Record names that would take the address of a generated page (the address layout is urls.py's).
RESERVED_TALK_NAMES = urls.EVENT_RESERVED
RESERVED_PROJECT_NAMES = urls.MASSNAHME_RESERVED
RESERVED_SESSION_IDS = urls.SESSION_RESERVED
# An event folder (content/<name>/) must not take a generated section's address, nor be the measures' folder.
RESERVED_EVENT_FOLDERS = (*urls.SECTIONS, "projects")
CONTENT_DIR = "content"
DOCS_DIR = "docs"  # hand-written pages: MkDocs publishes every file in it
FOERDERSUMMEN_FILE = "content/foerdersummen.yml"
KREISFREI = "Kreisfreie Städte"  # the group of the Kommunen without a Kreis; listed first
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def attachments_dir(ordner: str) -> str:
    """The folder of an event's files: attachments_dir('fachtag-2025') -> 'content/fachtag-2025/anhaenge'."""
    return f"{CONTENT_DIR}/{ordner}/anhaenge"


@dataclass(frozen=True)
class Kommunendaten:
    """A Kommune of content/kommunen.yml as the site links it: its address (slug) and Kreis label.

    Not to be confused with `Lage.ort`, a place in words (street, park) inside a Kommune.
    """

    kommune: Kommune
    slug: str

    @property
    def name(self) -> str:
        return self.kommune.name

    @property
    def kreis(self) -> str:
        return self.kommune.kreis or KREISFREI

    @property
    def kreis_text(self) -> str:
        """The Kreis by name, or 'kreisfreie Stadt': the group label 'Kreisfreie Städte' is no Kreis."""
        return self.kommune.kreis or "kreisfreie Stadt"


def kreis_order(kreis: str) -> tuple[bool, str]:
    """Sort key of Kreis groups: the kreisfreie Städte first, then the Kreise by name."""
    return (kreis != KREISFREI, kreis)


@dataclass(frozen=True)
class Massnahme:
    """A measure record with what the site derives from it."""

    slug: str
    source: str
    record: Projekt
    kommunen: tuple[Kommunendaten, ...]
    geometrie: dict[str, Any]  # GeoJSON geometry; the Kommune's centre when only that is known

    @property
    def kreise(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(ort.kreis for ort in self.kommunen))

    # Wording of the measure's facts, one place for the page, the lists and the exports (not template logic).

    @property
    def kreise_text(self) -> str:
        """'Kreis Unna', 'kreisfreie Stadt', or both for a measure across a Kreis and a kreisfreie Stadt."""
        return ", ".join(dict.fromkeys(ort.kreis_text for ort in self.kommunen))

    @property
    def status_grundlage(self) -> StatusGrundlage | None:
        """What the status rests on, as the page names it; None when no source states it."""
        beleg = self.record.status_beleg
        if beleg is None:
            return None
        quelle = self.record.quellen[beleg.quelle - 1]
        nur_bilanz = beleg.art == "Abschlussbilanz"
        return StatusGrundlage("Abschlussbilanz des Programms" if nur_bilanz else quelle.titel, beleg.quelle,
                               beleg.datum or quelle.datum, nur_bilanz)

    @property
    def zeitraum_text(self) -> str | None:
        """'März 2021 bis 2022', 'bis 2022', '2020'; None without a period."""
        z = self.record.zeitraum
        if z is None or not (z.beginn or z.ende):
            return None
        if z.beginn and z.ende:
            return f"{z.beginn.deutsch()} bis {z.ende.deutsch()}"
        return z.beginn.deutsch() if z.beginn else f"bis {z.ende.deutsch()}"  # type: ignore[union-attr]

    @property
    def foerderung_text(self) -> str | None:
        """'122.000 € durch Land Nordrhein-Westfalen (Förderquote 100 %)'; None without funding facts."""
        f = self.record.foerderung
        if f is None:
            return None
        text = euro(f.betrag_eur) if f.betrag_eur is not None else "Betrag nicht einzeln bekannt"
        if f.foerdergeber:
            text += f" durch {f.foerdergeber}"
        if f.anteil_prozent:
            text += f" (Förderquote {zahl(f.anteil_prozent)} %)"
        return text

    @property
    def suchwoerter(self) -> list[str]:
        """The editors' `stichworte`, then the Kommunen and the Träger (the facts list is not indexed)."""
        r = self.record
        return list(dict.fromkeys([*r.stichworte, *(ort.name for ort in self.kommunen), *([r.traeger] if r.traeger else [])]))

    @property
    def fertig_jahr(self) -> int | None:
        """The year the measure was completed, by its source; None when no source gives it."""
        f = self.record.fertigstellung
        return f.datum.jahr if f else None


@dataclass(frozen=True)
class StatusGrundlage:
    """The source a measure's status rests on: its title (or the programme's final report), number, date."""

    beleg: str
    quelle: int
    wann: TeilDatum | None
    nur_bilanz: bool  # only the whole programme's final report supports it


@dataclass(frozen=True)
class Vortrag:
    """A presentation record with its day and session."""

    slug: str
    source: str
    record: Beitrag
    tag: Tag
    session: Session | None


@dataclass
class Veranstaltungsdaten:
    """One event folder, content/<ordner>/: its tagung.yml and its talks."""

    ordner: str  # folder name; it becomes the address of the event's pages, e.g. "fachtag-2025"
    tagung: Tagung
    source: str  # display path of tagung.yml
    vortraege: list[Vortrag] = field(default_factory=list)

    @property
    def attachments_dir(self) -> str:
        return attachments_dir(self.ordner)


@dataclass
class Site:
    """Everything the pages, maps and exports are made from."""

    root: Path
    kommunen: dict[str, Kommunendaten] = field(default_factory=dict)
    kommunen_datei: KommunenDatei | None = None  # its sources and stated precision, for the Kommunen page
    massnahmen: list[Massnahme] = field(default_factory=list)
    veranstaltungen: list[Veranstaltungsdaten] = field(default_factory=list)  # every event, oldest first
    meilensteine: MeilensteineDatei | None = None
    foerdersummen: FoerdersummenDatei | None = None  # the programme's funding figures (optional file)
    betreiber: Betreiber | None = None
    betreiber_datei: YamlFile | None = None  # its lines, for the check before publishing (pflichtangaben.py)
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    sources: dict[str, Path] = field(default_factory=dict)  # display path -> file, for edit links and dates

    def veranstaltung(self, ordner: str) -> Veranstaltungsdaten | None:
        """The event of content/<ordner>/, None if there is none (or it could not be read)."""
        return next((event for event in self.veranstaltungen if event.ordner == ordner), None)

    def raise_for_errors(self) -> None:
        if self.errors:
            raise ContentErrors(self.errors)

    # Facts derived from the linked records, computed once on first use (after load_site, which is the
    # only code that changes the lists above) and read by every page, map and export.

    @cached_property
    def massnahmen_sortiert(self) -> list[Massnahme]:
        """The measures as lists show them: by their first Kommune, then by title."""
        return sorted(self.massnahmen, key=lambda m: (m.kommunen[0].name, m.record.titel.casefold()))

    @cached_property
    def massnahmen_je_kommune(self) -> dict[str, list[Massnahme]]:
        """Kommune name -> its measures in list order; only Kommunen with measures, by name."""
        by_name: dict[str, list[Massnahme]] = {}
        for m in self.massnahmen_sortiert:
            for ort in m.kommunen:
                by_name.setdefault(ort.name, []).append(m)
        return dict(sorted(by_name.items()))

    @cached_property
    def datenstand(self) -> dt.date | None:
        dates = [m.record.datenstand for m in self.massnahmen]
        for event in self.veranstaltungen:
            dates += [event.tagung.datenstand] + [v.record.datenstand for v in event.vortraege]
        return max(dates, default=None)


def unknown_kommune(name: str, kommunen: Iterable[str]) -> str:
    """The message for a Kommune that is not in content/kommunen.yml (loader and `make new-project`)."""
    if ags_of(name) is not None:
        return (f"die Kommune „{name}“ fehlt in content/kommunen.yml; sie dort wieder eintragen "
                "(mit Kreis und Ortsmitte)")
    return f"unbekannte Kommune „{visible(name)}“{did_you_mean(name, kommunen)}; Namen wie in content/kommunen.yml schreiben"


def is_twin(record: Beitrag, session: Session) -> bool:
    """True when a talk restates its own session (same kind, same title up to a leading "Kind:"): one thing twice.

    Readers would find two nearly empty pages and the programme would list the workshop twice.
    """
    if not session.art or record.art.casefold() != session.art.casefold():
        return False

    def bare(title: str) -> str:
        words = " ".join(title.split()).casefold()
        prefix = f"{record.art.casefold()}:"
        return words.removeprefix(prefix).strip()

    return bare(record.titel) == bare(session.titel)


# Messages that `make check` and `make new-project`/`new-beitrag` (scaffold.py) both give, written once.


def not_a_slug(name: str, becomes: str = "zur Adresse der Seite", suffix: str = "") -> str:
    """The message for a name that becomes an address but is not lower case, digits and hyphens."""
    return (f"„{name}{suffix}“ wird {becomes}; nur Kleinbuchstaben, Ziffern und Bindestriche verwenden, "
            f"z. B. „{slugify(name)}{suffix}“")


def duplicate_title(titel: str, source: str) -> str:
    """The message for a title that another record of the same kind already has."""
    return f"der Titel „{titel}“ steht schon in {source}; jeder Titel nur einmal, z. B. den Ort ergänzen"


def unknown_day(tag: str, days: Iterable[str]) -> str:
    """The message for a date that is not a day of the event."""
    return f"{tag} ist kein Tag der Tagung; erlaubt sind: " + ", ".join(days)


def other_day(session: str, day: str, fix: str) -> str:
    """The message for a talk whose day is not its session's."""
    return f"die Session „{session}“ fand am {day} statt; {fix}"


def unknown_session(name: str, sessions: Iterable[str]) -> str:
    """The message for a session id that tagung.yml does not define (loader and `make new-beitrag`)."""
    ids = list(sessions)
    return (f"unbekannte Session „{visible(name)}“{did_you_mean(name, ids)}; erlaubt sind die ids aus tagung.yml: "
            + ", ".join(ids))


def load_site(root: Path) -> Site:
    """Read and check all content below `root`; problems are collected in `site.errors`."""
    site = Site(root=root)
    loader = _Loader(site)
    kommunen = loader.load(root / "content/kommunen.yml", KommunenDatei)
    if kommunen is not None:
        _link_kommunen(site, kommunen, loader.files["content/kommunen.yml"])
    site.betreiber = loader.load(root / "content/betreiber.yml", Betreiber)
    site.betreiber_datei = loader.files.get("content/betreiber.yml")
    site.meilensteine = loader.load(root / "content/meilensteine.yml", MeilensteineDatei)
    if (root / FOERDERSUMMEN_FILE).is_file():  # optional: without it the pages name only the measures' sums
        site.foerdersummen = loader.load(root / FOERDERSUMMEN_FILE, FoerdersummenDatei)
    for path in sorted((root / PROJECTS_DIR).glob("*.yml")):
        record = loader.load(path, Projekt, slug=True)
        if record is not None:
            _add_massnahme(site, loader, path, record)
    for folder in event_folders(root):
        _load_tagung(site, loader, folder)
    # Every event alike: the archive lists them by their first day, oldest first.
    site.veranstaltungen.sort(key=lambda event: (event.tagung.tage[0].datum, event.ordner))
    _check_duplicate_titles(site, loader)
    folders = {IMAGES_DIR: (IMAGES, "bilder[].datei einer Maßnahme")} | {
        attachments_dir(folder.name): (DOCUMENTS, "anhaenge[].datei eines Beitrags") for folder in event_folders(root)}
    errors, warnings = tree_problems(root, CONTENT_DIR, DOCS_DIR, folders, loader.named, {e.path for e in site.errors})
    site.errors += errors
    site.warnings += warnings
    site.warnings.extend(similar_names((loader.files[v.source], v.record)
                                       for event in site.veranstaltungen for v in event.vortraege))
    return site


class _Loader:
    def __init__(self, site: Site):
        self.site = site
        self.files: dict[str, YamlFile] = {}
        self.named: dict[str, set[str]] = {}  # file folder -> the names records give in it
        self.today = today()  # once per run, so every record is checked against the same day

    def display(self, path: Path) -> str:
        return path.relative_to(self.site.root).as_posix()

    def load(self, path: Path, model: type, *, slug: bool = False) -> Any:
        shown = self.display(path)
        if symlink_in(self.site.root, path):
            return None  # tree_problems names every symlink in content/
        if not path.is_file():
            self.site.errors.append(ContentError(shown, 1, FILE_FIELD, "die Datei fehlt; sie wird für die Website gebraucht"))
            return None
        self.site.sources[shown] = path
        if slug and not slug_is_valid(path.stem):
            self.site.errors.append(ContentError(
                shown, 1, FILE_FIELD,
                "der Dateiname " + not_a_slug(path.stem, suffix=".yml")))
        source, errors = read_yaml(path, shown)
        if source is None:
            self.site.errors.extend(errors)
            return None
        self.files[shown] = source
        self.site.warnings.extend(source.warnings)
        record, errors = validate(model, source)
        self.site.errors.extend(errors)
        if record is not None:
            self.site.errors.extend(future_dates(record, source, self.today))
        return record

    def error(self, shown: str, loc: tuple, field_name: str, message: str) -> None:
        line = self.files[shown].line_of(loc) if shown in self.files else 1
        self.site.errors.append(ContentError(shown, line, field_name, message))


def _link_kommunen(site: Site, datei: KommunenDatei, source: YamlFile) -> None:
    """Each of the 53 official Kommunen exactly once, under its official name; slugs unique."""
    site.kommunen_datei = datei
    official = official_kommunen()
    found: dict[str, str] = {}  # AGS -> name as written
    slugs: dict[str, str] = {}
    for index, kommune in enumerate(datei.kommunen):
        line, field = source.line_of(("kommunen", index, "name")), f"kommunen[{index + 1}].name"
        ags = ags_of(kommune.name)
        if ags is None:
            site.errors.append(ContentError(source.path, line, field,
                                            f"„{visible(kommune.name)}“ ist keine Kommune des RVR-Gebiets"
                                            f"{did_you_mean(kommune.name, official.values())}; den amtlichen "
                                            "Namen schreiben"))
            continue
        if ags in found:
            site.errors.append(ContentError(source.path, line, field,
                                            f"„{kommune.name}“ steht doppelt in der Liste; nur einmal eintragen"))
            continue
        slug = slugify(kommune.name)
        if slug in slugs or slug == "index":
            site.errors.append(ContentError(source.path, line, field,
                                            f"„{kommune.name}“ ergibt dieselbe Adresse wie „{slugs.get(slug, 'index')}“; "
                                            "den amtlichen Namen schreiben"))
            continue
        found[ags], slugs[slug] = kommune.name, kommune.name
        site.kommunen[kommune.name] = Kommunendaten(kommune, slug)
    for index, kommune in enumerate(datei.kommunen):
        problem = centre_problem(kommune.name, kommune.laenge, kommune.breite, site.kommunen)
        if problem:
            site.errors.append(ContentError(source.path, source.line_of(("kommunen", index, "breite")),
                                            f"kommunen[{index + 1}]", problem))
    missing = [f"{name} ({ags})" for ags, name in sorted(official.items(), key=lambda i: i[1]) if ags not in found]
    if missing:
        site.errors.append(ContentError(source.path, source.line_of(("kommunen",)), "kommunen",
                                        f"es fehlen Kommunen des RVR-Gebiets: {', '.join(missing)}; jede der "
                                        f"{len(official)} Kommunen mit Kreis und Ortsmitte eintragen"))


def _add_massnahme(site: Site, loader: _Loader, path: Path, record: Projekt) -> None:
    shown = loader.display(path)
    orte = []
    for index, name in enumerate(record.kommunen):
        ort = site.kommunen.get(name)
        if ort is not None:
            orte.append(ort)
        elif site.kommunen_datei is not None:  # else content/kommunen.yml itself is broken, and reported
            loader.error(shown, ("kommunen", index), f"kommunen[{index + 1}]", unknown_kommune(name, site.kommunen))
    if path.stem in RESERVED_PROJECT_NAMES:
        site.errors.append(ContentError(shown, 1, FILE_FIELD,
                                        f"der Dateiname „{path.name}“ ist für eine Seite der Website reserviert; "
                                        f"einen anderen Namen wählen, z. B. „massnahme-{path.stem}.yml“"))
        return
    for index, bild in enumerate(record.bilder):
        _check_image(site, loader, shown, index, bild.datei)
    _check_status_basis(loader, shown, record)
    if len(orte) != len(record.kommunen):
        return
    if record.lage.geometrie is not None:
        geometrie = record.lage.geometrie.model_dump()
        problem = geometry_problem(geometrie, record.kommunen, site.kommunen)
        if problem:
            loader.error(shown, ("lage", "geometrie", "coordinates"), "lage.geometrie.coordinates", problem)
            return
    else:
        centre = orte[0].kommune
        geometrie = {"type": "Point", "coordinates": [centre.laenge, centre.breite]}
    site.massnahmen.append(Massnahme(path.stem, shown, record, tuple(orte), geometrie))


def _check_image(site: Site, loader: _Loader, shown: str, index: int, name: str) -> None:
    loader.named.setdefault(IMAGES_DIR, set()).add(name)
    loc, field_name = ("bilder", index, "datei"), f"bilder[{index + 1}].datei"
    problem, warning = image_problems(site.root, IMAGES_DIR, name)
    if problem:
        loader.error(shown, loc, field_name, problem)
    elif warning:
        site.warnings.append(ContentError(shown, loader.files[shown].line_of(loc), field_name, warning))


def _check_status_basis(loader: _Loader, shown: str, record: Projekt) -> None:
    """A status other than "nicht bekannt" needs a basis; every reference into `quellen` must exist."""
    if record.status == STATUS_UNBEKANNT and record.status_beleg is not None:
        loader.error(shown, ("status_beleg",), "status_beleg",
                     f"bei status „{STATUS_UNBEKANNT}“ gibt es keinen Beleg; status_beleg löschen oder den Status "
                     "nach der Quelle eintragen")
    elif record.status != STATUS_UNBEKANNT and record.status_beleg is None:
        loader.error(shown, ("status",), "status_beleg",
                     f"status „{record.status}“ ohne Beleg; status_beleg mit art (Quelle oder Abschlussbilanz) "
                     f"und quelle (Nummer in quellen) ergänzen, oder status: {STATUS_UNBEKANNT}")
    if record.fertigstellung is not None and record.status != "abgeschlossen":
        loader.error(shown, ("fertigstellung",), "fertigstellung",
                     f"eine Fertigstellung gibt es nur bei status „abgeschlossen“ (hier „{record.status}“); "
                     "den Status nach der Quelle auf abgeschlossen setzen oder fertigstellung löschen")
    verweise: list[tuple[Loc, str, int]] = []
    if record.status_beleg:
        verweise.append((("status_beleg", "quelle"), "status_beleg.quelle", record.status_beleg.quelle))
    if record.fertigstellung:
        verweise.append((("fertigstellung", "quelle"), "fertigstellung.quelle", record.fertigstellung.quelle))
    verweise += [(("hinweise", index, "quelle"), f"hinweise[{index + 1}].quelle", hinweis.quelle)
                 for index, hinweis in enumerate(record.hinweise)]
    anzahl = len(record.quellen)
    richtig = "die Nummer 1 angeben" if anzahl == 1 else f"eine Nummer von 1 bis {anzahl} angeben"
    for loc, field_name, nummer in verweise:
        if nummer > anzahl:
            loader.error(shown, loc, field_name, f"es gibt keine Quelle Nr. {nummer}; quellen hat "
                         f"{anzahl} {'Eintrag' if anzahl == 1 else 'Einträge'}, {richtig}")


def event_folders(root: Path) -> list[Path]:
    """Every folder of content/ with a tagung.yml, by name."""
    return sorted(p.parent for p in (root / CONTENT_DIR).glob(f"*/{TAGUNG_FILE}"))


def event_folder_problem(root: Path, name: str) -> str | None:
    """Why content/<name>/ cannot become the address /<name>/ of an event; None if it can."""
    if not slug_is_valid(name):
        return "der Ordnername " + not_a_slug(name, "zur Adresse der Veranstaltung")
    if name in RESERVED_EVENT_FOLDERS or (root / "docs" / name).exists() or (root / "docs" / f"{name}.md").exists():
        return (f"der Ordnername „{name}“ ist schon die Adresse eines Bereichs der Website; einen anderen wählen, "
                f"z. B. „{name}-veranstaltung“")
    return None


def _load_tagung(site: Site, loader: _Loader, folder: Path) -> None:
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
        if session.id in sessions:
            loader.error(source, ("sessions", index, "id"), f"sessions[{index + 1}].id",
                         f"die id „{session.id}“ ist schon vergeben; jede Session braucht eine eigene id")
        sessions[session.id] = session
        if session.id in RESERVED_SESSION_IDS:
            loader.error(source, ("sessions", index, "id"), f"sessions[{index + 1}].id",
                         f"die id „{session.id}“ ist für eine Seite des Tagungsarchivs reserviert; eine andere wählen")
        if session.tag not in days:
            loader.error(source, ("sessions", index, "tag"), f"sessions[{index + 1}].tag",
                         unknown_day(session.tag.isoformat(), (d.isoformat() for d in days)))
    if tagung.dokumentation and tagung.dokumentation.datei:
        _check_attachment(site, loader, event, source, ("dokumentation", "datei"),
                          "dokumentation.datei", tagung.dokumentation.datei)
    for path in sorted(folder.glob("*.yml")):
        if path.name == TAGUNG_FILE:
            continue
        record = loader.load(path, Beitrag, slug=True)
        if record is None:
            continue
        shown = loader.display(path)
        if path.stem in RESERVED_TALK_NAMES:
            site.errors.append(ContentError(
                shown, 1, FILE_FIELD, f"der Dateiname „{path.name}“ ist für eine Seite des Tagungsarchivs "
                f"reserviert; einen anderen Namen wählen, z. B. „vortrag-{path.stem}.yml“"))
            continue
        session = sessions.get(record.session) if record.session else None
        if record.session and session is None:
            loader.error(shown, ("session",), "session", unknown_session(record.session, sessions))
            continue
        if record.tag not in days:
            loader.error(shown, ("tag",), "tag", unknown_day(record.tag.isoformat(), (d.isoformat() for d in days)))
            continue
        if session is not None and is_twin(record, session):
            loader.error(shown, ("session",), "session",
                         f"der Beitrag und die Session „{session.id}“ beschreiben dasselbe ({session.art} "
                         f"„{session.titel}“), im Programm stünde es doppelt; entweder nur die Session in "
                         "tagung.yml behalten oder nur den Beitrag (dann ohne session und die Session löschen)")
            continue
        if session is not None and session.tag != record.tag:
            loader.error(shown, ("tag",), "tag", other_day(session.id, session.tag.isoformat(), "tag angleichen"))
            continue
        for index, anhang in enumerate(record.anhaenge):
            _check_attachment(site, loader, event, shown, ("anhaenge", index, "datei"),
                              f"anhaenge[{index + 1}].datei", anhang.datei)
        event.vortraege.append(Vortrag(path.stem, shown, record, days[record.tag], session))


def _check_attachment(site: Site, loader: _Loader, event: Veranstaltungsdaten, shown: str, loc: tuple,
                      field_name: str, name: str) -> None:
    loader.named.setdefault(event.attachments_dir, set()).add(name)
    path = site.root / event.attachments_dir / name
    problem = file_problem(site.root, event.attachments_dir, name, DOCUMENTS)
    if problem:
        loader.error(shown, loc, field_name, problem)
    elif path.stat().st_size > MAX_ATTACHMENT_BYTES:
        megabytes = path.stat().st_size / 1024 / 1024
        line = loader.files[shown].line_of(loc)
        site.warnings.append(ContentError(shown, line, field_name,
                                          f"die Datei „{name}“ ist {megabytes:.0f} MB groß; Dateien über 20 MB "
                                          "verkleinern (z. B. PDF komprimieren), damit sie schnell laden"))


def _check_duplicate_titles(site: Site, loader: _Loader) -> None:
    _drop_duplicate_titles(site.massnahmen, loader)
    for event in site.veranstaltungen:
        _drop_duplicate_titles(event.vortraege, loader)


_Titled = TypeVar("_Titled", Massnahme, Vortrag)


def _drop_duplicate_titles(records: list[_Titled], loader: _Loader) -> None:
    first: dict[str, str] = {}  # title -> the record that has it first
    for entry in records:
        key = entry.record.titel.casefold()
        if key in first:
            loader.error(entry.source, ("titel",), "titel", duplicate_title(entry.record.titel, first[key]))
        first.setdefault(key, entry.source)
    records[:] = [r for r in records if first[r.record.titel.casefold()] == r.source]
