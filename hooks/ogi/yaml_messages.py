"""YAML mistakes editors really make, in German with the likely fix; never PyYAML's English.

Besides syntax errors, two mistakes parse without error and silently change the data: a list item
indented too far is glued to the item above ("Herne - Bochum"), and " #" in an unquoted text starts a
comment that cuts the rest off ("Park #1 wird neu gestaltet" becomes "Park").
"""

from __future__ import annotations

import re

import yaml

from .errors import ContentError

SYNTAX = "YAML-Syntax"
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
    "found unexpected end of stream": "die Datei endet mitten in einem Wert; fehlt ein schließendes "
                                      "Anführungszeichen?",
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
    quoted = value.replace("\\", "\\\\").replace('"', '\\"')
    return (f"ein Doppelpunkt mit Leerzeichen beendet in YAML den Wert; den ganzen Text in Anführungszeichen "
            f"setzen: {indent.strip()}{' ' if indent.strip() else ''}{key}: \"{quoted}\"")


def _plain_scalars(node: yaml.Node):
    """Every unquoted scalar value (not keys) in the document."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            stack.extend(value for _, value in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.ScalarNode) and not current.style:
            yield current


def folded_list_items(node: yaml.Node, text: str, path: str) -> list[ContentError]:
    """A line "- Bochum" indented further than the item above is read as part of that item's text."""
    lines = text.split("\n")
    errors = []
    for scalar in _plain_scalars(node):
        for number in range(scalar.start_mark.line + 1, scalar.end_mark.line + 1):
            if re.match(r"^\s+- \S", lines[number]):
                errors.append(ContentError(
                    path, number + 1, SYNTAX,
                    f"„{lines[number].strip()}“ ist weiter eingerückt als der Listeneintrag darüber und wird "
                    f"an dessen Text angehängt („{scalar.value}“); alle „- “ einer Liste gleich weit einrücken"))
                break
    return errors


def cut_comments(node: yaml.Node, text: str, path: str) -> list[ContentError]:
    """Warn where " #" right before a word cut an unquoted text short ("Park #1 …" -> "Park")."""
    if " #" not in text and "\t#" not in text:  # most records: no comment after a value at all
        return []
    lines = text.split("\n")
    warnings = []
    for scalar in _plain_scalars(node):
        end = scalar.end_mark
        rest = lines[end.line][end.column:] if end.line < len(lines) else ""
        match = re.match(r"^\s+(#\S.*)$", rest.rstrip("\r"))
        if match and not isinstance(scalar.value, bool):
            warnings.append(ContentError(
                path, end.line + 1, SYNTAX,
                f"der Text endet vor „{match.group(1)}“, denn „ #“ beginnt in YAML einen Kommentar; veröffentlicht "
                f"würde nur „{scalar.value}“; den ganzen Text in Anführungszeichen setzen"))
    return warnings
