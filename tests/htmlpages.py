"""Reading the built site as a browser would: pages, their links, ids and titles, via html.parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


@dataclass
class HtmlPage:
    path: Path
    title: str = ""
    h1: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # href of <a>, src/href of assets
    edit_url: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


class _Parser(HTMLParser):
    def __init__(self, page: HtmlPage):
        super().__init__(convert_charrefs=True)
        self.page = page
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.page.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.page.ids.add(a["name"])
        if tag == "a" and a.get("href"):
            self.page.links.append(a["href"])
            if a.get("rel") == "edit":
                self.page.edit_url = a["href"]
        if tag in ("script", "img", "iframe") and a.get("src"):
            self.page.links.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") in ("stylesheet", "icon", "canonical"):
            if a.get("rel") != "canonical":
                self.page.links.append(a["href"])
        if tag == "meta" and a.get("name"):
            self.page.meta[a["name"]] = a.get("content", "")
        if tag in ("title", "h1"):
            self._in = tag
            if tag == "h1":
                self.page.h1.append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.page.title += data
        elif self._in == "h1":
            self.page.h1[-1] += data


def parse_page(path: Path) -> HtmlPage:
    page = HtmlPage(path)
    _Parser(page).feed(path.read_text(encoding="utf-8"))
    page.title = page.title.strip()
    page.h1 = [h.replace("¶", "").strip() for h in page.h1]
    return page


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
