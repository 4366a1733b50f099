"""Copies of the project with conference data changed for a test: slides beside a record, edited records."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_project

TAGUNG = "content/tagung-2020"
SLIDES_BYTES = 2_400_000  # shown as "2,3 MB"


def fake_pdf(path: Path, size: int) -> Path:
    """A file that starts like a PDF and has `size` bytes (sparse, so large ones cost no disk)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.4\n%test\n")
        handle.truncate(size)
    return path


def append_to_record(project: Path, name: str, yaml_text: str) -> int:
    """Append top-level keys to content/tagung-2020/<name>.yml; returns the number of its first new line."""
    record = project / TAGUNG / f"{name}.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text + yaml_text, encoding="utf-8")
    return text.count("\n") + 1


def project_with_slides(tmp: Path, size: int = SLIDES_BYTES) -> Path:
    """The shipped project plus slides (a fake PDF) for the Grußwort, and a second talk by the same person."""
    project = copy_project(tmp / "projekt")
    fake_pdf(project / TAGUNG / "anhaenge/grusswort-folien.pdf", size)
    append_to_record(project, "grusswort-heinen-esser",
                     "anhaenge:\n  - titel: Folien\n    datei: grusswort-folien.pdf\n")
    return project
