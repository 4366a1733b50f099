"""No raw Markdown reaches a reader: the visible text of pages carries no `**`, `](`, `{:`, leading `#` or `code` in backticks.

Checked on every hand-written page of the shipped site (their Markdown is the project's own) and on
every page built from the generator's templates with fixture records whose text is plain. A record
whose plain-text field contains such characters shows them on purpose (tests/test_hostile.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.htmltree import Node, parse_html
from helpers import ROOT

RAW = {
    "bold": re.compile(r"\*\*\S"),
    "link": re.compile(r"\]\(|\]\[|\[[^\]]+\]\s*\(http"),
    "attr_list": re.compile(r"\{:"),
    "heading": re.compile(r"^#{1,6} ", re.M),
    "html_escape_shown": re.compile(r"&(amp|lt|gt|quot|#\d+);"),
    "code": re.compile(r"`[^`\s][^`]*`"),
}


# Text inside these shows Markdown characters on purpose; each block element starts a piece of text of its own.
SKIP = {"code", "pre", "kbd", "script", "style", "template"}
BLOCKS = {"p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "br", "div", "figcaption"}


def _blocks(node: Node, blocks: list[str]) -> list[str]:
    for child in node.children:
        if isinstance(child, str):
            blocks[-1] += child
        elif child.tag not in SKIP:
            if child.tag in BLOCKS:
                blocks.append("")
            _blocks(child, blocks)
    return blocks


def raw_markdown(html_file: Path) -> list[str]:
    """Each piece of visible text of the page's article that looks like unrendered Markdown, with the pattern's name."""
    found = []
    for content in parse_html(html_file).find_all("article"):
        for block in _blocks(content, [""]):
            text = block.strip()
            found += [f"{name}: {text[:80]}" for name, pattern in RAW.items() if pattern.search(text)]
    return found


def _page_of(doc: Path) -> str:
    rel = doc.relative_to(ROOT / "docs").with_suffix("")
    if rel.name == "index":
        rel = rel.parent
    return (rel.as_posix() + "/") if str(rel) != "." else ""


HAND_WRITTEN = sorted(_page_of(p) for p in (ROOT / "docs").rglob("*.md"))


@pytest.mark.parametrize("page", HAND_WRITTEN, ids=[p or "start" for p in HAND_WRITTEN])
def test_hand_written_page_shows_no_raw_markdown(built_site: Path, page: str) -> None:
    assert raw_markdown(built_site / page / "index.html") == []


def test_the_scan_finds_raw_markdown(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        "<article><p>**fett** und [Titel](https://x)</p><p>{: .x }</p><li># Titel</li><h3>Felder von &#96;x&#96;</h3>"
        "<code>**code** ist erlaubt</code></article><p>**außerhalb**</p>",
        encoding="utf-8",
    )
    assert [f.split(":")[0] for f in raw_markdown(page)] == ["bold", "link", "attr_list", "heading", "code"]


@pytest.fixture(scope="module")
def fixture_site(formats_built: tuple[Path, Path]) -> Path:
    """Every generated page type, from the fixture records of tests/formats_projekt.py (plain text with
    `<`, `&` and quotes, but no Markdown)."""
    return formats_built[1]


def test_generated_pages_show_no_raw_markdown_or_doubly_escaped_text(fixture_site: Path) -> None:
    pages = sorted(fixture_site.rglob("index.html"))
    assert len(pages) > 20
    found = {str(p.relative_to(fixture_site)): raw for p in pages if (raw := raw_markdown(p))}
    assert found == {}
