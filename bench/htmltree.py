"""One parser of built pages into a small tree: the benchmark's page sizes and every test read HTML with it.

The tests (tests/helpers.py) add their queries on top; bench/ must not import from tests/, so the parser
lives here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
INVISIBLE = {"script", "style", "template"}


@dataclass(eq=False)
class Node:
    """An element of a parsed page: tag, attributes and children (nodes or text), in document order."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def href(self) -> str:
        return self.attrs.get("href", "")

    def iter(self) -> Iterator[Node]:
        """This node and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, *tags: str, cls: str | None = None) -> list[Node]:
        """Elements below this one with one of `tags` (any tag if none given) and, if given, the class `cls`."""
        return [
            n
            for n in self.iter()
            if n is not self and (not tags or n.tag in tags) and (cls is None or cls in n.classes)
        ]

    def find(self, *tags: str, cls: str | None = None) -> Node | None:
        found = self.find_all(*tags, cls=cls)
        return found[0] if found else None

    @property
    def text(self) -> str:
        """The visible text, whitespace-normalised; scripts, styles and heading permalinks (¶) left out."""
        return " ".join("".join(self._texts()).split())

    @property
    def raw_text(self) -> str:
        """Every text below this element as written, scripts and styles included (e.g. a JSON-LD block)."""
        return "".join(child if isinstance(child, str) else child.raw_text for child in self.children)

    def _texts(self) -> Iterator[str]:
        for child in self.children:
            if isinstance(child, str):
                yield child
            elif child.tag == "br":
                yield " "
            elif child.tag not in INVISIBLE and "headerlink" not in child.classes:
                yield from child._texts()


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self._stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self._stack[-1].children.append(node)
        if tag not in VOID:
            self._stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching open element; a stray end tag closes nothing.
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)


def parse_html(source: Path | str) -> Node:
    """The document tree of an HTML file (a Path) or of HTML text."""
    builder = _TreeBuilder()
    builder.feed(source.read_text(encoding="utf-8") if isinstance(source, Path) else source)
    builder.close()
    return builder.root
