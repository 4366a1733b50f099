"""Compare two builds of the site file by file (`make properdocs-vergleich`, `make vergleich`).

CI builds the site with MkDocs and with ProperDocs, the maintained fork of MkDocs 1.6; the two must
produce the same files. The only expected difference is the `<meta name="generator">` tag, which names
the engine; it is left out of the comparison.

`make vergleich ALT=<commit>` builds the same content with two commits of the generator and reports
whether the sites are byte-identical: the proof that a refactoring changed no output.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def normalised(path: Path) -> bytes:
    """The bytes of a built file, without the engine's name in HTML pages."""
    data = path.read_bytes()
    return GENERATOR.sub(b"", data) if path.suffix == ".html" else data


def compare_sites(first: Path, second: Path) -> list[str]:
    """German lines naming every file that exists in only one site or differs; empty if equal."""
    names_first = {p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file()}
    names_second = {p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()}
    problems = [f"{name}: nur in {first}" for name in sorted(names_first - names_second)]
    problems += [f"{name}: nur in {second}" for name in sorted(names_second - names_first)]
    for name in sorted(names_first & names_second):
        a, b = normalised(first / name), normalised(second / name)
        if a != b:
            problems.append(f"{name}: unterschiedlich{_first_difference(a, b)}")
    return problems


def _first_difference(a: bytes, b: bytes) -> str:
    lines_a = a.decode("utf-8", "replace").splitlines()
    lines_b = b.decode("utf-8", "replace").splitlines()
    for line in difflib.unified_diff(lines_a, lines_b, lineterm="", n=0):
        if line.startswith(("-", "+")) and not line.startswith(("---", "+++")):
            return f" (erste Abweichung: {line[:160]})"
    return ""


def run(first: Path, second: Path) -> int:
    """Print the comparison; 1 if the sites differ."""
    for folder in (first, second):
        if not folder.is_dir():
            print(f"{folder}: Ordner fehlt; zuerst beide Websites bauen (make properdocs-vergleich)")
            return 1
    problems = compare_sites(first, second)
    for problem in problems:
        print(problem)
    count = sum(1 for p in first.rglob("*") if p.is_file())
    if problems:
        print(f"{len(problems)} Unterschiede zwischen {first} und {second}.")
        return 1
    print(f"Gleich: {count} Dateien in {first} und {second} (bis auf die Angabe des Generators).")
    return 0


# --- the same content built by two commits of the generator (`make vergleich ALT=<commit>`) -------------

BUILD_EPOCH = "1764000000"  # a fixed build date: both builds must differ only by what the commits change
BUILD_URL = "http://127.0.0.1:8000/"
BUILD_REPO = "https://github.com/beispiel/gruene-infrastruktur"  # edit links need some repository address


def build_commit(
    repo: Path, commit: str, dest: Path, content: Path | None, work: Path
) -> subprocess.CompletedProcess[str]:
    """Build the site of `commit` into `dest`, with `content` in place of that commit's content/ if given.

    The commit is checked out as a detached Git worktree below `work` (so "Zuletzt geändert" reads its own
    history) and removed afterwards; the repository's own working tree is not touched.
    """
    tree = work / f"tree-{commit.replace('/', '-')}"
    subprocess.run(
        ["git", "-C", str(repo), "worktree", "add", "--quiet", "--detach", str(tree), commit],
        check=True,
        capture_output=True,
    )
    try:
        if content is not None:
            shutil.rmtree(tree / "content")
            shutil.copytree(content, tree / "content")
        env = os.environ | {
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": BUILD_EPOCH,
            "SITE_URL": BUILD_URL,
            "REPO_URL": BUILD_REPO,
            "PYTHONPATH": str(tree / "hooks"),
        }
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "--quiet",
                "--config-file",
                str(tree / "mkdocs.yml"),
                "--site-dir",
                str(dest),
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=tree,
        )
    finally:
        subprocess.run(
            ["git", "-C", str(repo), "worktree", "remove", "--force", str(tree)], check=False, capture_output=True
        )


def compare_commits(repo: Path, old: str, new: str, content: Path | None) -> int:
    """Build the site at `old` and at `new` with the same content and print whether they are byte-identical.

    `content` None builds each commit's own content/; give a folder (e.g. tests/fixtures/site/content) to
    build both commits on the same records. 1 if a build fails or the sites differ.
    """
    with tempfile.TemporaryDirectory(prefix="ogi-vergleich-") as temp:
        work = Path(temp)
        sites: list[Path] = []
        for commit in (old, new):
            site = work / f"site-{len(sites)}"
            result = build_commit(repo, commit, site, content, work)
            if result.returncode != 0:
                print(f"{commit}: Bau fehlgeschlagen\n{result.stderr[-3000:]}")
                return 1
            sites.append(site)
        problems = compare_sites(sites[0], sites[1])
        for problem in problems:
            print(problem.replace(str(work) + "/", ""))
        count = sum(1 for p in sites[0].rglob("*") if p.is_file())
        shown = "eigene Inhalte je Commit" if content is None else str(content)
        if problems:
            print(f"{len(problems)} Unterschiede zwischen {old} und {new} ({shown}).")
            return 1
        print(f"Bytegleich: {count} Dateien, gebaut von {old} und {new} ({shown}).")
        return 0
