"""The editors' guide is valid HTML once rendered: placeholders such as <titel> in its prose are text, not elements."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from helpers import ROOT

GUIDE = sorted((ROOT / "docs/redaktion").glob("*.md"))
# The elements of HTML (WHATWG) that Markdown, its extensions or a guide author could produce.
HTML_ELEMENTS = frozenset(
    """a abbr b blockquote br button caption code dd del details div dl dt em figcaption figure
h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark nav ol p pre q s samp section small span strong sub summary sup table
tbody td tfoot th thead time tr u ul var""".split()
)


def extensions() -> list[str]:
    class Loader(yaml.SafeLoader):  # a subclass, so the shared SafeLoader stays untouched
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)


@pytest.mark.parametrize("page", GUIDE, ids=lambda p: p.stem)
def test_guide_page_renders_only_html_elements(page: Path) -> None:
    text = page.read_text(encoding="utf-8").split("---", 2)[-1]  # without the front matter
    parser = _Elements()
    parser.feed(markdown.markdown(text, extensions=extensions()))
    assert parser.names <= HTML_ELEMENTS, sorted(parser.names - HTML_ELEMENTS)
