"""Maps in headless Chromium: geometry drawn, overview data and popups, filters, consent-gated tiles, axe-core."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest
from conftest import ROOT, RequestLog, SubpathHandler, axe_violations, copy_project, mkdocs_build
from test_maps import add_geometry_records

pytestmark = pytest.mark.browser

RECORDS = sorted(p.stem for p in (ROOT / "content/projects").glob("*.yml"))
TILE_PNG = (Path(__import__("xstatic.pkg.leaflet", fromlist=["BASE_DIR"]).BASE_DIR) / "images/layers.png").read_bytes()
STUB_PREFIX = "/site/"


class _StubHandler(SubpathHandler):
    """Serves the built copy below /site/ and answers every /tiles/… request with a small PNG."""

    prefix = STUB_PREFIX

    def do_GET(self):
        if self.path.startswith("/tiles/"):
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(TILE_PNG)))
            self.end_headers()
            self.wfile.write(TILE_PNG)
            return
        super().do_GET()


@pytest.fixture(scope="module")
def stub(tmp_path_factory):
    """A copy of the project with point/line/polygon records and the tile URL pointed at a local stub."""
    served = tmp_path_factory.mktemp("karten-site")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StubHandler, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_port}"
    project = copy_project(tmp_path_factory.mktemp("karten-projekt"))
    add_geometry_records(project)
    config = project / "mkdocs.yml"
    text, count = re.subn(r"(?m)^    kacheln_url: .*$", f"    kacheln_url: {origin}/tiles/{{z}}/{{x}}/{{y}}.png",
                          config.read_text(encoding="utf-8"))
    assert count == 1
    config.write_text(text.replace("anbieter: OpenStreetMap Foundation", "anbieter: Test-Kachelserver"), encoding="utf-8")
    result = mkdocs_build(project, served, site_url=f"{origin}{STUB_PREFIX}")
    assert result.returncode == 0, result.stderr
    yield f"{origin}{STUB_PREFIX}"
    server.shutdown()


@pytest.fixture
def stub_page(browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    log = RequestLog()
    context.route("**/*", log.route)
    page = context.new_page()
    yield page, log
    context.close()


def _tiles(log: RequestLog) -> list[str]:
    return [u for u in log.urls if "/tiles/" in u]


def _drawn(page) -> dict:
    """What Leaflet drew in the first map: SVG paths (with fill) and marker icons, inside the map's box."""
    page.wait_for_selector(".ogi-karte .leaflet-overlay-pane path, .ogi-karte .leaflet-marker-icon", state="attached")
    return page.evaluate("""() => {
        const box = document.querySelector('.ogi-karte .leaflet-container').getBoundingClientRect();
        const inside = (r) => r.width > 0 && r.left >= box.left - 1 && r.right <= box.right + 1
                              && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
        const paths = [...document.querySelectorAll('.ogi-karte .leaflet-overlay-pane path')];
        const markers = [...document.querySelectorAll('.ogi-karte .leaflet-marker-pane .leaflet-marker-icon')];
        return {
            paths: paths.map(p => ({fill: p.getAttribute('fill'), dash: p.getAttribute('stroke-dasharray'),
                                    inside: inside(p.getBoundingClientRect())})),
            markers: markers.map(m => ({alt: m.getAttribute('alt'), inside: inside(m.getBoundingClientRect())})),
            tooltips: [...document.querySelectorAll('.ogi-karte .leaflet-tooltip')].map(t => t.textContent.trim()),
        };
    }""")


@pytest.mark.parametrize("slug", RECORDS)
def test_measure_map_draws_shipped_position_as_kommune_circle(page_with_log, base_url, slug):
    page, log = page_with_log
    page.goto(f"{base_url}massnahmen/{slug}/", wait_until="networkidle")
    drawn = _drawn(page)
    assert len(drawn["paths"]) == 1 and drawn["paths"][0]["dash"] and drawn["paths"][0]["inside"]
    assert drawn["markers"] == []
    assert any("Ortsmitte" in t for t in drawn["tooltips"])
    assert "Ortsmitte" in page.locator(".ogi-karte figcaption").inner_text()
    assert log.foreign == []


@pytest.mark.parametrize("slug, want", [
    ("test-punkt-exakt", "marker"), ("test-linie-ungefaehr", "line"), ("test-flaeche-exakt", "area"),
], ids=["punkt", "linie", "flaeche"])
def test_measure_map_draws_point_line_and_polygon_fitted(stub, stub_page, slug, want):
    page, log = stub_page
    page.goto(f"{stub}massnahmen/{slug}/", wait_until="networkidle")
    drawn = _drawn(page)
    if want == "marker":
        assert drawn["paths"] == [] and len(drawn["markers"]) == 1
        assert drawn["markers"][0]["inside"] and drawn["markers"][0]["alt"] == "Lage: Testpunkt exakt"
    else:
        (path,) = drawn["paths"]
        assert path["inside"] and (path["fill"] == "none") == (want == "line")
    assert log.foreign == []


def _overview(page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    page.wait_for_selector(".ogi-karte [data-ogi-geladen]", state="attached")


def test_overview_map_holds_one_feature_per_measure_with_popup_links(page_with_log, base_url):
    page, log = page_with_log
    _overview(page, f"{base_url}massnahmen/")
    popups = page.evaluate("""async () => {
        const karte = window.ogiKarten.karten[0];
        const {layer, cluster} = karte.ogiDaten;
        const out = [];
        for (const l of layer.getLayers()) {
            await Promise.race([new Promise((done) => cluster.zoomToShowLayer(l, done)),
                                new Promise((done) => setTimeout(done, 3000))]);
            l.openPopup();
            const link = l.getPopup().getElement().querySelector('.leaflet-popup-content a');
            out.push([l.feature.properties.slug, link.href, link.textContent]);
            karte.closePopup();
        }
        return out;
    }""")
    assert sorted(slug for slug, _, _ in popups) == RECORDS
    for slug, href, _ in popups:
        assert href == f"{base_url}massnahmen/{slug}/"
    titles = page.locator("#massnahmen-liste tbody tr td:first-child a").all_inner_texts()
    assert sorted(t for _, _, t in popups) == sorted(titles)
    assert log.foreign == []


def _visible(page) -> tuple[int, int, str]:
    rows = page.locator("#massnahmen-liste tbody tr:visible").count()
    on_map = page.evaluate("() => window.ogiKarten.karten[0].ogiDaten.cluster.getLayers().length")
    return rows, on_map, page.locator("#ogi-filter-ergebnis").inner_text()


def test_filters_change_map_and_list_together(page_with_log, base_url):
    page, _ = page_with_log
    _overview(page, f"{base_url}massnahmen/")
    assert _visible(page)[:2] == (12, 12)
    page.select_option("#ogi-filter-gebiet", "kommune:Herne")
    rows, on_map, text = _visible(page)
    assert (rows, on_map) == (2, 2) and text.startswith("2 von 12")
    assert set(page.locator("#massnahmen-liste tbody tr:visible td:nth-child(2)").all_inner_texts()) == {"Herne"}
    page.select_option("#ogi-filter-gebiet", "kreis:Kreis Unna")
    assert _visible(page)[:2] == (1, 1)
    page.select_option("#ogi-filter-gebiet", "")
    page.select_option("#ogi-filter-traeger", "Stadt Mülheim an der Ruhr")
    assert _visible(page)[:2] == (1, 1)
    page.select_option("#ogi-filter-status", "geplant")
    assert _visible(page)[:2] == (0, 0)
    page.click("#ogi-filter button[type=reset]")
    page.wait_for_function("() => window.ogiKarten.karten[0].ogiDaten.cluster.getLayers().length === 12")
    assert _visible(page)[:2] == (12, 12)


def test_list_is_complete_and_controls_hidden_without_javascript(browser, built_site, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}massnahmen/")
    assert page.locator("#massnahmen-liste tbody tr:visible").count() == len(RECORDS)
    assert not page.locator("#ogi-filter").is_visible()
    assert not page.locator(".ogi-karte-consent").is_visible()
    assert not page.locator(".ogi-karte__rahmen").is_visible()
    page.goto(f"{base_url}massnahmen/boenen-bee-friendly/")
    assert "Ortsmitte" in page.locator(".ogi-karte figcaption").inner_text()
    assert not page.locator(".ogi-karte__rahmen").is_visible()
    context.close()


def test_kommune_page_map_shows_only_its_measures_without_loading_all(page_with_log, base_url):
    page, log = page_with_log
    _overview(page, f"{base_url}kommunen/oberhausen/")
    slugs = page.evaluate("() => window.ogiKarten.karten[0].ogiDaten.layer.getLayers().map(l => l.feature.properties.slug)")
    assert sorted(slugs) == [s for s in RECORDS if s.startswith("oberhausen-")]
    assert not [u for u in log.urls if u.endswith(".geojson")]


def test_tiles_load_only_after_consent_and_consent_can_be_withdrawn(stub, stub_page):
    page, log = stub_page
    page.goto(f"{stub}massnahmen/test-punkt-exakt/", wait_until="networkidle")
    _drawn(page)
    assert _tiles(log) == [] and log.foreign == []
    button = page.locator(".ogi-karte-consent__knopf")
    assert "127.0.0.1" in button.inner_text()
    assert "Test-Kachelserver" in page.locator(".ogi-karte-consent__frage").inner_text()
    button.click()
    page.wait_for_selector(".leaflet-tile-loaded")
    assert all(re.search(r"/tiles/\d+/\d+/\d+\.png$", u) for u in _tiles(log)) and _tiles(log)
    assert page.evaluate("() => localStorage.getItem('ogi-karten-einwilligung')") == "ja"
    assert page.locator(".ogi-karte-consent__geladen").is_visible() and not button.is_visible()

    before = len(_tiles(log))
    page.goto(f"{stub}massnahmen/", wait_until="networkidle")
    page.wait_for_selector(".leaflet-tile-loaded")
    assert len(_tiles(log)) > before  # remembered: no second click

    page.goto(f"{stub}datenschutz/", wait_until="networkidle")
    state = page.locator("#ogi-consent-state")
    assert "gespeichert" in state.inner_text() and "nicht" not in state.inner_text()
    page.click("#ogi-consent-revoke")
    assert "widerrufen" in state.inner_text()
    assert page.evaluate("() => localStorage.getItem('ogi-karten-einwilligung')") is None

    before = len(_tiles(log))
    page.goto(f"{stub}massnahmen/test-linie-ungefaehr/", wait_until="networkidle")
    _drawn(page)
    assert len(_tiles(log)) == before and page.locator(".ogi-karte-consent__knopf").is_visible()
    assert log.foreign == []


def test_maps_are_usable_by_keyboard(page_with_log, base_url):
    page, _ = page_with_log
    _overview(page, f"{base_url}massnahmen/")
    marker = page.locator(".ogi-karte .leaflet-marker-icon.ogi-punkt").first  # a measure not clustered
    marker.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".leaflet-popup-content a")
    page.focus(".ogi-karte .leaflet-container")
    zoom = page.evaluate("() => window.ogiKarten.karten[0].getZoom()")
    page.keyboard.press("+")
    page.wait_for_function(f"() => window.ogiKarten.karten[0].getZoom() > {zoom}")


AXE_PAGES = {
    "massnahme": "massnahmen/boenen-bee-friendly/",
    "massnahmen-index": "massnahmen/",
    "kommune": "kommunen/herne/",
    "datenschutz": "datenschutz/",
}


@pytest.mark.parametrize("path", AXE_PAGES.values(), ids=AXE_PAGES.keys())
def test_map_pages_have_no_axe_violations(page_with_log, base_url, path):
    page, log = page_with_log
    page.goto(base_url + path, wait_until="networkidle")
    if path == "massnahmen/":
        page.wait_for_selector(".ogi-karte [data-ogi-geladen]", state="attached")
    violations = axe_violations(page)
    assert violations == []
    assert log.foreign == []


@pytest.mark.parametrize("slug", ["test-punkt-exakt", "test-linie-ungefaehr", "test-flaeche-exakt"],
                         ids=["punkt", "linie", "flaeche"])
def test_geometry_pages_have_no_axe_violations_before_and_after_consent(stub, stub_page, slug):
    page, _ = stub_page
    page.goto(f"{stub}massnahmen/{slug}/", wait_until="networkidle")
    _drawn(page)
    assert axe_violations(page) == []
    page.click(".ogi-karte-consent__knopf")
    page.wait_for_selector(".leaflet-tile-loaded")
    violations = axe_violations(page)
    assert violations == []
