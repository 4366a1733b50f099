"""`make properdocs-vergleich` compares the MkDocs and the ProperDocs build: only the generator tag may differ;
`make vergleich` builds two commits with the same content and names every file that differs."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pytest import CaptureFixture

from helpers import copy_project, replace_in
from ogi.editors.site_compare import compare_commits, compare_sites, run


def site(root: Path, generator: str, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text.replace("GEN", generator), encoding="utf-8")
    return root


PAGE = '<html><head><meta name="generator" content="GEN"></head><body>Park</body></html>\n'


def test_sites_that_differ_only_in_the_generator_are_equal(tmp_path: Path, capsys: CaptureFixture[str]) -> None:
    first = site(tmp_path / "a", "mkdocs-1.6.1, mkdocs-material-9.8.1", {"index.html": PAGE, "x/y.json": "{}"})
    second = site(
        tmp_path / "b", "mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1", {"index.html": PAGE, "x/y.json": "{}"}
    )
    assert compare_sites(first, second) == []
    assert run(first, second) == 0
    assert "Gleich: 2 Dateien" in capsys.readouterr().out


def test_missing_extra_and_changed_files_are_each_named(tmp_path: Path, capsys: CaptureFixture[str]) -> None:
    first = site(tmp_path / "a", "m", {"index.html": PAGE, "nur-a.html": PAGE, "daten.json": '{"n": 1}\n'})
    second = site(
        tmp_path / "b", "p", {"index.html": PAGE.replace("Park", "Wald"), "nur-b.css": "", "daten.json": '{"n": 2}\n'}
    )
    assert compare_sites(first, second) == [
        f"nur-a.html: nur in {first}",
        f"nur-b.css: nur in {second}",
        'daten.json: unterschiedlich (erste Abweichung: -{"n": 1})',
        "index.html: unterschiedlich (erste Abweichung: -<html><head></head><body>Park</body></html>)",
    ]
    assert run(first, second) == 1
    assert capsys.readouterr().out.splitlines()[-1] == f"4 Unterschiede zwischen {first} und {second}."


def test_a_missing_build_is_a_message_not_a_traceback(tmp_path: Path, capsys: CaptureFixture[str]) -> None:
    assert run(tmp_path / "fehlt", tmp_path) == 1
    assert "Ordner fehlt" in capsys.readouterr().out


def _commit(project: Path, message: str) -> None:
    git = ["git", "-C", str(project), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "add", "-A"], check=True, capture_output=True)
    subprocess.run([*git, "commit", "-q", "-m", message], check=True, capture_output=True)


@pytest.mark.slow
def test_make_vergleich_finds_a_changed_page_between_two_commits_and_none_between_equal_ones(
    tmp_path: Path, capsys: CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "projekt")
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    _commit(project, "vorher")
    replace_in(
        project / "hooks/ogi/templates/kommunen.md.j2",
        "## Förderung je Kommune und Kreis",
        "## Förderung je Kommune und je Kreis",
    )
    _commit(project, "nachher")
    content = project / "content"

    assert compare_commits(project, "HEAD", "HEAD", content) == 0
    assert "Bytegleich" in capsys.readouterr().out
    assert compare_commits(project, "HEAD~1", "HEAD", content) == 1
    out = capsys.readouterr().out
    assert "kommunen/index.html: unterschiedlich" in out
    assert not any(line.startswith("massnahmen/") for line in out.splitlines())  # only what the change touched
