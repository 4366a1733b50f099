"""Problems in content files, phrased for editors: `path:line: field: what is wrong; what is right`."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .github import workflow_command

FILE_FIELD = "(Datei)"

# Characters that look like nothing or like a space, made visible in messages: „Mülheim an der⇥Ruhr“.
_VISIBLE = {"\t": "⇥", "\u00a0": "⍽", "\u00ad": "‐", "\r": "␍", "\n": "↵"}


def visible(text: str) -> str:
    """`text` with tabs, non-breaking spaces and other invisible characters shown as signs."""
    return "".join(_VISIBLE.get(c, f"⟨{character_name(c)}⟩" if _invisible(c) else c) for c in text)


# Every character that a terminal, a log viewer or the Actions runner may take for the end of a line.
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def flat(text: object) -> str:
    """`text` as part of one printed line: every line break shown as a sign.

    A message line starts with its file's path; quoted content (a title, a key, a file name) that could
    break the line would start a line of its own, and on GitHub Actions a line such as `::error::…` or
    `::stop-commands::…` is a command to the runner. Annotations are escaped instead (github.py).
    """
    return _LINE_BREAKS.sub(lambda m: visible(m.group()), str(text))


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cn", "Co")


def character_name(char: str) -> str:
    """'U+202E, Steuerzeichen für die Schreibrichtung': how a message names an invisible character."""
    code = ord(char)
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069 or code in (0x200E, 0x200F, 0x061C):
        kind = "Steuerzeichen für die Schreibrichtung"
    elif code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):
        kind = "Leerzeichen ohne Breite"
    elif unicodedata.category(char) == "Cc":
        kind = "Steuerzeichen"
    else:
        kind = "unsichtbares Zeichen"
    return f"U+{code:04X}, {kind}"


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem, located in a content file."""

    path: str  # relative to the project root, with forward slashes
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return flat(f"{self.path}:{self.line}: {self.field}: {self.message}")

    def github_annotation(self) -> str:
        """The line GitHub Actions turns into an inline comment on the changed file."""
        return workflow_command(
            "error", f"{self.field}: {self.message}", file=self.path, line=self.line, title="Inhaltsfehler"
        )


class ContentErrors(Exception):
    """All problems of one run; raised only after every file was read."""

    def __init__(self, errors: Iterable[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = "1 Fehler in den Inhalten:" if count == 1 else f"{count} Fehler in den Inhalten:"
        return "\n".join([head, *map(str, self.errors)])


def field_name(loc: tuple[str | int, ...]) -> str:
    """`quellen[1].url`: keys joined by dots, list items counted from 1."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + part
    return text or "(Datei)"


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """' (meinten Sie „x“?)' for the closest choice, or '' if none is close."""
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    match = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return f" (meinten Sie „{lowered[match[0]]}“?)" if match else ""
