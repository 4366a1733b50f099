"""Every kind of page of the fixture site in headless Chromium, from one table: it answers, has one h1, passes
axe-core, asks no other host and loads every asset it names."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from conftest import axe_violations


class Check(NamedTuple):
    path: str
    status: int = 200
    wait_for: str | None = None  # a selector to wait for before axe runs (e.g. a map filled by script)


MAP_LOADED = ".ogi-karte [data-ogi-geladen]"

# One row per kind of page: generated pages, hand-written pages, the editors' guide, the 404 page.
BROWSER_CHECKS = {
    "start": Check(""),
    "inhaltsseite": Check("offensive/bausteine/"),
    "zeitleiste": Check("offensive/meilensteine/"),
    "massnahmen-index": Check("massnahmen/", wait_for=MAP_LOADED),
    "massnahme-kommune": Check("massnahmen/test-herne-park/"),
    "massnahme-punkt": Check("massnahmen/test-punkt-exakt/"),
    "massnahme-linie": Check("massnahmen/test-linie-ungefaehr/"),
    "massnahme-flaeche": Check("massnahmen/test-flaeche-exakt/"),
    "kommunen-index": Check("kommunen/"),
    "kommune": Check("kommunen/herne/", wait_for=MAP_LOADED),
    "tagung": Check("tagung-2020/"),
    "beitrag": Check("tagung-2020/test-grusswort/"),
    "beitrag-mit-zeit": Check("tagung-2020/test-vortrag-mit-zeit/"),
    "referierende": Check("tagung-2020/referierende/"),
    "session": Check("tagung-2020/sessions/plenum/"),
    "kontakt": Check("kontakt/"),
    "impressum": Check("impressum/"),
    "datenschutz": Check("datenschutz/"),
    "barrierefreiheit": Check("barrierefreiheit/"),
    "leichte-sprache": Check("leichte-sprache/"),
    **{f"redaktion-{name or 'start'}": Check(f"redaktion/{name}") for name in (
        "", "massnahme/", "beitrag/", "bilder/", "feldreferenz/", "fehlermeldungen/", "veroeffentlichen/")},
    "nicht-gefunden": Check("gibt-es-nicht/", status=404),
}


@pytest.mark.browser
@pytest.mark.parametrize("check", BROWSER_CHECKS.values(), ids=BROWSER_CHECKS.keys())
def test_page_is_accessible_and_stays_on_the_site(page_with_log, base_url, check: Check):
    page, log = page_with_log
    url = base_url + check.path
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 and r.url != url else None)
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.status == check.status
    if check.wait_for:
        page.wait_for_selector(check.wait_for, state="attached")
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
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
