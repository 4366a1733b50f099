"""Every page can be reached from the start page; the sidebar and footer lead to every section and legal page."""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any

import yaml

from bench.htmltree import parse_html
from helpers import FIXTURE_CONTENT, ROOT, article, resolve, within

MAX_CLICKS = 4
LEGAL_PAGES = ("impressum", "datenschutz", "barrierefreiheit")


def links_of(path: Path, *containers: str) -> list[str]:
    """Link targets of a page; with `containers` (e.g. "nav", "footer") only those inside them."""
    root = parse_html(path)
    return [a.href for a in (within(root, *containers) if containers else root.find_all("a")) if a.href]


def url_of(site: Path, base: str, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def crawl(site: Path, base: str, nav_only: bool) -> dict[Path, int]:
    """Pages reached from the start page, with the number of clicks it takes."""
    start = site / "index.html"
    clicks = {start: 0}
    queue = deque([start])
    while queue:
        page = queue.popleft()
        for href in links_of(page, "nav", "footer") if nav_only else links_of(page):
            target, _ = resolve(site, base, url_of(site, base, page), href)
            if target is not None and target.suffix == ".html" and target.is_file() and target not in clicks:
                clicks[target] = clicks[page] + 1
                queue.append(target)
    return clicks


def nav_pages(site: Path) -> set[Path]:
    """The built pages of every entry in mkdocs.yml's nav."""

    class Loader(yaml.SafeLoader):  # a subclass, so the shared SafeLoader stays untouched
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)  # site_url and repo_url: not needed here
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    pages: set[Path] = set()

    def walk(entries: list[Any]) -> None:  # mkdocs.yml's nav as YAML reads it
        for entry in entries:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            if isinstance(value, list):
                walk(value)
            elif isinstance(value, str) and value.endswith(".md"):
                stem = value[: -len(".md")]
                pages.add(
                    site
                    / (
                        "index.html"
                        if stem == "index"
                        else f"{stem[: -len('index')]}index.html"
                        if stem.endswith("/index")
                        else f"{stem}/index.html"
                    )
                )

    walk(config["nav"])
    return pages


def test_navigation_sidebar_and_footer_reach_every_nav_page(built_site: Path, base_url: str) -> None:
    reached = crawl(built_site, base_url, nav_only=True)
    expected = nav_pages(built_site)
    assert built_site / "offensive/meilensteine/index.html" in expected
    assert sorted(p.relative_to(built_site).as_posix() for p in expected - set(reached)) == []


def test_navigation_reaches_every_page_within_a_few_clicks(built_site: Path, base_url: str) -> None:
    reached = crawl(built_site, base_url, nav_only=False)
    pages = {p for p in built_site.rglob("*.html") if p.name != "404.html"}
    unreachable = sorted(p.relative_to(built_site).as_posix() for p in pages - set(reached))
    too_deep = sorted(p.relative_to(built_site).as_posix() for p, n in reached.items() if n > MAX_CLICKS)
    assert unreachable == [] and too_deep == []


def test_navigation_footer_links_legal_pages_on_every_page(built_site: Path, base_url: str) -> None:
    for page in sorted(built_site.rglob("*.html")):
        if page.name == "404.html":
            continue
        targets = {
            resolve(built_site, base_url, url_of(built_site, base_url, page), href)[0]
            for href in links_of(page, "footer")
        }
        missing = [name for name in LEGAL_PAGES if built_site / name / "index.html" not in targets]
        assert missing == [], page.relative_to(built_site).as_posix()


def test_legal_pages_exist_and_name_the_operator(built_site: Path) -> None:
    betreiber = yaml.safe_load((FIXTURE_CONTENT / "betreiber.yml").read_text(encoding="utf-8"))
    for name in (*LEGAL_PAGES, "kontakt"):
        text = article(built_site / name / "index.html").text
        assert betreiber["name"] in text, name
        assert betreiber["anschrift"]["ort"] in text, name


def test_header_buttons_have_german_accessible_names_on_every_page(built_site: Path) -> None:
    """Material's header buttons (the menu and the search: labels with an icon only) hold a span with
    role="button" and a German name (overrides/partials/header.html), so a screen reader can announce them."""
    for path in sorted(built_site.rglob("*.html")):
        header = parse_html(path).find("header", cls="md-header")
        assert header is not None, path
        names = {}
        for label in header.find_all("label", cls="md-header__button"):
            button = label.find("span")
            assert button is not None and button.attrs.get("role") == "button", path
            names[label.attrs.get("for")] = button.attrs.get("aria-label")
        assert names == {"__drawer": "Menü öffnen", "__search": "Suche öffnen"}, path
