"""Problems in content files, phrased for editors: `path:line: field: what is wrong; what is right`."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable

FILE_FIELD = "(Datei)"


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem, located in a content file."""

    path: str  # relative to the project root, with forward slashes
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"

    def github_annotation(self) -> str:
        """The line GitHub Actions turns into an inline comment on the changed file."""
        text = f"{self.field}: {self.message}".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line},title=Inhaltsfehler::{text}"


class ContentErrors(Exception):
    """All problems of one run; raised only after every file was read."""

    def __init__(self, errors: Iterable[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = "1 Fehler in den Inhalten:" if count == 1 else f"{count} Fehler in den Inhalten:"
        return "\n".join([head, *map(str, self.errors)])


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """' (meinten Sie „x“?)' for the closest choice, or '' if none is close."""
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    match = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return f" (meinten Sie „{lowered[match[0]]}“?)" if match else ""
