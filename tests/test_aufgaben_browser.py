"""The readers' twelve tasks of issue 17, played in headless Chromium like a person: each starts at the
start page and then uses only what a reader uses (links, the menu, the search box, the filters, the map);
no address is typed after the start. Each asserts that the answer is visible and that it took at most the
stated number of page loads (the start page counts as one; jumps inside a page and downloads do not).

Fixture content: tests/leser_fixture.py (`aufgaben_project`: the leser measures, one in Bönen, operator
data of the tests' own, a small 2020 event with a talk with slides and a one-sentence workshop).

To replay by hand, build that fixture project and follow the steps. Persona, question → expected answer
(budget of page loads):

Journalist of the WAZ in Oberhausen (desktop, 1366×768)
 1. How much funding went to Oberhausen? Start → „Meine Kommune“ → „Oberhausen“ → the Kommune page says
    „Förderung: zusammen 80.500 € für 1 Maßnahme; für 1 weitere ist kein Betrag bekannt.“ (3)
 2. Download the measures as a spreadsheet for Excel. Search „Excel“ → result „Maßnahmen“ → link
    „Tabelle für Excel/LibreOffice“ → projekte.xlsx is downloaded (2)
 3. What is the press contact's e-mail? Search „Presse“ → result „Presse und Medien“ (Kontakt) → link
    „allgemeine Anschrift“ → „E-Mail: info@example.org“ (2)
 4. Is the Offensive still running today? The start page's „Stand heute“ says the term 2020–2024 and
    „ab 2025 Fortführung wesentlicher Elemente im Regelbetrieb“ (1)

Resident of Bönen (phone, 390×844)
 1. What is being done in Bönen? Start → „Meine Kommune“ → „Bönen“ → „Dachgrün am Beispielplatz in Bönen“
    with its status „in Umsetzung“ and „Förderung: zusammen 15.000 €“ (3)
 2. Find Bönen on the map and open its measure. Start → „Maßnahmen und Karte“ → tap the box „1 Maßnahme
    in Bönen“ on the map → the measure's link in the popup → its page (3)
 3. On the phone, open the menu on a map page and go to Maßnahmen. Start → „Meine Kommune“ → „Bönen“
    (a page with a map) → menu button → „Maßnahmen“ in the drawer, which lies above the map → the
    measures overview (4)
 4. Whom can I ask? Search „Ansprechpartner“ → „Ansprechpartnerinnen und Ansprechpartner“ (Kontakt) →
    the two contacts with telephone and e-mail, e.g. „E-Mail: veranstaltungen@example.org“ (2)

Planner from another region (desktop, 1366×768)
 1. Find the slides of a talk. Search „Folien“ → the talk „Stadtgrün als Netz“ → link „Folien (PDF, …)“
    to the PDF (2)
 2. What came out of the Klimaanpassung workshop? Start → „Veranstaltungen“ → the event → „Workshop:
    Klimaanpassung“ → the page says that nothing more than the facts shown is published and where to
    look („Mehr als die Angaben oben ist zu diesem Beitrag hier nicht veröffentlicht“) (4)
 3. Are there finished measures in Kreis Recklinghausen? Start → „Maßnahmen und Karte“ → filter „ganzer
    Kreis Recklinghausen“ and status „abgeschlossen“ → „Keine Maßnahme passt zu dieser Auswahl.“, no
    list, the map text says „keine passt zur Auswahl“; the reset link shows all 6 again (2)
 4. How much funding went to each Kreis? Start → „Meine Kommune“ → table „Kreis | Förderung“ with
    „Kreis Unna 15.000 €“ and „Kreis Recklinghausen 40.000 €“ (2)
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from conftest import SUBPATH, SubpathHandler, mkdocs_build
from leser_fixture import aufgaben_project
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1366, "height": 768}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def aufgaben_url(tmp_path_factory):
    """The readers' fixture project, built strictly and served below a subpath as on GitHub Pages."""
    tmp = tmp_path_factory.mktemp("aufgaben")
    site = tmp / "site"
    result = mkdocs_build(aufgaben_project(tmp / "projekt"), site)
    assert result.returncode == 0, result.stdout + result.stderr
    handler = functools.partial(SubpathHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{SUBPATH}"
    server.shutdown()


class Reader:
    """A browser tab that counts the page loads of its main frame, opened at the start page."""

    def __init__(self, page, start: str) -> None:
        self.page = page
        self.loads = 0
        page.on("load", self._loaded)
        page.goto(start)

    def _loaded(self, _page) -> None:
        self.loads += 1

    def click(self, locator) -> None:
        """Click a link that leads to another page and wait until that page has loaded."""
        with self.page.expect_event("load"):
            locator.click()

    def search(self, query: str, result: str) -> None:
        """Type `query` into the search box and open the result whose title is `result`."""
        page = self.page
        icon = page.locator("label.md-header__button[for=__search]")  # the magnifier; shown on phones only
        if icon.is_visible():
            icon.click()
        else:
            page.get_by_role("textbox", name="Suche").first.click()
        page.keyboard.type(query)
        hit = page.locator(".md-search-result__link").filter(
            has=page.locator("h1, h2").get_by_text(result, exact=True)).first
        self.click(hit)


@pytest.fixture
def reader(browser, aufgaben_url, request):
    """Opens a Reader on a device; the page loads each needed are kept as the test's `page_loads`
    property (pytest --junitxml shows them) for the closing note of the issue."""
    contexts, readers = [], []

    def open_reader(device: dict) -> Reader:
        context = browser.new_context(locale="de-DE", **device)
        contexts.append(context)
        readers.append(Reader(context.new_page(), aufgaben_url))
        return readers[-1]

    yield open_reader
    request.node.user_properties.extend(("page_loads", r.loads) for r in readers)
    for context in contexts:
        context.close()


def door(page, name: str):
    return page.get_by_role("navigation", name="Einstiege").get_by_role("link", name=name)


def article(page):
    return page.locator("article")


# --- Journalist of the WAZ in Oberhausen (desktop) -------------------------------------------------------

def test_task_journalist_1_funding_of_oberhausen(reader):
    r = reader(DESKTOP)
    r.click(door(r.page, "Meine Kommune"))
    r.click(article(r.page).get_by_role("link", name="Oberhausen", exact=False).first)
    expect(article(r.page).get_by_text(
        "Förderung: zusammen 80.500 € für 1 Maßnahme; für 1 weitere ist kein Betrag bekannt.")).to_be_visible()
    assert r.loads <= 3, r.loads


def test_task_journalist_2_spreadsheet_for_excel(reader):
    r = reader(DESKTOP)
    r.search("Excel", "Maßnahmen")
    link = article(r.page).get_by_role("link", name="Excel/LibreOffice")
    expect(link).to_be_visible()
    with r.page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "projekte.xlsx"
    assert Path(download.value.path()).read_bytes()[:2] == b"PK"  # a zip: an Office Open XML workbook
    assert r.loads <= 2, r.loads


def test_task_journalist_3_press_contact_email(reader):
    r = reader(DESKTOP)
    r.search("Presse", "Presse und Medien")
    section = article(r.page)
    section.get_by_role("link", name="allgemeine Anschrift").first.click()
    expect(section.get_by_role("link", name="info@example.org").last).to_be_in_viewport()
    assert r.loads <= 2, r.loads


def test_task_journalist_4_is_the_offensive_still_running(reader):
    r = reader(DESKTOP)
    stand = article(r.page).get_by_role("heading", name="Stand heute")
    stand.scroll_into_view_if_needed()
    answer = article(r.page).get_by_text("ab 2025 Fortführung wesentlicher Elemente im Regelbetrieb", exact=False)
    expect(answer).to_be_visible()
    expect(answer).to_contain_text("2020–2024")
    assert r.loads <= 1, r.loads


# --- Resident of Bönen (phone) ------------------------------------------------------------------------------

def test_task_resident_1_what_is_done_in_boenen(reader):
    r = reader(PHONE)
    r.click(door(r.page, "Meine Kommune"))
    r.click(article(r.page).get_by_role("link", name="Bönen", exact=False).first)
    page_text = article(r.page)
    expect(page_text.get_by_role("link", name="Dachgrün am Beispielplatz in Bönen")).to_be_visible()
    expect(page_text.get_by_text("Status: in Umsetzung")).to_be_visible()
    expect(page_text.get_by_text("Förderung: zusammen 15.000 €")).to_be_visible()
    assert r.loads <= 3, r.loads


def test_task_resident_2_find_boenen_on_the_map(reader):
    r = reader(PHONE)
    r.click(door(r.page, "Maßnahmen und Karte"))
    box = r.page.locator(".leaflet-marker-icon[title^='1 Maßnahme in Bönen']")
    box.scroll_into_view_if_needed()
    box.tap()
    r.click(r.page.locator(".leaflet-popup-content").get_by_role("link", name="Dachgrün am Beispielplatz in Bönen"))
    expect(r.page.get_by_role("heading", level=1)).to_contain_text("Dachgrün am Beispielplatz in Bönen")
    assert r.loads <= 3, r.loads


def test_task_resident_3_phone_menu_over_the_map(reader):
    r = reader(PHONE)
    r.click(door(r.page, "Meine Kommune"))
    r.click(article(r.page).get_by_role("link", name="Bönen", exact=False).first)
    expect(r.page.locator(".leaflet-container").first).to_be_visible()
    # The menu button (three lines, top left). Material gives it no accessible name, so it is found by its
    # place in the header; a person taps the icon.
    r.page.locator("label.md-header__button[for=__drawer]").click()
    drawer = r.page.locator("nav.md-nav--primary")
    entry = drawer.get_by_role("link", name="Maßnahmen", exact=True).first
    expect(entry).to_be_visible()
    r.click(entry)  # a real tap at the entry's centre: it fails if the map lies on top and takes it
    expect(r.page.get_by_role("heading", level=1)).to_contain_text("Maßnahmen")
    assert r.page.url.endswith("/massnahmen/")
    assert r.loads <= 4, r.loads


def test_task_resident_4_whom_to_ask(reader):
    r = reader(PHONE)
    r.search("Ansprechpartner", "Ansprechpartnerinnen und Ansprechpartner")
    expect(article(r.page).get_by_text("Projektleitung Beispieloffensive")).to_be_in_viewport()
    expect(article(r.page).get_by_role("link", name="veranstaltungen@example.org")).to_be_visible()
    assert r.loads <= 2, r.loads


# --- Planner from another region (desktop) ------------------------------------------------------------------

def test_task_planner_1_slides_of_a_talk(reader):
    r = reader(DESKTOP)
    r.search("Folien", "Stadtgrün als Netz")
    slides = article(r.page).get_by_role("link", name="Folien (PDF")
    expect(slides).to_be_visible()
    assert (slides.get_attribute("href") or "").endswith(".pdf")
    assert r.loads <= 2, r.loads


def test_task_planner_2_klimaanpassung_workshop_without_stub(reader):
    r = reader(DESKTOP)
    r.click(door(r.page, "Veranstaltungen"))
    r.click(article(r.page).get_by_role("link", name="Beispieltagung Grüne Infrastruktur").first)
    r.click(article(r.page).get_by_role("link", name="Workshop: Klimaanpassung").first)
    expect(article(r.page).get_by_text("Mehr als die Angaben oben ist zu diesem Beitrag hier nicht veröffentlicht")
           ).to_be_visible()
    expect(article(r.page).get_by_role("link", name="Beispielquelle")).to_be_visible()
    assert r.loads <= 4, r.loads


def test_task_planner_3_empty_filter_explains_itself(reader):
    r = reader(DESKTOP)
    r.click(door(r.page, "Maßnahmen und Karte"))
    page = r.page
    page.get_by_label("Kreis oder Kommune").select_option(label="ganzer Kreis Recklinghausen")
    page.get_by_label("Status").select_option(label="abgeschlossen")
    expect(page.get_by_text("Keine Maßnahme passt zu dieser Auswahl.")).to_be_visible()
    expect(page.get_by_text("Die Karte zeigt keine Maßnahme: keine passt zur Auswahl.")).to_be_visible()
    expect(page.get_by_role("table", name="Maßnahmen, nach Kommune sortiert")).to_be_hidden()
    page.get_by_role("link", name="Filter zurücksetzen und alle 6 Maßnahmen zeigen").click()  # no reload
    expect(page.get_by_text("Alle 6 Maßnahmen werden gezeigt.")).to_be_visible()
    expect(page.get_by_role("table", name="6 Maßnahmen, nach Kommune sortiert")).to_be_visible()
    assert r.loads <= 2, r.loads


def test_task_planner_4_funding_per_kreis(reader):
    r = reader(DESKTOP)
    r.click(door(r.page, "Meine Kommune"))
    table = article(r.page).locator("table").filter(has=r.page.get_by_role("columnheader", name="Kreis"))
    expect(table.get_by_role("row", name="Kreis Unna 15.000 €")).to_be_visible()
    expect(table.get_by_role("row", name="Kreis Recklinghausen 40.000 €")).to_be_visible()
    assert r.loads <= 2, r.loads
