"""Test helpers in one place: project copies and builds, one HTML parser with small queries, URL resolution.

Tests build the generator on the fixture content in tests/fixtures/site/content (records of the tests' own)
and check the shipped content/ only for what holds for any valid content (tests/test_shipped_content.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bench.htmltree import Node, parse_html
from bench.synthetic import copy_sources

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_ROOT = ROOT / "tests/fixtures/site"  # a project root holding only content/: load_site() reads it as is
FIXTURE_CONTENT = FIXTURE_ROOT / "content"
STANDARDS = ROOT / "tests/standards"
CHROMIUM = "/usr/bin/chromium"
SUBPATH = "/gruene-infrastruktur/"  # as on GitHub Pages: https://org.github.io/<repo>/
BUILD_EPOCH = "1764000000"
TEST_REPO_URL = "https://github.com/beispiel/gruene-infrastruktur"  # test data: the operator sets the real one
TAGUNG = "content/tagung-2020"


# --- projects and builds --------------------------------------------------------------------------------


def copy_project(dest: Path, content: Path = FIXTURE_CONTENT) -> Path:
    """A project at `dest` to change freely in a test: the repository's sources plus `content` (fixture by default)."""
    copy_sources(dest, ROOT)
    shutil.copytree(content, dest / "content")
    return dest


def copy_shipped_project(dest: Path) -> Path:
    """Like copy_project, with the shipped content/ (for checks that hold for any valid content)."""
    return copy_project(dest, ROOT / "content")


def mkdocs_build(project: Path, dest: Path, site_url: str = "http://127.0.0.1:8000/",
                 **env: str) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` on `project` into `dest`."""
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH, "SITE_URL": site_url,
                                "REPO_URL": TEST_REPO_URL} | env
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project / "mkdocs.yml"),
         "--site-dir", str(dest)],
        capture_output=True, text=True, env=environment, cwd=project,
    )


def replace_in(path: Path, old: str, new: str) -> Path:
    """Replace the one occurrence of `old` in a text file; fails loudly when the fixture no longer has it."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path}: {old!r} kommt {text.count(old)}-mal vor"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def line_of(path: Path, line: str) -> int:
    """The 1-based number of the line `line` in a text file."""
    return path.read_text(encoding="utf-8").splitlines().index(line) + 1


def append_to_record(project: Path, name: str, yaml_text: str) -> int:
    """Append top-level keys to content/tagung-2020/<name>.yml; returns the number of its first new line."""
    record = project / TAGUNG / f"{name}.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text + yaml_text, encoding="utf-8")
    return text.count("\n") + 1


def fake_pdf(path: Path, size: int) -> Path:
    """A file that starts like a PDF and has `size` bytes (sparse, so large ones cost no disk)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.4\n%test\n")
        handle.truncate(size)
    return path


# --- HTML: one parser into a small tree (bench/htmltree.py), and the queries the tests need -------------

def article(path: Path) -> Node:
    """The page's content (Material's <article>), without navigation, header and footer."""
    found = parse_html(path).find("article")
    assert found is not None, f"{path}: kein <article>"
    return found


def article_links(path: Path) -> list[Node]:
    """Links of the page's content, in order (heading permalinks left out)."""
    return [a for a in article(path).find_all("a") if "headerlink" not in a.classes]


def article_elements(path: Path) -> list[Node]:
    """Headings (h1–h4) and links of the page's content in document order (heading permalinks left out)."""
    return [n for n in article(path).find_all("a", "h1", "h2", "h3", "h4") if "headerlink" not in n.classes]


def headings(path: Path, tag: str) -> list[Node]:
    """Headings `tag` ("h2", …) of the page's content, in order."""
    return article(path).find_all(tag)


def facts(source: Path | Node) -> dict[str, str]:
    """The fact lists of a page (or of a part of it): label (<dt>) -> text (<dd>), e.g. {'Art': 'Workshop'}."""
    pairs: dict[str, str] = {}
    for dl in (source if isinstance(source, Node) else parse_html(source)).find_all("dl"):
        label = None
        for child in dl.children:
            if isinstance(child, Node) and child.tag == "dt":
                label = child.text
            elif isinstance(child, Node) and child.tag == "dd" and label is not None:
                pairs[label] = child.text
    return pairs


def nav_links(path: Path) -> list[Node]:
    """Links of the site navigation (sidebar)."""
    return parse_html(path).find_all("a", cls="md-nav__link")


def tables(path: Path) -> list[list[list[str]]]:
    """Every table of the page as rows of cell texts."""
    return [[[cell.text for cell in row.find_all("td", "th")] for row in table.find_all("tr")]
            for table in parse_html(path).find_all("table")]


def within(root: Node, *tags: str) -> list[Node]:
    """Links (<a href>) inside any element `tags` (e.g. "nav", "footer"), each once, in document order."""
    inside = {id(a) for container in root.find_all(*tags) for a in container.find_all("a")}
    return [a for a in root.find_all("a") if id(a) in inside and a.href]


@dataclass
class HtmlPage:
    """What the link check and the page checks read from a built page."""

    path: Path
    title: str = ""
    h1: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # href of <a>, src/href of assets
    edit_url: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


def parse_page(path: Path) -> HtmlPage:
    """Title, h1 texts, ids, links and assets, edit link and <meta name> of a built page."""
    root = parse_html(path)
    page = HtmlPage(path)
    title = root.find("title")
    page.title = title.text if title else ""
    for n in root.iter():
        a = n.attrs
        if "id" in a:
            page.ids.add(a["id"])
        if n.tag == "a" and a.get("name"):
            page.ids.add(a["name"])
        if n.tag == "a" and a.get("href"):
            page.links.append(a["href"])
            if a.get("rel") == "edit":
                page.edit_url = a["href"]
        if n.tag in ("script", "img", "iframe") and a.get("src"):
            page.links.append(a["src"])
        if n.tag == "link" and a.get("href") and a.get("rel") in ("stylesheet", "icon"):
            page.links.append(a["href"])
        if n.tag == "meta" and a.get("name"):
            page.meta[a["name"]] = a.get("content", "")
        if n.tag == "h1":
            page.h1.append(n.text)
    return page


def asset_urls(source: Path | str) -> list[str]:
    """src/href of every <script>, <link> and <img>: what a page loads."""
    elements = parse_html(source).find_all("script", "link", "img")
    return [url for n in elements if (url := n.attrs.get("src") or n.attrs.get("href"))]


# --- URLs of the built site ------------------------------------------------------------------------------


def page_url(site: Path, path: Path, base: str) -> str:
    """The URL a file of the built site is served at, below `base` (ending in /)."""
    rel = path.relative_to(site).as_posix()
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return base + rel


def resolve(site: Path, base: str, from_url: str, href: str) -> tuple[Path | None, str]:
    """The file a same-site link points to (None if outside the site) and its fragment."""
    absolute = urljoin(from_url, href)
    parts = urlsplit(absolute)
    if not absolute.startswith(base):
        return None, ""
    rel = unquote(parts.path[len(urlsplit(base).path):])
    target = site / rel
    if rel == "" or rel.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


def target(site: Path, page: Path, href: str) -> Path:
    """The file a relative link on `page` (a file of the built site) points to."""
    base = "http://site/"
    found, _ = resolve(site, base, page_url(site, page, base), href)
    assert found is not None, href
    return found


# --- checks that hold for every built site (fixture and shipped) ----------------------------------------


def broken_links(site: Path, base: str) -> tuple[int, list[str]]:
    """Check every internal link and anchor of a built site served at `base`: (links checked, broken ones)."""
    pages = {p: parse_page(p) for p in site.rglob("*.html")}
    broken = []
    checked = 0
    for path, page in pages.items():
        here = page_url(site, path, base)
        for href in page.links:
            if href.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            found, fragment = resolve(site, base, here, href)
            if found is None:
                if href.startswith("http://127.0.0.1"):
                    broken.append(f"{path.relative_to(site)} → {href} (verlässt den Unterpfad)")
                continue
            checked += 1
            if not found.is_file():
                broken.append(f"{path.relative_to(site)} → {href} (keine Datei)")
            elif fragment and found.suffix == ".html":
                ids = pages[found].ids if found in pages else parse_page(found).ids
                if fragment not in ids:
                    broken.append(f"{path.relative_to(site)} → {href} (Anker fehlt)")
    return checked, broken


def heading_and_description_problems(site: Path) -> list[str]:
    """Pages of a built site without exactly one h1 or without a description (404.html aside)."""
    problems = []
    for path in sorted(site.rglob("*.html")):
        if path.name == "404.html":
            continue
        page = parse_page(path)
        if len(page.h1) != 1:
            problems.append(f"{path.relative_to(site)}: {len(page.h1)} h1")
        if not page.meta.get("description"):
            problems.append(f"{path.relative_to(site)}: keine Beschreibung")
    return problems
