"""Load every content file, validate it and link the records into one Site object."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from ..model.site import Kommunendaten, Massnahme, Site, Vortrag
from .betreiber import Betreiber
from .errors import ContentError, did_you_mean, visible
from .file_checks import tree_problems
from .files import DOCUMENTS, IMAGES
from .kommunen import ags_of, official_kommunen
from .layout import CONTENT_DIR, DOCS_DIR, FOERDERSUMMEN_FILE, IMAGES_DIR, PROJECTS_DIR, attachments_dir
from .load_events import event_folders, load_event
from .load_projects import add_massnahme
from .loader import Loader
from .messages import duplicate_title
from .models import FoerdersummenDatei, KommunenDatei, MeilensteineDatei
from .places_check import centre_problem
from .projekt import Projekt
from .slugs import slugify
from .speaker_names import similar_names
from .yamlfile import YamlFile


def load_site(root: Path) -> Site:
    """Read and check all content below `root`; problems are collected in `site.errors`."""
    site = Site(root=root)
    loader = Loader(site)
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
            add_massnahme(site, loader, path, record)
    for folder in event_folders(root):
        load_event(site, loader, folder)
    # Every event alike: the archive lists them by their first day, oldest first.
    site.veranstaltungen.sort(key=lambda event: (event.tagung.tage[0].datum, event.ordner))
    _check_duplicate_titles(site, loader)
    folders = {IMAGES_DIR: (IMAGES, "bilder[].datei einer Maßnahme")} | {
        attachments_dir(folder.name): (DOCUMENTS, "anhaenge[].datei eines Beitrags") for folder in event_folders(root)
    }
    errors, warnings = tree_problems(root, CONTENT_DIR, DOCS_DIR, folders, loader.named, {e.path for e in site.errors})
    site.errors += errors
    site.warnings += warnings
    site.warnings.extend(
        similar_names((loader.files[v.source], v.record) for event in site.veranstaltungen for v in event.vortraege)
    )
    return site


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
            site.errors.append(
                ContentError(
                    source.path,
                    line,
                    field,
                    f"„{visible(kommune.name)}“ ist keine Kommune des RVR-Gebiets"
                    f"{did_you_mean(kommune.name, official.values())}; den amtlichen "
                    "Namen schreiben",
                )
            )
            continue
        if ags in found:
            site.errors.append(
                ContentError(
                    source.path, line, field, f"„{kommune.name}“ steht doppelt in der Liste; nur einmal eintragen"
                )
            )
            continue
        slug = slugify(kommune.name)
        if slug in slugs or slug == "index":
            site.errors.append(
                ContentError(
                    source.path,
                    line,
                    field,
                    f"„{kommune.name}“ ergibt dieselbe Adresse wie „{slugs.get(slug, 'index')}“; "
                    "den amtlichen Namen schreiben",
                )
            )
            continue
        found[ags], slugs[slug] = kommune.name, kommune.name
        site.kommunen[kommune.name] = Kommunendaten(kommune, slug)
    for index, kommune in enumerate(datei.kommunen):
        problem = centre_problem(kommune.name, kommune.laenge, kommune.breite, site.kommunen)
        if problem:
            site.errors.append(
                ContentError(
                    source.path, source.line_of(("kommunen", index, "breite")), f"kommunen[{index + 1}]", problem
                )
            )
    missing = [f"{name} ({ags})" for ags, name in sorted(official.items(), key=lambda i: i[1]) if ags not in found]
    if missing:
        site.errors.append(
            ContentError(
                source.path,
                source.line_of(("kommunen",)),
                "kommunen",
                f"es fehlen Kommunen des RVR-Gebiets: {', '.join(missing)}; jede der "
                f"{len(official)} Kommunen mit Kreis und Ortsmitte eintragen",
            )
        )


def _check_duplicate_titles(site: Site, loader: Loader) -> None:
    _drop_duplicate_titles(site.massnahmen, loader)
    for event in site.veranstaltungen:
        _drop_duplicate_titles(event.vortraege, loader)


_Titled = TypeVar("_Titled", Massnahme, Vortrag)


def _drop_duplicate_titles(records: list[_Titled], loader: Loader) -> None:
    first: dict[str, str] = {}  # title -> the record that has it first
    for entry in records:
        key = entry.record.titel.casefold()
        if key in first:
            loader.error(entry.source, ("titel",), "titel", duplicate_title(entry.record.titel, first[key]))
        first.setdefault(key, entry.source)
    records[:] = [r for r in records if first[r.record.titel.casefold()] == r.source]
