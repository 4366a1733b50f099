"""`make new-project` / `make new-beitrag`: a valid record from a title, or a German refusal."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURE_CONTENT, ROOT, copy_project

from ogi.content import load_site

TODAY = "2026-11-26"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")
    return tmp_path


def ogi(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = os.environ | {"PYTHONPATH": str(ROOT / "hooks")}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "ogi", *args, "--root", str(project)],
                          capture_output=True, text=True, env=env, cwd=project)


def test_new_project_writes_a_record_that_passes_check(project: Path):
    result = ogi(project, "new-project", "--titel", "Neuer Park an der Emscher", "--kommune", "Herne", "--datum", TODAY)
    assert result.returncode == 0, result.stderr
    written = project / "content/projects/neuer-park-an-der-emscher.yml"
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert data["titel"] == "Neuer Park an der Emscher"
    assert data["kommunen"] == ["Herne"]
    assert data["lage"] == {"genauigkeit": "Kommune"}
    assert str(data["datenstand"]) == TODAY
    assert written.read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=../../schemas/projekt.schema.json")
    check = ogi(project, "check")
    assert check.returncode == 0, check.stderr
    site = load_site(project)
    assert "neuer-park-an-der-emscher" in {m.slug for m in site.massnahmen}


def test_new_project_title_with_quotes_and_colon_stays_one_value(project: Path):
    titel = 'Park „Süd“: "Grün" am Kanal #1'
    assert ogi(project, "new-project", "--titel", titel, "--kommune", "Mülheim an der Ruhr").returncode == 0
    written = project / "content/projects/park-sued-gruen-am-kanal-1.yml"
    assert yaml.safe_load(written.read_text(encoding="utf-8"))["titel"] == titel
    assert ogi(project, "check").returncode == 0


def test_new_project_refuses_to_overwrite(project: Path):
    args = ("new-project", "--titel", "Neuer Park", "--kommune", "Herne", "--slug", "test-herne-wiese")
    before = (project / "content/projects/test-herne-wiese.yml").read_bytes()
    result = ogi(project, *args)
    assert result.returncode == 1
    assert "content/projects/test-herne-wiese.yml gibt es schon und wird nicht überschrieben" in result.stderr
    assert (project / "content/projects/test-herne-wiese.yml").read_bytes() == before


def test_new_project_refuses_a_title_that_exists(project: Path):
    result = ogi(project, "new-project", "--titel", "Testpark in Herne", "--kommune", "Herne")
    assert result.returncode == 1
    assert "steht schon in content/projects/test-herne-park.yml" in result.stderr
    assert sorted(p.name for p in (project / "content/projects").glob("*.yml")) == sorted(
        p.name for p in (FIXTURE_CONTENT / "projects").glob("*.yml"))


def test_new_project_unknown_kommune_gives_the_loaders_message(project: Path):
    result = ogi(project, "new-project", "--titel", "Neuer Park", "--kommune", "Hernee")
    assert result.returncode == 1
    assert not (project / "content/projects/neuer-park.yml").exists()
    scaffold_message = result.stderr.strip().split("KOMMUNE: ", 1)[1]
    # The loader's message for the same name in a record, for comparison.
    record = (project / "content/projects/test-herne-park.yml").read_text(encoding="utf-8")
    (project / "content/projects/test-herne-park.yml").write_text(
        record.replace("  - Herne\n", "  - Hernee\n", 1), encoding="utf-8")
    loader_messages = [e.message for e in load_site(project).errors]
    assert loader_messages == [scaffold_message]
    assert "(meinten Sie „Herne“?)" in scaffold_message


def test_new_project_without_title_names_the_variable(project: Path):
    result = ogi(project, "new-project", "--titel", "", "--kommune", "Herne")
    assert result.returncode == 1
    assert result.stderr.startswith("Nicht angelegt: TITEL fehlt")


def test_new_beitrag_in_a_session_passes_check(project: Path):
    result = ogi(project, "new-beitrag", "--titel", "Impuls: Stadtbäume", "--art", "Impuls",
                 "--session", "plenum", "--datum", TODAY)
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load((project / "content/tagung-2020/impuls-stadtbaeume.yml").read_text(encoding="utf-8"))
    assert (data["titel"], data["art"], data["session"], str(data["tag"])) == (
        "Impuls: Stadtbäume", "Impuls", "plenum", "2020-11-27")
    assert ogi(project, "check").returncode == 0
    assert "impuls-stadtbaeume" in {v.slug for v in load_site(project).vortraege}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--session", "plenun"), "SESSION: unbekannte Session „plenun“ (meinten Sie „plenum“?)"),
        (("--tag", "2020-11-28"), "TAG: 2020-11-28 ist kein Tag der Tagung; erlaubt sind: 2020-11-26, 2020-11-27"),
        (("--tag", "2020-11-26", "--art", "Keynote"), "ART: „Keynote“ ist nicht erlaubt"),
        ((), "TAG oder SESSION fehlt"),
    ],
    ids=["session-tippfehler", "tag-ausserhalb", "art-unbekannt", "ohne-tag"],
)
def test_new_beitrag_refuses_with_german_message(project: Path, args: tuple, message: str):
    result = ogi(project, "new-beitrag", "--titel", "Ein Vortrag", *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert not (project / "content/tagung-2020/ein-vortrag.yml").exists()


def test_make_new_project_then_make_check_succeed(tmp_path: Path):
    # The Makefile as editors call it; the project's .venv is reused instead of bootstrapping a new one.
    project = copy_project(tmp_path / "projekt")
    for name in ("Makefile", "requirements.lock"):
        shutil.copy2(ROOT / name, project / name)
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    make = ["make", "--no-print-directory", f"VENV={ROOT / '.venv'}"]
    created = subprocess.run([*make, "new-project", 'TITEL=Grünes Band "Ost"', "KOMMUNE=Herne"],
                             cwd=project, capture_output=True, text=True, env=env)
    assert created.returncode == 0, created.stderr
    assert (project / "content/projects/gruenes-band-ost.yml").is_file()
    checked = subprocess.run([*make, "check"], cwd=project, capture_output=True, text=True, env=env)
    assert checked.returncode == 0, checked.stderr
    before = len(list((FIXTURE_CONTENT / "projects").glob("*.yml")))
    assert f"Inhalte in Ordnung: {before + 1} Maßnahmen" in checked.stdout
