"""Every kind of page of the test sites in headless Chromium, from one table (PAGE_TYPES in tests/helpers.py):
it answers, has one h1, passes axe-core (on map pages also after consent), asks no other host, loads every
asset it names and runs no script from content."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from pytest import FixtureRequest

from helpers import PAGE_TYPES, PageType, Tabs, axe_violations, logged_page

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser, Dialog, Page, Response

    from helpers import RequestLog
    from karten_fixture import StubServer


def _base_url(request: FixtureRequest, site: str) -> str:
    """The address of a built and served test site (its fixture in tests/conftest.py)."""
    if site == "feindlich":
        hostile: tuple[Path, str] = request.getfixturevalue("hostile_site")
        return hostile[1]
    if site == "karten":
        stub: StubServer = request.getfixturevalue("karten_stub")
        return stub.url
    request.getfixturevalue("built_site")
    base_url: str = request.getfixturevalue("base_url")
    return base_url


@pytest.mark.browser
@pytest.mark.parametrize(
    "check",
    [pytest.param(t, marks=[pytest.mark.slow] if t.site == "feindlich" else []) for t in PAGE_TYPES.values()],
    ids=PAGE_TYPES.keys(),
)
def test_page_is_accessible_and_stays_on_the_site(tabs: Tabs, request: FixtureRequest, check: PageType) -> None:
    url = _base_url(request, check.site) + check.path
    failed: list[str] = []
    dialogs: list[str] = []

    def response(r: Response) -> None:
        if r.status >= 400 and r.url != url:
            failed.append(f"{r.status} {r.url}")

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    with tabs.visit(listeners={"response": response, "dialog": dismiss}) as (page, log):  # a script error fails too
        _check(page, url, check)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert dialogs == []
        assert log.foreign == []
        # Every asset the page asked for was served: a missing CSS or script would break it silently.
        assert failed == []


def _check(page: Page, url: str, check: PageType) -> None:
    # On load, not network idle: the idle half second passes while axe-core runs, and is awaited below
    # before the requests are judged.
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == check.status
    if check.wait_for:
        page.wait_for_selector(check.wait_for, state="attached")
    if check.tab_through:
        for _ in range(12):  # focus handlers (autofocus, onfocus) would fire while tabbing through
            page.keyboard.press("Tab")
        page.mouse.move(400, 400)
        page.wait_for_timeout(200)
    assert page.locator("h1").count() == 1
    if check.axe:
        assert axe_violations(page) == []
    if check.consent:
        page.click(".ogi-karte-consent__knopf")
        page.wait_for_selector(".leaflet-tile-loaded")
        assert axe_violations(page) == []
    page.wait_for_load_state("networkidle")


@pytest.mark.browser
def test_search_finds_a_measure_in_german(page_with_log: tuple[Page, RequestLog], base_url: str) -> None:
    page, log = page_with_log
    page.goto(base_url, wait_until="networkidle")
    page.get_by_role("textbox", name="Suche").first.click()
    page.keyboard.type("Fledermäuse")
    result = page.locator(".md-search-result__item").first
    result.wait_for(timeout=10000)
    assert "Fledermäuse" in result.inner_text()
    assert log.foreign == []


@pytest.mark.browser
def test_error_free_page_shows_no_error_box(page_with_log: tuple[Page, RequestLog], base_url: str) -> None:
    page, _ = page_with_log
    page.goto(base_url + "massnahmen/", wait_until="networkidle")
    assert page.locator(".admonition.failure").count() == 0


@pytest.mark.browser
def test_request_log_blocks_and_names_every_request_to_another_host(browser: Browser, base_url: str) -> None:
    # The check "no request to another host" of every browser test: only foreign requests are routed through
    # the test process; the log must still see each of them, and every local one.
    foreign = ["https://fremd.example/bild.png", "http://127.0.0.1.fremd.example/bild.png"]
    with logged_page(browser) as (page, log):
        images = "".join(f'<img src="{url}" alt="">' for url in [*foreign, base_url + "bild.png"])
        page.set_content(f"<!doctype html><title>t</title>{images}", wait_until="load")
        assert sorted(log.foreign) == sorted(foreign)
        assert sorted(log.urls) == sorted([*foreign, base_url + "bild.png"])
        assert page.evaluate("[...document.images].every(i => i.naturalWidth === 0)")


@pytest.mark.browser
def test_a_kept_tab_forgets_the_last_visit(tabs: Tabs, built_site: Path, base_url: str) -> None:
    # Tests share a tab per module (tests/helpers.py Tabs); one test's choices must not reach the next.
    heard: list[str] = []
    with tabs.visit(listeners={"response": lambda r: heard.append(r.url)}) as (page, _):
        page.goto(base_url + "datenschutz/")
        page.evaluate("localStorage.setItem('ogi-test', 'ja'); sessionStorage.setItem('ogi-test', 'ja')")
        page.set_viewport_size({"width": 400, "height": 500})
        page.route("**/*.css", lambda route: route.abort())
    first_visit = list(heard)
    with tabs.visit() as (page, log):
        assert log.urls == []
        assert page.viewport_size == {"width": 1280, "height": 900}
        page.goto(base_url + "datenschutz/")
        assert page.evaluate("[localStorage.getItem('ogi-test'), sessionStorage.getItem('ogi-test')]") == [None, None]
        assert any(url.endswith(".css") for url in log.urls)
        assert base_url + "datenschutz/" in first_visit and heard == first_visit  # its listener went with it
        assert page.evaluate("[...document.styleSheets].some(s => s.href && s.cssRules.length > 0)")


@pytest.mark.browser
def test_a_script_error_in_a_kept_tab_fails_the_test(tabs: Tabs, built_site: Path, base_url: str) -> None:
    with pytest.raises(AssertionError), tabs.visit() as (page, _):
        page.goto(base_url + "datenschutz/")
        page.evaluate("setTimeout(() => { throw new Error('kaputt'); })")
        page.wait_for_timeout(100)
