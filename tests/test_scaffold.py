"""`make new-project` / `make new-beitrag`: a valid record from a title, or a German refusal."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from helpers import FIXTURE_CONTENT, ROOT, copy_project, mkdocs_build, ogi_command, present
from ogi.records.content import load_site

TODAY = "2026-11-26"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")
    return tmp_path


def ogi(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # In this process; test_recipes_of_the_guide_make_check_and_build_succeed runs the real `make` targets.
    return ogi_command(project, *args)


def test_new_project_writes_a_record_that_passes_check(project: Path) -> None:
    result = ogi(project, "new-project", "--titel", "Neuer Park an der Emscher", "--kommune", "Herne", "--datum", TODAY)
    assert result.returncode == 0, result.stderr
    written = project / "content/projects/neuer-park-an-der-emscher.yml"
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert data["titel"] == "Neuer Park an der Emscher"
    assert data["kommunen"] == ["Herne"]
    assert data["lage"] == {"genauigkeit": "Kommune"}
    assert str(data["datenstand"]) == TODAY
    assert written.read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=../../schemas/projekt.schema.json"
    )
    check = ogi(project, "check")
    assert check.returncode == 0, check.stderr
    site = load_site(project)
    assert "neuer-park-an-der-emscher" in {m.slug for m in site.massnahmen}


def test_new_project_title_with_quotes_and_colon_stays_one_value(project: Path) -> None:
    titel = 'Park „Süd“: "Grün" am Kanal #1'
    assert ogi(project, "new-project", "--titel", titel, "--kommune", "Mülheim an der Ruhr").returncode == 0
    written = project / "content/projects/park-sued-gruen-am-kanal-1.yml"
    assert yaml.safe_load(written.read_text(encoding="utf-8"))["titel"] == titel
    assert ogi(project, "check").returncode == 0


def test_new_project_refuses_to_overwrite(project: Path) -> None:
    args = ("new-project", "--titel", "Neuer Park", "--kommune", "Herne", "--slug", "test-herne-wiese")
    before = (project / "content/projects/test-herne-wiese.yml").read_bytes()
    result = ogi(project, *args)
    assert result.returncode == 1
    assert "content/projects/test-herne-wiese.yml gibt es schon und wird nicht überschrieben" in result.stderr
    assert (project / "content/projects/test-herne-wiese.yml").read_bytes() == before


def test_new_project_refuses_a_title_that_exists(project: Path) -> None:
    result = ogi(project, "new-project", "--titel", "Testpark in Herne", "--kommune", "Herne")
    assert result.returncode == 1
    assert "steht schon in content/projects/test-herne-park.yml" in result.stderr
    assert sorted(p.name for p in (project / "content/projects").glob("*.yml")) == sorted(
        p.name for p in (FIXTURE_CONTENT / "projects").glob("*.yml")
    )


def test_new_project_unknown_kommune_gives_the_loaders_message(project: Path) -> None:
    result = ogi(project, "new-project", "--titel", "Neuer Park", "--kommune", "Hernee")
    assert result.returncode == 1
    assert not (project / "content/projects/neuer-park.yml").exists()
    scaffold_message = result.stderr.strip().split("KOMMUNE: ", 1)[1]
    # The loader's message for the same name in a record, for comparison.
    record = (project / "content/projects/test-herne-park.yml").read_text(encoding="utf-8")
    (project / "content/projects/test-herne-park.yml").write_text(
        record.replace("  - Herne\n", "  - Hernee\n", 1), encoding="utf-8"
    )
    loader_messages = [e.message for e in load_site(project).errors]
    assert loader_messages == [scaffold_message]
    assert "(meinten Sie „Herne“?)" in scaffold_message


def test_new_project_without_title_names_the_variable(project: Path) -> None:
    result = ogi(project, "new-project", "--titel", "", "--kommune", "Herne")
    assert result.returncode == 1
    assert result.stderr.startswith("Nicht angelegt: TITEL fehlt")


def test_new_beitrag_in_a_session_passes_check(project: Path) -> None:
    result = ogi(
        project,
        "new-beitrag",
        "--veranstaltung",
        "tagung-2020",
        "--titel",
        "Impuls: Stadtbäume",
        "--art",
        "Impuls",
        "--session",
        "plenum",
        "--datum",
        TODAY,
    )
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load((project / "content/tagung-2020/impuls-stadtbaeume.yml").read_text(encoding="utf-8"))
    assert (data["titel"], data["art"], data["session"], str(data["tag"])) == (
        "Impuls: Stadtbäume",
        "Impuls",
        "plenum",
        "2020-11-27",
    )
    assert ogi(project, "check").returncode == 0
    assert "impuls-stadtbaeume" in {v.slug for v in present(load_site(project).veranstaltung("tagung-2020")).vortraege}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--session", "plenun"), "SESSION: unbekannte Session „plenun“ (meinten Sie „plenum“?)"),
        (
            ("--tag", "2020-11-28"),
            "TAG: 2020-11-28 ist kein Tag der Veranstaltung; erlaubt sind: 2020-11-26, 2020-11-27",
        ),
        (("--tag", "2020-11-26", "--art", "Keynote"), "ART: „Keynote“ ist nicht erlaubt"),
        ((), "TAG oder SESSION fehlt"),
    ],
    ids=["session-tippfehler", "tag-ausserhalb", "art-unbekannt", "ohne-tag"],
)
def test_new_beitrag_refuses_with_german_message(project: Path, args: tuple[str, ...], message: str) -> None:
    result = ogi(project, "new-beitrag", "--veranstaltung", "tagung-2020", "--titel", "Ein Vortrag", *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert not (project / "content/tagung-2020/ein-vortrag.yml").exists()


@pytest.mark.slow
def test_recipes_of_the_guide_make_check_and_build_succeed(tmp_path: Path) -> None:
    # The guide's recipes as editors type them (docs/redaktion/massnahme.md, beitrag.md): a new measure, a new
    # event and a talk of it; then `make check` and the strict build. The project's .venv is reused.
    project = copy_project(tmp_path / "projekt")
    for name in ("Makefile", "requirements.lock"):
        shutil.copy2(ROOT / name, project / name)
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "VERANSTALTUNG", "SLUG", "TAG")}
    make = ["make", "--no-print-directory", f"VENV={ROOT / '.venv'}"]
    for target, *variables in (
        ("new-project", 'TITEL=Grünes Band "Ost"', "KOMMUNE=Herne"),
        ("new-veranstaltung", "TITEL=Netzwerktag 2023", "DATUM=2023-09-14"),
        ("new-beitrag", "VERANSTALTUNG=netzwerktag-2023", "TITEL=Impuls: Stadtbäume", "ART=Impuls"),
    ):
        created = subprocess.run([*make, target, *variables], cwd=project, capture_output=True, text=True, env=env)
        assert created.returncode == 0, created.stderr
    for written in (
        "projects/gruenes-band-ost.yml",
        "netzwerktag-2023/tagung.yml",
        "netzwerktag-2023/impuls-stadtbaeume.yml",
    ):
        assert (project / "content" / written).is_file(), written
    checked = subprocess.run([*make, "check"], cwd=project, capture_output=True, text=True, env=env)
    assert checked.returncode == 0, checked.stderr
    before = len(list((FIXTURE_CONTENT / "projects").glob("*.yml")))
    assert f"Inhalte in Ordnung: {before + 1} Maßnahmen, 3 Veranstaltungen" in checked.stdout
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    for page in ("massnahmen/gruenes-band-ost", "netzwerktag-2023", "netzwerktag-2023/impuls-stadtbaeume"):
        assert (tmp_path / "site" / page / "index.html").is_file(), page


# --- every event equal: a new event folder, and talks for any event -------------------------------------------


def test_new_veranstaltung_writes_an_event_folder_that_passes_check(project: Path) -> None:
    result = ogi(project, "new-veranstaltung", "--titel", "Netzwerktag 2023", "--tag", "2023-09-14", "--datum", TODAY)
    assert result.returncode == 0, result.stderr
    written = project / "content/netzwerktag-2023/tagung.yml"
    assert result.stdout.startswith("Angelegt: content/netzwerktag-2023/tagung.yml")
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert (data["titel"], data["programmstand"], str(data["tage"][0]["datum"]), str(data["datenstand"])) == (
        "Netzwerktag 2023",
        "angekündigt",
        "2023-09-14",
        TODAY,
    )
    assert written.read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=../../schemas/tagung.schema.json"
    )
    site = load_site(project)
    assert site.errors == []
    assert "netzwerktag-2023" in [event.ordner for event in site.veranstaltungen]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--titel", "Netzwerktag 2023", "--tag", "14.09.2023"),
            "DATUM: „14.09.2023“ ist kein Datum; den ersten Tag als JJJJ-MM-TT angeben, z. B. DATUM=2022-09-15",
        ),
        (("--titel", "Netzwerktag 2023", "--tag", ""), "DATUM fehlt"),
        (
            ("--titel", "Maßnahmen", "--tag", "2023-09-14"),
            "der Ordnername „massnahmen“ ist schon die Adresse eines Bereichs der Website",
        ),
        (("--titel", "Testtag 2022", "--tag", "2023-09-14"), "TITEL: der Titel „Testtag 2022“ steht schon in"),
        (
            ("--titel", "Noch ein Testtag", "--tag", "2023-09-14", "--slug", "testtag-2022"),
            "content/testtag-2022/ gibt es schon und wird nicht überschrieben",
        ),
    ],
    ids=["datum-deutsch", "ohne-datum", "reservierter-ordner", "titel-doppelt", "ordner-vorhanden"],
)
def test_new_veranstaltung_refuses_with_german_message(project: Path, args: tuple[str, ...], message: str) -> None:
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    result = ogi(project, "new-veranstaltung", *args)
    assert result.returncode == 1
    assert result.stderr.startswith("Nicht angelegt: ")
    assert message in result.stderr
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_new_beitrag_for_another_event_goes_into_its_folder(project: Path) -> None:
    result = ogi(
        project, "new-beitrag", "--veranstaltung", "testtag-2022", "--titel", "Impuls: Stadtbäume", "--datum", TODAY
    )
    assert result.returncode == 0, result.stderr
    written = project / "content/testtag-2022/impuls-stadtbaeume.yml"
    text = written.read_text(encoding="utf-8")
    assert str(yaml.safe_load(text)["tag"]) == "2022-02-01"  # the event's only day
    assert '# Neuer Beitrag von "Testtag 2022"' in text
    assert "im Ordner content/testtag-2022/anhaenge/" in text
    assert "tagung-2020" not in text
    site = load_site(project)
    assert site.errors == []
    event = next(e for e in site.veranstaltungen if e.ordner == "testtag-2022")
    assert "impuls-stadtbaeume" in {v.slug for v in event.vortraege}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            (),
            "VERANSTALTUNG fehlt; den Ordner der Veranstaltung angeben, z. B. VERANSTALTUNG=tagung-2020; "
            "Veranstaltungen: tagung-2020, testtag-2022",
        ),
        (
            ("--veranstaltung", "testtag-2021"),
            "VERANSTALTUNG: unbekannte Veranstaltung „testtag-2021“ (meinten Sie „testtag-2022“?); erlaubt sind die "
            "Ordner in content/ mit tagung.yml: tagung-2020, testtag-2022 (eine neue legt make new-veranstaltung an)",
        ),
    ],
    ids=["ohne-veranstaltung", "veranstaltung-tippfehler"],
)
def test_new_beitrag_names_the_event_folders(project: Path, args: tuple[str, ...], message: str) -> None:
    result = ogi(project, "new-beitrag", "--titel", "Ein Vortrag", *args)
    assert result.returncode == 1
    assert result.stderr.strip() == f"Nicht angelegt: {message}"


def test_new_beitrag_duplicate_title_only_within_its_event(project: Path) -> None:
    taken = ogi(
        project,
        "new-beitrag",
        "--veranstaltung",
        "tagung-2020",
        "--titel",
        "Testeröffnung des Testtags",
        "--session",
        "plenum",
    )
    elsewhere = yaml.safe_load((project / "content/testtag-2022/test-eroeffnung.yml").read_text(encoding="utf-8"))
    assert elsewhere["titel"] == "Testeröffnung des Testtags"
    assert taken.returncode == 0, taken.stderr
    again = ogi(project, "new-beitrag", "--veranstaltung", "testtag-2022", "--titel", "Testeröffnung des Testtags")
    assert again.returncode == 1
    assert "steht schon in content/testtag-2022/test-eroeffnung.yml" in again.stderr


def test_field_reference_and_schemas_name_no_single_event() -> None:
    # Attachments of every event go into that event's folder; no help text sends them to the 2020 one.
    from ogi.editors.schemas import KINDS, json_schema

    for name in ("beitrag", "tagung"):
        text = json.dumps(json_schema(KINDS[name]), ensure_ascii=False)
        assert "tagung-2020" not in text
        assert "content/<veranstaltung>/anhaenge/" in text
