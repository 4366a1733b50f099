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
from typing import TYPE_CHECKING

import pytest
import yaml

from helpers import ROOT, axe_violations, copy_project, logged_page, mkdocs_build, present, serve, wait_for
from ogi.records.content import load_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/cms-shots")
# The steps' screenshots (to look at the forms) only when asked for: FORMULARE_BILDER=1. A refusal's always.
ALL_SHOTS = os.environ.get("FORMULARE_BILDER") == "1"
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
HERNE = (51.550, 7.217)  # the fixture's centre of Herne (tests/fixtures/site/content/kommunen.yml)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]  # (host, port) for AF_INET
        return port


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

    def __init__(self, page: Page, base: str, project: Path, site: Path, port: int) -> None:
        self.page, self.base, self.project, self.site, self.port = page, base, project, site, port
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def rebuild(self) -> None:
        result = mkdocs_build(self.project, self.site, FORMULARE_PORT=str(self.port))
        assert result.returncode == 0, result.stderr[-3000:]

    def open(self) -> None:
        self.page.goto(self.base + "redaktion/bearbeiten/")
        self.page.get_by_role("button", name="Formulare öffnen").click()
        login, ready = self.page.get_by_role("button", name="Login"), self.page.get_by_text("Inhaltstypen")
        login.or_(ready).first.wait_for(timeout=20000)
        if login.count():  # once signed in, the local backend's sign-in is remembered in the browser
            login.click()
        ready.wait_for(timeout=20000)

    def new_entry(self, collection: str) -> None:
        self.goto(f"#/collections/{collection}/new")
        self.page.locator('[id^="titel-field"]').first.wait_for(timeout=20000)
        self.page.wait_for_load_state("networkidle")

    def goto(self, fragment: str) -> None:
        """A page of the editor, loaded afresh (Decap may ignore a bare change of the address's #fragment)."""
        self.page.goto("about:blank")
        self.page.goto(self.base + "redaktion/bearbeiten/" + fragment)

    def field(self, name: str, nth: int = -1) -> Locator:
        """The control of field `name`: the nth in the page, or (-1) the one made last, e.g. of a list entry just
        added (Decap numbers its controls in the order it makes them: `datum-field-17`)."""
        fields = self.page.locator(f'[id^="{name}-field-"]')
        if nth >= 0:
            return fields.nth(nth)
        newest = self.page.evaluate(
            """name => Array.from(document.querySelectorAll(`[id^="${name}-field-"]`)).map(e => e.id)
                 .sort((a, b) => Number(a.split("-").pop()) - Number(b.split("-").pop())).pop()""",
            name,
        )
        return self.page.locator(f'[id="{newest}"]')

    def fill(self, name: str, value: str, nth: int = -1) -> None:
        control = self.field(name, nth)
        for _ in range(3):  # a form still rendering may drop the first input
            control.fill(value)
            if control.input_value() == value:
                return
            self.page.wait_for_timeout(300)
        assert control.input_value() == value, name

    def choose(self, name: str, option: str, nth: int = -1) -> None:
        """A select (react-select): open it, pick the option by its text."""
        self.field(name, nth).click()
        self.page.get_by_role("option", name=option, exact=True).click()

    def add(self, list_name: str) -> None:
        self.page.get_by_role("button", name=f"{list_name} hinzufügen").click()

    def source_and_date(self, titel: str, url: str) -> None:
        """A source (read in November 2026) and the date the record was last checked: every record has both."""
        self.add("quellen")
        self.fill("titel", titel)
        self.fill("url", url)
        self.fill("abgerufen", "2026-11")
        self.fill("datenstand", "2026-11-26")

    def reopen(self) -> None:
        """After a rebuild: the page anew, with the configuration the build generated."""
        self.page.goto("about:blank")
        self.open()

    def publish(self) -> None:
        """Publish now (the local backend writes the file); fails with the form's own messages if it refuses."""
        self.page.get_by_role("button", name="Veröffentlichen").first.click()
        self.page.get_by_role("menuitem", name="Jetzt veröffentlichen").click()
        unsaved = self.page.get_by_text("Ungespeicherte Änderungen")
        refused = self.page.get_by_text("Oops")
        assert wait_for(lambda: refused.count() > 0 or unsaved.count() == 0, 20), "nicht gespeichert"
        if refused.count():
            self.shot("abgelehnt", always=True)
            lines = self.page.inner_text("body").splitlines()
            pytest.fail(
                "Das Formular meldet: "
                + " / ".join(
                    f"{lines[i - 1]}: {line}"
                    for i, line in enumerate(lines)
                    if "ERFORDERLICH" in line.upper() or "UNGÜLTIG" in line.upper() or "ERWARTET" in line.upper()
                )
            )

    def shot(self, name: str, always: bool = False) -> None:
        if not (ALL_SHOTS or always):
            return
        SHOTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.fixture()
def editing(tmp_path: Path, browser: Browser) -> Iterator[Editor]:
    project = copy_project(tmp_path / "projekt")
    port = free_port()
    editor_site = tmp_path / "site"
    result = mkdocs_build(project, editor_site, FORMULARE_PORT=str(port))
    assert result.returncode == 0, result.stderr[-3000:]
    with (
        local_backend(project, port, tmp_path / "decap-server.log"),
        logged_page(browser, viewport={"width": 1366, "height": 900}) as (page, log),
    ):
        for base in serve(editor_site):
            editor = Editor(page, base, project, editor_site, port)
            yield editor
            assert log.foreign == []
            break


def draw_line(editor: Editor) -> None:
    """Three clicks on the map around the centre of Herne, the last one again to end the line."""
    page = editor.page
    # Every map of the site registers with the consent script (assets/karte/einwilligung.js): window.ogiKarten.
    page.wait_for_function("window.ogiKarten && window.ogiKarten.karten && window.ogiKarten.karten.length > 0")
    page.evaluate(
        "([lat, lon]) => window.ogiKarten.karten[window.ogiKarten.karten.length - 1].setView([lat, lon], 16)",
        list(HERNE),
    )
    karte = page.locator(".ogi-lage__karte")
    karte.scroll_into_view_if_needed()
    page.locator(".leaflet-draw-draw-polyline").click()
    box = present(karte.bounding_box())
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    for dx, dy in ((-80, 20), (0, -10), (80, 10)):
        page.mouse.click(cx + dx, cy + dy)
        page.wait_for_timeout(150)
    page.mouse.click(cx + 80, cy + 10)
    page.wait_for_function("document.querySelector('.ogi-lage__text').value.includes('LineString')")
    karte.scroll_into_view_if_needed()
    editor.shot("massnahme-lage")


def test_a_measure_and_a_contribution_to_a_new_event_through_the_forms(editing: Editor, tmp_path: Path) -> None:
    editor, page = editing, editing.page
    page.goto(editor.base + "redaktion/bearbeiten/")  # the page of the guide, before the forms are opened
    assert axe_violations(page) == []
    editor.shot("formulare-oeffnen")
    editor.open()
    editor.shot("uebersicht")
    editor.new_entry("massnahmen")
    editor.shot("massnahme-neu")
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
    page.get_by_role("button", name="Wähle ein anderes Bild").wait_for(timeout=20000)
    editor.fill("alt", "Eine grüne Testfläche aus dem Formular")
    editor.fill("urheber", "Testurheber")
    editor.fill("lizenz", "CC0 1.0")
    editor.source_and_date("Testquelle aus dem Formular", "https://example.org/formular")
    editor.shot("massnahme")
    editor.publish()
    written = editor.project / "content/projects/formularpark-in-herne.yml"
    assert wait_for(written.is_file, 20), sorted(p.name for p in (editor.project / "content/projects").iterdir())
    assert (editor.project / "content/projects/bilder/formular-foto.png").is_file()
    record = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert record["lage"]["geometrie"]["type"] == "LineString"
    assert record["foerderung"] == {"betrag_eur": 250000, "foerdergeber": "Testfördergeber"}

    # A new event, then (after the rebuild that generates its collection) a contribution to it.
    editor.new_entry("veranstaltungen")
    editor.fill("titel", "Formulartag 2026", 0)
    editor.add("veranstalter")
    editor.fill("eintrag", "Testveranstalter")
    editor.choose("programmstand", "berichtet")
    editor.fill("kurzbeschreibung", "Eine Veranstaltung, angelegt über die Formulare, nur für Tests.")
    editor.add("tage")
    editor.fill("datum", "2026-10-15")
    editor.fill("name", "Formulartag")
    editor.source_and_date("Testquelle der Veranstaltung", "https://example.org/formulartag")
    editor.shot("veranstaltung")
    editor.publish()
    tagung = editor.project / "content/formulartag-2026/tagung.yml"
    assert wait_for(tagung.is_file, 20)
    editor.rebuild()
    editor.reopen()
    editor.new_entry("beitraege-formulartag-2026")
    editor.fill("titel", "Impuls aus dem Formular", 0)
    editor.choose("art", "Impuls", 0)
    editor.choose("tag", "2026-10-15")
    editor.add("referierende")
    editor.fill("name", "Testperson Formular")
    editor.source_and_date("Testquelle des Beitrags", "https://example.org/formulartag/impuls")
    editor.shot("beitrag")
    editor.publish()
    beitrag = editor.project / "content/formulartag-2026/impuls-aus-dem-formular.yml"
    assert wait_for(beitrag.is_file, 20), sorted(p.name for p in tagung.parent.iterdir())
    assert not editor.errors, editor.errors

    # What the forms wrote passes the checks (make check) ...
    site = load_site(editor.project)
    assert [str(e) for e in site.errors] == []
    # ... and builds into the same site as the same values written by hand.
    hand = copy_project(tmp_path / "von-hand")
    shutil.copy(editor.project / "content/projects/bilder/formular-foto.png", hand / "content/projects/bilder/")
    line = ", ".join(f"[{lon}, {lat}]" for lon, lat in record["lage"]["geometrie"]["coordinates"])
    (hand / "content/projects/formularpark-in-herne.yml").write_text(
        HAND_MEASURE.replace("LINIE", line), encoding="utf-8"
    )
    (hand / "content/formulartag-2026").mkdir()
    (hand / "content/formulartag-2026/tagung.yml").write_text(HAND_EVENT, encoding="utf-8")
    (hand / "content/formulartag-2026/impuls-aus-dem-formular.yml").write_text(HAND_TALK, encoding="utf-8")
    assert load_site(hand).errors == []
    from_forms, by_hand = tmp_path / "aus-formularen", tmp_path / "von-hand-site"
    for project, site_dir in ((editor.project, from_forms), (hand, by_hand)):
        result = mkdocs_build(project, site_dir, FORMULARE_PORT=str(editor.port))
        assert result.returncode == 0, result.stderr[-3000:]
    assert (from_forms / "massnahmen/formularpark-in-herne/index.html").is_file()
    assert (from_forms / "formulartag-2026/impuls-aus-dem-formular/index.html").is_file()
    assert different_files(from_forms, by_hand) == []


def different_files(one: Path, other: Path) -> list[str]:
    files = {p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file()}
    files |= {p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file()}
    return sorted(
        f
        for f in files
        if not (one / f).is_file() or not (other / f).is_file() or (one / f).read_bytes() != (other / f).read_bytes()
    )


# The same values as the forms were given, written as an editor writes YAML by hand (flow lists, no quotes).
HAND_MEASURE = """\
titel: Formularpark in Herne
kommunen: [Herne]
programm: Testprogramm
status: geplant
status_beleg: {art: Quelle, quelle: 1}
foerderung:
  betrag_eur: 250000
  foerdergeber: Testfördergeber
kurzbeschreibung: Ein Park, angelegt über die Formulare, nur für Tests.
lage:
  genauigkeit: exakt
  ort: Teststraße 2, Herne
  geometrie: {type: LineString, coordinates: [LINIE]}
bilder:
  - datei: formular-foto.png
    alt: Eine grüne Testfläche aus dem Formular
    urheber: Testurheber
    lizenz: CC0 1.0
quellen:
  - titel: Testquelle aus dem Formular
    url: https://example.org/formular
    abgerufen: 2026-11
datenstand: 2026-11-26
"""
HAND_EVENT = """\
titel: Formulartag 2026
veranstalter: [Testveranstalter]
programmstand: berichtet
kurzbeschreibung: Eine Veranstaltung, angelegt über die Formulare, nur für Tests.
tage:
  - datum: 2026-10-15
    name: Formulartag
quellen:
  - titel: Testquelle der Veranstaltung
    url: https://example.org/formulartag
    abgerufen: 2026-11
datenstand: 2026-11-26
"""
HAND_TALK = """\
titel: Impuls aus dem Formular
art: Impuls
tag: 2026-10-15
referierende:
  - name: Testperson Formular
quellen:
  - titel: Testquelle des Beitrags
    url: https://example.org/formulartag/impuls
    abgerufen: 2026-11
datenstand: 2026-11-26
"""


def test_a_changed_status_and_a_later_change_note_through_the_form(editing: Editor) -> None:
    editor = editing
    source = editor.project / "content/projects/test-punkt-exakt.yml"
    before = load_site(editor.project)
    editor.open()
    editor.goto("#/collections/massnahmen/entries/test-punkt-exakt")
    editor.field("titel", 0).wait_for(timeout=20000)
    editor.choose("status", "in Umsetzung")
    editor.add("hinweise")
    editor.fill("datum", "2026-10")
    editor.fill("text", "Ein späterer Testhinweis aus dem Formular.")
    editor.fill("quelle", "1")
    editor.shot("massnahme-aendern")
    editor.publish()
    assert wait_for(lambda: "in Umsetzung" in source.read_text(encoding="utf-8"), 20)
    after = load_site(editor.project)
    assert [str(e) for e in after.errors] == []
    old = next(m.record for m in before.massnahmen if m.slug == "test-punkt-exakt").model_dump()
    new = next(m.record for m in after.massnahmen if m.slug == "test-punkt-exakt").model_dump()
    assert new.pop("status") == "in Umsetzung" and old.pop("status") == "geplant"
    assert [
        (h["datum"].text if hasattr(h["datum"], "text") else str(h["datum"]), h["text"], h["quelle"])
        for h in new.pop("hinweise")
    ] == [("2026-10", "Ein späterer Testhinweis aus dem Formular.", 1)]
    old.pop("hinweise")
    assert new == old  # every other value as it was: the form reads and writes the record without loss

    # The other forms, for the editors' guide and the closing note: the timeline and the operator data.
    for name in ("meilensteine", "betreiber"):
        editor.goto(f"#/collections/website/entries/{name}")
        editor.page.get_by_text("Zurück zu allen").first.wait_for(timeout=20000)
        editor.page.wait_for_timeout(500)
        editor.shot(name)
    assert not editor.errors, editor.errors
