"""One page of every page type in headless Chromium: no axe-core violation, no request off 127.0.0.1."""

from __future__ import annotations

import pytest
from conftest import axe_violations

PAGE_TYPES = {
    "start": "",
    "inhaltsseite": "offensive/bausteine/",
    "zeitleiste": "offensive/meilensteine/",
    "massnahmen-index": "massnahmen/",
    "massnahme": "massnahmen/boenen-bee-friendly/",
    "kommunen-index": "kommunen/",
    "kommune": "kommunen/oberhausen/",
    "tagung": "tagung-2020/",
    "beitrag": "tagung-2020/grusswort-heinen-esser/",
    "kontakt": "kontakt/",
    "impressum": "impressum/",
    "datenschutz": "datenschutz/",
    "barrierefreiheit": "barrierefreiheit/",
    "leichte-sprache": "leichte-sprache/",
    "nicht-gefunden": "gibt-es-nicht/",
}


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_page_type_is_accessible_and_stays_on_the_site(page_with_log, base_url, path):
    page, log = page_with_log
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 and r.url != base_url + path else None)
    response = page.goto(base_url + path, wait_until="networkidle")
    assert response is not None
    assert response.status == (404 if path == "gibt-es-nicht/" else 200)
    assert page.locator("h1").count() == 1
    violations = axe_violations(page)
    assert violations == []
    assert log.foreign == []
    # Every asset the page asked for was served: a missing CSS or script would break it silently.
    assert failed == []


@pytest.mark.browser
def test_search_finds_a_measure_in_german(page_with_log, base_url):
    page, log = page_with_log
    page.goto(base_url, wait_until="networkidle")
    page.get_by_role("textbox", name="Suche").first.click()
    page.keyboard.type("Fledermäuse")
    result = page.locator(".md-search-result__item").first
    result.wait_for(timeout=10000)
    assert "Fledermäuse" in result.inner_text()
    assert log.foreign == []


@pytest.mark.browser
def test_error_free_page_shows_no_error_box(page_with_log, base_url):
    page, _ = page_with_log
    page.goto(base_url + "massnahmen/", wait_until="networkidle")
    assert page.locator(".admonition.failure").count() == 0
