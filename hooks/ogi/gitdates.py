"""When each hand-written page last changed, from the Git history (one `git log` call per build)."""

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
    try:
        result = subprocess.run(
            # Along main only (first parents): a merge counts with what it changed there, so a branch that
            # edited a page and took the edit back does not date it.
            ["git", "-C", str(root), "log", "--first-parent", "--diff-merges=first-parent", "--format=%x00%cs",
             "--name-only", "--relative", "--no-renames", "-z", "--", folder],
            capture_output=True, text=True, check=False, timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    return _parse(result.stdout, folder)


def _parse(output: str, folder: str) -> dict[str, dt.date]:
    dates: dict[str, dt.date] = {}
    prefix = folder.rstrip("/") + "/"
    current: dt.date | None = None
    for token in output.split("\0"):
        token = token.strip("\n")
        if not token:
            continue
        if len(token) == 10 and token[4] == "-" and token[7] == "-" and token[:4].isdigit():
            current = dt.date.fromisoformat(token)
        elif current is not None and token.startswith(prefix):
            dates.setdefault(token[len(prefix):], current)  # the log is newest first
    return dates


def last_changed_note(src_uri: str, dates: dict[str, dt.date], env: jinja2.Environment) -> str:
    """Markdown to append to a hand-written page: "Zuletzt geändert: <date>", or '' if unknown."""
    datum = dates.get(src_uri)
    if datum is None:
        return ""
    return "\n\n" + env.get_template("zuletzt_geaendert.md.j2").render(datum=datum)
