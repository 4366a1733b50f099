"""The measures overview above its limit (extra.karte.einzeln_bis), in headless Chromium on the map tests' own
measures (tests/gross_fixture.py: 11 measures in 6 Kommunen, limit 5): counts per Kommune first and no request
for the measures' file; a count, zooming in or a filter loads it once; a filter's result is a paged table."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from helpers import RequestLog, Tabs, axe_violations
from karten_fixture import HOSTILE, StubServer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Page, Route

pytestmark = pytest.mark.browser

DATEI = "/assets/karte/massnahmen.json"
# Measures per Kommune in tests/karten_fixture.py (the hostile two are in Unna).
ZAHLEN = {"Bochum": 1, "Dortmund": 1, "Essen": 2, "Herne": 2, "Oberhausen": 3, "Unna": 2}
SHOTS = Path(tempfile.gettempdir()) / "uebersicht-gross"


@pytest.fixture
def page_log(tabs: Tabs, gross_site: StubServer) -> Iterator[tuple[Page, RequestLog]]:
    with tabs.visit() as opened:
        yield opened


def _open(page: Page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    page.wait_for_selector(".ogi-karte [data-ogi-zaehler]", state="attached")


def _loaded(page: Page) -> None:
    page.wait_for_selector(".ogi-karte [data-ogi-geladen]", state="attached")


def _fetches(log: RequestLog) -> int:
    return len([u for u in log.urls if u.endswith(DATEI)])


def _je_kommune(page: Page) -> dict[str, str]:
    """The links of the section "Maßnahmen je Kommune": text -> address."""
    links: dict[str, str] = page.evaluate("""() => {
        const links = {};
        for (let el = document.getElementById("je-kommune").nextElementSibling; el && el.tagName !== "H2";
             el = el.nextElementSibling) {
            el.querySelectorAll("a").forEach(a => { links[a.textContent] = a.getAttribute("href"); });
        }
        return links;
    }""")
    return links


def _zoom(page: Page) -> float:
    zoom: float = page.evaluate("() => window.ogiKarten.karten[0].getZoom()")
    return zoom


def test_first_view_shows_counts_per_kommune_and_loads_no_measures(
    gross_site: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, log = page_log
    _open(page, gross_site.url + "massnahmen/")
    page.wait_for_timeout(300)
    assert _fetches(log) == 0
    assert log.foreign == []  # no tile server before consent
    zaehler = page.locator(".leaflet-marker-icon.ogi-zaehler")
    assert zaehler.count() == len(ZAHLEN)
    assert sorted(zaehler.evaluate_all("els => els.map(e => e.getAttribute('title'))")) == sorted(
        f"{n} {'Maßnahme' if n == 1 else 'Maßnahmen'} in {name} – Karte hineinzoomen" for name, n in ZAHLEN.items()
    )
    assert page.locator(".ogi-marker, .ogi-cluster").count() == 0
    assert page.locator("#massnahmen-liste").is_hidden()
    assert page.locator("#ogi-filter").is_visible()
    text = "Die Karte zeigt die Zahl der Maßnahmen je Kommune; hineinzoomen oder filtern zeigt die einzelnen."
    assert page.locator("#ogi-filter-ergebnis").inner_text() == text
    assert page.locator("#ogi-karte-anzahl").inner_text().startswith(text)
    assert "Hier stehen 11 Maßnahmen in 6 Kommunen" in page.locator("article").inner_text()
    assert _je_kommune(page) == {name: f"../kommunen/{name.lower()}/" for name in ZAHLEN}
    assert axe_violations(page) == []


def test_first_view_without_javascript_lists_counts_and_downloads(tabs: Tabs, gross_site: StubServer) -> None:
    with tabs.visit(java_script_enabled=False) as (page, log):
        page.goto(gross_site.url + "massnahmen/", wait_until="networkidle")
        article = page.locator("article").inner_text()
        assert re.search(r"Oberhausen \(3\)", article)
        assert len(_je_kommune(page)) == len(ZAHLEN)
        assert page.locator("a[href$='daten/projekte.csv']").count() == 1
        assert page.locator("a[href$='daten/projekte.xlsx']").count() == 1
        assert page.locator("#massnahmen-liste").is_hidden()
        assert _fetches(log) == 0


def test_count_by_keyboard_loads_the_measures_once_and_zooms_to_its_kommune(
    gross_site: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, log = page_log
    _open(page, gross_site.url + "massnahmen/")
    vorher = _zoom(page)
    zaehler = page.locator(".leaflet-marker-icon.ogi-zaehler", has_text="Oberhausen")
    zaehler.focus()
    page.keyboard.press("Enter")
    _loaded(page)
    page.wait_for_timeout(500)
    assert _zoom(page) > vorher
    assert _fetches(log) == 1
    assert page.locator(".ogi-zaehler").count() == 0
    # Oberhausen's three measures known only by their Kommune: one labelled element, in view
    gruppe = page.locator(".leaflet-marker-icon.ogi-gruppe", has_text="Oberhausen")
    assert gruppe.inner_text().startswith("3")
    karte = page.locator(".leaflet-container").bounding_box()
    box = gruppe.bounding_box()
    assert karte is not None and box is not None
    assert karte["x"] <= box["x"] <= karte["x"] + karte["width"]
    assert page.evaluate("document.activeElement.classList.contains('leaflet-container')")
    assert page.locator("#ogi-filter-ergebnis").inner_text() == (
        "Die Karte zeigt Oberhausen mit 3 Maßnahmen; hinauszoomen zeigt alle."
    )
    page.locator(".leaflet-control-zoom-in").click()  # zooming further loads nothing again
    page.wait_for_timeout(400)
    assert _fetches(log) == 1
    assert page.locator("#massnahmen-liste").is_hidden()
    assert axe_violations(page) == []
    assert log.foreign == []


def test_zooming_in_beyond_the_region_loads_the_measures(
    gross_site: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, log = page_log
    _open(page, gross_site.url + "massnahmen/")
    page.locator(".leaflet-control-zoom-in").click()
    _loaded(page)
    assert _fetches(log) == 1
    assert page.locator(".ogi-marker, .ogi-cluster").count() >= 1
    assert page.locator(".ogi-karte [data-ogi-geladen]").get_attribute("data-ogi-geladen") == "11"


def test_filter_in_the_address_renders_the_matching_rows(
    gross_site: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, log = page_log
    _open(page, gross_site.url + "massnahmen/?gebiet=kommune%3AUnna&status=geplant")
    _loaded(page)
    tabelle = page.locator("#massnahmen-liste")
    assert tabelle.is_visible()
    assert tabelle.locator("caption").inner_text() == "2 von 11 Maßnahmen, nach Kommune sortiert"
    assert page.locator("#ogi-filter-ergebnis").inner_text() == "2 von 11 Maßnahmen werden gezeigt."
    assert page.locator("#ogi-filter-gebiet").input_value() == "kommune:Unna"
    zeilen = [[c.inner_text() for c in tr.locator("td").all()] for tr in tabelle.locator("tbody tr").all()]
    assert zeilen == [
        [HOSTILE, "Unna", "Testträger", "geplant", "–", "–"],
        [HOSTILE + " (Kommune)", "Unna", HOSTILE, "geplant", "–", "–"],
    ]
    links = tabelle.locator("tbody tr").first.locator("a")
    assert [links.nth(0).get_attribute("href"), links.nth(1).get_attribute("href")] == ["./boese/", "../kommunen/unna/"]
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#massnahmen-liste-weiter").is_hidden()
    assert _fetches(log) == 1
    # another choice renders the table anew, and the address follows
    page.select_option("#ogi-filter-gebiet", "kommune:Oberhausen")
    assert tabelle.locator("caption").inner_text() == "3 von 11 Maßnahmen, nach Kommune sortiert"
    assert tabelle.locator("tbody tr").count() == 3
    assert "gebiet=kommune%3AOberhausen" in page.url
    assert axe_violations(page) == []
    assert _fetches(log) == 1


def test_a_choice_in_the_filter_loads_the_measures_and_keeps_it(
    gross_site: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, log = page_log
    _open(page, gross_site.url + "massnahmen/")
    page.select_option("#ogi-filter-status", "abgeschlossen")
    _loaded(page)
    assert page.locator("#ogi-filter-status").input_value() == "abgeschlossen"
    assert page.locator("#massnahmen-liste caption").inner_text() == "3 von 11 Maßnahmen, nach Kommune sortiert"
    assert "status=abgeschlossen" in page.url
    page.locator("#ogi-filter button[type=reset]").click()
    page.wait_for_timeout(300)
    assert page.locator("#massnahmen-liste").is_hidden()
    assert page.locator("#ogi-filter-ergebnis").inner_text() == (
        "Die Karte zeigt alle 11 Maßnahmen einzeln; filtern zeigt sie auch als Tabelle."
    )
    assert _fetches(log) == 1


def test_more_rows_come_by_the_button_and_take_the_focus(
    gross_site: StubServer, page_log: tuple[Page, RequestLog]
) -> None:
    page, _ = page_log

    def zwei_je_seite(route: Route) -> None:
        # The build's page size is 100; two make the fixture's 11 measures need paging.
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace('"seite": 100', '"seite": 2'))

    page.route("**/massnahmen/?*", zwei_je_seite)
    _open(page, gross_site.url + "massnahmen/?gebiet=kreis%3AKreisfreie+St%C3%A4dte")
    _loaded(page)
    tabelle = page.locator("#massnahmen-liste")
    assert tabelle.locator("caption").inner_text() == "9 von 11 Maßnahmen, nach Kommune sortiert"
    assert tabelle.locator("tbody tr").count() == 2
    knopf = page.locator("#massnahmen-liste-weiter button")
    assert knopf.inner_text() == "Weitere 2 zeigen (2 von 9 gezeigt)"
    knopf.focus()
    page.keyboard.press("Enter")
    assert tabelle.locator("tbody tr").count() == 4
    assert page.evaluate(
        "document.activeElement.closest('tr') === document.querySelectorAll('#massnahmen-liste tbody tr')[2]"
    )
    for _ in range(3):
        knopf.click()
    assert tabelle.locator("tbody tr").count() == 9
    assert page.locator("#massnahmen-liste-weiter").is_hidden()


@pytest.mark.parametrize("width", [1366, 390], ids=["1366px", "390px"])
def test_screenshots_of_the_summarised_overview(tabs: Tabs, gross_site: StubServer, width: int) -> None:
    """First view and a filter's result, kept for looking at (in the temp folder's uebersicht-gross/)."""
    SHOTS.mkdir(exist_ok=True)
    with tabs.visit(viewport={"width": width, "height": 900}) as (page, log):
        _open(page, gross_site.url + "massnahmen/")
        karte = page.locator(".leaflet-container").bounding_box()
        assert karte is not None and karte["width"] <= width
        for zaehler in page.locator(".leaflet-marker-icon.ogi-zaehler").all():
            box = zaehler.bounding_box()
            assert box is not None and karte["x"] <= box["x"] and box["x"] + box["width"] <= karte["x"] + karte["width"]
        page.screenshot(path=str(SHOTS / f"erster-blick-{width}.png"), full_page=True)
        _open(page, gross_site.url + "massnahmen/?status=geplant")
        _loaded(page)
        assert page.locator("#massnahmen-liste tbody tr").count() == 6
        page.locator("#massnahmen-liste").scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"filter-{width}.png"), full_page=True)
        assert log.foreign == []
