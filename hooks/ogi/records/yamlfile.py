"""Read one YAML file into plain data, keeping the line of every key and item.

Content files come from many hands, so the reader accepts only the YAML editors need: no anchors,
aliases, merge keys or explicit tags (an alias bomb of 300 bytes expands to gigabytes), a size and a
nesting limit, and no control, bidi or zero-width characters. Each refusal is a German message at
file:line, found before anything is expanded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import FILE_FIELD, ContentError, character_name, field_name
from .yaml_dialect import DIALECT_SIGNS, check_dialect, check_keys
from .yaml_loader import SafeLoader
from .yaml_messages import Loc, syntax_errors
from .yaml_slips import bullet_items, cut_comments, decimal_commas, folded_list_items, typographic_quotes

MAX_BYTES = 1024 * 1024  # a record is a few KB; a megabyte is a mistake or an attack
# Characters no editor means to type and that hide or reorder text: C0/C1 controls (tab, line feed
# and carriage return aside), bidi overrides and isolates, zero-width characters, noncharacters.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffe\uffff]"
)


@dataclass
class YamlFile:
    """The data of one file and where each part of it stands."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    warnings: list[ContentError] = field(default_factory=list)  # e.g. text cut off by a " #"

    def line_of(self, loc: Loc) -> int:
        """Line of the deepest part of `loc` that exists in the file (1 for the file itself)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


def read_yaml(path: Path, display_path: str) -> tuple[YamlFile | None, list[ContentError]]:
    """Parse `path`; on failure return None and the errors, each with its line."""
    if path.stat().st_size > MAX_BYTES:
        return None, [
            ContentError(
                display_path,
                1,
                FILE_FIELD,
                f"die Datei ist {path.stat().st_size // 1024} KB groß; erlaubt ist höchstens "
                "1 MB je Datei; lange Texte kürzen oder auf mehrere Dateien verteilen",
            )
        ]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            ContentError(
                display_path,
                line,
                FILE_FIELD,
                "die Datei ist nicht in UTF-8 gespeichert; im Editor als UTF-8 speichern",
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    if not _has_content(text):
        return None, _empty(display_path)
    errors = _forbidden_characters(text, display_path)
    if errors:
        return None, errors
    # Without "&", "*", "!" or "<<" a file can hold no anchor, alias, tag or merge key: the event scan for
    # them is skipped (most records; a sixth of reading them), and the depth is checked on the nodes.
    scan = any(sign in text for sign in DIALECT_SIGNS)  # four substring tests: a sixth of one regex search's time
    try:
        errors = check_dialect(text, display_path) if scan else []
        if errors:
            return None, errors
        loader = SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:  # only document markers: nothing to read
                return None, _empty(display_path)
            errors = check_keys(node, display_path)
            if errors:
                return None, errors
            data = _plain_data(loader, node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        if not scan:  # a syntax error below too deep a nesting: the scan names the nesting first, as always
            try:
                errors = check_dialect(text, display_path)
            except yaml.MarkedYAMLError:
                errors = []
            if errors:
                return None, errors
        return None, syntax_errors(exc, text, display_path)
    result = YamlFile(display_path, data)
    _collect_lines(node, (), result.lines)
    errors = (
        _forbidden_in_values(result, text)
        + folded_list_items(node, text, display_path)
        + typographic_quotes(node, text, display_path)
        + bullet_items(node, text, display_path)
        + decimal_commas(node, text, display_path)
    )
    if errors:
        return None, errors
    result.warnings = cut_comments(node, text, display_path)
    return result, []


_SCALARS = frozenset(f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "timestamp"))
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_VALUE_TAG = "tag:yaml.org,2002:value"  # a plain "=": as a key it is text, as in PyYAML


def _plain_data(loader: SafeLoader, node: yaml.Node) -> Any:
    """What `loader.construct_document(node)` gives for a checked document (no anchors, aliases,
    tags or merge keys), built directly: PyYAML's general machinery was a fifth of loading.

    Anything else (another tag, a merge key) is left to PyYAML itself, with its errors.
    """
    if isinstance(node, yaml.ScalarNode) and node.tag in _SCALARS:
        return loader.yaml_constructors[node.tag](loader, node)
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        return [_plain_data(loader, item) for item in node.value]
    if (
        isinstance(node, yaml.MappingNode)
        and node.tag == _MAP
        and all(key.tag in _SCALARS or key.tag == _VALUE_TAG for key, _ in node.value)
    ):
        data = {}
        for key_node, value_node in node.value:
            if key_node.tag == _VALUE_TAG:
                key_node.tag = "tag:yaml.org,2002:str"
            key = _plain_data(loader, key_node)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, "found unhashable key", key_node.start_mark
                ) from None
            data[key] = _plain_data(loader, value_node)
        return data
    return loader.construct_object(node, deep=True)


def _forbidden_characters(text: str, path: str) -> list[ContentError]:
    if not _FORBIDDEN.search(text):  # the common case: one scan of the whole file
        return []
    errors = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = _FORBIDDEN.search(line.rstrip("\r"))
        if match:
            errors.append(
                ContentError(
                    path,
                    number,
                    FILE_FIELD,
                    f"unsichtbares Zeichen ({character_name(match.group())}) in Spalte "
                    f"{match.start() + 1}; das Zeichen löschen (oft beim Kopieren aus PDF "
                    "oder Word eingefügt)",
                )
            )
    return errors


def _forbidden_in_values(source: YamlFile, text: str) -> list[ContentError]:
    """The same characters written as escapes in quoted text ("\\u202e", "\\0")."""
    if "\\" not in text:  # no escape, so every character of a value stands in the text, which passed the scan
        return []
    errors = []
    stack: list[tuple[Loc, Any]] = [((), source.data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((loc + (str(k),), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((loc + (i,), v) for i, v in enumerate(value))
        elif isinstance(value, str) and (match := _FORBIDDEN.search(value)):
            errors.append(
                ContentError(
                    source.path,
                    source.line_of(loc),
                    field_name(loc),
                    f"unsichtbares Zeichen ({character_name(match.group())}) im Text; das Zeichen löschen",
                )
            )
    return sorted(errors)


def _empty(display_path: str) -> list[ContentError]:
    return [ContentError(display_path, 1, FILE_FIELD, "die Datei ist leer; Felder eintragen oder die Datei löschen")]


def _has_content(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def _collect_lines(node: yaml.Node, loc: Loc, lines: dict[Loc, int]) -> None:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = loc + (key.value,)
            lines[child] = key.start_mark.line + 1
            _collect_lines(value, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = loc + (index,)
            lines[child] = item.start_mark.line + 1
            _collect_lines(item, child, lines)
