"""Loading a measure's record: its Kommunen, images, place and the basis of its status."""

from __future__ import annotations

from pathlib import Path

from ..model.site import Massnahme, Site
from .errors import FILE_FIELD, ContentError
from .file_checks import image_problems
from .layout import IMAGES_DIR, RESERVED_PROJECT_NAMES
from .loader import Loader
from .messages import unknown_kommune
from .models import STATUS_UNBEKANNT
from .places_check import geometry_problem
from .projekt import Projekt
from .yaml_messages import Loc


def add_massnahme(site: Site, loader: Loader, path: Path, record: Projekt) -> None:
    shown = loader.display(path)
    orte = []
    for index, name in enumerate(record.kommunen):
        ort = site.kommunen.get(name)
        if ort is not None:
            orte.append(ort)
        elif site.kommunen_datei is not None:  # else content/kommunen.yml itself is broken, and reported
            loader.error(shown, ("kommunen", index), f"kommunen[{index + 1}]", unknown_kommune(name, site.kommunen))
    if path.stem in RESERVED_PROJECT_NAMES:
        site.errors.append(
            ContentError(
                shown,
                1,
                FILE_FIELD,
                f"der Dateiname „{path.name}“ ist für eine Seite der Website reserviert; "
                f"einen anderen Namen wählen, z. B. „massnahme-{path.stem}.yml“",
            )
        )
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


def _check_image(site: Site, loader: Loader, shown: str, index: int, name: str) -> None:
    loader.named.setdefault(IMAGES_DIR, set()).add(name)
    loc, field_name = ("bilder", index, "datei"), f"bilder[{index + 1}].datei"
    problem, warning = image_problems(site.root, IMAGES_DIR, name)
    if problem:
        loader.error(shown, loc, field_name, problem)
    elif warning:
        site.warnings.append(ContentError(shown, loader.files[shown].line_of(loc), field_name, warning))


def _check_status_basis(loader: Loader, shown: str, record: Projekt) -> None:
    """A status other than "nicht bekannt" needs a basis; every reference into `quellen` must exist."""
    if record.status == STATUS_UNBEKANNT and record.status_beleg is not None:
        loader.error(
            shown,
            ("status_beleg",),
            "status_beleg",
            f"bei status „{STATUS_UNBEKANNT}“ gibt es keinen Beleg; status_beleg löschen oder den Status "
            "nach der Quelle eintragen",
        )
    elif record.status != STATUS_UNBEKANNT and record.status_beleg is None:
        loader.error(
            shown,
            ("status",),
            "status_beleg",
            f"status „{record.status}“ ohne Beleg; status_beleg mit art (Quelle oder Abschlussbilanz) "
            f"und quelle (Nummer in quellen) ergänzen, oder status: {STATUS_UNBEKANNT}",
        )
    if record.fertigstellung is not None and record.status != "abgeschlossen":
        loader.error(
            shown,
            ("fertigstellung",),
            "fertigstellung",
            f"eine Fertigstellung gibt es nur bei status „abgeschlossen“ (hier „{record.status}“); "
            "den Status nach der Quelle auf abgeschlossen setzen oder fertigstellung löschen",
        )
    verweise: list[tuple[Loc, str, int]] = []
    if record.status_beleg:
        verweise.append((("status_beleg", "quelle"), "status_beleg.quelle", record.status_beleg.quelle))
    if record.fertigstellung:
        verweise.append((("fertigstellung", "quelle"), "fertigstellung.quelle", record.fertigstellung.quelle))
    for liste, nummern in (
        ("verlauf", [e.quelle for e in record.verlauf]),
        ("hinweise", [h.quelle for h in record.hinweise]),
    ):
        verweise += [((liste, index, "quelle"), f"{liste}[{index + 1}].quelle", n) for index, n in enumerate(nummern)]
    anzahl = len(record.quellen)
    richtig = "die Nummer 1 angeben" if anzahl == 1 else f"eine Nummer von 1 bis {anzahl} angeben"
    for loc, field_name, nummer in verweise:
        if nummer > anzahl:
            loader.error(
                shown,
                loc,
                field_name,
                f"es gibt keine Quelle Nr. {nummer}; quellen hat "
                f"{anzahl} {'Eintrag' if anzahl == 1 else 'Einträge'}, {richtig}",
            )
