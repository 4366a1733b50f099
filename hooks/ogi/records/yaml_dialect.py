"""The YAML dialect records may use, checked before anything is expanded: no anchors, aliases, merge keys
or explicit tags (an alias bomb of 300 bytes expands to gigabytes), no duplicate keys, a nesting limit."""

from __future__ import annotations

import yaml

from .errors import ContentError
from .yaml_loader import YamlBase

MAX_DEPTH = 20  # a polygon in a measure is 6 levels deep
DIALECT_SIGNS = ("&", "*", "!", "<<")  # what anchors, aliases, tags and merge keys are written with
_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def check_dialect(text: str, path: str) -> list[ContentError]:
    """Anchors, aliases, merge keys, explicit tags and deep nesting, found in the event stream.

    Runs before any node is composed, so nothing is expanded.
    """
    errors: dict[ContentError, None] = {}  # one message per line and kind, in order
    depth = 0
    for event in yaml.parse(text, Loader=YamlBase):
        kind = type(event)
        if type(event) is yaml.ScalarEvent:  # type(event), not kind: mypy narrows only this form
            # Nearly every event: a plain value without anchor or tag, and no "<<" key.
            if event.anchor is None and event.tag in (None, "!") and event.value != "<<":
                continue
        elif kind in _CLOSE:
            depth -= 1
            continue
        line = event.start_mark.line + 1 if event.start_mark else 1
        if type(event) is yaml.AliasEvent:
            errors.setdefault(
                ContentError(
                    path, line, "YAML-Syntax", f"Verweise (*{event.anchor}) sind nicht erlaubt; den Wert ausschreiben"
                ),
                None,
            )
            continue
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            errors.setdefault(
                ContentError(
                    path,
                    line,
                    "YAML-Syntax",
                    f"Anker (&{anchor}) sind nicht erlaubt; den Wert an jeder Stelle ausschreiben",
                )
            )
        tag = getattr(event, "tag", None)
        if tag is not None and not (kind is yaml.ScalarEvent and tag == "!"):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            errors.setdefault(
                ContentError(
                    path,
                    line,
                    "YAML-Syntax",
                    f"Typangaben wie „{shown}“ sind nicht erlaubt; den Wert ohne „!“-Angabe schreiben",
                )
            )
        if type(event) is yaml.ScalarEvent and event.value == "<<" and event.implicit[0]:
            errors.setdefault(
                ContentError(
                    path, line, "YAML-Syntax", "„<<“ (Felder übernehmen) ist nicht erlaubt; die Felder ausschreiben"
                )
            )
        if kind in _OPEN:
            depth += 1
            if depth > MAX_DEPTH:
                return [*errors, _too_deep(path, line)]
    return list(errors)


def check_keys(node: yaml.Node, path: str) -> list[ContentError]:
    """Duplicate keys are errors: PyYAML would silently keep the last one. Nesting deeper than MAX_DEPTH is
    one too (found here when the event scan was skipped), before anything recurses into the nodes."""
    errors: list[ContentError] = []
    stack = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        if isinstance(current, (yaml.MappingNode, yaml.SequenceNode)) and depth > MAX_DEPTH:
            return [_too_deep(path, current.start_mark.line + 1)]
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in current.value:
                line = key.start_mark.line + 1
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        errors.append(
                            ContentError(
                                path,
                                line,
                                key.value,
                                f"das Feld steht doppelt (zuerst in Zeile {seen[key.value]}); nur einmal angeben",
                            )
                        )
                    seen.setdefault(key.value, line)
                stack.append((value, depth + 1))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in current.value)
    return errors


def _too_deep(path: str, line: int) -> ContentError:
    return ContentError(
        path,
        line,
        "YAML-Syntax",
        f"mehr als {MAX_DEPTH} Ebenen tief verschachtelt; so tief ist kein Feld, Einrückung prüfen",
    )
