"""Synthetic content of any size, written into a copy of the project (never into content/).

Records are clearly synthetic ("Synthetische Maßnahme 0042") and name no real person, address,
amount or URL. Measures are spread over the 53 Kommunen of content/kommunen.yml and cycle through
every kind of location: Point, LineString, Polygon near the Kommune's centre, and genauigkeit
"Kommune" without geometry.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides")
CONTENT_FILES = (
    "content/kommunen.yml",
    "content/betreiber.yml",
    "content/meilensteine.yml",
    "content/tagung-2020/tagung.yml",
)
GEOMETRY_KINDS = ("Point", "LineString", "Polygon", "Kommune")
STATUS = ("geplant", "in Umsetzung", "abgeschlossen", "nicht bekannt")
DATENSTAND = "2026-11-26"
QUELLE = {
    "titel": "Synthetische Testdaten für den Benchmark (keine echte Quelle)",
    "fundstelle": "nicht veröffentlicht, erzeugt von bench/synthetic.py",
    "datum": "2026-11",
    "abgerufen": "2026-11",
}
# Degrees around the Kommune's centre: at most 170 m north-south and 100 m east-west, so every shape stays
# within the 200 m that `make check` allows beyond a Kommune's outline (ogi.records.places_check), whatever the border.
OFFSET = 0.0015


def copy_sources(dest: Path, root: Path = ROOT, content: Path | None = None) -> Path:
    """Copy the site's sources (mkdocs.yml, docs, hooks, overrides) to `dest`, and `content` as its content/.

    Shared with the tests (tests/helpers.py), which add their fixture content."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    if content is not None:
        shutil.copytree(content, dest / "content")
    return dest


def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """Copy the site's sources and reference data (no measures, no presentations) to `dest`."""
    copy_sources(dest, root)
    for name in CONTENT_FILES:
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, dest / name)
    attachments = root / "content/tagung-2020/anhaenge"
    if attachments.is_dir():  # tagung.yml may name its documentation file there
        shutil.copytree(attachments, dest / "content/tagung-2020/anhaenge")
    (dest / "content/projects").mkdir(parents=True, exist_ok=True)
    return dest


def kommunen(root: Path = ROOT) -> list[dict[str, Any]]:
    """The Kommunen (name, breite, laenge) from content/kommunen.yml, as YAML reads them (untyped)."""
    data = yaml.safe_load((root / "content/kommunen.yml").read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = data["kommunen"]
    return found


def geometry(kind: str, lon: float, lat: float, index: int) -> dict[str, Any] | None:
    """A GeoJSON geometry of `kind` near (lon, lat); None for genauigkeit "Kommune"."""
    d = OFFSET * (1 + index % 5) / 5
    if kind == "Point":
        return {"type": "Point", "coordinates": [round(lon + d, 5), round(lat - d, 5)]}
    if kind == "LineString":
        return {
            "type": "LineString",
            "coordinates": [
                [round(lon - d, 5), round(lat, 5)],
                [round(lon, 5), round(lat + d, 5)],
                [round(lon + d, 5), round(lat, 5)],
            ],
        }
    if kind == "Polygon":
        ring = [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]
        return {"type": "Polygon", "coordinates": [[[round(x, 5), round(y, 5)] for x, y in ring]]}
    return None


def massnahme(index: int, kommune: dict[str, Any]) -> dict[str, Any]:
    """One synthetic measure record (as a dict in the shape of content/projects/*.yml)."""
    kind = GEOMETRY_KINDS[index % len(GEOMETRY_KINDS)]
    geo = geometry(kind, kommune["laenge"], kommune["breite"], index)
    lage: dict[str, Any] = {
        "genauigkeit": "Kommune" if geo is None else "ungefähr",
        "ort": f"Synthetischer Ort {index:04d}, {kommune['name']}",
    }
    if geo is not None:
        lage["geometrie"] = geo
    status = STATUS[index % len(STATUS)]
    record = {
        "titel": f"Synthetische Maßnahme {index:04d}",
        "kommunen": [kommune["name"]],
        "programm": "Synthetisches Programm (Benchmark)",
        "status": status,
        "kurzbeschreibung": f"Synthetischer Datensatz {index:04d} für den Benchmark des Generators.",
        "beschreibung": (
            f"Dieser Text ist synthetisch und dient nur der Messung.\n\n- Geometrieart: {kind}\n- Nummer: {index:04d}\n"
        ),
        "lage": lage,
        "quellen": [QUELLE],
        "datenstand": DATENSTAND,
    }
    if status != "nicht bekannt":
        record["status_beleg"] = {"art": "Quelle", "quelle": 1}
    return record


def beitrag(index: int, session: dict[str, Any]) -> dict[str, Any]:
    """One synthetic presentation record in `session` (a session of tagung.yml)."""
    return {
        "titel": f"Synthetischer Beitrag {index:04d}",
        "art": "Vortrag",
        "tag": session["tag"],
        "session": session["id"],
        "reihenfolge": 100 + index,
        "kurzbeschreibung": f"Synthetischer Beitrag {index:04d} für den Benchmark.",
        "quellen": [QUELLE],
        "datenstand": DATENSTAND,
    }


def write_records(project: Path, n_massnahmen: int, n_beitraege: int, root: Path = ROOT) -> None:
    """Write `n_massnahmen` measures and `n_beitraege` presentations into `project`'s content/."""
    orte = kommunen(root)
    for index in range(1, n_massnahmen + 1):
        record = massnahme(index, orte[(index - 1) % len(orte)])
        _dump(project / "content/projects" / f"synthetisch-{index:04d}.yml", record)
    tagung = yaml.safe_load((project / "content/tagung-2020/tagung.yml").read_text(encoding="utf-8"))
    sessions = tagung["sessions"]
    for index in range(1, n_beitraege + 1):
        _dump(
            project / "content/tagung-2020" / f"synthetisch-{index:04d}.yml",
            beitrag(index, sessions[(index - 1) % len(sessions)]),
        )


def make_project(dest: Path, n_massnahmen: int, n_beitraege: int, root: Path = ROOT) -> Path:
    """A copy of the project at `dest` with synthetic records instead of the shipped ones."""
    copy_project(dest, root)
    write_records(dest, n_massnahmen, n_beitraege, root)
    return dest


def _dump(path: Path, record: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
