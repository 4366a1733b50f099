"""A corpus of broken content files: each must produce exactly its one German message, located by line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import FIXTURE_CONTENT
from ogi.records.content import load_site
from ogi.records.future_dates import today

CORPUS = Path(__file__).parent / "corpus"


def _cases() -> list[tuple[str, str, str]]:
    """(case id, target path in the project, expected message) from corpus/*.yml headers.

    "{heute}" in a message stands for today's date, which a date in the future is compared with.
    """
    cases = []
    for path in sorted(CORPUS.glob("*.yml")):
        lines = path.read_bytes().split(b"\n", 2)
        target = lines[0].decode().removeprefix("# ziel: ").strip()
        expected = lines[1].decode().removeprefix("# fehler: ").strip().replace("{heute}", today().isoformat())
        cases.append((path.stem, target, expected))
    return cases


CASES = _cases()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")
    return tmp_path


def test_corpus_has_at_least_twenty_broken_files() -> None:
    assert len(CASES) >= 20


def test_fixture_content_has_no_errors(project: Path) -> None:
    site = load_site(project)
    assert site.errors == [] and site.warnings == []
    assert [(e.ordner, len(e.vortraege)) for e in site.veranstaltungen] == [("tagung-2020", 5), ("testtag-2022", 1)]
    assert len(site.massnahmen) == 7


@pytest.mark.parametrize(("case", "target", "expected"), CASES, ids=[c[0] for c in CASES])
def test_broken_file_gives_its_one_message(project: Path, case: str, target: str, expected: str) -> None:
    # The corpus file keeps its two header lines, so the reported line numbers are those of the corpus file.
    (project / target).write_bytes((CORPUS / f"{case}.yml").read_bytes())
    site = load_site(project)
    assert [str(e) for e in site.errors + site.warnings] == [expected]


def test_all_errors_of_all_files_are_reported_in_one_run(project: Path) -> None:
    for case, target, _ in CASES[:5]:
        (project / target).write_bytes((CORPUS / f"{case}.yml").read_bytes())
    site = load_site(project)
    reported = {e.path for e in site.errors}
    assert reported == {target for _, target, _ in CASES[:5]}
