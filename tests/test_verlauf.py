"""A measure's history (`verlauf`): dated steps with their source, the completion shown as one of them.

Rules are checked on a record of this test added to the fixture content; the page and the exports on the
fixture measure test-herne-park (two steps written out of date order, fertigstellung 2021-06 by source 2).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from helpers import FIXTURE_ROOT, article, copy_project, present
from ogi.editors.cms import cms_config
from ogi.editors.scaffold import new_project
from ogi.model.site import Site
from ogi.opendata.exporte import Umgebung
from ogi.opendata.projekte import export_outputs
from ogi.opendata.spalten import SPALTE, csv_wert
from ogi.records.content import load_site
from ogi.records.future_dates import today

FILE = "content/projects/test-verlauf.yml"
RECORD = """\
titel: Testmaßnahme mit Verlauf
kommunen: [Essen]
programm: Testprogramm
status: in Umsetzung
status_beleg: {art: Quelle, quelle: 1}
verlauf:
  - datum: 2021-03
    ereignis: Baubeginn an der Teststraße
    quelle: 2
  - datum: "2020"
    ereignis: Der Testrat beschließt die Maßnahme
    quelle: 1
kurzbeschreibung: Eine Testmaßnahme, deren Schritte zwei Quellen datieren.
lage: {genauigkeit: Kommune}
quellen:
  - titel: Testquelle Beschluss
    url: https://example.org/beschluss
    abgerufen: 2026-11
  - titel: Testquelle Baubeginn
    url: https://example.org/baubeginn
    abgerufen: 2026-11
datenstand: 2026-11-26
"""


def _load(tmp_path: Path, record: str) -> Site:
    project = copy_project(tmp_path / "project")
    (project / FILE).write_text(record, encoding="utf-8")
    return load_site(project)


def test_a_valid_history_is_accepted_and_its_latest_step_is_exported(tmp_path: Path) -> None:
    site = _load(tmp_path, RECORD)
    assert site.errors == []
    massnahme = next(m for m in site.massnahmen if m.slug == "test-verlauf")
    assert [(s.datum.iso(), s.quelle) for s in massnahme.verlauf] == [("2020", 1), ("2021-03", 2)]
    # No completion here: the table's latest step is the record's own latest entry, not its last one written.
    assert csv_wert(SPALTE["letzter_schritt"].wert(massnahme, "")) == "Baubeginn an der Teststraße"
    assert csv_wert(SPALTE["letzter_schritt_datum"].wert(massnahme, "")) == "2021-03"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    quelle: 2\n",
            "    quelle: 3\n",
            f"{FILE}:9: verlauf[1].quelle: es gibt keine Quelle Nr. 3; quellen hat 2 Einträge, "
            "eine Nummer von 1 bis 2 angeben",
        ),
        (
            "  - datum: 2021-03\n",
            "  - datum: 2090-03\n",
            f"{FILE}:7: verlauf[1].datum: 2090-03 liegt in der Zukunft (heute ist {{heute}}); "
            "ein Datum bis heute eintragen, Jahr und Monat prüfen",
        ),
        (
            "Baubeginn an der Teststraße",
            "Fertiggestellt im März",
            f"{FILE}:8: verlauf[1].ereignis: „Fertiggestellt im März“ ist die Fertigstellung; sie steht in "
            "fertigstellung (datum, quelle), nicht im Verlauf – den Eintrag dorthin übertragen (die Seite zeigt "
            "sie im Verlauf mit)",
        ),
        (
            "    ereignis: Baubeginn an der Teststraße\n",
            "",
            f"{FILE}:7: verlauf[1].ereignis: Pflichtfeld fehlt; „ereignis: …“ ergänzen (Was geschah, kurz in "
            "eigenen Worten nach der Quelle, z. B. „Förderbescheid des Landes übergeben“ oder „Förderprogramm "
            "der Gemeinde gestartet“. Die Fertigstellung steht nicht hier, sondern in fertigstellung; die Seite "
            "zeigt sie im Verlauf mit)",
        ),
    ],
    ids=["quelle-fehlt", "zukunft", "fertigstellung-im-verlauf", "ohne-ereignis"],
)
def test_check_refuses_a_wrong_step_with_one_located_message(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in RECORD
    site = _load(tmp_path, RECORD.replace(old, new, 1))
    assert [str(e) for e in site.errors + site.warnings] == [expected.replace("{heute}", today().isoformat())]


def test_a_later_step_of_a_phase_is_not_taken_for_the_completion(tmp_path: Path) -> None:
    # Only a first word that announces the completion is refused; a finished phase is a step like any other.
    site = _load(tmp_path, RECORD.replace("Baubeginn an der Teststraße", "Erste Phase fertiggestellt", 1))
    assert site.errors == []


def test_measure_page_lists_the_steps_in_date_order_with_the_completion_and_sources(built_site: Path) -> None:
    page = article(built_site / "massnahmen/test-herne-park/index.html")
    heading = next(h for h in page.find_all("h2") if h.attrs.get("id") == "verlauf")
    assert heading.text.replace("¶", "").strip() == "Verlauf"
    liste = next(ol for ol in page.find_all("ol") if "ogi-verlauf" in ol.classes)
    items = liste.find_all("li")
    assert [present(li.find("time")).attrs["datetime"] for li in items] == ["2020-07-16", "2021-03", "2021-06"]
    assert [" ".join(li.text.split()) for li in items] == [
        "16.07.2020 Förderbescheid für den Testpark übergeben (Quelle 1)",
        "März 2021 Baubeginn mit den Testtafeln an den Zugängen (Quelle 2)",
        "Juni 2021 Fertiggestellt (Quelle 2)",
    ]
    targets = [present(li.find("a")).attrs["href"] for li in items]
    assert targets == ["#quelle-1", "#quelle-2", "#quelle-2"]
    ids = {n.attrs.get("id") for n in page.iter()}
    assert {t.removeprefix("#") for t in targets} <= ids  # each reference lands on its source


def test_measure_without_steps_has_no_history_heading(built_site: Path) -> None:
    # test-punkt-exakt has no verlauf; a completion alone stays in the facts list (no list of one).
    page = article(built_site / "massnahmen/test-punkt-exakt/index.html")
    assert "verlauf" not in {n.attrs.get("id") for n in page.iter()}
    assert "Verlauf" not in page.text


def test_exports_carry_the_latest_step_and_its_date() -> None:
    site = load_site(FIXTURE_ROOT)
    files = {o.uri.rsplit("/", 1)[-1]: o.content for _, o in export_outputs(site, Umgebung("https://example.org/"))}
    rows = {r["slug"]: r for r in csv.DictReader(io.StringIO(str(files["projekte.csv"])))}
    assert (rows["test-herne-park"]["letzter_schritt"], rows["test-herne-park"]["letzter_schritt_datum"]) == (
        "Fertiggestellt",
        "2021-06",
    )
    assert (rows["test-punkt-exakt"]["letzter_schritt"], rows["test-punkt-exakt"]["letzter_schritt_datum"]) == ("", "")
    features = {f["id"]: f["properties"] for f in json.loads(str(files["projekte.geojson"]))["features"]}
    assert features["test-herne-park"]["letzter_schritt_datum"] == "2021-06"
    sheet = openpyxl.load_workbook(io.BytesIO(files["projekte.xlsx"]))["Maßnahmen"]  # type: ignore[arg-type]
    heads = [c.value for c in sheet[1]]
    park = next(
        dict(zip(heads, row)) for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == "Testpark in Herne"
    )
    assert (park["Letzter Schritt"], park["Datum des letzten Schritts"]) == ("Fertiggestellt", "Juni 2021")


def test_the_scaffolds_history_example_passes_check_once_uncommented(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    written = new_project(project, "Neuer Testpark", "Herne", dt.date(2026, 11, 26))
    lines = written.read_text(encoding="utf-8").splitlines()
    start = lines.index(next(line for line in lines if line.startswith("# verlauf:")))
    for index in range(start, start + 4):  # the key and the three fields of its example entry
        lines[index] = lines[index].removeprefix("# ")
    written.write_text("\n".join(lines) + "\n", encoding="utf-8")
    site = load_site(project)
    assert site.errors == []
    neu = next(m for m in site.massnahmen if m.slug == written.stem)
    assert [(s.datum.iso(), s.ereignis, s.quelle) for s in neu.verlauf] == [
        ("2020-07-16", "Förderbescheid des Landes übergeben", 1)
    ]


def test_the_measures_form_offers_the_history_after_the_completion() -> None:
    config = cms_config(load_site(FIXTURE_ROOT), repo_url="https://github.com/beispiel/ogi/edit/main/")
    fields = next(c for c in config["collections"] if c["name"] == "massnahmen")["fields"]
    names = [f["name"] for f in fields]
    assert names.index("verlauf") == names.index("fertigstellung") + 1
    verlauf = fields[names.index("verlauf")]
    assert (verlauf["label"], verlauf["widget"], verlauf["required"]) == ("Verlauf", "list", False)
    assert [(f["name"], f["label"], f["required"]) for f in verlauf["fields"]] == [
        ("datum", "Datum", True),
        ("ereignis", "Ereignis", True),
        ("quelle", "Quelle", True),
    ]
    assert verlauf["fields"][0]["pattern"][1] == "erwartet JJJJ, JJJJ-MM oder JJJJ-MM-TT, z. B. 2020-07-17"
