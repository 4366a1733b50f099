"""Operator data for builds that need a publishable content/betreiber.yml (test data only)."""

from __future__ import annotations

from pathlib import Path

import yaml

from helpers import copy_project

# Test data only (example.org, a placeholder name); the real values come from the operator.
BETREIBER_OHNE = """\
name: Beispielverband
kurzname: BV
anschrift:
  strasse: Beispielweg 1
  plz: "12345"
  ort: Beispielstadt
kontakte:
  - rolle: Projektleitung
"""
BETREIBER_VOLLSTAENDIG = (
    BETREIBER_OHNE
    + """\
email: info@example.org
verantwortlich:
  name: Erika Mustermann
  funktion: Leitung Kommunikation
datenschutzbeauftragte:
  email: datenschutz@example.org
barrierefreiheit:
  email: barrieren@example.org
  formular: https://example.org/barriere-melden
presse:
  rolle: Pressestelle
  email: presse@example.org
"""
)


def make_publishable(project: Path) -> None:
    """Add the legally required operator fields (test values) to the project's own betreiber.yml."""
    path = project / "content/betreiber.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(yaml.safe_load(BETREIBER_VOLLSTAENDIG[len(BETREIBER_OHNE) :]))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def project_with(tmp_path: Path, betreiber: str) -> Path:
    """A copy of the project whose content/betreiber.yml is `betreiber`."""
    project = copy_project(tmp_path / "projekt")
    (project / "content/betreiber.yml").write_text(betreiber, encoding="utf-8")
    return project
