"""Operator data for builds that need a publishable content/betreiber.yml (test data only)."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_project

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
BETREIBER_VOLLSTAENDIG = BETREIBER_OHNE + """\
email: info@example.org
verantwortlich:
  name: Erika Mustermann
  funktion: Leitung Kommunikation
datenschutzbeauftragte:
  email: datenschutz@example.org
barrierefreiheit:
  email: barrieren@example.org
  formular: https://example.org/barriere-melden
"""


def project_with(tmp_path: Path, betreiber: str) -> Path:
    """A copy of the project whose content/betreiber.yml is `betreiber`."""
    project = copy_project(tmp_path / "projekt")
    (project / "content/betreiber.yml").write_text(betreiber, encoding="utf-8")
    return project
