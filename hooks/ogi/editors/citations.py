"""The addresses the source check asks (`make quellen-pruefen`): every http(s) address cited in the YAML
records, with the field and line it stands on, and in the Markdown links of the hand-written pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records.yaml_messages import Loc
from ..records.yamlfile import read_yaml

WHOLE_URL = re.compile(r"https?://\S+\Z")
# An address inside Markdown: the link target may hold one level of parentheses (Wikipedia-style).
_TARGET = r"(?P<url>https?://(?:[^()\s<>]|\([^()\s<>]*\))+)"
MARKDOWN_LINKS = [
    re.compile(r"\[(?P<text>[^\]]*)\]\(\s*<?" + _TARGET),  # [text](https://…)
    re.compile(r"^ {0,3}\[(?P<text>[^\]]+)\]:\s*<?" + _TARGET),  # [text]: https://…
    re.compile(r"<" + _TARGET + r">"),  # <https://…>
    re.compile(r"""\b(?:href|src)\s*=\s*["'](?P<url>https?://[^"'\s<>]+)["']"""),  # HTML in Markdown
]
FENCE = re.compile(r"^ {0,3}(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


@dataclass(frozen=True, order=True)
class Citation:
    """One place where an address is cited."""

    path: str  # relative to the project root, with forward slashes
    line: int
    field: str  # e.g. `quellen[2].url` or `Link „Bericht des epd“`
    url: str
    archiv_url: str = ""  # the archived copy recorded beside this address, if any
    archived_from: str = ""  # for an `archiv_url` itself: the original address it preserves
    in_source: bool = False  # part of a source record (`quellen`, `quelle`), where `archiv_url` belongs


def collect_citations(root: Path) -> list[Citation]:
    """Every external address in content/**/*.yml and docs/**/*.md, sorted by file and line."""
    citations: list[Citation] = []
    for path in sorted((root / "content").rglob("*.yml")):
        citations += yaml_citations(path, path.relative_to(root).as_posix())
    for path in sorted((root / "docs").rglob("*.md")):
        citations += markdown_citations(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix())
    return sorted(citations)


def yaml_citations(path: Path, shown: str) -> list[Citation]:
    """Addresses in one YAML file: whole values that are an address, and links inside text values.
    A file that does not parse yields none (`make check` reports it)."""
    document, _ = read_yaml(path, shown)
    if document is None:
        return []
    found: list[Citation] = []
    for loc, value, parent in _strings(document.data, ()):
        line = document.line_of(loc)
        name = field_name(loc)
        if WHOLE_URL.match(value.strip()):
            key = loc[-1] if loc else ""
            siblings = parent if isinstance(parent, dict) else {}
            in_source = any(part in ("quellen", "quelle") for part in loc)
            archiv = siblings.get("archiv_url") if key == "url" else None
            original = siblings.get("url") if key == "archiv_url" else None
            found.append(
                Citation(
                    shown,
                    line,
                    name,
                    value.strip(),
                    archiv_url=archiv if isinstance(archiv, str) else "",
                    archived_from=original if isinstance(original, str) else "",
                    in_source=in_source and key == "url",
                )
            )
        else:
            found += [Citation(shown, line, name, url) for url, _ in _markdown_links(value)]
    return found


def markdown_citations(text: str, shown: str) -> list[Citation]:
    """Links in one Markdown page, with their line; code blocks and code spans are examples, not links."""
    found: list[Citation] = []
    in_fence = ""
    for number, line in enumerate(text.splitlines(), start=1):
        fence = FENCE.match(line)
        if fence and (not in_fence or fence.group(1) == in_fence):
            in_fence = "" if in_fence else fence.group(1)
            continue
        if in_fence:
            continue
        for url, label in _markdown_links(line):
            found.append(Citation(shown, number, f"Link „{label}“" if label else "Link", url))
    return found


def _markdown_links(text: str) -> Iterator[tuple[str, str]]:
    text = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)
    seen: set[int] = set()
    for pattern in MARKDOWN_LINKS:
        for match in pattern.finditer(text):
            if match.start("url") in seen:
                continue
            seen.add(match.start("url"))
            label = match.groupdict().get("text") or ""
            yield match.group("url"), _short(" ".join(label.split()))


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _strings(value: Any, loc: Loc, parent: Any = None) -> Iterator[tuple[Loc, str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, loc + (key,), value)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, loc + (index,), value)
    elif isinstance(value, str):
        yield loc, value, parent


def field_name(loc: Loc) -> str:
    """`('quellen', 2, 'url')` → `quellen[2].url`, as in the messages of `make check`."""
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "(Datei)"
