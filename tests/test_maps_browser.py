"""Maps in headless Chromium on fixture content of their own (tests/karten_fixture.py): the base map without
consent, precision as areas, consent and tile failure on the map, page scrolling, keyboard, German labels,
filters in the address, empty results, maps under the navigation drawer, hostile names, axe-core."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from helpers import RequestLog, Tabs, page_types, present
from karten_fixture import HOSTILE, SLUGS, StubServer
from ogi.records.kommunen import OUTLINES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import FloatRect, Locator, Page

pytestmark = pytest.mark.browser

# One of each map page type (their axe-core checks before and after consent: PAGE_TYPES in tests/helpers.py).
PAGES = {name: t.path for name, t in page_types("karten").items() if t.consent}


@pytest.fixture
def page_log(tabs: Tabs, karten_stub: StubServer) -> Iterator[tuple[Page, RequestLog]]:
    with tabs.visit() as opened:
        yield opened


def _open(page: Page, url: str, idle: bool = False) -> None:
    """Open a map page and wait until its outlines are drawn. `idle`: and until the network has been quiet for
    half a second, for the tests that say a request did not happen or happened once (waiting for the
    outlines is enough for the others, and half a second cheaper)."""
    page.goto(url, wait_until="networkidle" if idle else "load")
    page.wait_for_selector(".ogi-karte [data-ogi-grundkarte]", state="attached")


def _loaded(page: Page, url: str, idle: bool = True) -> None:
    """Open an overview of measures and wait until its measures are on the map. The network's idle half second
    by default: the map zooms to them (animated) and regroups its clusters after that, and a test that
    focuses or clicks a cluster must wait for it to rest; `idle=False` for the tests that read the list."""
    _open(page, url, idle)
    page.wait_for_selector(".ogi-karte [data-ogi-geladen]", state="attached")


def _tiles(log: RequestLog) -> list[str]:
    return [u for u in log.urls if "/tiles/" in u]


def test_outline_file_is_small_and_fetched_once_per_page(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    assert OUTLINES.stat().st_size <= 40 * 1024
    page, log = page_log
    _loaded(page, karten_stub.url + PAGES["uebersicht"])
    assert len([u for u in log.urls if u.endswith("/assets/karte/kommunen.geojson")]) == 1


def test_overview_fetches_its_own_map_file_not_the_open_data_export(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, log = page_log
    _loaded(page, karten_stub.url + PAGES["uebersicht"])
    assert len([u for u in log.urls if u.endswith("/assets/karte/massnahmen.json")]) == 1
    assert [u for u in log.urls if "projekte.geojson" in u] == []
    loaded = page.locator(".ogi-karte [data-ogi-geladen]").get_attribute("data-ogi-geladen")
    assert loaded == str(len(SLUGS))


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_outlines_drawn_before_consent_with_no_external_request(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog], path: str
) -> None:
    page, log = page_log
    _open(page, karten_stub.url + path, idle=True)
    outlines = page.locator(".ogi-karte .leaflet-ogiGrundkarte-pane path")
    assert outlines.count() == 53
    box = page.locator(".ogi-karte .leaflet-container").bounding_box()
    assert box and present(outlines.first.bounding_box())["width"] > 0
    assert "© GeoBasis-DE / BKG (2021)" in page.locator(".leaflet-control-attribution").inner_text()
    assert _tiles(log) == [] and log.foreign == []


def _highlighted(page: Page) -> int:
    return page.locator('.leaflet-ogiGrundkarte-pane path[stroke-dasharray="8 5"]').count()


def test_kommune_precision_is_the_kommunes_highlighted_area_on_its_page(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, _ = page_log
    _open(page, karten_stub.url + "massnahmen/ob-1/")
    assert _highlighted(page) == 1
    assert page.locator(".leaflet-overlay-pane path, .leaflet-marker-pane .leaflet-marker-icon").count() == 0
    assert "Oberhausen: genaue Lage nicht bekannt" in page.locator(".ogi-ortsname--hervor").inner_text()
    assert "nur die Kommune ist bekannt" in page.locator(".ogi-karte figcaption").inner_text()


def test_approximate_point_is_a_circle_of_its_radius(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, _ = page_log
    _open(page, karten_stub.url + "massnahmen/dortmund-ungefaehr/")
    assert page.locator(".leaflet-overlay-pane path").count() == 1
    assert "etwa 400 m Umkreis" in page.locator(".ogi-karte figcaption").inner_text()


def test_exact_point_lies_among_named_outlines_before_consent(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    # Not at street level, where no outline is in sight: the base map is to tell where the point lies.
    page, log = page_log
    _open(page, karten_stub.url + "massnahmen/essen-a/", idle=True)
    assert page.locator(".leaflet-marker-pane .leaflet-marker-icon").count() == 1
    assert page.evaluate("() => window.ogiKarten.karten[0].getZoom()") <= 12
    names_in_view = page.evaluate("""() => {
        const box = document.querySelector('.ogi-karte .leaflet-container').getBoundingClientRect();
        return [...document.querySelectorAll('.ogi-karte .ogi-ortsname')].filter((e) => {
            const r = e.getBoundingClientRect();
            return getComputedStyle(e).display !== 'none' && r.width > 0 && r.left >= box.left && r.right <= box.right
                && r.top >= box.top && r.bottom <= box.bottom;
        }).map((e) => e.textContent);
    }""")
    assert "Essen" in names_in_view
    assert _tiles(log) == [] and log.foreign == []


def test_overview_shows_one_labelled_element_per_kommune_without_position(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, _ = page_log
    _loaded(page, karten_stub.url + PAGES["uebersicht"])
    titles = sorted(page.locator(".ogi-gruppe").evaluate_all("els => els.map(e => e.title)"))
    assert "3 Maßnahmen in Oberhausen, genaue Lage nicht bekannt" in titles
    assert "2 Maßnahmen in Herne, genaue Lage nicht bekannt" in titles
    assert _highlighted(page) == 3  # Oberhausen, Herne, Unna
    group = page.locator('.ogi-gruppe[title^="3 Maßnahmen in Oberhausen"]')
    group.focus()
    page.keyboard.press("Enter")
    links = page.locator(".leaflet-popup-content a")
    links.first.wait_for()
    assert sorted(links.all_inner_texts()) == ["Oberhausen Test 1", "Oberhausen Test 2", "Oberhausen Test 3"]
    assert "genaue Lage nicht bekannt" in page.locator(".leaflet-popup-content").inner_text()
    assert page.evaluate("() => document.activeElement.closest('.leaflet-popup') !== null")
    page.keyboard.press("Escape")
    page.wait_for_selector(".leaflet-popup", state="detached")
    assert page.evaluate("() => document.activeElement.classList.contains('ogi-gruppe')")


@pytest.mark.parametrize("key", ["Enter", " "], ids=["enter", "space"])
def test_keyboard_opens_a_cluster_and_focus_returns(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog], key: str
) -> None:
    page, _ = page_log
    _loaded(page, karten_stub.url + PAGES["uebersicht"])
    cluster = page.locator(".ogi-cluster").first
    cluster.focus()
    page.keyboard.press(key)
    page.locator(".leaflet-popup-content a").first.wait_for()
    assert sorted(page.locator(".leaflet-popup-content a").all_inner_texts()) == ["Essen Punkt A", "Essen Punkt B"]
    assert page.evaluate("() => document.activeElement.textContent") == "Essen Punkt A"
    page.keyboard.press("Escape")
    page.wait_for_selector(".leaflet-popup", state="detached")
    assert page.evaluate("() => document.activeElement.classList.contains('ogi-cluster')")


def test_status_is_told_by_shape_and_the_legend_matches(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, _ = page_log
    _loaded(page, karten_stub.url + PAGES["uebersicht"])
    page.locator(".ogi-cluster").first.click()
    page.click(".ogi-popup__knopf")  # zoom in: the two Essen points separate
    page.wait_for_selector(".ogi-symbol--raute", state="attached")
    shapes = page.locator(".ogi-marker .ogi-symbol").evaluate_all("els => els.map(e => e.className)")
    assert any("ogi-symbol--raute ogi-symbol--in-Umsetzung" in s for s in shapes)
    assert any("ogi-symbol--kreis ogi-symbol--abgeschlossen" in s for s in shapes)
    legend = page.locator(".ogi-legende").inner_text()
    assert "geplant (Dreieck)" in legend and "in Umsetzung (Raute)" in legend and "abgeschlossen (Kreis)" in legend


def test_controls_and_popups_are_labelled_in_german(karten_stub: StubServer, page_log: tuple[Page, RequestLog]) -> None:
    page, _ = page_log
    _loaded(page, karten_stub.url + PAGES["uebersicht"])
    assert page.locator(".leaflet-control-zoom-in").get_attribute("title") == "Vergrößern"
    assert page.locator(".leaflet-control-zoom-out").get_attribute("title") == "Verkleinern"
    page.locator(".ogi-gruppe").first.click()
    close = page.locator(".leaflet-popup-close-button")
    assert close.get_attribute("aria-label") == "Fenster schließen"
    html = page.locator(".ogi-karte").inner_html()
    assert not re.search(r"Zoom in|Zoom out|Close popup|A JavaScript library", html)


def test_wheel_over_the_map_scrolls_the_page_and_ctrl_wheel_hint_is_german(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, _ = page_log
    _loaded(page, karten_stub.url + PAGES["uebersicht"])
    page.locator(".ogi-karte .leaflet-container").scroll_into_view_if_needed()
    box = present(page.locator(".ogi-karte .leaflet-container").bounding_box())
    zoom = page.evaluate("() => window.ogiKarten.karten[0].getZoom()")
    before = page.evaluate("() => window.scrollY")
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(3):
        page.mouse.wheel(0, 200)
        page.wait_for_timeout(100)
    page.wait_for_timeout(400)
    assert page.evaluate("() => window.scrollY") > before
    assert page.evaluate("() => window.ogiKarten.karten[0].getZoom()") == zoom
    hint = page.evaluate(
        "() => getComputedStyle(document.querySelector('.ogi-karte .leaflet-container'), ':after').content"
    )
    assert "Strg + Mausrad" in hint


def test_consent_button_on_the_map_names_the_server_works_by_keyboard_and_can_be_withdrawn(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, log = page_log
    _open(page, karten_stub.url + "massnahmen/essen-a/", idle=True)
    button = page.locator(".ogi-karte__rahmen .ogi-karte-consent__knopf")
    assert "127.0.0.1" in button.inner_text()
    assert "Test-Kachelserver" in page.locator(".ogi-karte-consent__frage").inner_text()
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".leaflet-tile-loaded")
    assert _tiles(log) and all(re.search(r"/tiles/\d+/\d+/\d+\.png$", u) for u in _tiles(log))
    page.wait_for_function(
        "() => document.querySelector('.ogi-karte-consent__status').textContent.startsWith('Hintergrundkarte:')"
    )
    page.goto(karten_stub.url + "datenschutz/", wait_until="networkidle")
    page.click("#ogi-consent-revoke")
    assert "widerrufen" in page.locator("#ogi-consent-state").inner_text()
    before = len(_tiles(log))
    _open(page, karten_stub.url + "massnahmen/essen-a/", idle=True)
    page.wait_for_timeout(300)
    assert len(_tiles(log)) == before and button.is_visible()
    assert log.foreign == []


def test_tile_failure_says_so_in_german_and_retry_loads_them(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, log = page_log
    karten_stub.failing = True
    try:
        _open(page, karten_stub.url + "massnahmen/essen-a/")
        page.click(".ogi-karte-consent__knopf")
        status = page.locator(".ogi-karte-consent__status")
        page.wait_for_function(
            "() => document.querySelector('.ogi-karte-consent__status').textContent.includes('nicht geladen')"
        )
        assert "127.0.0.1" in status.inner_text() and "Gemeindegrenzen" in status.inner_text()
        retry = page.locator(".ogi-karte-consent__erneut")
        assert retry.is_visible() and retry.inner_text() == "Erneut versuchen"
    finally:
        karten_stub.failing = False
    retry.click()
    page.wait_for_selector(".leaflet-tile-loaded")
    page.wait_for_function(
        "() => document.querySelector('.ogi-karte-consent__status').textContent.startsWith('Hintergrundkarte:')"
    )
    assert not retry.is_visible()


def _shown(page: Page) -> tuple[int, int, str, str]:
    rows = page.locator("#massnahmen-liste tbody tr:visible").count()
    return (
        rows,
        int(present(page.locator(".ogi-karte .leaflet-container").get_attribute("data-ogi-sichtbar"))),
        page.locator("#massnahmen-liste caption").inner_text(),
        page.locator("#ogi-karte-anzahl").inner_text(),
    )


def test_filter_lives_in_the_address_through_reload_and_back(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, _ = page_log
    _loaded(page, karten_stub.url + PAGES["uebersicht"], idle=False)
    total = len(SLUGS)
    assert _shown(page)[:2] == (total, total)
    page.select_option("#ogi-filter-status", "abgeschlossen")
    assert "status=abgeschlossen" in page.url
    rows, on_map, caption, _ = _shown(page)
    assert (rows, on_map) == (3, 3) and caption.startswith(f"3 von {total} ")
    page.reload(wait_until="load")
    page.wait_for_selector(".ogi-karte [data-ogi-geladen]", state="attached")
    assert page.input_value("#ogi-filter-status") == "abgeschlossen" and _shown(page)[:2] == (3, 3)
    page.select_option("#ogi-filter-gebiet", "kommune:Herne")
    assert _shown(page)[:2] == (2, 2)
    page.go_back()
    page.wait_for_function("() => !location.search.includes('gebiet')")
    assert page.input_value("#ogi-filter-gebiet") == "" and _shown(page)[:2] == (3, 3)


def test_kommune_page_links_to_the_overview_filtered_to_it(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, _ = page_log
    _open(page, karten_stub.url + PAGES["kommune"])
    page.click("text=Diese Maßnahmen in der Gesamtübersicht mit Filter")
    page.wait_for_selector(".ogi-karte [data-ogi-geladen]", state="attached")
    assert page.input_value("#ogi-filter-gebiet") == "kommune:Oberhausen"
    assert _shown(page)[:2] == (3, 3)


def test_empty_filter_result_explains_itself_and_offers_a_reset(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, _ = page_log
    _loaded(page, karten_stub.url + "massnahmen/?gebiet=kommune%3AHerne&status=geplant", idle=False)
    rows, on_map, caption, map_text = _shown(page)
    assert (rows, on_map) == (0, 0)
    assert caption.startswith(f"0 von {len(SLUGS)} ") and "keine" in map_text
    assert "Keine der" in page.locator("#ogi-filter-ergebnis").inner_text()
    empty = page.locator("#ogi-filter-leer")
    assert empty.is_visible() and "Keine Maßnahme passt" in empty.inner_text()
    empty.locator("a").click()
    page.wait_for_function("() => !location.search")
    assert _shown(page)[:2] == (len(SLUGS), len(SLUGS)) and not empty.is_visible()


def _over(entry: Locator, map_box: FloatRect, drawer: FloatRect, tag: str) -> bool:
    box = entry.bounding_box()
    if not box or entry.evaluate("e => e.tagName.toLowerCase()") != tag:
        return False
    x, y = box["x"] + min(box["width"] / 2, 60), box["y"] + box["height"] / 2
    return (
        map_box["y"] <= y <= map_box["y"] + map_box["height"]
        and 0 <= y < 844
        and drawer["x"] <= x < min(drawer["x"] + drawer["width"], 390)
    )


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_open_drawer_lies_above_the_map_on_a_phone(tabs: Tabs, karten_stub: StubServer, path: str) -> None:
    with tabs.visit(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True) as (page, _):
        _open(page, karten_stub.url + path)
        # The map's top just under the header: the drawer's first entries lie over it.
        page.evaluate(
            "() => scrollTo(0, document.querySelector('.ogi-karte__rahmen').getBoundingClientRect().top + scrollY - 60)"
        )
        page.click("label.md-header__button[for=__drawer]")
        page.wait_for_timeout(400)
        map_box = present(page.locator(".ogi-karte__rahmen").bounding_box())
        drawer = present(page.locator(".md-sidebar--primary").bounding_box())
        # Each visible entry of the drawer that lies over the map (a closed sub-menu, slid aside, does not) and
        # what a tap at its middle hits: the entry's text and '' when the drawer, else the covering element's
        # class. In the page, in one round trip (not three for each entry).
        entries = page.evaluate(
            """([top, bottom, left, right]) => [...document.querySelectorAll('.md-sidebar--primary .md-nav__link')]
            .map((e) => [e, e.getBoundingClientRect()])
            .filter(([e, r]) => e.checkVisibility({visibilityProperty: true}) && r.width > 0 && r.height > 0)
            .map(([e, r]) => [e, r.left + Math.min(r.width / 2, 60), r.top + r.height / 2])
            .filter(([, x, y]) => top <= y && y <= bottom && 0 <= y && y < 844 && left <= x && x < right)
            .map(([e, x, y]) => { const hit = document.elementFromPoint(x, y);
                return [e.innerText, hit.closest('.md-sidebar--primary') ? '' : hit.className]; })""",
            [map_box["y"], map_box["y"] + map_box["height"], drawer["x"], min(drawer["x"] + drawer["width"], 390)],
        )
        assert entries, "kein Eintrag des Menüs über der Karte"
        assert [f"{text} is covered by {hit}" for text, hit in entries if hit] == []
        # Nothing of the map (controls, markers, shapes, labels) shows through the drawer.
        covered = page.evaluate(
            """(right) => [...document.querySelectorAll(
                '.ogi-karte .leaflet-control a, .ogi-karte .leaflet-marker-icon, .ogi-karte .leaflet-tooltip, .ogi-karte path')]
            .map((e) => { const r = e.getBoundingClientRect(); return [e, r.left + r.width / 2, r.top + r.height / 2]; })
            .filter(([, x, y]) => x >= 0 && x < right && y >= 0 && y < innerHeight)
            .filter(([, x, y]) => !document.elementFromPoint(x, y)?.closest('.md-sidebar--primary'))
            .map(([e]) => e.className.baseVal ?? e.className)""",
            min(drawer["x"] + drawer["width"], 390),
        )
        assert covered == []
        # A tap on a link of the drawer that lies over the map reaches that link: the page changes to it.
        target = page.evaluate(
            """([top, bottom, right]) => {
            for (const a of document.querySelectorAll('.md-sidebar--primary a.md-nav__link')) {
                const r = a.getBoundingClientRect(), x = r.left + Math.min(r.width / 2, 60), y = r.top + r.height / 2;
                if (y < top || y > bottom || y >= innerHeight || x >= right) continue;
                if (document.elementFromPoint(x, y)?.closest('a') === a) return [x, y, a.href];
            }
            return null;
        }""",
            [map_box["y"], map_box["y"] + map_box["height"], min(drawer["x"] + drawer["width"], 390)],
        )
        assert target is not None
        page.touchscreen.tap(target[0], target[1])
        page.wait_for_url(target[2])


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_hostile_names_on_the_maps_stay_text_and_run_nothing(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog], path: str
) -> None:
    page, _ = page_log
    _open(page, karten_stub.url + path, idle=True)
    if path == "massnahmen/":
        page.wait_for_selector(".ogi-karte [data-ogi-geladen]", state="attached")
        page.locator('.ogi-gruppe[title*="Unna"]').click()
        assert HOSTILE in page.locator(".leaflet-popup-content").inner_text()
        assert HOSTILE in page.locator("#ogi-filter-traeger").inner_text()
    assert page.evaluate("() => window.__pwned") is None


def test_hostile_measure_map_holds_its_title_only_as_text(
    karten_stub: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, _ = page_log
    _open(page, karten_stub.url + "massnahmen/boese/", idle=True)
    scripts = page.locator(".ogi-karte script").evaluate_all("els => els.map(e => e.src || e.textContent)")
    assert len(scripts) == 4 and "__pwned" not in "".join(scripts[:3])
    assert "</script" not in scripts[3] and "\\u003c/script\\u003e" in scripts[3]
    assert HOSTILE in present(page.locator(".ogi-karte__rahmen").get_attribute("aria-label"))
    assert page.locator(".leaflet-marker-icon").get_attribute("title") == HOSTILE
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator(".ogi-karte script").count() == 4
