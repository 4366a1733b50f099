"""The readers' twelve tasks of issue 17, played in headless Chromium like a person: each starts at the
start page and then uses only what a reader uses (links, the menu, the search box, the filters, the map);
no address is typed after the start. Each asserts that the answer is visible and that it took at most the
stated number of page loads (the start page counts as one; jumps inside a page and downloads do not).

Each task runs on two sites (test ids `[fixture]` and `[shipped]`), with one implementation of its steps:
- fixture: tests/leser_fixture.py `aufgaben_project` (the leser measures, one in Bönen, operator data of
  the tests' own, a small 2020 event with a talk with slides and a one-sentence workshop); the answers
  below in quotes are this site's;
- shipped: the repository's content/ as it is. The house rule holds: editors change it freely, so every
  expected answer is derived from its loaded records (ogi.records.content.load_site, ogi.model.foerdersummen), never
  written down; where the records decide the way (no slides, no e-mail …), the task says which way.

To replay by hand, build either site and follow the steps. Persona, question → expected answer (budget of
page loads; the same on both sites):

Journalist of the WAZ in Oberhausen (desktop, 1366×768)
 1. How much funding went to Oberhausen? Start → „Meine Kommune“ → „Oberhausen“ → the Kommune page says
    „Förderung: zusammen 80.500 € für 1 Maßnahme; für 1 weitere ist kein Betrag bekannt.“ (3)
    Shipped: Oberhausen's sentence with the sum from ogi.model.foerdersummen (or, should Oberhausen have no
    measure, the Kommune with the most measures).
 2. Download the measures as a spreadsheet for Excel. Search „Excel“ → result „Maßnahmen“ → link
    „Tabelle für Excel/LibreOffice“ → projekte.xlsx is downloaded (2)
 3. What is the press contact's e-mail? Search „Presse“ → result „Presse und Medien“ (Kontakt) → the
    press office „E-Mail: presse@example.org“ (1)
    Shipped: the press office's e-mail if betreiber.yml names one (`presse`); otherwise the link
    „allgemeine Anschrift“ → the operator's e-mail, else the telephone (a tel: link), else the postal
    address: the way the records give.
 4. Is the Offensive still running today? The start page's „Stand heute“ says the term 2020–2024 and
    „ab 2025 Fortführung wesentlicher Elemente im Regelbetrieb“ (1)

Resident of Bönen (phone, 390×844); shipped: Bönen, or the Kommune with the most measures if Bönen has none
 1. What is being done in Bönen? Start → „Meine Kommune“ → „Bönen“ → „Dachgrün am Beispielplatz in Bönen“
    with its status „in Umsetzung“ and „Förderung: zusammen 15.000 € für 1 Maßnahme.“ (3)
 2. Find Bönen on the map and open its measure. Start → „Maßnahmen und Karte“ → tap the box „1 Maßnahme
    in Bönen“ on the map → the measure's link in the popup → its page (3). (Shipped: if the Kommune has
    only measures with a known place, the reader taps the measure's symbol, or the group holding it.)
 3. On the phone, open the menu on a map page and go to Maßnahmen. Start → „Meine Kommune“ → „Bönen“
    (a page with a map) → the button „Menü öffnen“ → „Alle Maßnahmen und Karte“ in the drawer, which lies
    above the map → the measures overview (4)
 4. Whom can I ask? Search „Ansprechpartner“ → „Ansprechpartnerinnen und Ansprechpartner“ (Kontakt) →
    the two contacts with telephone and e-mail, e.g. „E-Mail: veranstaltungen@example.org“ (2)
    Shipped: the first contact's role and its way to reach it (e-mail, else telephone as a tel: link);
    without contacts, the sentence that none are published yet.

Planner from another region (desktop, 1366×768)
 1. Find the slides of a talk. Search „Folien“ → the talk „Stadtgrün als Netz“ → link „Folien (PDF, …)“
    to the PDF (2)
    Shipped: if a talk has slides, the first result that is such a talk, and its attachment link; if none
    has, the result „Veranstaltungen“, which names each event's documentation („Folien und
    Dokumentation: …“ with the link where the presentations are published).
 2. What came out of the Klimaanpassung workshop? Start → „Veranstaltungen“ → the event → „Workshop:
    Klimaanpassung“ → the page says that nothing more than the facts shown is published and where to
    look („Mehr als die Angaben oben ist zu diesem Beitrag hier nicht veröffentlicht“, its source) (4)
    Shipped: the talk named „Klimaanpassung“ (else the first talk with nothing published); if it has a
    summary, slides or a video, the page shows that section instead.
 3. Are there finished measures in Kreis Recklinghausen? Start → „Maßnahmen und Karte“ → filter „ganzer
    Kreis Recklinghausen“ and status „abgeschlossen“ → „Keine Maßnahme passt zu dieser Auswahl.“, no
    list, the map text says „keine passt zur Auswahl“; the reset link shows all 6 again (2)
    Both sites: the first Kreis (by name) that has a measure (the filter lists only those) and the status
    „abgeschlossen“; with matches, „n von N Maßnahmen werden gezeigt.“ and the list shows exactly them.
 4. How much funding went to each Kreis? Start → „Meine Kommune“ → table „Kreis oder kreisfreie Stadt |
    Förderung | Anteil“ with „Kreis Unna 15.000 € 5 %“, „Kreis Recklinghausen 40.000 € 14 %“ and the
    kreisfreie Stadt „Hamm“ as a row of its own (2)
    Shipped: one row per Kreis or kreisfreie Stadt with the sums from ogi.model.foerdersummen.

Issue 24's tasks (fixture only where the answer needs data the shipped records may lack):
Journalist 5. Which measures were finished in 2023? Start → „Maßnahmen und Karte“ → filter „Fertiggestellt“
    2023 → „1 von 7 Maßnahmen werden gezeigt.“, the row „Quartierpark Holsterhauser Platz … 30.06.2023“; the
    address keeps the filter across a reload; the measure's page says „Fertiggestellt 30.06.2023 (Quelle 1)“ (4)
Council member on a phone 1. How much went to Oberhausen and what share of the total? Start → „Meine
    Kommune“ → „Oberhausen“ → „Das sind 28 % der 285.500 €, die auf dieser Website einzelnen Maßnahmen
    zugeordnet sind, und etwa 8 % von rund 1 Mio. € insgesamt“ → „was diese Summe umfasst“ → the headline
    answer with what it covers and its source (4). Shipped: the same sentence from the records.
Resident 5. Search „Holsterhausen“ (the measure says „Holsterhauser“) → the result „Quartierpark
    Holsterhauser Platz“ with the summary as its snippet → its page (2)
Subscriber 1. Start → „Veranstaltungen“ → the event → „Programm für Kalender-Apps“: the talk with a known
    start is a timed VEVENT at 11:00 in the event's zone with no invented end, the day a timed entry at
    09:00; the footer's „Neu und geändert“ → the page of new and changed records; every page announces the
    feed in its head (4)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypedDict
from zoneinfo import ZoneInfo

import icalendar
import pytest
from playwright.sync_api import expect
from pytest import FixtureRequest, TempPathFactory

from helpers import Tabs, mkdocs_build, present, serve
from leser_fixture import aufgaben_project
from ogi.events.kalender import Kalender
from ogi.model.foerdersummen import FoerderSummen, Summe, foerdersummen
from ogi.model.site import Massnahme, Site, Vortrag
from ogi.pages.render import euro, geld
from ogi.records.content import load_site
from ogi.records.messages import is_twin

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page, ViewportSize

pytestmark = pytest.mark.browser


class Device(TypedDict, total=False):
    """What a reader's browser context is opened with, besides the language."""

    viewport: ViewportSize
    is_mobile: bool
    has_touch: bool


DESKTOP: Device = {"viewport": {"width": 1366, "height": 768}}
PHONE: Device = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@dataclass(frozen=True)
class Leseort:
    """A built site the readers use, and the records it was built from (for the expected answers)."""

    name: str  # "fixture" or "shipped"
    url: str
    records: Site
    summen: FoerderSummen


@pytest.fixture(scope="module")
def fixture_leseort(tmp_path_factory: TempPathFactory) -> Iterator[Leseort]:
    """The readers' fixture project, built strictly and served below a subpath as on GitHub Pages."""
    tmp = tmp_path_factory.mktemp("aufgaben")
    project = aufgaben_project(tmp / "projekt")
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    records = load_site(project)
    for url in serve(tmp / "site"):
        yield Leseort("fixture", url, records, summen_of(records))


@pytest.fixture(scope="module", params=["fixture", "shipped"])
def leseort(request: pytest.FixtureRequest) -> Leseort:
    """Each task on the fixture site and on the shipped content (conftest's `shipped_site`, built from the edited
    copy of content/ in `shipped_project`; its records loaded from the same tree)."""
    if request.param == "fixture":
        fixture: Leseort = request.getfixturevalue("fixture_leseort")
        return fixture
    request.getfixturevalue("shipped_site")
    records = load_site(request.getfixturevalue("shipped_project"))
    assert not records.errors, records.errors
    shipped_base_url: str = request.getfixturevalue("shipped_base_url")
    return Leseort("shipped", shipped_base_url, records, summen_of(records))


def summen_of(records: Site) -> FoerderSummen:
    """The funding sums as the build computes them, with the headline figure of content/foerdersummen.yml."""
    return foerdersummen(records.massnahmen, records.foerdersummen.hauptzahl if records.foerdersummen else None)


class Reader:
    """A browser tab that counts the page loads of its main frame, opened at the start page."""

    def __init__(self, page: Page, start: str) -> None:
        self.page = page
        self.loads = 0
        page.on("load", self._loaded)
        page.goto(start)

    def _loaded(self, _page: Page) -> None:
        self.loads += 1

    def stop(self) -> None:
        """Stop counting: the tab is kept for the next test (tests/helpers.py Tabs)."""
        self.page.remove_listener("load", self._loaded)

    def click(self, locator: Locator) -> None:
        """Click a link that leads to another page and wait until that page has loaded."""
        with self.page.expect_event("load"):
            locator.click()

    def open_search(self) -> None:
        """Open the search and wait until it says it is ready: the index loads when search first opens, and a
        result list shown while it loads is drawn again once it has, so a tap on the first list can miss."""
        page = self.page
        icon = page.get_by_role("button", name="Suche öffnen")  # the magnifier; shown on phones only
        if icon.is_visible():
            icon.click()
        else:
            page.get_by_role("textbox", name="Suche").first.click()
        expect(page.locator(".md-search-result__meta")).not_to_have_text("Suche wird initialisiert")

    def enter(self, query: str) -> None:
        """Put `query` into the open search: the whole word, then one key released. Material searches on each
        keyup; typed key by key, the list of a shorter query could be drawn anew under the tap that follows
        (as in tests/test_search.py)."""
        field = self.page.get_by_role("textbox", name="Suche").first
        field.fill(query)
        field.press("End")

    def search(self, query: str, *results: str) -> None:
        """Type `query` into the search box and open the first result whose title is one of `results`."""
        page = self.page
        self.open_search()
        self.enter(query)
        title = re.compile("^(" + "|".join(re.escape(r) for r in results) + ")$")
        hit = page.locator(".md-search-result__link").filter(has=page.locator("h1, h2").get_by_text(title)).first
        self.click(hit)


class OpenReader(Protocol):
    """Opens a Reader on `device` at the start page."""

    def __call__(self, device: Device, accept_downloads: bool | None = None) -> Reader: ...


def _open_readers(tabs: Tabs, ort: Leseort, request: FixtureRequest) -> Iterator[OpenReader]:
    readers: list[Reader] = []
    with ExitStack() as visits:

        def open_reader(device: Device, accept_downloads: bool | None = None) -> Reader:
            downloads: dict[str, Any] = {} if accept_downloads is None else {"accept_downloads": accept_downloads}
            page, _ = visits.enter_context(tabs.visit(**device, **downloads))
            readers.append(Reader(page, ort.url))
            return readers[-1]

        yield open_reader
        for reader in readers:
            reader.stop()
    request.node.user_properties.extend(("page_loads", r.loads) for r in readers)


@pytest.fixture
def reader(tabs: Tabs, leseort: Leseort, request: FixtureRequest) -> Iterator[OpenReader]:
    """Opens a Reader on a device at the start page of `leseort`; the page loads each needed are kept as the
    test's `page_loads` property (pytest --junitxml shows them) for the closing note of the issue."""
    yield from _open_readers(tabs, leseort, request)


@pytest.fixture
def fixture_reader(tabs: Tabs, fixture_leseort: Leseort, request: FixtureRequest) -> Iterator[OpenReader]:
    """Like `reader`, on the fixture site only: for tasks whose answer needs data the shipped records may not
    carry yet (a completion year, a place-name keyword, a talk with a known start)."""
    yield from _open_readers(tabs, fixture_leseort, request)


def door(page: Page, name: str) -> Locator:
    return page.get_by_role("navigation", name="Einstiege").get_by_role("link", name=name)


def article(page: Page) -> Locator:
    return page.locator("article")


def kommune_link(page: Page, name: str) -> Locator:
    """The Kommune's entry in the list of the Kommunen index („Bönen (1)“)."""
    return article(page).get_by_role("link", name=re.compile("^" + re.escape(name) + r"( \(\d+\))?$")).first


# --- expected answers, derived from the records -------------------------------------------------------------


def massnahmen_in(ort: Leseort, kommune: str) -> list[Massnahme]:
    return [m for m in ort.records.massnahmen if kommune in (o.name for o in m.kommunen)]


def kommune_der_aufgabe(ort: Leseort, wunsch: str) -> str:
    """The Kommune the task asks about if it has a measure, else the one with the most (then by name)."""
    if massnahmen_in(ort, wunsch):
        return wunsch
    assert ort.records.massnahmen, f"{ort.name}: keine Maßnahme – die Aufgaben brauchen mindestens eine"
    return min(ort.summen.kommunen, key=lambda s: (-s.anzahl, s.name)).name


def foerder_satz(s: Summe) -> str:
    """The Kommune page's funding sentence (hooks/ogi/templates/_foerderung.md.j2, written out once more)."""
    if not s.mit_betrag:
        return "Förderung: kein Betrag bekannt."
    satz = f"Förderung: zusammen {euro(s.betrag)} für {s.mit_betrag} {'Maßnahme' if s.mit_betrag == 1 else 'Maßnahmen'}"
    if s.ohne_betrag:
        satz += f"; für {s.ohne_betrag} weitere {'ist' if s.ohne_betrag == 1 else 'sind'} kein Betrag bekannt"
    return satz + "."


def nichts_veroeffentlicht(v: Vortrag) -> bool:
    return not (v.record.zusammenfassung or v.record.anhaenge or v.record.video)


# --- Journalist of the WAZ in Oberhausen (desktop) -------------------------------------------------------


def test_task_journalist_1_funding_of_oberhausen(reader: OpenReader, leseort: Leseort) -> None:
    kommune = kommune_der_aufgabe(leseort, "Oberhausen")
    satz = foerder_satz(present(leseort.summen.kommune(kommune)))
    if leseort.name == "fixture":
        assert satz == "Förderung: zusammen 80.500 € für 1 Maßnahme; für 1 weitere ist kein Betrag bekannt."
    r = reader(DESKTOP)
    r.click(door(r.page, "Meine Kommune"))
    r.click(kommune_link(r.page, kommune))
    expect(article(r.page).get_by_text(satz)).to_be_visible()
    assert r.loads <= 3, r.loads


def test_task_journalist_2_spreadsheet_for_excel(reader: OpenReader) -> None:
    r = reader(DESKTOP)
    r.search("Excel", "Maßnahmen")
    link = article(r.page).get_by_role("link", name="Excel/LibreOffice")
    expect(link).to_be_visible()
    with r.page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "projekte.xlsx"
    assert Path(download.value.path()).read_bytes()[:2] == b"PK"  # a zip: an Office Open XML workbook
    assert r.loads <= 2, r.loads


def test_task_journalist_3_press_contact_email(reader: OpenReader, leseort: Leseort) -> None:
    b = present(leseort.records.betreiber)
    r = reader(DESKTOP)
    r.search("Presse", "Presse und Medien")
    section = article(r.page)
    if b.presse and b.presse.email:
        presse = section.locator(".ogi-kontakt").filter(has_text=b.presse.rolle).first
        answer = presse.get_by_role("link", name=b.presse.email)
        assert (answer.get_attribute("href") or "").startswith("mailto:")
        if leseort.name == "fixture":
            assert b.presse.email == "presse@example.org"
        expect(answer).to_be_in_viewport()
        assert r.loads <= 2, r.loads
        return
    section.get_by_role("link", name="allgemeine Anschrift").first.click()
    anschrift = section.locator("address")
    if b.email:  # the way the records give: e-mail, else telephone, else the postal address
        answer = anschrift.get_by_role("link", name=b.email)
        assert (answer.get_attribute("href") or "").startswith("mailto:")
    elif b.telefon:
        answer = anschrift.get_by_role("link", name=b.telefon)
        assert (answer.get_attribute("href") or "").startswith("tel:")
    else:
        answer = anschrift.get_by_text(b.anschrift.strasse)
    if leseort.name == "fixture":
        assert b.email == "info@example.org"
    expect(answer).to_be_in_viewport()
    assert r.loads <= 2, r.loads


def test_task_journalist_4_is_the_offensive_still_running(reader: OpenReader) -> None:
    r = reader(DESKTOP)
    stand = article(r.page).get_by_role("heading", name="Stand heute")
    stand.scroll_into_view_if_needed()
    answer = article(r.page).get_by_text("ab 2025 Fortführung wesentlicher Elemente im Regelbetrieb", exact=False)
    expect(answer).to_be_visible()
    expect(answer).to_contain_text("2020–2024")
    assert r.loads <= 1, r.loads


# --- Resident of Bönen (phone) ------------------------------------------------------------------------------


def test_task_resident_1_what_is_done_in_boenen(reader: OpenReader, leseort: Leseort) -> None:
    kommune = kommune_der_aufgabe(leseort, "Bönen")
    satz = foerder_satz(present(leseort.summen.kommune(kommune)))
    if leseort.name == "fixture":
        assert satz == "Förderung: zusammen 15.000 € für 1 Maßnahme."
    r = reader(PHONE)
    r.click(door(r.page, "Meine Kommune"))
    r.click(kommune_link(r.page, kommune))
    page_text = article(r.page)
    for m in massnahmen_in(leseort, kommune):
        expect(page_text.get_by_role("link", name=m.record.titel, exact=True)).to_be_visible()
        expect(page_text.get_by_text(f"Status: {m.record.status}").first).to_be_visible()
    expect(page_text.get_by_text(satz)).to_be_visible()
    assert r.loads <= 3, r.loads


def test_task_resident_2_find_boenen_on_the_map(reader: OpenReader, leseort: Leseort) -> None:
    kommune = kommune_der_aufgabe(leseort, "Bönen")
    massnahmen = massnahmen_in(leseort, kommune)
    # Measures known only by their Kommune share one box per Kommune (the first Kommune they name).
    im_kasten = [m for m in massnahmen if m.record.lage.genauigkeit == "Kommune" and m.kommunen[0].name == kommune]
    r = reader(PHONE)
    r.click(door(r.page, "Maßnahmen und Karte"))
    page = r.page
    if im_kasten:
        ziel = im_kasten[0]
        anzahl = "1 Maßnahme" if len(im_kasten) == 1 else f"{len(im_kasten)} Maßnahmen"
        box = page.locator(f".leaflet-marker-icon[title^='{anzahl} in {kommune},']")
        box.scroll_into_view_if_needed()
        box.tap()
    else:  # only measures with a known place: their symbol, or the group that holds it
        ziel = massnahmen[0]
        symbol = page.locator(".leaflet-marker-icon").and_(
            page.get_by_title(f"{ziel.record.titel} ({ziel.record.status})")
        )
        page.locator(".leaflet-container").first.scroll_into_view_if_needed()
        if symbol.count():
            symbol.tap()
        else:
            for gruppe in page.locator(".ogi-cluster").all():
                gruppe.tap()
                if page.locator(".leaflet-popup-content").get_by_role("link", name=ziel.record.titel).count():
                    break
    r.click(page.locator(".leaflet-popup-content").get_by_role("link", name=ziel.record.titel, exact=True))
    expect(page.get_by_role("heading", level=1)).to_contain_text(ziel.record.titel)
    assert r.loads <= 3, r.loads


def test_task_resident_3_phone_menu_over_the_map(reader: OpenReader, leseort: Leseort) -> None:
    kommune = kommune_der_aufgabe(leseort, "Bönen")
    r = reader(PHONE)
    r.click(door(r.page, "Meine Kommune"))
    r.click(kommune_link(r.page, kommune))
    expect(r.page.locator(".leaflet-container").first).to_be_visible()
    r.page.get_by_role("button", name="Menü öffnen").click()  # the three lines top left, named for screen readers
    drawer = r.page.locator("nav.md-nav--primary")
    entry = drawer.get_by_role("link", name="Alle Maßnahmen und Karte", exact=True).first
    expect(entry).to_be_visible()
    r.click(entry)  # a real tap at the entry's centre: it fails if the map lies on top and takes it
    expect(r.page.get_by_role("heading", level=1)).to_contain_text("Maßnahmen")
    assert r.page.url.endswith("/massnahmen/")
    assert r.loads <= 4, r.loads


def test_task_resident_4_whom_to_ask(reader: OpenReader, leseort: Leseort) -> None:
    b = present(leseort.records.betreiber)
    r = reader(PHONE)
    r.search("Ansprechpartner", "Ansprechpartnerinnen und Ansprechpartner")
    section = article(r.page)
    if not b.kontakte:
        expect(section.get_by_text("Eigene Ansprechstellen sind hier noch nicht veröffentlicht")).to_be_in_viewport()
    else:
        k = b.kontakte[0]
        kontakt = section.locator(".ogi-kontakt").filter(has_text=k.rolle).first
        expect(kontakt).to_be_in_viewport()
        if k.email or b.email:  # the way the records give: e-mail, else telephone
            expect(kontakt.get_by_role("link", name=k.email or b.email)).to_be_visible()
        elif k.telefon or b.telefon:
            telefon = kontakt.get_by_role("link", name=k.telefon or b.telefon)
            expect(telefon).to_be_visible()
            assert (telefon.get_attribute("href") or "").startswith("tel:")
        else:
            expect(kontakt.get_by_text(b.anschrift.strasse, exact=False)).to_be_visible()
    if leseort.name == "fixture":
        assert k.rolle == "Projektleitung Beispieloffensive"
        expect(section.get_by_role("link", name="veranstaltungen@example.org")).to_be_visible()
    assert r.loads <= 2, r.loads


# --- Planner from another region (desktop) ------------------------------------------------------------------


def test_task_planner_1_slides_of_a_talk(reader: OpenReader, leseort: Leseort) -> None:
    mit_folien = [v.record.titel for e in leseort.records.veranstaltungen for v in e.vortraege if v.record.anhaenge]
    if leseort.name == "fixture":
        assert mit_folien == ["Stadtgrün als Netz"]
    r = reader(DESKTOP)
    if mit_folien:
        r.search("Folien", *mit_folien)
        slides = article(r.page).locator("#material + ul").get_by_role("link").first
        expect(slides).to_be_visible()
        assert "/anhaenge/" in (slides.get_attribute("href") or "")
    else:  # nothing published here: the events overview says where the presentations are
        r.search("Folien", "Veranstaltungen")
        for e in leseort.records.veranstaltungen:
            if e.tagung.dokumentation:
                expect(
                    article(r.page).get_by_role("link", name=e.tagung.dokumentation.titel, exact=True)
                ).to_be_visible()
    assert r.loads <= 2, r.loads


def test_task_planner_2_klimaanpassung_workshop_without_stub(reader: OpenReader, leseort: Leseort) -> None:
    kandidaten = [
        (e, v)
        for e in leseort.records.veranstaltungen
        for v in e.vortraege
        if not (v.session and is_twin(v.record, v.session))
    ]
    assert kandidaten, f"{leseort.name}: kein Beitrag mit eigener Seite"
    event, vortrag = next(
        (p for p in kandidaten if "Klimaanpassung" in p[1].record.titel),
        next((p for p in kandidaten if nichts_veroeffentlicht(p[1])), kandidaten[0]),
    )
    r = reader(DESKTOP)
    r.click(door(r.page, "Veranstaltungen"))
    r.click(article(r.page).get_by_role("link", name=event.tagung.titel, exact=True).first)
    r.click(article(r.page).get_by_role("link", name=vortrag.record.titel, exact=True).first)
    seite = article(r.page)
    expect(r.page.get_by_role("heading", level=1)).to_contain_text(vortrag.record.titel)
    if nichts_veroeffentlicht(vortrag):
        expect(
            seite.get_by_text("Mehr als die Angaben oben ist zu diesem Beitrag hier nicht veröffentlicht")
        ).to_be_visible()
        expect(seite.get_by_role("link", name=vortrag.record.quellen[0].titel, exact=True)).to_be_visible()
        if event.tagung.dokumentation:
            expect(seite.get_by_role("link", name="Dokumentation der Veranstaltung")).to_be_visible()
    else:
        expect(
            seite.get_by_role("heading", name=re.compile("^(Zusammenfassung|Folien und Material)$")).first
        ).to_be_visible()
    if leseort.name == "fixture":
        assert (vortrag.record.titel, vortrag.record.quellen[0].titel) == ("Workshop: Klimaanpassung", "Beispielquelle")
    assert r.loads <= 4, r.loads


def test_task_planner_3_empty_filter_explains_itself(reader: OpenReader, leseort: Leseort) -> None:
    massnahmen = leseort.records.massnahmen
    kreise = sorted({k for m in massnahmen for k in m.kreise if k != "Kreisfreie Städte"})
    kreis = kreise[0] if kreise else "Kreisfreie Städte"
    passend = [m for m in massnahmen if kreis in m.kreise and m.record.status == "abgeschlossen"]
    n, alle = len(passend), len(massnahmen)
    if leseort.name == "fixture":
        assert (kreis, n, alle) == ("Kreis Recklinghausen", 0, 7)
    r = reader(DESKTOP)
    r.click(door(r.page, "Maßnahmen und Karte"))
    page = r.page
    page.get_by_label("Kreis oder Kommune").select_option(
        label="alle kreisfreien Städte" if kreis == "Kreisfreie Städte" else f"ganzer {kreis}"
    )
    page.get_by_label("Status").select_option(label="abgeschlossen")
    liste = page.get_by_role("table", name=re.compile(r"^\d+( von \d+)? Maßnahmen?, nach Kommune sortiert$"))
    if n == 0:
        expect(page.get_by_text("Keine Maßnahme passt zu dieser Auswahl.")).to_be_visible()
        expect(page.get_by_text("Die Karte zeigt keine Maßnahme: keine passt zur Auswahl.")).to_be_visible()
        expect(liste).to_be_hidden()
        page.get_by_role("link", name=f"Filter zurücksetzen und alle {alle} Maßnahmen zeigen").click()  # no reload
    else:
        gezeigt = f"Alle {alle} Maßnahmen werden gezeigt." if n == alle else f"{n} von {alle} Maßnahmen werden gezeigt."
        expect(page.get_by_text(gezeigt)).to_be_visible()
        titel = sorted(m.record.titel for m in passend)
        sichtbar = liste.locator("tbody tr:not([hidden]) td:first-child a")
        expect(sichtbar).to_have_count(n)
        assert sorted(sichtbar.all_inner_texts()) == titel
        page.get_by_role("button", name="Filter zurücksetzen", exact=True).click()
    expect(page.get_by_text(f"Alle {alle} Maßnahmen werden gezeigt.")).to_be_visible()
    expect(page.get_by_role("table", name=f"{alle} Maßnahmen, nach Kommune sortiert", exact=True)).to_be_visible()
    assert r.loads <= 2, r.loads


def test_task_planner_4_funding_per_kreis(reader: OpenReader, leseort: Leseort) -> None:
    f = leseort.summen
    zeilen = [
        f"{s.name} {euro(s.betrag) if s.mit_betrag else '–'} {f.anteil(s.betrag) if s.mit_betrag else '–'} "
        f"{s.mit_betrag} {s.ohne_betrag}"
        for s in f.kreise
    ]
    if leseort.name == "fixture":  # kreisfreie Städte are rows of their own, not a Kreis „Kreisfreie Städte“
        assert {
            "Kreis Unna 15.000 € 5 % 1 0",
            "Kreis Recklinghausen 40.000 € 14 % 1 0",
            "Hamm 120.000 € 42 % 1 1",
        } <= set(zeilen)
    r = reader(DESKTOP)
    r.click(door(r.page, "Meine Kommune"))
    table = article(r.page).locator("table").filter(has=r.page.get_by_role("columnheader", name="Kreis"))
    for zeile in zeilen:
        expect(table.get_by_role("row", name=zeile, exact=True)).to_be_visible()
    assert r.loads <= 2, r.loads


# --- Issue 24: when, how much, readers' words, subscribing ---------------------------------------------------


def test_task_journalist_5_measures_finished_in_2023(fixture_reader: OpenReader) -> None:
    r = fixture_reader(DESKTOP)
    r.click(door(r.page, "Maßnahmen und Karte"))
    page = r.page
    page.get_by_label("Fertiggestellt").select_option(label="2023")
    expect(page.get_by_text("1 von 7 Maßnahmen werden gezeigt.")).to_be_visible()
    liste = page.get_by_role("table", name="1 von 7 Maßnahmen, nach Kommune sortiert")
    sichtbar = liste.locator("tbody tr:not([hidden])")
    expect(sichtbar).to_have_count(1)
    expect(sichtbar.get_by_role("cell")).to_have_text(
        ["Quartierpark Holsterhauser Platz", "Herne", "Stadt Beispiel", "abgeschlossen", "30.06.2023", "30.000 €"]
    )
    assert "fertigstellung=2023" in page.url  # the answer can be sent as a link
    page.reload()
    expect(page.get_by_label("Fertiggestellt")).to_have_value("2023")
    expect(page.get_by_text("1 von 7 Maßnahmen werden gezeigt.")).to_be_visible()
    r.click(sichtbar.get_by_role("link", name="Quartierpark Holsterhauser Platz"))
    fakten = article(r.page).locator(".ogi-fakten")
    expect(fakten).to_contain_text("Fertiggestellt")
    expect(fakten.locator("time[datetime='2023-06-30']")).to_have_text("30.06.2023")
    expect(fakten.get_by_role("link", name="Quelle 1")).to_be_visible()
    assert r.loads <= 4, r.loads


def test_task_council_1_how_much_to_a_kommune_and_its_share(reader: OpenReader, leseort: Leseort) -> None:
    f = leseort.summen
    kommune = kommune_der_aufgabe(leseort, "Oberhausen")
    s = f.kommune(kommune)
    assert s is not None and s.mit_betrag, f"{leseort.name}: {kommune} ohne Betrag"
    anteil = f"Das sind {f.anteil(s.betrag)} der {euro(f.gesamt)}, die auf dieser Website einzelnen Maßnahmen zugeordnet sind"
    if f.hauptzahl:
        h = f.hauptzahl
        anteil += f", und {'etwa ' if h.rund else ''}{f.anteil(s.betrag, h.betrag_eur)} von {geld(h.betrag_eur, h.rund)} insgesamt"
    if leseort.name == "fixture":
        assert anteil == (
            "Das sind 28 % der 285.500 €, die auf dieser Website einzelnen Maßnahmen zugeordnet sind, "
            "und etwa 8 % von rund 1 Mio. € insgesamt"
        )
    r = reader(PHONE)
    r.click(door(r.page, "Meine Kommune"))
    r.click(kommune_link(r.page, kommune))
    expect(article(r.page).get_by_text(foerder_satz(s))).to_be_visible()
    expect(article(r.page).get_by_text(anteil)).to_be_visible()
    if f.hauptzahl:  # what the whole is: its link leads to the headline answer with its source
        r.click(article(r.page).get_by_role("link", name="was diese Summe umfasst"))
        antwort = article(r.page).get_by_text(
            re.compile(
                "^"
                + re.escape(
                    f"{euro(f.gesamt)} von {geld(f.hauptzahl.betrag_eur, f.hauptzahl.rund)} ("
                    f"{' '.join(f.hauptzahl.umfasst.split())}) sind einzelnen Maßnahmen zugeordnet"
                )
            )
        )
        expect(antwort).to_be_in_viewport()
        expect(antwort.get_by_role("link", name=f.hauptzahl.quelle.titel)).to_be_visible()
    assert r.loads <= 4, r.loads


def test_task_resident_5_search_finds_holsterhausen_with_the_summary_as_snippet(fixture_reader: OpenReader) -> None:
    r = fixture_reader(PHONE)
    page = r.page
    r.open_search()
    r.enter("Holsterhausen")
    treffer = (
        page.locator(".md-search-result__item")
        .filter(has=page.locator("h1").get_by_text("Quartierpark Holsterhauser Platz", exact=True))
        .first
    )
    expect(treffer).to_be_visible()
    # the snippet is the record's summary, not its breadcrumb or facts list
    expect(treffer.locator(".md-search-result__article").first.locator("p")).to_have_text(
        "Ein Platz wird entsiegelt und mit Bäumen bepflanzt."
    )
    r.click(treffer.locator(".md-search-result__link").first)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Quartierpark Holsterhauser Platz")
    assert r.loads <= 2, r.loads


def test_task_subscriber_1_a_timed_talk_is_a_timed_event_in_the_calendar(
    fixture_reader: OpenReader, fixture_leseort: Leseort
) -> None:
    event = fixture_leseort.records.veranstaltungen[0]
    zone = ZoneInfo(event.tagung.zeitzone)
    r = fixture_reader(DESKTOP, accept_downloads=True)
    r.click(door(r.page, "Veranstaltungen"))
    r.click(article(r.page).get_by_role("link", name=event.tagung.titel, exact=True).first)
    with r.page.expect_download() as download:
        article(r.page).get_by_role("link", name=Kalender.label).first.click()
    kalender = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    by_summary = {str(e["SUMMARY"]): e for e in kalender.walk("VEVENT")}
    impuls = by_summary["Impuls zum Stadtklima"]
    assert impuls.decoded("DTSTART") == dt.datetime(2020, 11, 26, 11, 0, tzinfo=zone)  # a timed event
    assert "DTEND" not in impuls and "DURATION" not in impuls  # its length is not known: none invented
    tag = by_summary["Netzwerktag: Beispieltagung Grüne Infrastruktur"]
    assert tag.decoded("DTSTART") == dt.datetime(2020, 11, 26, 9, 0, tzinfo=zone) and "DTEND" not in tag
    # the same subscriber finds what is new from any page's footer, as a page for people
    r.click(r.page.locator("footer").get_by_role("link", name="Neu und geändert"))
    expect(r.page.get_by_role("heading", level=1)).to_contain_text("Neu und geändert")
    expect(article(r.page).get_by_role("link", name="Quartierpark Holsterhauser Platz")).to_be_visible()
    feed = r.page.locator("head link[rel=alternate][type='application/atom+xml']")
    expect(feed).to_have_attribute("title", "Neu und geändert")
    assert r.loads <= 4, r.loads
