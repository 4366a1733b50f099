"""In GitHub Actions, `python -m ogi check` marks each content error on its file and line of the pull request."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import FIXTURE_CONTENT, ogi_command

ANNOTATION = re.compile(r"^::error file=(?P<file>[^,]+),line=(?P<line>\d+),title=(?P<title>[^:]+)::(?P<text>.*)$")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")
    return tmp_path


def check(project: Path, github: bool) -> subprocess.CompletedProcess[str]:
    return ogi_command(project, "check", **({"GITHUB_ACTIONS": "true"} if github else {}))


def github_annotations(stdout: str) -> list[dict[str, str]]:
    return [m.groupdict() for line in stdout.splitlines() if (m := ANNOTATION.match(line))]


def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the line `old` in `path`; return its 1-based number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.rstrip("\n") == old)
    lines[number] = new + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


def test_annotation_names_the_broken_file_and_line(project: Path) -> None:
    target = "content/projects/test-herne-park.yml"
    line = replace_line(project / target, "status: abgeschlossen", "status: fertig")
    result = check(project, github=True)
    assert result.returncode == 1
    assert github_annotations(result.stdout) == [
        {
            "file": target,
            "line": str(line),
            "title": "Inhaltsfehler",
            "text": "status: „fertig“ ist nicht erlaubt; erlaubt sind: „geplant“, „in Umsetzung“, „abgeschlossen“, „nicht bekannt“",
        }
    ]


def test_annotations_cover_every_broken_file_in_one_run(project: Path) -> None:
    broken = {
        "content/projects/test-boenen-daecher.yml": replace_line(
            project / "content/projects/test-boenen-daecher.yml", "  - Bönen", "  - Bönnen"
        ),
        "content/tagung-2020/test-werkstatt-a.yml": replace_line(
            project / "content/tagung-2020/test-werkstatt-a.yml", "art: Workshop", "art: Keynote"
        ),
    }
    result = check(project, github=True)
    found = {(a["file"], int(a["line"])) for a in github_annotations(result.stdout)}
    assert found == set(broken.items())
    assert "meinten Sie „Bönen“" in result.stdout


def test_yaml_syntax_error_is_annotated_on_its_line(project: Path) -> None:
    target = "content/projects/test-flaeche-exakt.yml"
    line = replace_line(project / target, "status: abgeschlossen", "status: [abgeschlossen")
    result = check(project, github=True)
    (annotation,) = github_annotations(result.stdout)
    assert annotation["file"] == target
    assert annotation["text"].startswith("YAML-Syntax: ")
    assert abs(int(annotation["line"]) - line) <= 1  # the parser notices the open bracket at the next token


def test_no_annotations_outside_github_actions(project: Path) -> None:
    replace_line(project / "content/projects/test-herne-park.yml", "status: abgeschlossen", "status: fertig")
    result = check(project, github=False)
    assert result.returncode == 1
    assert github_annotations(result.stdout) == []
    assert "content/projects/test-herne-park.yml:" in result.stderr


def test_clean_content_gives_no_annotation(project: Path) -> None:
    result = check(project, github=True)
    assert result.returncode == 0, result.stderr
    assert github_annotations(result.stdout) == []
