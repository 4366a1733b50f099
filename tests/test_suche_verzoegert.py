"""The search index loads when a reader first opens search, not on every first visit (issue 24, item 8).

In headless Chromium on the leser fixture (tests/leser_fixture.py), served below a subpath as on GitHub Pages:
a first visit requests no search_index.json; opening search by click or by the `/` key loads it and finds a
fixture word; an address with `?h=` (a search result followed) still highlights the word. Without the changed
bundle (hooks/ogi/pages/lazy_search.py) every page requests the index, the sitemap and the search worker at once.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest

from helpers import Tabs
from ogi.pages.lazy_search import PATCHES, BundleChanged, Patch, is_bundle, lazy_search_bundle

INDEX = "search/search_index.json"
PAGES = ["", "massnahmen/", "massnahmen/hamm-fledermaeuse/"]
WORD, TITLE = "Fledermaus", "Winterquartier für Fledermäuse am Beispielbach"

MATERIAL = Path(str(importlib.metadata.distribution("mkdocs-material").locate_file("material/templates")))


def installed_bundle() -> tuple[str, str]:
    (path,) = (MATERIAL / "assets/javascripts").glob("bundle.*.min.js")
    return path.relative_to(MATERIAL).as_posix(), path.read_text(encoding="utf-8")


def test_the_installed_bundle_is_changed_in_each_place_once() -> None:
    name, bundle = installed_bundle()
    assert is_bundle(name) and not is_bundle(name + ".map")
    changed = lazy_search_bundle(bundle, name)
    for patch in PATCHES:
        assert patch.upstream not in changed and changed.count(patch.replacement) == 1
    assert len(changed) - len(bundle) == sum(len(p.replacement) - len(p.upstream) for p in PATCHES)


@pytest.mark.parametrize("times", [0, 2])
@pytest.mark.parametrize("patch", PATCHES, ids=["Suche", "Hervorhebung", "Worker", "Sitemap"])
def test_a_bundle_without_the_place_stops_the_build_with_what_to_check(times: int, patch: Patch) -> None:
    name, bundle = installed_bundle()
    other = bundle.replace(patch.upstream, patch.upstream * times)
    version = importlib.metadata.version("mkdocs-material")
    with pytest.raises(BundleChanged) as raised:
        lazy_search_bundle(other, name)
    message = str(raised.value)
    assert message.startswith(
        f"Material for MkDocs {version}: {name} enthält die Stelle „{patch.upstream}“ {times}-mal"
    )
    assert f"Ohne die Änderung lädt jede Seite beim ersten Aufruf {patch.without}." in message
    assert "hooks/ogi/pages/lazy_search.py" in message


def index_requests(urls: list[str]) -> list[str]:
    return [url for url in urls if url.split("?")[0].endswith(INDEX)]


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES, ids=["Startseite", "Übersicht", "Maßnahme"])
def test_a_first_visit_loads_no_search_index(tabs: Tabs, leser_url: str, path: str) -> None:
    with tabs.visit() as (page, log):
        page.goto(leser_url + path, wait_until="networkidle")
        page.wait_for_timeout(300)  # a request the page's script sends after the network settled
        assert index_requests(log.urls) == [], log.urls
        # nor the sitemap (one entry per page), which Material fetched for the feed's <link rel="alternate">
        assert not [url for url in log.urls if url.endswith("sitemap.xml")]
        # nor the search worker's script: it starts with the index
        assert not [url for url in log.urls if "/workers/search." in url]
        assert log.foreign == []


@pytest.mark.browser
@pytest.mark.parametrize("how", ["Klick", "Taste /"])
def test_opening_search_loads_the_index_and_finds_a_word(tabs: Tabs, leser_url: str, how: str) -> None:
    with tabs.visit() as (page, log):
        page.goto(leser_url, wait_until="networkidle")
        with page.expect_response(lambda response: response.url.endswith(INDEX)) as loaded:
            if how == "Klick":
                page.get_by_role("textbox", name="Suche").first.click()
            else:
                page.locator("body").press("/")
        assert loaded.value.ok
        assert loaded.value.url == leser_url + INDEX  # below the site's subpath
        page.keyboard.type(WORD)
        page.locator(".md-search-result__item h1, .md-search-result__item h2", has_text=TITLE).first.wait_for(
            timeout=10000
        )
        assert len(index_requests(log.urls)) == 1
        assert len([url for url in log.urls if "/workers/search." in url]) == 1


@pytest.mark.browser
def test_a_followed_result_still_highlights_its_word(tabs: Tabs, leser_url: str) -> None:
    """Material marks the searched word on the page a result leads to (`search.highlight`, `?h=`)."""
    with tabs.visit() as (page, _log):
        page.goto(leser_url + "massnahmen/hamm-fledermaeuse/?h=stollen")
        page.locator("mark[data-md-highlight]", has_text="Stollen").first.wait_for(timeout=10000)
