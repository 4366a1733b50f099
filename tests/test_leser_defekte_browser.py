"""Defects readers met on phones, by keyboard and with a screen reader (issue "Readers get their answers"),
each driven in headless Chromium on the fixture site."""

from __future__ import annotations

import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

from bench.htmltree import parse_html
from helpers import FIXTURE_ROOT, PAGE_TYPES, Tabs, goto_drawn, present

if TYPE_CHECKING:
    from playwright.sync_api import Page, ViewportSize

PHONE: ViewportSize = {"width": 390, "height": 844}
TABLET: ViewportSize = {
    "width": 1024,
    "height": 768,
}  # below Material's drawer break point (76.25em): the menu is a drawer
DESKTOP: ViewportSize = {"width": 1366, "height": 768}
# Each event's menu entry: its title, with the year when the title lacks it (ogi.navigation.menu_title).
EVENTS = {"tagung-2020": "Testtagung zur Grünen Infrastruktur (2020)", "testtag-2022": "Testtag 2022"}
TALKS = {"tagung-2020": "tagung-2020/test-grusswort/", "testtag-2022": "testtag-2022/test-eroeffnung/"}

# Where the focus is, and whether a reader can see it there.
FOCUS = """() => {
  const e = document.activeElement;
  const r = e.getBoundingClientRect();
  const shown = e.checkVisibility({opacityProperty: true, visibilityProperty: true});
  return {tag: e.tagName, cls: String(e.className), text: (e.textContent || "").trim().slice(0, 40),
          shown: shown && r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth,
          inMap: !!e.closest(".ogi-karte__rahmen")};
}"""


# Material fades the skip link in and slides the drawer: judge what the reader sees once it rests.
# Two frames first: Material opens the search a moment after its field got the focus. A link's change of
# colour on focus (a quarter second on most tab stops) moves nothing and hides nothing: not waited for.
SETTLE = """async () => {
  const frame = () => new Promise(done => requestAnimationFrame(done));
  const colour = a => a instanceof CSSTransition && /(^|-)color$/.test(a.transitionProperty);
  await frame();
  await frame();
  const until = performance.now() + 5000;
  while (document.getAnimations().some(a => a.playState === 'running' && !colour(a))) {
    if (performance.now() > until) throw new Error('Nach 5 s laufen noch Animationen');
    await frame();
  }
}"""


def settle(page: Page) -> None:
    page.evaluate(SETTLE)


def tab_stops(page: Page, count: int) -> list[dict[str, Any]]:
    stops: list[dict[str, Any]] = []  # what FOCUS reports from the page, as JSON
    settled_focus = f"async () => {{ await ({SETTLE})(); return ({FOCUS})(); }}"  # one round trip a stop, not three
    for _ in range(count):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(settled_focus))
    return stops


@pytest.mark.browser
def test_filter_hides_rows_on_phones_where_rows_are_cards(tabs: Tabs, built_site: Path, base_url: str) -> None:
    with tabs.visit(viewport=PHONE) as (page, _):
        goto_drawn(page, base_url + "massnahmen/?status=abgeschlossen")
        expect(page.locator("#ogi-filter-ergebnis")).to_contain_text("3 von 7")
        rows = page.locator("table.ogi-massnahmen tbody tr")
        assert rows.count() == 7
        assert sum(rows.nth(i).is_visible() for i in range(7)) == 3


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_every_event_is_in_the_menu_and_its_pages_highlight_it(
    tabs: Tabs, built_site: Path, base_url: str, viewport: ViewportSize
) -> None:
    with tabs.visit(viewport=viewport) as (page, _):
        for folder, title in EVENTS.items():
            for path in (f"{folder}/", TALKS[folder]):
                page.goto(base_url + path)
                menu = page.locator("nav.md-nav--primary")
                if viewport is PHONE:
                    page.get_by_role("button", name="Menü öffnen").click()
                    settle(page)
                links = menu.locator("a.md-nav__link")
                targets = links.evaluate_all("links => links.map(a => a.href)")
                for other, other_title in EVENTS.items():  # every event, in the drawer too
                    assert targets.count(base_url + other + "/") == 1, (path, other)
                    # (the current page's entry shows as the label that opens its contents)
                    shown = menu.locator(".md-nav__link", has_text=other_title).filter(visible=True)
                    assert shown.count() >= 1, (path, other)
                # the entry of the page, or of the event a page not in the menu belongs to
                active = menu.locator("li.md-nav__item--active:not(.md-nav__item--nested) > a.md-nav__link")
                assert [t.strip() for t in active.all_inner_texts()] == [title], path


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["390", "1024"])
def test_closed_drawer_takes_no_focus_and_the_menu_button_does(
    tabs: Tabs, built_site: Path, base_url: str, viewport: ViewportSize
) -> None:
    with tabs.visit(viewport=viewport) as (page, _):
        page.goto(base_url + "offensive/bausteine/")
        if viewport is TABLET:  # at 390 px the next test tabs through the same page's first 25 stops
            assert [s for s in tab_stops(page, 12) if not s["shown"]] == []
            page.reload()
        button = page.get_by_role("button", name="Menü öffnen")
        for _ in range(6):
            page.keyboard.press("Tab")
            if button.evaluate("b => b === document.activeElement"):
                break
        else:
            pytest.fail("Der Menüknopf ist mit Tab nicht erreichbar")
        page.keyboard.press("Enter")
        assert page.locator("#__drawer").is_checked()
        page.wait_for_function("!!document.activeElement.closest('.md-sidebar--primary')")
        settle(page)
        assert page.evaluate(FOCUS)["shown"]
        assert page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
            return e.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)); }""")
        page.keyboard.press("Escape")
        assert not page.locator("#__drawer").is_checked()
        assert button.evaluate("b => b === document.activeElement")


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_every_tab_stop_is_visible_and_the_search_field_shows_focus(
    tabs: Tabs, built_site: Path, base_url: str, viewport: ViewportSize
) -> None:
    with tabs.visit(viewport=viewport) as (page, _):
        page.goto(base_url + "offensive/bausteine/")
        stops = tab_stops(page, 25)
        assert [s for s in stops if not s["shown"]] == []
        field = page.locator("input.md-search__input")
        field.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # focus by keyboard: :focus-visible
        ring = field.evaluate(
            "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
        )
        assert (ring[0] != "none" and ring[1] != "0px") or ring[2] != "none", ring


@pytest.mark.browser
@pytest.mark.parametrize("name", ["massnahmen-index", "kommune", "massnahme-punkt"])
def test_a_skip_link_leads_past_each_map_and_its_kommune_labels_are_hidden_from_assistive_technology(
    tabs: Tabs, built_site: Path, base_url: str, name: str
) -> None:
    with tabs.visit(viewport=DESKTOP) as (page, _):
        page.goto(base_url + PAGE_TYPES[name].path)
        page.wait_for_function("document.querySelectorAll('.ogi-ortsname').length === 53")
        assert page.get_by_role("tooltip").count() == 0
        assert page.get_by_role("region", name="Karte").count() == 1  # the map keeps its one text alternative
        skip = page.get_by_role("link", name="Karte überspringen")
        assert skip.count() == 1
        skip.focus()
        settle(page)
        assert page.evaluate(FOCUS)["shown"]  # visible once it has the focus
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        after = page.evaluate(FOCUS)
        assert not after["inMap"], after


@pytest.mark.browser
@pytest.mark.parametrize("name", ["start", "massnahmen-index", "tagung", "beitrag", "impressum"])
def test_every_navigation_landmark_has_a_german_name(tabs: Tabs, built_site: Path, base_url: str, name: str) -> None:
    with tabs.visit(viewport=DESKTOP) as (page, _):
        goto_drawn(page, base_url + PAGE_TYPES[name].path)
        navs = page.get_by_role("navigation")
        names = [
            n.evaluate("""n => n.getAttribute('aria-label') ||
            (document.getElementById(n.getAttribute('aria-labelledby') || '') || {}).textContent || ''""").strip()
            for n in navs.all()
        ]
        assert len(names) >= 4 and "" not in names, names
        snapshot = page.locator("body").aria_snapshot()
        assert "- navigation:" not in snapshot and "- navigation\n" not in snapshot, "Navigation ohne Namen"


def test_logo_has_german_alt_text(built_site: Path) -> None:
    for path in (built_site / "index.html", built_site / "massnahmen/index.html"):
        logos = [img for img in parse_html(path).find_all("img") if img.attrs.get("src", "").endswith("logo.svg")]
        assert len(logos) == 2
        assert {img.attrs.get("alt") for img in logos} == {"Zeichen der Offensive Grüne Infrastruktur 2030"}


def test_no_style_inside_noscript(built_site: Path) -> None:
    for path in sorted(built_site.rglob("*.html")):
        for noscript in parse_html(path).find_all("noscript"):
            assert noscript.find("style") is None, path.relative_to(built_site).as_posix()


@pytest.mark.browser
def test_maps_stay_hidden_without_javascript(tabs: Tabs, built_site: Path, base_url: str) -> None:
    with tabs.visit(viewport=DESKTOP, java_script_enabled=False) as (page, _):
        for name, kept in {"massnahmen-index": "table.ogi-massnahmen", "massnahme-punkt": ".ogi-karte__text"}.items():
            page.goto(base_url + PAGE_TYPES[name].path)
            assert not page.locator(".ogi-karte__rahmen").first.is_visible(), name
            assert not page.get_by_role("link", name="Karte überspringen").is_visible(), name
            assert page.locator(kept).first.is_visible(), name


def test_favicon_answers(built_site: Path, base_url: str) -> None:
    # That no page asks for a missing file (a favicon, a stylesheet …) test_browser.py checks on every page type.
    with urllib.request.urlopen(base_url + "favicon.ico") as response:
        assert response.status == 200 and response.read(4) == b"\x00\x00\x01\x00"  # an ICO file


@pytest.mark.browser
@pytest.mark.parametrize("name", ["massnahmen-index", "massnahme-punkt", "kommune"])
def test_consent_on_phones_leaves_the_map_visible(tabs: Tabs, built_site: Path, base_url: str, name: str) -> None:
    with tabs.visit(viewport=PHONE) as (page, _):
        goto_drawn(page, base_url + PAGE_TYPES[name].path)
        consent = page.locator(".ogi-karte-consent").first
        assert consent.is_visible()
        box = present(consent.bounding_box())
        area = present(page.locator(".ogi-karte__rahmen .leaflet-container").first.bounding_box())
        overlap_x = max(0, min(box["x"] + box["width"], area["x"] + area["width"]) - max(box["x"], area["x"]))
        overlap_y = max(0, min(box["y"] + box["height"], area["y"] + area["height"]) - max(box["y"], area["y"]))
        assert overlap_x * overlap_y == 0
        assert area["height"] >= 250


def test_menu_gets_one_entry_per_event_and_keeps_an_entry_the_config_has() -> None:
    from ogi.pages.navigation import with_events
    from ogi.records.content import load_site

    events = load_site(FIXTURE_ROOT).veranstaltungen
    nav = [
        {"Start": "index.md"},
        {"Veranstaltungen": ["veranstaltungen/index.md", {"Eigener Name": "testtag-2022/index.md"}]},
    ]
    assert with_events(nav, events)[1]["Veranstaltungen"] == [
        "veranstaltungen/index.md",
        {"Eigener Name": "testtag-2022/index.md"},
        {EVENTS["tagung-2020"]: "tagung-2020/index.md"},
    ]
    assert with_events([{"Start": "index.md"}], events) == [{"Start": "index.md"}]  # no events' section: unchanged


def test_menu_entry_of_an_event_is_its_title_as_text() -> None:
    # Material prints menu titles as they are; an event's title is content (the hostile site's start page
    # ran a script from it before this).
    from dataclasses import replace

    from ogi.pages.navigation import with_events
    from ogi.records.content import load_site

    event = load_site(FIXTURE_ROOT).veranstaltungen[0]
    hostile = replace(event, tagung=event.tagung.model_copy(update={"titel": "<script>alert(1)</script>"}))
    (entry,) = with_events([{"Veranstaltungen": ["veranstaltungen/index.md"]}], [hostile])[0]["Veranstaltungen"][1:]
    assert str(next(iter(entry))) == "&lt;script&gt;alert(1)&lt;/script&gt; (2020)"
