"""YAML mistakes editors really make, in German with the likely fix; never PyYAML's English.

Besides syntax errors, some mistakes parse without error and silently change the data: a list item
indented too far is glued to the item above ("Herne - Bochum"), " #" in an unquoted text starts a
comment that cuts the rest off ("Park #1 wird neu gestaltet" becomes "Park"), typographic quotes
(„Park am See“) become part of the text, "• " is no list marker, and a decimal comma splits a list of
numbers ([7,217, 51,537] is four numbers).
"""

from __future__ import annotations

import re

import yaml

from .errors import ContentError, field_name

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
        if 0 <= candidate < len(lines) and _BULLET.match(lines[candidate]):
            return [ContentError(path, candidate + 1, SYNTAX, _bullet(lines[candidate]))]
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
        f"setzen: {indent.strip()}{' ' if indent.strip() else ''}{key}: {_quoted(_without_yaml_quotes(value))}"
    )


def _quoted(text: str) -> str:
    """`text` in straight double quotes, as YAML reads it back."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# Typographic quotes that editors (or their word processor) put around a whole value: „…“ ‚…‘ “…” ”…” »…« «…» ‘…’
_OPENING = "„‚“”»«‘"
_CLOSING = "“‘”«»’"


def _without_yaml_quotes(value: str) -> str:
    """`value` without the typographic quotes meant as YAML quotes: around it, or one left alone at an end."""
    inner = _unwrapped(value)
    if inner is not None:
        return inner
    if value[:1] in _OPENING and not any(c in _CLOSING for c in value[1:]):
        return value[1:]
    if value[-1:] in _CLOSING and not any(c in _OPENING for c in value[:-1]):
        return value[:-1]
    return value


def _unwrapped(value: str) -> str | None:
    """The text inside typographic quotes around all of `value` („Park am See“ -> Park am See), else None."""
    if len(value) < 3 or value[0] not in _OPENING or value[-1] not in _CLOSING:
        return None
    inner = value[1:-1]
    if value[0] in inner or value[-1] in inner:  # „Grün“ und „Blau“: quotes inside the text, not around it
        return None
    return inner


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
                errors.append(
                    ContentError(
                        path,
                        number + 1,
                        SYNTAX,
                        f"„{lines[number].strip()}“ ist weiter eingerückt als der Listeneintrag darüber und wird "
                        f"an dessen Text angehängt („{scalar.value}“); alle „- “ einer Liste gleich weit einrücken",
                    )
                )
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
        rest = lines[end.line][end.column :] if end.line < len(lines) else ""
        match = re.match(r"^\s+(#\S.*)$", rest.rstrip("\r"))
        if match and not isinstance(scalar.value, bool):
            warnings.append(
                ContentError(
                    path,
                    end.line + 1,
                    SYNTAX,
                    f"der Text endet vor „{match.group(1)}“, denn „ #“ beginnt in YAML einen Kommentar; veröffentlicht "
                    f"würde nur „{scalar.value}“; den ganzen Text in Anführungszeichen setzen",
                )
            )
    return warnings


def _nodes(node: yaml.Node, loc: Loc = ()):
    """Every node of the document with its place (keys and list positions)."""
    stack = [(node, loc)]
    while stack:
        current, where = stack.pop()
        yield current, where
        if isinstance(current, yaml.MappingNode):
            stack.extend((value, where + (str(key.value),)) for key, value in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, where + (index,)) for index, item in enumerate(current.value))


def _plain_values(node: yaml.Node):
    """Every unquoted scalar value with its place, in document order."""
    found = [(n, loc) for n, loc in _nodes(node) if isinstance(n, yaml.ScalarNode) and not n.style and loc]
    return sorted(found, key=lambda pair: pair[0].start_mark.index)


def typographic_quotes(node: yaml.Node, text: str, path: str) -> list[ContentError]:
    """„Park am See“ unquoted: YAML keeps the typographic quotes as text (page title, open data)."""
    if not any(c in text for c in _OPENING):  # most records: none at all
        return []
    lines = text.split("\n")
    errors = []
    for scalar, loc in _plain_values(node):
        start, end = scalar.start_mark, scalar.end_mark
        inner = _unwrapped(scalar.value) if isinstance(scalar.value, str) and start.line == end.line else None
        if inner is None:
            continue
        line = lines[start.line].rstrip("\r")
        fixed = (line[: start.column] + _quoted(inner) + line[end.column :]).strip()
        errors.append(
            ContentError(
                path,
                start.line + 1,
                field_name(loc),
                f"der Wert steht in typografischen Anführungszeichen ({scalar.value[0]}…{scalar.value[-1]}), die YAML "
                f"nicht als Anführungszeichen liest: sie würden mitveröffentlicht; gerade Anführungszeichen "
                f"verwenden: {fixed}",
            )
        )
    return errors


_BULLET = re.compile(r"^\s*[*•]\s+\S")


def _bullet(line: str) -> str:
    marker, rest = line.strip()[0], line.strip()[1:].strip()
    return (
        f"„{marker} {rest}“ ist kein Listeneintrag, denn YAML kennt als Listenzeichen nur „- “; "
        f"„{marker} “ durch „- “ ersetzen: - {rest}"
    )


def bullet_items(node: yaml.Node, text: str, path: str) -> list[ContentError]:
    """Lines beginning with "• " (or "* " inside a text) are read as one text, not as list items."""
    if "•" not in text and "* " not in text:
        return []
    lines = text.split("\n")
    errors = []
    for scalar, loc in _plain_values(node):
        for number in range(scalar.start_mark.line, scalar.end_mark.line + 1):
            part = lines[number][scalar.start_mark.column :] if number == scalar.start_mark.line else lines[number]
            if _BULLET.match(part):
                errors.append(ContentError(path, number + 1, field_name(loc), _bullet(part)))
                break
    return errors


def decimal_comma(pairs: list[tuple[str, str]], fix: str) -> str:
    """'Dezimalkomma: 51,537 → 51.537; …': the message for numbers written with a German decimal comma."""
    shown = ", ".join(f"{written} → {right}" for written, right in pairs)
    return f"Dezimalkomma: {shown}; {fix}"


def decimal_commas(node: yaml.Node, text: str, path: str) -> list[ContentError]:
    """[7,217, 51,537] is four whole numbers to YAML: a comma without a space between digits splits a number."""
    if "[" not in text or "," not in text:
        return []
    errors = []
    for sequence, loc in _nodes(node):
        if not (isinstance(sequence, yaml.SequenceNode) and sequence.flow_style):
            continue
        items = sequence.value
        pairs: list[tuple[yaml.ScalarNode, yaml.ScalarNode]] = []
        for left, right in zip(items, items[1:], strict=False):
            if (
                isinstance(left, yaml.ScalarNode)
                and isinstance(right, yaml.ScalarNode)
                and not left.style
                and not right.style
                and re.fullmatch(r"-?\d+", left.value)
                and re.fullmatch(r"\d+", right.value)
                and right.start_mark.index == left.end_mark.index + 1
                and (not pairs or pairs[-1][1] is not left)
            ):
                pairs.append((left, right))
        if pairs:
            source = text[sequence.start_mark.index : sequence.end_mark.index]
            numbers = [(f"{a.value},{b.value}", f"{a.value}.{b.value}") for a, b in pairs]
            for written, right in numbers:
                source = source.replace(written, right, 1)
            errors.append(
                ContentError(
                    path,
                    sequence.start_mark.line + 1,
                    field_name(loc),
                    decimal_comma(numbers, f"Zahlen mit Dezimalpunkt schreiben: {source}"),
                )
            )
    return sorted(errors)
