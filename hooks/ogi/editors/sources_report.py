"""The source check's report in German: `path:line: field: message` lines, GitHub annotations, and a
table for the job summary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TextIO

from ..records.errors import flat
from ..records.github import workflow_command
from .citations import Citation

ARCHIVE_SEARCH = "https://web.archive.org/web/*/"
# The outcome of one address.
OK = "erreichbar"
MOVED = "verschoben"
BROKEN = "nicht erreichbar"
UNSURE = "unsicher"
REFUSED = "nicht öffentlich"


@dataclass(frozen=True)
class Result:
    """What the server of one address answered."""

    url: str
    outcome: str  # OK, MOVED, BROKEN or UNSURE
    detail: str = ""  # German, e.g. „404 nicht gefunden“
    new_url: str = ""  # for MOVED: the new address
    checked: float = 0.0  # when (seconds since the epoch)
    definite: bool = True  # a server's own answer, worth remembering for a day (not a time-out)


def message(citation: Citation, result: Result) -> str:
    """What is wrong with one cited address and what to do, in German."""
    if result.outcome == MOVED:
        return f"dauerhaft verschoben ({result.detail}) nach {result.new_url}; die neue Adresse eintragen"
    if result.outcome == UNSURE:
        return f"nicht sicher erreichbar ({result.detail}); im Browser prüfen"
    if result.outcome == REFUSED:
        return (
            f"nicht abgerufen ({result.detail}); geprüft werden nur öffentliche Websites: die öffentliche "
            "Adresse der Quelle eintragen"
        )
    if citation.archiv_url:
        advice = (
            f"eine archivierte Fassung ist eingetragen ({citation.archiv_url}); prüfen, ob sie die "
            "Angaben noch belegt, oder eine neue Quelle suchen"
        )
    elif citation.archived_from:
        advice = f"eine andere archivierte Fassung eintragen, z. B. {ARCHIVE_SEARCH}{citation.archived_from}"
    elif citation.in_source:
        advice = f"archivierte Fassung als archiv_url eintragen, z. B. {ARCHIVE_SEARCH}{citation.url}"
    else:
        advice = f"archivierte Fassung eintragen, z. B. {ARCHIVE_SEARCH}{citation.url}"
    return f"nicht erreichbar ({result.detail}); {advice}"


TITLES = {
    BROKEN: ("warning", "Quelle nicht erreichbar"),
    UNSURE: ("warning", "Quelle unsicher"),
    MOVED: ("notice", "Quelle verschoben"),
    REFUSED: ("warning", "Quelle nicht öffentlich"),
}


def report(problems: list[tuple[Citation, Result]], github: bool, out: TextIO) -> None:
    """One line per problem; with `github`, an annotation on the file and line as well."""
    for citation, result in problems:
        text = f"{citation.field}: {message(citation, result)}"
        print(flat(f"{citation.path}:{citation.line}: {text}"), file=out)
        if github:
            level, title = TITLES[result.outcome]
            print(workflow_command(level, text, file=citation.path, line=citation.line, title=title), file=out)


def summary_table(problems: list[tuple[Citation, Result]], counts: str) -> str:
    """The Markdown for the job summary: one row per problem, every cell escaped."""
    lines = ["## Quellen-Prüfung", "", counts, ""]
    if problems:
        lines += ["| Stelle | Feld | Adresse | Ergebnis | Was tun |", "|---|---|---|---|---|"]
        for citation, result in problems:
            what, _, todo = message(citation, result).partition("; ")
            cells = [f"{citation.path}:{citation.line}", citation.field, citation.url, what, todo]
            lines.append("| " + " | ".join(map(markdown_cell, cells)) + " |")
    return "\n".join(lines) + "\n"


def markdown_cell(text: str) -> str:
    """Text as one table cell: no line breaks, Markdown and HTML characters taken literally."""
    text = " ".join(text.split())
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~])", r"\\\1", text)
