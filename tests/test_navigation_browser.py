"""The editors' guide in headless Chromium: no axe-core violation, no request off 127.0.0.1."""

from __future__ import annotations

import pytest
from conftest import axe_violations

GUIDE_PAGES = ["redaktion/", "redaktion/massnahme/", "redaktion/beitrag/", "redaktion/bilder/",
               "redaktion/feldreferenz/", "redaktion/fehlermeldungen/", "redaktion/veroeffentlichen/"]


@pytest.mark.browser
@pytest.mark.parametrize("path", GUIDE_PAGES, ids=GUIDE_PAGES)
def test_guide_page_is_accessible_and_stays_on_the_site(page_with_log, base_url, path):
    page, log = page_with_log
    response = page.goto(base_url + path, wait_until="networkidle")
    assert response is not None and response.status == 200
    assert page.locator("h1").count() == 1
    violations = axe_violations(page)
    assert violations == []
    assert log.foreign == []


@pytest.mark.browser
def test_guide_is_reached_from_the_footer_not_the_menu(page_with_log, base_url):
    page, _ = page_with_log
    page.goto(base_url, wait_until="networkidle")
    assert page.locator("nav.md-nav--primary").get_by_role("link", name="Feldreferenz").count() == 0
    page.locator("footer").get_by_role("link", name="Für die Redaktion").click()
    page.wait_for_load_state("networkidle")
    assert page.url == base_url + "redaktion/"
    page.locator("article").get_by_role("link", name="Feldreferenz").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == base_url + "redaktion/feldreferenz/"
    assert page.locator("table").count() >= 6
