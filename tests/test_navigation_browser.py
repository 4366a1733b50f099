"""The editors' guide in the sidebar, in headless Chromium (its pages' axe checks: PAGE_TYPES in tests/helpers.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from helpers import RequestLog


@pytest.mark.browser
def test_guide_is_reached_from_the_footer_not_the_menu(page_with_log: tuple[Page, RequestLog], base_url: str) -> None:
    page, _ = page_with_log
    page.goto(base_url)
    assert page.locator("nav.md-nav--primary").get_by_role("link", name="Feldreferenz").count() == 0
    page.locator("footer").get_by_role("link", name="Anleitung zum Bearbeiten dieser Website").click()
    page.wait_for_url(base_url + "redaktion/")  # fails (after its timeout) when the link leads elsewhere
    page.locator("article").get_by_role("link", name="Feldreferenz").first.click()
    page.wait_for_url(base_url + "redaktion/feldreferenz/")
    assert page.locator("table").count() >= 6
