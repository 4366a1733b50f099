"""Loading the conference records: attachments, sessions, days and reserved names, with German messages."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import copy_project, mkdocs_build
from tagung_projekt import TAGUNG, append_to_record, fake_pdf

from ogi.content import load_site

GRUSSWORT = f"{TAGUNG}/grusswort-heinen-esser.yml"


def test_missing_attachment_fails_the_build_with_file_and_line(tmp_path: Path):
    project = copy_project(tmp_path / "projekt")
    line = append_to_record(project, "grusswort-heinen-esser", "anhaenge:\n  - titel: Folien\n    datei: fehlt.pdf\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    expected = (f"{GRUSSWORT}:{line + 2}: anhaenge[1].datei: die Datei „fehlt.pdf“ fehlt in "
                f"{TAGUNG}/anhaenge/; die Datei dort ablegen oder den Namen prüfen")
    assert expected in (result.stderr + result.stdout).splitlines()


def test_unknown_session_gives_its_german_error_line(tmp_path: Path):
    project = copy_project(tmp_path / "projekt")
    record = project / TAGUNG / "workshop-klimaanpassung.yml"
    record.write_text(record.read_text(encoding="utf-8").replace(
        "session: workshop-klimaanpassung", "session: workshop-klima"), encoding="utf-8")
    site = load_site(project)
    assert [str(e) for e in site.errors] == [
        f"{TAGUNG}/workshop-klimaanpassung.yml:5: session: unbekannte Session „workshop-klima“ "
        "(meinten Sie „workshop-klimaanpassung“?); erlaubt sind die ids aus tagung.yml: workshop-strategien, "
        "workshop-biodiversitaet, workshop-klimaanpassung, workshop-projektpraxis, fachtagung"]
    assert "workshop-klimaanpassung" not in [v.slug for v in site.vortraege]


def test_session_on_a_day_outside_the_event_is_an_error(tmp_path: Path):
    project = copy_project(tmp_path / "projekt")
    tagung = project / TAGUNG / "tagung.yml"
    text = tagung.read_text(encoding="utf-8")
    tagung.write_text(text.replace("    art: Plenum\n    tag: 2020-11-27", "    art: Plenum\n    tag: 2020-11-28"),
                      encoding="utf-8")
    line = text.splitlines().index("    art: Plenum") + 2
    errors = [str(e) for e in load_site(project).errors]
    assert f"{TAGUNG}/tagung.yml:{line}: sessions[5].tag: 2020-11-28 ist kein Tag der Tagung; erlaubt sind: " \
           "2020-11-26, 2020-11-27" in errors


def test_attachment_over_20_mb_is_a_warning_with_file_and_line(tmp_path: Path):
    project = copy_project(tmp_path / "projekt")
    fake_pdf(project / TAGUNG / "anhaenge/gross.pdf", 21 * 1024 * 1024)
    line = append_to_record(project, "grusswort-heinen-esser", "anhaenge:\n  - titel: Folien\n    datei: gross.pdf\n")
    site = load_site(project)
    assert site.errors == []
    assert [str(w) for w in site.warnings] == [
        f"{GRUSSWORT}:{line + 2}: anhaenge[1].datei: die Datei „gross.pdf“ ist 21 MB groß; Dateien über 20 MB "
        "verkleinern (z. B. PDF komprimieren), damit sie schnell laden"]


def test_attachment_of_exactly_20_mb_is_accepted(tmp_path: Path):
    project = copy_project(tmp_path / "projekt")
    fake_pdf(project / TAGUNG / "anhaenge/grenze.pdf", 20 * 1024 * 1024)
    append_to_record(project, "grusswort-heinen-esser", "anhaenge:\n  - titel: Folien\n    datei: grenze.pdf\n")
    site = load_site(project)
    assert site.errors == [] and site.warnings == []


def test_talk_file_named_like_a_generated_page_is_an_error(tmp_path: Path):
    project = copy_project(tmp_path / "projekt")
    source = project / TAGUNG / "workshop-klimaanpassung.yml"
    source.rename(project / TAGUNG / "referierende.yml")
    errors = [str(e) for e in load_site(project).errors]
    assert errors == [f"{TAGUNG}/referierende.yml:1: (Datei): der Dateiname „referierende.yml“ ist für eine Seite "
                      "des Tagungsarchivs reserviert; einen anderen Namen wählen, z. B. „vortrag-referierende.yml“"]


def test_pages_and_export_leave_out_a_missing_attachment_while_serving(tmp_path: Path):
    from ogi.pages import build_outputs

    project = copy_project(tmp_path / "projekt")
    append_to_record(project, "grusswort-heinen-esser", "anhaenge:\n  - titel: Folien\n    datei: fehlt.pdf\n")
    site = load_site(project)
    assert site.errors  # `build` stops here; `serve` goes on rendering with the error shown on every page
    outputs = {o.uri: o for o in build_outputs(site, "http://127.0.0.1:8000/")}
    assert "tagung-2020/anhaenge/fehlt.pdf" not in outputs
    assert "fehlt.pdf" not in outputs["tagung-2020/grusswort-heinen-esser.md"].content
    days = json.loads(outputs["tagung-2020/schedule.json"].content)["schedule"]["conference"]["days"]
    grusswort = [e for d in days for room in d["rooms"].values() for e in room if e["slug"] == "grusswort-heinen-esser"]
    assert [e["attachments"] for e in grusswort] == [[]]
