"""Read one YAML file into plain data, keeping the line of every key and item."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import FILE_FIELD, ContentError

try:  # libyaml is ten times faster; the pure-Python parser gives the same result
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class SafeLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Keeps an impossible date such as 2020-13-01 as text, so validation can name the field."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", SafeLoader.construct_yaml_timestamp)

Loc = tuple[str | int, ...]


@dataclass
class YamlFile:
    """The data of one file and where each part of it stands."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """Line of the deepest part of `loc` that exists in the file (1 for the file itself)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


def read_yaml(path: Path, display_path: str) -> tuple[YamlFile | None, list[ContentError]]:
    """Parse `path`; on failure return None and the errors, each with its line."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [ContentError(display_path, line, FILE_FIELD,
                                   "die Datei ist nicht in UTF-8 gespeichert; im Editor als UTF-8 speichern")]
    if text.startswith("\ufeff"):
        text = text[1:]
    if not _has_content(text):
        return None, [ContentError(display_path, 1, FILE_FIELD,
                                   "die Datei ist leer; Felder eintragen oder die Datei löschen")]
    try:
        loader = SafeLoader(text)
        try:
            node = loader.get_single_node()
            errors = _check_keys(node, display_path)
            if errors:
                return None, errors
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        column = f" (Spalte {mark.column + 1})" if mark else ""
        problem = exc.problem or exc.context or "ungültiges YAML"
        return None, [ContentError(display_path, line, "YAML-Syntax",
                                   f"{_german_problem(problem)}{column}; Einrückung, Doppelpunkte und "
                                   "Anführungszeichen prüfen")]
    result = YamlFile(display_path, data)
    _collect_lines(node, (), result.lines)
    return result, []


def _has_content(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def _german_problem(problem: str) -> str:
    known = {
        "mapping values are not allowed here": "hier darf kein Doppelpunkt mit Wert stehen",
        "could not find expected ':'": "ein Doppelpunkt fehlt",
        "found character '\\t' that cannot start any token": "Tabulatorzeichen sind nicht erlaubt, Leerzeichen verwenden",
        "found character that cannot start any token": "ein Zeichen, mit dem kein Wert beginnen darf (oft ein Tabulator: Leerzeichen verwenden)",
        "did not find expected ',' or ']'": "eine mit [ geöffnete Liste wird nicht mit ] geschlossen",
        "did not find expected ',' or '}'": "eine mit { geöffnete Gruppe wird nicht mit } geschlossen",
        "did not find expected node content": "hier fehlt ein Wert",
        "found unexpected ':'": "ein Doppelpunkt steht an falscher Stelle; Text mit Doppelpunkt in Anführungszeichen setzen",
        "found unexpected end of stream": "die Datei endet mitten in einem Wert",
        "did not find expected key": "hier wurde ein Feldname erwartet",
        "did not find expected '-' indicator": "hier wurde ein Listeneintrag mit „-“ erwartet",
        "found undefined alias": "unbekannter Verweis (*)",
        "expected <block end>, but found '-'": "ein Listeneintrag ist falsch eingerückt",
        "expected <block end>, but found '<block mapping start>'": "ein Feld ist falsch eingerückt",
        "expected <block end>, but found '<scalar>'": "ein Wert ist falsch eingerückt",
    }
    for english, german in known.items():
        if problem.startswith(english):
            return german
    return f"ungültiges YAML ({problem})"


def _check_keys(node: yaml.Node, path: str) -> list[ContentError]:
    """Duplicate keys are errors: PyYAML would silently keep the last one."""
    errors: list[ContentError] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in current.value:
                line = key.start_mark.line + 1
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        errors.append(ContentError(path, line, key.value,
                                                   f"das Feld steht doppelt (zuerst in Zeile {seen[key.value]}); "
                                                   "nur einmal angeben"))
                    seen.setdefault(key.value, line)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return errors


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
