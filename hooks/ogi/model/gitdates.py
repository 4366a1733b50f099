"""When each file last changed, from the Git history (one `git log` call per folder and build): the date under
each hand-written page, and the time of each record's last change for the Atom feed."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import jinja2


def last_changed(root: Path, folder: str = "docs") -> dict[str, dt.date]:
    """Date of the last commit that touched each file below `root/folder`, keyed by its path inside it.

    Only committed history counts, so the result depends on the commit alone and builds stay
    reproducible. Outside a Git checkout (or without git) the result is empty and pages show no date.
    """
    return {path: moment.date() for path, moment in last_commits(root, folder).items()}


def last_commits(root: Path, folder: str) -> dict[str, dt.datetime]:
    """Time (with the committer's offset) of the last commit that touched each file below `root/folder`."""
    try:
        result = subprocess.run(
            # Along main only (first parents): a merge counts with what it changed there, so a branch that
            # edited a page and took the edit back does not date it.
            [
                "git",
                "-C",
                str(root),
                "log",
                "--first-parent",
                "--diff-merges=first-parent",
                "--format=%x00%cI",
                "--name-only",
                "--relative",
                "--no-renames",
                "-z",
                "--",
                folder,
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    return _parse(result.stdout, folder)


def _parse(output: str, folder: str) -> dict[str, dt.datetime]:
    moments: dict[str, dt.datetime] = {}
    prefix = folder.rstrip("/") + "/"
    current: dt.datetime | None = None
    for token in output.split("\0"):
        token = token.strip("\n")
        if not token:
            continue
        if token.startswith(prefix):
            if current is not None:
                moments.setdefault(token[len(prefix) :], current)  # the log is newest first
            continue
        try:
            current = dt.datetime.fromisoformat(token)
        except ValueError:
            continue
    return moments


def last_changed_note(src_uri: str, dates: dict[str, dt.date], env: jinja2.Environment) -> str:
    """Markdown to append to a hand-written page: "Zuletzt geändert: <date>", or '' if unknown."""
    datum = dates.get(src_uri)
    if datum is None:
        return ""
    return "\n\n" + env.get_template("zuletzt_geaendert.md.j2").render(datum=datum)
