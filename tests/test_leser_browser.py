"""The site as readers meet it, in headless Chromium on fixture content (tests/leser_fixture.py):
the ways in above the fold on desktop and phone, tables readable on phones without sideways scrolling
or words broken mid-word, and the way back from a measure to its list and its Kommune."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import TYPE_CHECKING

import pytest

from helpers import Tabs, axe_violations, goto_drawn

if TYPE_CHECKING:
    from playwright.sync_api import Page

VIEWPORTS = {"desktop": (1366, 768), "phone": (390, 844)}
DOORS = ("Maßnahmen und Karte", "Meine Kommune", "Veranstaltungen")
TABLE_PAGES = [
    "massnahmen/",
    "kommunen/",
    "offensive/aktionsprogramm/",
    "redaktion/",
    "redaktion/feldreferenz/",
    "redaktion/fehlermeldungen/",
]

# For every word in a table cell (hyphens and slashes are break points of their own, as in print):
# does the browser lay it out on more than one line?
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('article table td, article table th')) {
    if (cell.offsetParent === null) continue;  // visually hidden header row
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/[^\\s\\-\\u2010\\/:.]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""


@pytest.fixture
def open_page(tabs: Tabs) -> Iterator[Callable[[int, int], Page]]:
    with ExitStack() as visits:

        def opener(width: int, height: int) -> Page:
            page, _ = visits.enter_context(tabs.visit(viewport={"width": width, "height": height}))
            return page

        yield opener


@pytest.mark.browser
@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_start_page_shows_the_three_ways_in_above_the_fold(
    open_page: Callable[[int, int], Page], leser_url: str, viewport: tuple[int, int]
) -> None:
    width, height = viewport
    page = open_page(width, height)
    goto_drawn(page, leser_url)
    for name in DOORS:
        door = page.get_by_role("navigation", name="Einstiege").get_by_role("link", name=name)
        box = door.bounding_box()
        assert box is not None and box["y"] + box["height"] <= height, (name, box)
    picture = page.locator("figure.ogi-region img")
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
    assert "Hamm" in (picture.get_attribute("alt") or "")
    assert axe_violations(page) == []


@pytest.mark.browser
def test_door_leads_to_my_kommune_and_back_from_a_measure(
    open_page: Callable[[int, int], Page], leser_url: str
) -> None:
    page = open_page(390, 844)
    # Each click must lead to its page: waiting for that address is the check (it fails after its timeout).
    page.goto(leser_url)
    page.get_by_role("link", name="Meine Kommune").click()
    page.wait_for_url(leser_url + "kommunen/")
    page.goto(leser_url + "massnahmen/hamm-fledermaeuse/")
    page.get_by_role("navigation", name="Zurück zur Übersicht").get_by_role("link", name="Maßnahmen in Hamm").click()
    page.wait_for_url(leser_url + "kommunen/hamm/")
    page.go_back()
    page.get_by_role("navigation", name="Zurück zur Übersicht").get_by_role("link", name="Alle Maßnahmen").click()
    page.wait_for_url(leser_url + "massnahmen/")


@pytest.mark.browser
@pytest.mark.parametrize("path", TABLE_PAGES, ids=TABLE_PAGES)
def test_tables_fit_a_phone_without_breaking_words(
    open_page: Callable[[int, int], Page], leser_url: str, path: str
) -> None:
    # The narrowest phone only: 320 and 390 px share Material's phone layout (below 480 px) and this site's
    # (below 500 px), so a table that fits 320 px without a broken word fits 390 px, where it has more room.
    width = 320
    page = open_page(width, 844)
    goto_drawn(page, leser_url + path)
    assert page.locator("article table").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    overflowing = page.evaluate("""() => [...document.querySelectorAll('article table, article .md-typeset__scrollwrap')]
        .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.outerHTML.slice(0, 80))""")
    assert overflowing == []
    assert page.evaluate(BROKEN_WORDS) == []


@pytest.mark.browser
def test_tables_keep_words_whole_on_a_laptop(open_page: Callable[[int, int], Page], leser_url: str) -> None:
    """At 1280 px both sidebars take their room and the content is at its narrowest on a desktop: Material lets
    links and code break anywhere, which cut titles and field names mid-word ("Erlebnisrout|e")."""
    page = open_page(1280, 800)
    for path in TABLE_PAGES:
        page.goto(leser_url + path, wait_until="networkidle")
        assert page.locator("article table").count() >= 1, path
        assert (path, page.evaluate(BROKEN_WORDS)) == (path, [])
        overflowing = page.evaluate("""() => [...document.querySelectorAll('article .md-typeset__scrollwrap, article .ogi-tabelle')]
            .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.outerHTML.slice(0, 80))""")
        assert (path, overflowing) == (path, [])


@pytest.mark.browser
def test_measures_list_on_a_phone_names_every_value(open_page: Callable[[int, int], Page], leser_url: str) -> None:
    page = open_page(390, 844)
    goto_drawn(page, leser_url + "massnahmen/")
    row = page.locator("table.ogi-massnahmen tbody tr").filter(has_text="Winterquartier")
    labels = row.locator("td").evaluate_all("cells => cells.map(c => getComputedStyle(c, '::before').content)")
    assert labels[1:] == ['"Kommune: "', '"Träger: "', '"Status: "', '"Fertiggestellt: "', '"Förderung: "']
    assert row.locator("td").nth(2).inner_text() == "Naturschutzverein Beispielaue"
    assert axe_violations(page) == []


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "tab"),
    [
        ("massnahmen/hamm-fledermaeuse/", "Maßnahmen"),
        ("kommunen/hamm/", "Maßnahmen"),
        ("tagung-2020/sessions/plenum/", "Veranstaltungen"),
    ],
    ids=["massnahme", "kommune", "session"],
)
def test_menu_shows_where_the_reader_is(
    open_page: Callable[[int, int], Page], leser_url: str, path: str, tab: str
) -> None:
    page = open_page(1366, 768)
    goto_drawn(page, leser_url + path)
    active = page.locator(".md-tabs__item--active")
    assert active.count() == 1 and active.inner_text().strip() == tab
    assert active.evaluate("el => getComputedStyle(el.querySelector('a')).textDecorationLine") == "underline"
