"""Fixture content for readers' tests (search, money sums, tables): a copy of the project whose
content/projects/ holds these measures instead of the shipped ones. Test data only."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
from conftest import SUBPATH, SubpathHandler, copy_project, mkdocs_build

QUELLE = """quellen:
  - titel: Beispielquelle
    url: https://example.org/quelle
    abgerufen: 2026-11
datenstand: 2026-11-01
"""

MASSNAHMEN = {
    "hamm-fledermaeuse": """titel: Winterquartier für Fledermäuse am Beispielbach
kommunen: [Hamm]
traeger: Naturschutzverein Beispielaue
programm: Aktionsprogramm Grüne Lückenschlüsse
status: abgeschlossen
status_beleg:
  art: Quelle
  quelle: 1
foerderung:
  betrag_eur: 120000
  foerdergeber: Land Nordrhein-Westfalen
kurzbeschreibung: Ein alter Stollen wird zum Winterquartier; eine der Lückenschlüsse im Osten.
lage:
  genauigkeit: Kommune
""" + QUELLE,
    "oberhausen-dach": """titel: Gründächer auf Schulen in Oberhausen
kommunen: [Oberhausen]
programm: Aktionsprogramm Grüne Lückenschlüsse
status: in Umsetzung
status_beleg:
  art: Quelle
  quelle: 1
foerderung:
  betrag_eur: 80500
kurzbeschreibung: Drei Schuldächer werden begrünt.
lage:
  genauigkeit: Kommune
""" + QUELLE,
    "oberhausen-teich": """titel: Teich am Beispielhof mit einem außergewöhnlich langen Namen
kommunen: [Oberhausen]
programm: Aktionsprogramm Grüne Lückenschlüsse
status: geplant
status_beleg:
  art: Quelle
  quelle: 1
kurzbeschreibung: Der Teich wird entschlammt.
lage:
  genauigkeit: Kommune
""" + QUELLE,
    "bottrop-gladbeck-gruenzug": """titel: Grünzug zwischen Bottrop und Gladbeck
kommunen: [Bottrop, Gladbeck]
programm: Aktionsprogramm Grüne Lückenschlüsse
status: geplant
status_beleg:
  art: Quelle
  quelle: 1
foerderung:
  betrag_eur: 40000
kurzbeschreibung: Ein Weg verbindet zwei Parks.
lage:
  genauigkeit: Kommune
""" + QUELLE,
    "hamm-zeichen": """titel: 'Wiese "Am Bach" & Weg'
kommunen: [Hamm]
programm: Aktionsprogramm Grüne Lückenschlüsse
status: geplant
status_beleg:
  art: Quelle
  quelle: 1
kurzbeschreibung: 'Zeichen, die in HTML und JSON besonders sind: " & '' und </script>.'
lage:
  genauigkeit: Kommune
""" + QUELLE,
}


def leser_project(dest: Path) -> Path:
    """A project copy with the fixture measures (and no shipped ones, no images)."""
    project = copy_project(dest)
    projects = project / "content/projects"
    shutil.rmtree(projects)
    projects.mkdir()
    for slug, text in MASSNAHMEN.items():
        (projects / f"{slug}.yml").write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def leser_site(tmp_path_factory) -> Path:
    """The fixture project, built strictly (preview address)."""
    tmp = tmp_path_factory.mktemp("leser")
    site = tmp / "site"
    result = mkdocs_build(leser_project(tmp / "projekt"), site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def leser_url(leser_site: Path):
    """The built fixture site, served below a subpath as on GitHub Pages."""
    handler = functools.partial(SubpathHandler, directory=str(leser_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{SUBPATH}"
    server.shutdown()
