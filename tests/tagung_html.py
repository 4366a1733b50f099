"""The parts of a built conference page the tests look at: headings and links in document order."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Element:
    tag: str  # "a", "h1" … "h4"
    attrs: dict[str, str]
    text: str = ""

    @property
    def href(self) -> str:
        return self.attrs.get("href", "")


class _ContentParser(HTMLParser):
    """Collects headings and links inside the page's <article> (the content, not the navigation)."""

    WATCHED = ("a", "h1", "h2", "h3", "h4")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._article = 0
        self._open: list[Element] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._article += 1
        if self._article and tag in self.WATCHED:
            element = Element(tag, {k: v or "" for k, v in attrs})
            if "headerlink" in element.attrs.get("class", ""):
                element.tag = "permalink"
            self.elements.append(element)
            self._open.append(element)

    def handle_endtag(self, tag):
        if tag == "article":
            self._article -= 1
        if self._open and self._open[-1].tag in (tag, "permalink") and tag in self.WATCHED:
            self._open.pop()

    def handle_data(self, data):
        for element in self._open:
            if element.tag != "permalink":
                element.text += data


def content(path: Path) -> list[Element]:
    """Headings and links of the article, in order; link texts and heading texts whitespace-normalised."""
    parser = _ContentParser()
    parser.feed(path.read_text(encoding="utf-8"))
    for element in parser.elements:
        element.text = " ".join(element.text.replace("¶", "").split())
    return [e for e in parser.elements if e.tag != "permalink"]


def links(path: Path) -> list[Element]:
    return [e for e in content(path) if e.tag == "a"]


def headings(path: Path, tag: str) -> list[Element]:
    return [e for e in content(path) if e.tag == tag]


class _FactParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pairs: list[list[str]] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "dt":
            self.pairs.append(["", ""])
        if tag in ("dt", "dd") and self.pairs:
            self._in = tag

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.pairs[-1][0 if self._in == "dt" else 1] += data


def facts(path: Path) -> dict[str, str]:
    """The page's fact list: label (<dt>) -> text (<dd>), e.g. {'Art': 'Workshop', 'Tag': 'Netzwerktag, …'}."""
    parser = _FactParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return {" ".join(k.split()): " ".join(v.split()) for k, v in parser.pairs}


class _NavParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[Element] = []
        self._open: Element | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and "md-nav__link" in a.get("class", "").split():
            self._open = Element(tag, a)
            self.links.append(self._open)

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open.text += data


def nav_links(path: Path) -> list[Element]:
    """Links of the site navigation (sidebar), texts whitespace-normalised."""
    parser = _NavParser()
    parser.feed(path.read_text(encoding="utf-8"))
    for link in parser.links:
        link.text = " ".join(link.text.split())
    return parser.links
