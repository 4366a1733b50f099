"""Slips that are valid YAML but not what the editor meant, each found in the parsed file and named with
its correction: typographic quotes, bullets that are no list items, decimal commas in lists, list items
folded into a text, a text cut at " #"."""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from .errors import ContentError, field_name
from .yaml_messages import BULLET, OPENING_QUOTES, SYNTAX, Loc, bullet_message, quoted, unwrapped


def _plain_scalars(node: yaml.Node) -> Iterator[yaml.ScalarNode]:
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


def _nodes(node: yaml.Node, loc: Loc = ()) -> Iterator[tuple[yaml.Node, Loc]]:
    """Every node of the document with its place (keys and list positions)."""
    stack = [(node, loc)]
    while stack:
        current, where = stack.pop()
        yield current, where
        if isinstance(current, yaml.MappingNode):
            stack.extend((value, where + (str(key.value),)) for key, value in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, where + (index,)) for index, item in enumerate(current.value))


def _plain_values(node: yaml.Node) -> list[tuple[yaml.ScalarNode, Loc]]:
    """Every unquoted scalar value with its place, in document order."""
    found = [(n, loc) for n, loc in _nodes(node) if isinstance(n, yaml.ScalarNode) and not n.style and loc]
    return sorted(found, key=lambda pair: pair[0].start_mark.index)


def typographic_quotes(node: yaml.Node, text: str, path: str) -> list[ContentError]:
    """„Park am See“ unquoted: YAML keeps the typographic quotes as text (page title, open data)."""
    if not any(c in text for c in OPENING_QUOTES):  # most records: none at all
        return []
    lines = text.split("\n")
    errors = []
    for scalar, loc in _plain_values(node):
        start, end = scalar.start_mark, scalar.end_mark
        inner = unwrapped(scalar.value) if isinstance(scalar.value, str) and start.line == end.line else None
        if inner is None:
            continue
        line = lines[start.line].rstrip("\r")
        fixed = (line[: start.column] + quoted(inner) + line[end.column :]).strip()
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


def bullet_items(node: yaml.Node, text: str, path: str) -> list[ContentError]:
    """Lines beginning with "• " (or "* " inside a text) are read as one text, not as list items."""
    if "•" not in text and "* " not in text:
        return []
    lines = text.split("\n")
    errors = []
    for scalar, loc in _plain_values(node):
        for number in range(scalar.start_mark.line, scalar.end_mark.line + 1):
            part = lines[number][scalar.start_mark.column :] if number == scalar.start_mark.line else lines[number]
            if BULLET.match(part):
                errors.append(ContentError(path, number + 1, field_name(loc), bullet_message(part)))
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
