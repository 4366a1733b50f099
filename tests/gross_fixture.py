"""A summarised measures overview: the map tests' project (tests/karten_fixture.py, 11 measures in 6 Kommunen)
built with the overview's limit lowered to 5 (`einzeln_bis` in mkdocs.yml), served with the local tile stub."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from karten_fixture import StubServer, make_project, served

EINZELN_BIS = 5


def make_gross_project(dest: Path) -> Path:
    """The map tests' project with `extra.karte.einzeln_bis` below its number of measures."""
    project = make_project(dest)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    marker = "    anbieter: OpenStreetMap Foundation\n"
    assert marker in text
    config.write_text(text.replace(marker, f"{marker}    einzeln_bis: {EINZELN_BIS}\n"), encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def gross_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StubServer]:
    """The summarised overview's project built strictly and served (site below /site/, tiles below /tiles/)."""
    yield from served(tmp_path_factory, "gross", make_gross_project)
