"""A project with conference and measure records of the tests' own, for the export tests (schedule.xml,
iCalendar, DCAT-AP.de catalogue, Atom feed). Text fields carry characters that XML, iCalendar and Turtle
must escape; the second day crosses into summer time and has no known hours.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from betreiber_fixture import make_publishable
from helpers import TAGUNG, copy_project, fake_pdf, mkdocs_build

QUELLE = "quellen:\n  - titel: Testquelle\n    url: https://example.org/quelle\n    abgerufen: 2026-11\n"
TITEL_SONDERZEICHEN = 'Forum <Grün> & "Blau"; Teil 1, \\ Ende'

TAGUNG_YML = f"""\
titel: Testtagung Grün & Blau <2021>
veranstalter:
  - Regionalverband Ruhr
plattform: hopin
programmstand: berichtet
kurzbeschreibung: Eine Tagung der Tests; mit Komma, Semikolon und <b>Zeichen</b>.
tage:
  - datum: 2021-03-27
    name: Erster Tag
    beginn: "09:00"
    ende: "13:00"
  - datum: 2021-03-28
    name: Zweiter Tag
sessions:
  - id: forum
    titel: Forum
    art: Plenum
    tag: 2021-03-27
    beginn: "10:00"
    ende: "12:00"
{QUELLE}datenstand: 2021-04-01
"""

BEITRAEGE = {
    # own start and length, a speaker, slides and a video
    "vortrag-mit-zeit": f"""\
titel: '{TITEL_SONDERZEICHEN}'
art: Vortrag
tag: 2021-03-27
session: forum
beginn: "10:15"
dauer_min: 30
referierende:
  - name: Erika Mustermann
    funktion: Leiterin "Grün & Blau"
    organisation: Testamt
kurzbeschreibung: Ein Vortrag mit Zeit; Folien, Video.
anhaenge:
  - titel: Folien
    datei: folien-test.pdf
video: https://example.org/video/1
{QUELLE}datenstand: 2021-04-03
""",
    # no own time: the session's 10:00–12:00
    "vortrag-session-zeit": f"""\
titel: Impuls in der Session
art: Impuls
tag: 2021-03-27
session: forum
reihenfolge: 2
referierende:
  - name: Max Beispiel
{QUELLE}datenstand: 2021-04-02
""",
    # no time at all: schedule.json gives the day's 09:00–13:00, the calendar leaves it out
    "vortrag-ohne-zeit": f"""\
titel: Grußwort ohne Uhrzeit
art: Grußwort
tag: 2021-03-27
reihenfolge: 1
{QUELLE}datenstand: 2021-04-01
""",
    # summer time from 28.03.2021, 02:00: 10:00 is +02:00
    "vortrag-sommerzeit": f"""\
titel: Vortrag am Sonntag
art: Vortrag
tag: 2021-03-28
beginn: "10:00"
dauer_min: 45
referierende:
  - name: Erika Mustermann
    funktion: Leiterin "Grün & Blau"
    organisation: Testamt
{QUELLE}datenstand: 2021-04-01
""",
    # a day without known hours and a talk without time: 00:00 with duration 00:00 in schedule.json
    "workshop-sonntag": f"""\
titel: Workshop am Sonntag
art: Workshop
tag: 2021-03-28
reihenfolge: 1
{QUELLE}datenstand: 2021-04-01
""",
}

# A second event of one day in a hall: its own folder, files and guids; Erika Mustermann speaks at both.
ZWEITE = "testforum-2023"
ZWEITE_TAGUNG_YML = f"""\
titel: Testforum 2023
veranstalter:
  - Regionalverband Ruhr
programmstand: berichtet
kurzbeschreibung: Ein zweites Ereignis der Tests, in einem Saal.
tage:
  - datum: 2023-06-15
    name: Forumstag
    beginn: "08:30"
    ort: Testsaal, Teststraße 1, Essen
{QUELLE}datenstand: 2023-07-01
"""
ZWEITE_BEITRAEGE = {
    "begruessung": f"""\
titel: Begrüßung im Forum
art: Grußwort
tag: 2023-06-15
beginn: "08:30"
dauer_min: 15
referierende:
  - name: Erika  Mustermann
{QUELLE}datenstand: 2023-07-02
""",
    "rundgang": f"""\
titel: Rundgang
art: Sonstiges
tag: 2023-06-15
reihenfolge: 2
{QUELLE}datenstand: 2023-07-01
""",
}

MASSNAHMEN = {
    "herne-testpark": f"""\
titel: Testpark & <Wiese>
kommunen:
  - Herne
programm: Testprogramm
status: nicht bekannt
kurzbeschreibung: Ein Park der Tests.
lage:
  genauigkeit: Kommune
{QUELLE}datenstand: 2021-05-01
""",
    "bochum-testweg": f"""\
titel: Testweg
kommunen:
  - Bochum
programm: Testprogramm
status: nicht bekannt
kurzbeschreibung: Ein Weg der Tests.
lage:
  genauigkeit: Kommune
{QUELLE}datenstand: 2021-02-01
""",
}


def formats_project(tmp: Path) -> Path:
    """A copy of the project whose measures and conference are the records above."""
    project = copy_project(tmp / "projekt")
    for old in [*(project / "content/projects").glob("*.yml"), *(project / TAGUNG).glob("*.yml")]:
        old.unlink()
    # The fixture's image and slides, named by no record now: `make check` would warn about them.
    (project / "content/projects/bilder/test-bild.png").unlink()
    (project / TAGUNG / "anhaenge/test-folien.pdf").unlink()
    for other in (project / "content").glob("*/tagung.yml"):  # the shipped later events
        if other.parent.name != "tagung-2020":
            shutil.rmtree(other.parent)
    (project / "content" / ZWEITE).mkdir()
    (project / "content" / ZWEITE / "tagung.yml").write_text(ZWEITE_TAGUNG_YML, encoding="utf-8")
    for slug, text in ZWEITE_BEITRAEGE.items():
        (project / "content" / ZWEITE / f"{slug}.yml").write_text(text, encoding="utf-8")
    (project / TAGUNG / "tagung.yml").write_text(TAGUNG_YML, encoding="utf-8")
    for slug, text in BEITRAEGE.items():
        (project / TAGUNG / f"{slug}.yml").write_text(text, encoding="utf-8")
    for slug, text in MASSNAHMEN.items():
        (project / "content/projects" / f"{slug}.yml").write_text(text, encoding="utf-8")
    fake_pdf(project / TAGUNG / "anhaenge/folien-test.pdf", 50_000)
    make_publishable(project)  # built for an https:// address, which needs the legal operator data
    return project


# The address the formats site is built for: a public one with a path.
FORMATS_URL = "https://example.org/gruene-infrastruktur/"


@pytest.fixture(scope="session")
def formats_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(project, site) of one strict build of `formats_project`, published at FORMATS_URL, once per test run."""
    tmp = tmp_path_factory.mktemp("formats-build")
    project = formats_project(tmp)
    result = mkdocs_build(project, tmp / "site", site_url=FORMATS_URL)
    assert result.returncode == 0, result.stderr
    return project, tmp / "site"
