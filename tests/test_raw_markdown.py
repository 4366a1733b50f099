"""No raw Markdown reaches a reader: the visible text of pages carries no `**`, `](`, `{:` or leading `#`.

Checked on every hand-written page of the shipped site (their Markdown is the project's own) and on
every page built from the generator's templates with fixture records whose text is plain. A record
whose plain-text field contains such characters shows them on purpose (tests/test_hostile.py).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = {
    "bold": re.compile(r"\*\*\S"),
    "link": re.compile(r"\]\(|\]\[|\[[^\]]+\]\s*\(http"),
    "attr_list": re.compile(r"\{:"),
    "heading": re.compile(r"^#{1,6} ", re.M),
    "html_escape_shown": re.compile(r"&(amp|lt|gt|quot|#\d+);"),
}


class _VisibleText(HTMLParser):
    """Text of the page's article, without code, scripts and styles (where such characters belong)."""

    SKIP = {"code", "pre", "kbd", "script", "style", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth_article = 0
        self.skip = 0
        self.blocks: list[str] = [""]

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth_article += 1
        if tag in self.SKIP:
            self.skip += 1
        if tag in ("p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "br", "div", "figcaption"):
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth_article -= 1
        if tag in self.SKIP and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth_article and not self.skip:
            self.blocks[-1] += data


def raw_markdown(html_file: Path) -> list[str]:
    """Each piece of visible text that looks like unrendered Markdown, with the pattern's name."""
    parser = _VisibleText()
    parser.feed(html_file.read_text(encoding="utf-8"))
    found = []
    for block in parser.blocks:
        text = block.strip()
        for name, pattern in RAW.items():
            if pattern.search(text):
                found.append(f"{name}: {text[:80]}")
    return found


def _page_of(doc: Path) -> str:
    rel = doc.relative_to(ROOT / "docs").with_suffix("")
    if rel.name == "index":
        rel = rel.parent
    return (rel.as_posix() + "/") if str(rel) != "." else ""


HAND_WRITTEN = sorted(_page_of(p) for p in (ROOT / "docs").rglob("*.md"))


@pytest.mark.parametrize("page", HAND_WRITTEN, ids=[p or "start" for p in HAND_WRITTEN])
def test_hand_written_page_shows_no_raw_markdown(built_site, page):
    assert raw_markdown(built_site / page / "index.html") == []


def test_the_scan_finds_raw_markdown(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<article><p>**fett** und [Titel](https://x)</p><p>{: .x }</p><li># Titel</li>"
                    "<code>**code** ist erlaubt</code></article><p>**außerhalb**</p>", encoding="utf-8")
    assert [f.split(":")[0] for f in raw_markdown(page)] == ["bold", "link", "attr_list", "heading"]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    """Every generated page type, from the fixture records of tests/formats_projekt.py (plain text with
    `<`, `&` and quotes, but no Markdown)."""
    from conftest import mkdocs_build
    from formats_projekt import formats_project

    tmp = tmp_path_factory.mktemp("markdown-scan")
    result = mkdocs_build(formats_project(tmp), tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


@pytest.mark.slow
def test_generated_pages_show_no_raw_markdown_or_doubly_escaped_text(fixture_site):
    pages = sorted(fixture_site.rglob("index.html"))
    assert len(pages) > 20
    found = {str(p.relative_to(fixture_site)): raw for p in pages if (raw := raw_markdown(p))}
    assert found == {}
