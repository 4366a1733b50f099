"""Hand-written pages show "Zuletzt geändert" from their last commit; record pages show their own Stand."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from bench.htmltree import parse_html
from helpers import ROOT
from ogi.model.gitdates import last_changed


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = os.environ | {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def test_last_changed_takes_each_files_newest_commit(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "docs/sub").mkdir(parents=True)
    (tmp_path / "docs/a.md").write_text("a")
    (tmp_path / "docs/sub/b.md").write_text("b")
    (tmp_path / "README.md").write_text("r")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "eins", date="2024-03-01T12:00:00+00:00")
    (tmp_path / "docs/a.md").write_text("a2")
    git(tmp_path, "commit", "-qam", "zwei", date="2025-06-15T12:00:00+00:00")
    (tmp_path / "docs/a.md").write_text("uncommitted edits do not count")
    assert last_changed(tmp_path) == {"a.md": dt.date(2025, 6, 15), "sub/b.md": dt.date(2024, 3, 1)}


def test_last_changed_outside_a_git_checkout_is_empty(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/a.md").write_text("a")
    assert last_changed(tmp_path) == {}


def stand(path: Path) -> tuple[list[str], bool]:
    """The datetime of <p class="… ogi-zuletzt-geaendert"><time datetime=…>, and whether a record Stand is shown."""
    paragraphs = parse_html(path).find_all("p")
    zuletzt = [
        t.attrs["datetime"] for p in paragraphs if "ogi-zuletzt-geaendert" in p.classes for t in p.find_all("time")
    ]
    return zuletzt, any(p.text.startswith("Stand der Daten") for p in paragraphs)


def html_of(site: Path, md: str) -> Path:
    stem = md[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return site / stem[: -len("index")] / "index.html"
    return site / stem / "index.html"


def test_handwritten_pages_show_the_date_of_their_last_commit(shipped_site: Path) -> None:
    # The shipped build: it is made from a copy of this Git checkout's docs/ (the fixture copy has no history).
    checked = 0
    for md in sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")):
        committed = subprocess.run(
            ["git", "-C", str(ROOT), "log", "-1", "--first-parent", "--format=%cs", "--", f"docs/{md}"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        expected = [committed] if committed else []
        assert stand(html_of(shipped_site, md))[0] == expected, md
        checked += bool(committed)
    assert checked >= 5


def test_record_pages_show_their_data_stand_not_a_git_date(built_site: Path) -> None:
    zuletzt, stand_der_daten = stand(built_site / "massnahmen/test-herne-park/index.html")
    assert zuletzt == [] and stand_der_daten
