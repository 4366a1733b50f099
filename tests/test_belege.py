"""What a measure's status rests on, dated later-change notes, and the rules that make every source citable.

All records here are fixtures of this test (never the shipped content): the tests pin the generator's
behaviour, not what editors write.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest import TempPathFactory

from helpers import article, copy_project, facts, mkdocs_build
from ogi.model.urls import GEOJSON as GEOJSON_URI
from ogi.records.content import load_site

PROJECTS = "content/projects"
ARCHIV = "https://web.archive.org/web/2026/https://example.org/bilanz"

# Test data only: one record per kind of status basis, one of them with a dated later-change note.
FIXTURES = {
    "test-eigene-quelle": """\
titel: Testmaßnahme mit eigener Quelle
kommunen: [Essen]
programm: Testprogramm
status: abgeschlossen
status_beleg:
  art: Quelle
  quelle: 2
  datum: 2021-04-16
kurzbeschreibung: Eine Testmaßnahme, deren Abschluss eine eigene Quelle meldet.
lage: {genauigkeit: Kommune}
quellen:
  - titel: Testquelle Plan
    url: https://example.org/plan
    abgerufen: 2026-11
  - titel: Testquelle Eröffnung
    url: https://example.org/eroeffnung
    abgerufen: 2026-11
datenstand: 2026-11-26
""",
    "test-bilanz": """\
titel: Testmaßnahme nach Programmbilanz
kommunen: [Herne]
programm: Testprogramm
status: abgeschlossen
status_beleg:
  art: Abschlussbilanz
  quelle: 1
  datum: 2022-02-08
hinweise:
  - datum: 2025-05
    text: Testhinweis, an derselben Stelle wird später erneut gebaut.
    quelle: 2
kurzbeschreibung: Eine Testmaßnahme, deren Stand nur die Bilanz des Programms stützt.
lage: {genauigkeit: Kommune}
quellen:
  - titel: Testprogrammseite mit Bilanz
    url: https://example.org/bilanz
    archiv_url: https://web.archive.org/web/2026/https://example.org/bilanz
    abgerufen: 2026-11
  - titel: Testmeldung Umbau
    fundstelle: Testzeitung, Ausgabe Mai 2025, S. 3
    datum: 2025-05-20
    abgerufen: 2026-11
datenstand: 2026-11-26
""",
    "test-nicht-bekannt": """\
titel: Testmaßnahme ohne bekannten Stand
kommunen: [Bottrop]
programm: Testprogramm
status: nicht bekannt
kurzbeschreibung: Eine Testmaßnahme, deren Stand keine Quelle nennt.
lage: {genauigkeit: Kommune}
quellen:
  - titel: Testankündigung
    url: https://example.org/ankuendigung
    abgerufen: 2026-11
datenstand: 2026-11-26
""",
}


@dataclass
class _Article:
    """What the tests read from a measure's content (<article>)."""

    facts: dict[str, str]  # text of each <dd> after its <dt>
    links: list[tuple[str, str]]  # (href, text) of each link, heading permalinks left out
    ids: set[str]
    classes: set[str]
    times: list[str]  # datetime of each <time>
    items: list[str]  # text of each <li>


def _project_with(tmp: Path, records: dict[str, str]) -> Path:
    project = copy_project(tmp / "project")
    shutil.rmtree(project / PROJECTS)
    (project / PROJECTS).mkdir()
    for slug, text in records.items():
        (project / PROJECTS / f"{slug}.yml").write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory: TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("belege")
    project = _project_with(tmp, FIXTURES)
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def _page(site: Path, slug: str) -> _Article:
    root = article(site / "massnahmen" / slug / "index.html")
    elements = list(root.iter())
    return _Article(
        facts=facts(root),
        links=[(a.href, a.text) for a in root.find_all("a") if "headerlink" not in a.classes],
        ids={n.attrs["id"] for n in elements if "id" in n.attrs},
        classes=set().union(*(n.classes for n in elements)),
        times=[t.attrs.get("datetime", "") for t in root.find_all("time")],
        items=[li.text for li in root.find_all("li")],
    )


@pytest.mark.slow
def test_status_from_an_own_source_names_that_source_and_its_date(site: Path) -> None:
    page = _page(site, "test-eigene-quelle")
    assert page.facts["Status"] == "abgeschlossen laut Testquelle Eröffnung, 16.04.2021"
    assert ("#quelle-2", "Testquelle Eröffnung") in page.links
    assert "quelle-2" in page.ids
    assert page.items[1].startswith("Testquelle Eröffnung")


@pytest.mark.slow
def test_status_from_the_programme_balance_says_so_and_that_no_own_source_is_known(site: Path) -> None:
    page = _page(site, "test-bilanz")
    assert page.facts["Status"] == (
        "abgeschlossen laut Abschlussbilanz des Programms, 08.02.2022; die Bilanz nennt die Maßnahmen nicht einzeln"
    )
    assert ("#quelle-1", "Abschlussbilanz des Programms") in page.links
    assert "quelle-1" in page.ids


@pytest.mark.slow
def test_unknown_status_is_shown_as_unknown_without_a_basis(site: Path) -> None:
    page = _page(site, "test-nicht-bekannt")
    assert page.facts["Status"] == "nicht bekannt"
    assert "ogi-status--nicht-bekannt" in page.classes


@pytest.mark.slow
def test_later_change_is_a_dated_note_and_leaves_the_status_alone(site: Path) -> None:
    page = _page(site, "test-bilanz")
    assert "hinweise" in page.ids
    assert "2025-05" in page.times
    note = next(item for item in page.items if "Testhinweis" in item)
    assert note.startswith("Mai 2025: Testhinweis, an derselben Stelle wird später erneut gebaut.")
    assert ("#quelle-2", "Quelle 2") in page.links and "quelle-2" in page.ids
    assert page.facts["Status"].startswith("abgeschlossen laut Abschlussbilanz")


@pytest.mark.slow
def test_measure_without_notes_has_no_notes_section(site: Path) -> None:
    assert "hinweise" not in _page(site, "test-eigene-quelle").ids


@pytest.mark.slow
def test_archive_copy_is_linked_beside_the_source(site: Path) -> None:
    page = _page(site, "test-bilanz")
    assert (ARCHIV, "archivierte Fassung") in page.links
    assert ("https://example.org/bilanz", "Testprogrammseite mit Bilanz") in page.links


@pytest.mark.slow
def test_print_source_shows_its_reference_and_date(site: Path) -> None:
    page = _page(site, "test-bilanz")
    assert page.items[-1].startswith("Testmeldung Umbau, Testzeitung, Ausgabe Mai 2025, S. 3, 20.05.2025")


@pytest.mark.slow
def test_unknown_status_and_its_basis_reach_open_data_legend_and_filter(site: Path) -> None:
    features = json.loads((site / GEOJSON_URI).read_text(encoding="utf-8"))["features"]
    properties = {f["properties"]["slug"]: f["properties"] for f in features}
    assert properties["test-nicht-bekannt"]["status"] == "nicht bekannt"
    assert [
        properties[slug]["status_beleg"] for slug in ("test-eigene-quelle", "test-bilanz", "test-nicht-bekannt")
    ] == ["Quelle", "Abschlussbilanz", None]
    overview = (site / "massnahmen/index.html").read_text(encoding="utf-8")
    assert 'class="ogi-punkt ogi-punkt--nicht-bekannt"' in overview
    assert '<option value="nicht bekannt">' in overview
    css = (site / "assets/karte/karte.css").read_text(encoding="utf-8")
    assert ".ogi-punkt--nicht-bekannt" in css


# --- the rules, checked by `make check` (load_site) -----------------------------------------------

BASE = FIXTURES["test-eigene-quelle"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    url: https://example.org/plan\n",
            "",
            "content/projects/test-fall.yml:12: quellen[1]: Quelle ohne Adresse; url (https://…) angeben oder, "
            "bei Gedrucktem, fundstelle mit Medium, Ausgabe und Seite",
        ),
        (
            "    url: https://example.org/plan\n",
            "    fundstelle: Testzeitung, 1. Mai 2021, S. 2\n",
            "content/projects/test-fall.yml:12: quellen[1]: gedruckte Quelle ohne Datum; datum der Ausgabe angeben, "
            "z. B. 2020-07-17",
        ),
        (
            "    url: https://example.org/plan\n    abgerufen: 2026-11\n",
            "    url: https://example.org/plan\n",
            "content/projects/test-fall.yml:12: quellen[1].abgerufen: Pflichtfeld fehlt; „abgerufen: …“ ergänzen "
            "(Wann die Quelle gelesen wurde: JJJJ-MM-TT oder JJJJ-MM)",
        ),
        (
            "    url: https://example.org/plan\n",
            "    url: https://example.org/plan\n    archiv_url: web.archive.org/x\n",
            "content/projects/test-fall.yml:14: quellen[1].archiv_url: „web.archive.org/x“ ist keine gültige "
            "Adresse; erwartet https://…",
        ),
        (
            "status_beleg:\n  art: Quelle\n  quelle: 2\n  datum: 2021-04-16\n",
            "",
            "content/projects/test-fall.yml:4: status_beleg: status „abgeschlossen“ ohne Beleg; status_beleg mit art "
            "(Quelle oder Abschlussbilanz) und quelle (Nummer in quellen) ergänzen, oder status: nicht bekannt",
        ),
        (
            "  quelle: 2\n",
            "  quelle: 3\n",
            "content/projects/test-fall.yml:7: status_beleg.quelle: es gibt keine Quelle Nr. 3; quellen hat "
            "2 Einträge, eine Nummer von 1 bis 2 angeben",
        ),
        (
            "status: abgeschlossen\n",
            "status: nicht bekannt\n",
            "content/projects/test-fall.yml:5: status_beleg: bei status „nicht bekannt“ gibt es keinen Beleg; "
            "status_beleg löschen oder den Status nach der Quelle eintragen",
        ),
        (
            "kurzbeschreibung:",
            "hinweise:\n  - {datum: 2025, text: Später erneut gebaut., quelle: 9}\nkurzbeschreibung:",
            "content/projects/test-fall.yml:10: hinweise[1].quelle: es gibt keine Quelle Nr. 9; quellen hat "
            "2 Einträge, eine Nummer von 1 bis 2 angeben",
        ),
        (
            "kurzbeschreibung:",
            "hinweise:\n  - {text: Später erneut gebaut., quelle: 1}\nkurzbeschreibung:",
            "content/projects/test-fall.yml:10: hinweise[1].datum: Pflichtfeld fehlt; „datum: …“ ergänzen (Wann die "
            "spätere Änderung geschah oder gemeldet wurde: JJJJ, JJJJ-MM oder JJJJ-MM-TT)",
        ),
    ],
    ids=[
        "quelle-ohne-adresse",
        "gedruckt-ohne-datum",
        "ohne-abgerufen",
        "archiv-url-ungueltig",
        "status-ohne-beleg",
        "beleg-nummer-zu-gross",
        "nicht-bekannt-mit-beleg",
        "hinweis-nummer-zu-gross",
        "hinweis-ohne-datum",
    ],
)
def test_check_rejects_what_cannot_be_cited_with_one_located_message(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in BASE
    project = _project_with(tmp_path, {"test-fall": BASE.replace(old, new, 1)})
    site = load_site(project)
    assert [str(e) for e in site.errors + site.warnings] == [expected]


def test_check_accepts_a_print_source_with_reference_and_date(tmp_path: Path) -> None:
    record = BASE.replace(
        "    url: https://example.org/plan\n",
        "    fundstelle: Testzeitung, Ausgabe vom 01.05.2021, S. 2\n    datum: 2021-05-01\n",
        1,
    )
    site = load_site(_project_with(tmp_path, {"test-fall": record}))
    assert site.errors == [] and [m.slug for m in site.massnahmen] == ["test-fall"]
