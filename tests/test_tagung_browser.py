"""The conference archive in headless Chromium: prints in one column (axe checks: PAGE_TYPES in tests/helpers.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from helpers import present

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from helpers import RequestLog


@pytest.mark.browser
def test_tagung_programme_prints_in_one_column_without_navigation(
    page_with_log: tuple[Page, RequestLog], base_url: str
) -> None:
    page, log = page_with_log
    page.goto(base_url + "tagung-2020/", wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    viewport = present(page.viewport_size)["width"]
    content = present(page.locator(".md-content").bounding_box())
    assert content["x"] < 0.1 * viewport and content["width"] > 0.8 * viewport
    days = page.locator("h3").all()
    assert [d.inner_text().strip() for d in days][:2] == [
        "Werkstatttag: 26.11.2020, 09:00–13:00 Uhr",
        "Plenumstag: 27.11.2020, 09:00–13:00 Uhr",
    ]
    assert log.foreign == []
