"""Fixture content for readers' tests (search, money sums, tables): a copy of the project whose
content/projects/ holds these measures instead of the shipped ones. Test data only."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import copy_project, mkdocs_build, serve

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
"""
    + QUELLE,
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
"""
    + QUELLE,
    "oberhausen-teich": """titel: Teich am Beispielhof mit einem außergewöhnlich langen Namen
kommunen: [Oberhausen]
programm: Aktionsprogramm Grüne Lückenschlüsse
status: geplant
stichworte: [Schwammstadt]
status_beleg:
  art: Quelle
  quelle: 1
kurzbeschreibung: Der Teich wird entschlammt.
lage:
  genauigkeit: Kommune
"""
    + QUELLE,
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
"""
    + QUELLE,
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
"""
    + QUELLE,
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


# The address the reader site is built for: a preview address (loopback) with a path, as on GitHub Pages.
LESER_URL = "http://127.0.0.1:8000/gruene-infrastruktur/"


@pytest.fixture(scope="session")
def leser_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project, built strictly once per test run (preview address LESER_URL)."""
    tmp = tmp_path_factory.mktemp("leser")
    site = tmp / "site"
    result = mkdocs_build(leser_project(tmp / "projekt"), site, site_url=LESER_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def leser_url(leser_site: Path) -> Iterator[str]:
    """The built fixture site, served below a subpath as on GitHub Pages."""
    yield from serve(leser_site)


# --- the readers' tasks (tests/test_aufgaben_browser.py): what the leser fixture lacks for them -------------
# A measure in Bönen for the resident, two finished measures with their year (2021, 2023), operator data with
# an e-mail for the press contact, and the 2020 conference folder replaced by a small event of the tests' own
# (its day's end not published): a talk with slides, a one-sentence workshop (a would-be stub; a talk only,
# never also a same-named session) and a talk with a start but no length. Test data only (example.org,
# placeholder names).
AUFGABEN_MASSNAHMEN = {
    # Finished 2021 by its source: the year filter offers 2023 and 2021.
    "hamm-fledermaeuse": MASSNAHMEN["hamm-fledermaeuse"].replace(
        "status_beleg:", 'fertigstellung:\n  datum: "2021"\n  quelle: 1\nstatus_beleg:'
    ),
    # Finished 2023; found under "Holsterhausen" (the place of "Holsterhauser") and "Schwammstadt" (stichworte).
    "herne-holsterhauser-platz": """titel: Quartierpark Holsterhauser Platz
kommunen: [Herne]
traeger: Stadt Beispiel
programm: Aktionsprogramm Grüne Lückenschlüsse
status: abgeschlossen
status_beleg:
  art: Quelle
  quelle: 1
fertigstellung:
  datum: 2023-06-30
  quelle: 1
foerderung:
  betrag_eur: 30000
kurzbeschreibung: Ein Platz wird entsiegelt und mit Bäumen bepflanzt.
stichworte: [Schwammstadt]
lage:
  genauigkeit: Kommune
"""
    + QUELLE,
    "boenen-gruendach": """titel: Dachgrün am Beispielplatz in Bönen
kommunen: [Bönen]
traeger: Gemeinde Beispiel
programm: Aktionsprogramm Grüne Lückenschlüsse
status: in Umsetzung
status_beleg:
  art: Quelle
  quelle: 1
foerderung:
  betrag_eur: 15000
kurzbeschreibung: Ein Vordach wird begrünt.
lage:
  genauigkeit: Kommune
"""
    + QUELLE,
}
AUFGABEN_BETREIBER = """\
name: Beispielverband
kurzname: BV
anschrift:
  strasse: Beispielweg 1
  plz: "12345"
  ort: Beispielstadt
telefon: "+49 123 4567-0"
email: info@example.org
kontakte:
  - rolle: Projektleitung Beispieloffensive
  - rolle: Kommunikation und Veranstaltungen
    email: veranstaltungen@example.org
presse:
  rolle: Pressestelle
  email: presse@example.org
verantwortlich:
  name: Erika Mustermann
  funktion: Leitung Kommunikation
datenschutzbeauftragte:
  email: datenschutz@example.org
barrierefreiheit:
  email: barrieren@example.org
"""
AUFGABEN_TAGUNG = (
    """titel: Beispieltagung Grüne Infrastruktur
untertitel: Online-Fachtagung
veranstalter: [Beispielverband]
programmstand: berichtet
kurzbeschreibung: Eine Tagung der Tests mit einem Vortrag und einem Workshop.
tage:
  - datum: 2020-11-26
    name: Netzwerktag
    beginn: "09:00"
sessions:
  - id: plenum
    titel: Plenum
    art: Plenum
    tag: 2020-11-26
dokumentation:
  titel: Dokumentation der Beispieltagung
  url: https://example.org/dokumentation
"""
    + QUELLE
)
AUFGABEN_BEITRAEGE = {
    "vortrag-stadtgruen": """titel: Stadtgrün als Netz
art: Vortrag
tag: 2020-11-26
session: plenum
referierende:
  - name: Max Beispiel
    organisation: Beispielamt
kurzbeschreibung: Ein Vortrag über grüne Netze in der Stadt.
anhaenge:
  - titel: Folien
    datei: stadtgruen-folien.pdf
"""
    + QUELLE,
    # A talk with a known start but no known length, on a day whose end is not published either.
    "impuls-stadtklima": """titel: Impuls zum Stadtklima
art: Impuls
tag: 2020-11-26
beginn: "11:00"
kurzbeschreibung: Ein Impuls mit bekanntem Beginn und unbekannter Länge.
"""
    + QUELLE,
    "workshop-klimaanpassung": """titel: 'Workshop: Klimaanpassung'
art: Workshop
tag: 2020-11-26
kurzbeschreibung: Einer der Workshops des Netzwerktags.
"""
    + QUELLE,
}


def aufgaben_project(dest: Path) -> Path:
    """The leser fixture plus what the readers' tasks need (see the constants above)."""
    project = leser_project(dest)
    for slug, text in AUFGABEN_MASSNAHMEN.items():
        (project / "content/projects" / f"{slug}.yml").write_text(text, encoding="utf-8")
    (project / "content/betreiber.yml").write_text(AUFGABEN_BETREIBER, encoding="utf-8")
    for folder in (project / "content").iterdir():
        if (folder / "tagung.yml").is_file():
            shutil.rmtree(folder)
    tagung = project / "content/tagung-2020"
    (tagung / "anhaenge").mkdir(parents=True)
    (tagung / "tagung.yml").write_text(AUFGABEN_TAGUNG, encoding="utf-8")
    for slug, text in AUFGABEN_BEITRAEGE.items():
        (tagung / f"{slug}.yml").write_text(text, encoding="utf-8")
    (tagung / "anhaenge/stadtgruen-folien.pdf").write_bytes(b"%PDF-1.4\n%Testfolien\n%%EOF\n")
    return project
