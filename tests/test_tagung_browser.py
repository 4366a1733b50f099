"""The conference archive in headless Chromium: accessible, no request off 127.0.0.1, prints in one column."""

from __future__ import annotations

import pytest
from conftest import axe_violations

PAGES = {
    "programm": "tagung-2020/",
    "beitrag": "tagung-2020/grusswort-heinen-esser/",
    "referierende": "tagung-2020/referierende/",
    "session": "tagung-2020/sessions/fachtagung/",
}


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_tagung_page_has_no_axe_violation_and_stays_on_the_site(page_with_log, base_url, path):
    page, log = page_with_log
    response = page.goto(base_url + path, wait_until="networkidle")
    assert response is not None and response.status == 200
    violations = axe_violations(page)
    assert violations == []
    assert log.foreign == []


@pytest.mark.browser
def test_tagung_programme_prints_in_one_column_without_navigation(page_with_log, base_url):
    page, log = page_with_log
    page.goto(base_url + "tagung-2020/", wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    viewport = page.viewport_size["width"]
    content = page.locator(".md-content").bounding_box()
    assert content["x"] < 0.1 * viewport and content["width"] > 0.8 * viewport
    days = page.locator("h3").all()
    assert [d.inner_text().strip() for d in days][:2] == ["Netzwerktag: 26.11.2020, 09:00–13:00 Uhr",
                                                          "Fachtagung: 27.11.2020, 09:00–13:00 Uhr"]
    assert log.foreign == []
