"""YAML mistakes editors really make, in German with the likely fix; never PyYAML's English.

Besides syntax errors, some mistakes parse without error and silently change the data: a list item
indented too far is glued to the item above ("Herne - Bochum"), " #" in an unquoted text starts a
comment that cuts the rest off ("Park #1 wird neu gestaltet" becomes "Park"), typographic quotes
(„Park am See“) become part of the text, "• " is no list marker, and a decimal comma splits a list of
numbers ([7,217, 51,537] is four numbers). This module words the syntax errors and the texts the checks
share; yaml_slips.py finds the mistakes that parse.
"""

from __future__ import annotations

import re

import yaml

from .errors import ContentError

SYNTAX = "YAML-Syntax"


Loc = tuple[str | int, ...]  # the place of a value: keys and list positions, e.g. ("quellen", 0, "url")


_CHECK = "; Einrückung, Doppelpunkte und Anführungszeichen prüfen"


# PyYAML's problem text (C and Python parser) -> what it means for an editor, with the fix.
_KNOWN = {
    "could not find expected ':'": "ein Doppelpunkt fehlt" + _CHECK,
    "found character '\\t' that cannot start any token": "Tabulatorzeichen sind zum Einrücken nicht erlaubt; "
    "Leerzeichen verwenden",
    "found character that cannot start any token": "ein Zeichen, mit dem kein Wert beginnen darf (oft ein "
    "Tabulator: Leerzeichen verwenden); sonst den Wert in "
    "Anführungszeichen setzen",
    "did not find expected ',' or ']'": "eine mit [ geöffnete Liste wird nicht mit ] geschlossen",
    "expected ',' or ']'": "eine mit [ geöffnete Liste wird nicht mit ] geschlossen",
    "did not find expected ',' or '}'": "eine mit { geöffnete Gruppe wird nicht mit } geschlossen",
    "expected ',' or '}'": "eine mit { geöffnete Gruppe wird nicht mit } geschlossen",
    "did not find expected node content": "hier fehlt ein Wert" + _CHECK,
    "found unexpected ':'": "ein Doppelpunkt steht an falscher Stelle; Text mit Doppelpunkt in "
    "Anführungszeichen setzen",
    "found unexpected end of stream": "die Datei endet mitten in einem Wert; fehlt ein schließendes Anführungszeichen?",
    "did not find expected key": "hier wurde ein Feldname erwartet" + _CHECK,
    "did not find expected '-' indicator": "hier wurde ein Listeneintrag mit „-“ erwartet; alle Einträge "
    "einer Liste gleich weit einrücken",
    "found undefined alias": "Verweise (*) sind nicht erlaubt; den Wert ausschreiben",
    "expected <block end>, but found '-'": "ein Listeneintrag ist falsch eingerückt; alle „- “ einer Liste "
    "gleich weit einrücken",
    "expected <block end>, but found '<block sequence start>'": "ein Listeneintrag ist falsch eingerückt; "
    "alle „- “ einer Liste gleich weit einrücken",
    "expected <block end>, but found '<block mapping start>'": "ein Feld ist falsch eingerückt; Felder "
    "derselben Ebene gleich weit einrücken",
    "expected <block end>, but found '<scalar>'": "ein Wert ist falsch eingerückt" + _CHECK,
}


def syntax_errors(exc: yaml.MarkedYAMLError, text: str, path: str) -> list[ContentError]:
    """German messages for a YAML syntax error: the tabs in the indentation up to it, or a bullet that is
    no list marker, or else one message for the error itself."""
    mark = exc.problem_mark or exc.context_mark
    lines = text.split("\n")
    end = min(mark.line, len(lines) - 1) if mark else len(lines) - 1
    tabs = [number for number, line in enumerate(lines) if re.match(r"^ *\t", line)]
    if tabs and tabs[0] <= end:  # a tab up to the error caused it; the later ones would fail next
        return [
            ContentError(
                path, number + 1, SYNTAX, f"Tabulator in der Einrückung (Zeile {number + 1}); mit Leerzeichen einrücken"
            )
            for number in tabs
        ]
    # "* Herne" fails at its own line; "• Bochum" below a "- " item at the next one that is not empty.
    number = end
    while number > 0 and not lines[number].strip():
        number -= 1
    for candidate in (end, number - 1 if number == end else number):
        if 0 <= candidate < len(lines) and BULLET.match(lines[candidate]):
            return [ContentError(path, candidate + 1, SYNTAX, bullet_message(lines[candidate]))]
    return [syntax_error(exc, text, path)]


def syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str) -> ContentError:
    """One German message for a YAML syntax error, at its line, with the fix where it is clear."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    column = f" (Spalte {mark.column + 1})" if mark else ""
    problem = exc.problem or exc.context or ""
    source = text.split("\n")[line - 1].rstrip("\r") if mark and line <= text.count("\n") + 1 else ""
    if problem.startswith("mapping values are not allowed"):
        return ContentError(path, line, SYNTAX, _colon_in_value(source))
    german = next((g for english, g in _KNOWN.items() if problem.startswith(english)), "ungültiges YAML" + _CHECK)
    what, _, fix = german.partition(";")  # the column belongs to what is wrong, before the fix
    return ContentError(path, line, SYNTAX, what + column + (";" + fix if fix else ""))


def _colon_in_value(source: str) -> str:
    """`titel: Grün: ein Test` -> the line to copy, with the value in quotes."""
    match = re.match(r"^(\s*(?:- )?)([^\s:#][^:]*):\s+(\S.*)$", source)
    if match is None or ": " not in match.group(3):
        return "ein Feld ist eingerückt, aber das Feld darüber hat keine Unterfelder" + _CHECK
    indent, key, value = match.groups()
    return (
        f"ein Doppelpunkt mit Leerzeichen beendet in YAML den Wert; den ganzen Text in Anführungszeichen "
        f"setzen: {indent.strip()}{' ' if indent.strip() else ''}{key}: {quoted(_without_yaml_quotes(value))}"
    )


def quoted(text: str) -> str:
    """`text` in straight double quotes, as YAML reads it back."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# Typographic quotes that editors (or their word processor) put around a whole value: „…“ ‚…‘ “…” ”…” »…« «…» ‘…’
OPENING_QUOTES = "„‚“”»«‘"


CLOSING_QUOTES = "“‘”«»’"


def _without_yaml_quotes(value: str) -> str:
    """`value` without the typographic quotes meant as YAML quotes: around it, or one left alone at an end."""
    inner = unwrapped(value)
    if inner is not None:
        return inner
    if value[:1] in OPENING_QUOTES and not any(c in CLOSING_QUOTES for c in value[1:]):
        return value[1:]
    if value[-1:] in CLOSING_QUOTES and not any(c in OPENING_QUOTES for c in value[:-1]):
        return value[:-1]
    return value


def unwrapped(value: str) -> str | None:
    """The text inside typographic quotes around all of `value` („Park am See“ -> Park am See), else None."""
    if len(value) < 3 or value[0] not in OPENING_QUOTES or value[-1] not in CLOSING_QUOTES:
        return None
    inner = value[1:-1]
    if value[0] in inner or value[-1] in inner:  # „Grün“ und „Blau“: quotes inside the text, not around it
        return None
    return inner


BULLET = re.compile(r"^\s*[*•]\s+\S")


def bullet_message(line: str) -> str:
    marker, rest = line.strip()[0], line.strip()[1:].strip()
    return (
        f"„{marker} {rest}“ ist kein Listeneintrag, denn YAML kennt als Listenzeichen nur „- “; "
        f"„{marker} “ durch „- “ ersetzen: - {rest}"
    )
