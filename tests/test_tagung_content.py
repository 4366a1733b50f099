"""Loading the conference records: attachments, sessions, days and reserved names, with German messages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import (
    TAGUNG,
    append_to_record,
    as_text,
    copy_project,
    fake_pdf,
    line_of,
    mkdocs_build,
    present,
    replace_in,
)
from ogi.records.content import load_site

WERKSTATT = f"{TAGUNG}/test-werkstatt-a.yml"  # a fixture talk without attachments


@pytest.mark.slow
def test_missing_attachment_fails_the_build_with_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    line = append_to_record(project, "test-werkstatt-a", "anhaenge:\n  - titel: Folien\n    datei: fehlt.pdf\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    expected = (
        f"{WERKSTATT}:{line + 2}: anhaenge[1].datei: die Datei „fehlt.pdf“ fehlt in "
        f"{TAGUNG}/anhaenge/; die Datei dort ablegen oder den Namen prüfen"
    )
    assert expected in (result.stderr + result.stdout).splitlines()


def test_unknown_session_gives_its_german_error_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    record = replace_in(project / TAGUNG / "test-werkstatt-b.yml", "session: werkstatt-b", "session: werkstat-b")
    site = load_site(project)
    assert [str(e) for e in site.errors] == [
        f"{TAGUNG}/test-werkstatt-b.yml:{line_of(record, 'session: werkstat-b')}: session: unbekannte Session "
        "„werkstat-b“ (meinten Sie „werkstatt-b“?); erlaubt sind die ids aus tagung.yml: werkstatt-a, werkstatt-b, plenum"
    ]
    assert "test-werkstatt-b" not in [v.slug for v in present(site.veranstaltung("tagung-2020")).vortraege]


def test_workshop_restating_its_own_session_is_an_error(tmp_path: Path) -> None:
    # Issue 13: each 2020 workshop was a session and a same-named talk, two near-empty pages listed twice.
    project = copy_project(tmp_path / "projekt")
    record = replace_in(project / WERKSTATT, 'titel: "Werkstatt A: Testthema"', "titel: 'workshop:  Werkstatt a'")
    errors = [str(e) for e in load_site(project).errors]
    assert errors == [
        f"{WERKSTATT}:{line_of(record, 'session: werkstatt-a')}: session: der Beitrag und die Session "
        "„werkstatt-a“ beschreiben dasselbe (Workshop „Werkstatt A“), im Programm stünde es doppelt; "
        "entweder nur die Session in tagung.yml behalten oder nur den Beitrag (dann ohne session und "
        "die Session löschen)"
    ]


def test_talk_with_its_sessions_title_but_another_kind_is_no_twin(tmp_path: Path) -> None:
    # A talk titled like its session is fine when it is another kind of thing (a Vortrag in a Workshop).
    project = copy_project(tmp_path / "projekt")
    record = replace_in(project / WERKSTATT, 'titel: "Werkstatt A: Testthema"', "titel: Werkstatt A")
    replace_in(record, "art: Workshop", "art: Vortrag")
    site = load_site(project)
    assert site.errors == []
    assert [
        present(v.session).id
        for v in present(site.veranstaltung("tagung-2020")).vortraege
        if v.slug == "test-werkstatt-a"
    ] == ["werkstatt-a"]


def test_session_on_a_day_outside_the_event_is_an_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    tagung = replace_in(
        project / TAGUNG / "tagung.yml", "    art: Plenum\n    tag: 2020-11-27", "    art: Plenum\n    tag: 2020-11-28"
    )
    line = line_of(tagung, "    art: Plenum") + 1
    errors = [str(e) for e in load_site(project).errors]
    assert (
        f"{TAGUNG}/tagung.yml:{line}: sessions[3].tag: 2020-11-28 ist kein Tag der Veranstaltung; erlaubt sind: "
        "2020-11-26, 2020-11-27" in errors
    )


def test_attachment_over_20_mb_is_a_warning_with_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    fake_pdf(project / TAGUNG / "anhaenge/gross.pdf", 21 * 1024 * 1024)
    line = append_to_record(project, "test-werkstatt-a", "anhaenge:\n  - titel: Folien\n    datei: gross.pdf\n")
    site = load_site(project)
    assert site.errors == []
    assert [str(w) for w in site.warnings] == [
        f"{WERKSTATT}:{line + 2}: anhaenge[1].datei: die Datei „gross.pdf“ ist 21 MB groß; Dateien über 20 MB "
        "verkleinern (z. B. PDF komprimieren), damit sie schnell laden"
    ]


def test_attachment_of_exactly_20_mb_is_accepted(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    fake_pdf(project / TAGUNG / "anhaenge/grenze.pdf", 20 * 1024 * 1024)
    append_to_record(project, "test-werkstatt-a", "anhaenge:\n  - titel: Folien\n    datei: grenze.pdf\n")
    site = load_site(project)
    assert site.errors == [] and site.warnings == []


def test_talk_file_named_like_a_generated_page_is_an_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    source = project / TAGUNG / "test-werkstatt-a.yml"
    source.rename(project / TAGUNG / "referierende.yml")
    errors = [str(e) for e in load_site(project).errors]
    assert errors == [
        f"{TAGUNG}/referierende.yml:1: (Datei): der Dateiname „referierende.yml“ ist für eine Seite "
        "des Tagungsarchivs reserviert; einen anderen Namen wählen, z. B. „vortrag-referierende.yml“"
    ]


def test_pages_and_export_leave_out_a_missing_attachment_while_serving(tmp_path: Path) -> None:
    from ogi.pages.outputs import build_outputs

    project = copy_project(tmp_path / "projekt")
    append_to_record(project, "test-werkstatt-a", "anhaenge:\n  - titel: Folien\n    datei: fehlt.pdf\n")
    site = load_site(project)
    assert site.errors  # `build` stops here; `serve` goes on rendering with the error shown on every page
    outputs = {o.uri: o for o in build_outputs(site, "http://127.0.0.1:8000/")}
    assert "tagung-2020/anhaenge/fehlt.pdf" not in outputs
    assert "fehlt.pdf" not in as_text(outputs["tagung-2020/test-werkstatt-a.md"].content)
    days = json.loads(as_text(outputs["tagung-2020/schedule.json"].content))["schedule"]["conference"]["days"]
    werkstatt = [e for d in days for room in d["rooms"].values() for e in room if e["slug"] == "test-werkstatt-a"]
    assert [e["attachments"] for e in werkstatt] == [[]]


def test_events_are_listed_by_their_first_day_whatever_their_folder_is_called(tmp_path: Path) -> None:
    # No folder is special: an event held in 2019 comes before the one in content/tagung-2020/.
    project = copy_project(tmp_path / "projekt")
    shutil.copytree(project / "content/testtag-2022", project / "content/zuerst")
    for name in ("tagung.yml", "test-eroeffnung.yml"):
        path = project / "content/zuerst" / name
        path.write_text(path.read_text(encoding="utf-8").replace("2022-02-01", "2019-02-01"), encoding="utf-8")
    site = load_site(project)
    assert site.errors == []
    assert [e.ordner for e in site.veranstaltungen] == ["zuerst", "tagung-2020", "testtag-2022"]
