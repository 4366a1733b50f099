"""The preview page "Lage zeichnen": Leaflet.draw vendored and pinned by hash, the page only in `make serve` (never
in a build for publishing), and the recipe of the guide followed in Chromium — click or draw on the map, copy the
YAML, paste it into a measure, and `make check` (load_site) accepts it."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from pytest import TempPathFactory

from helpers import (
    FIXTURE_CONTENT,
    ROOT,
    Tabs,
    asset_urls,
    axe_violations,
    copy_project,
    get_text,
    mkdocs_serve,
    parse_page,
    present,
    wait_for,
)
from ogi.maps.assets import DRAW_DIR, drawing_files
from ogi.records.content import load_site

if TYPE_CHECKING:
    from playwright.sync_api import FloatRect, Page

    from helpers import RequestLog

PAGE = "redaktion/lage-zeichnen/"
HERNE = (7.217, 51.550)  # [Länge, Breite] of Herne's centre in the fixture's kommunen.yml


def test_vendored_leaflet_draw_matches_its_pinned_hashes() -> None:
    lines = (DRAW_DIR / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    pinned = {name: digest for digest, name in (line.split() for line in lines)}
    assert {"leaflet.draw.js", "leaflet.draw.css"} <= set(pinned)
    for name, digest in pinned.items():
        assert hashlib.sha256((DRAW_DIR / name).read_bytes()).hexdigest() == digest, f"{name}: Prüfsumme weicht ab"
    # Only what the hashes cover is published; the licence travels with the files in the repository.
    assert {path for _, path in drawing_files() if path.parent.is_relative_to(DRAW_DIR)} == {
        DRAW_DIR / name for name in pinned
    }
    assert "Leaflet.draw 1.0.4" in (DRAW_DIR / "leaflet.draw.js").read_text(encoding="utf-8")[:200]
    assert "Permission is hereby granted, free of charge" in (DRAW_DIR / "LICENSE.md").read_text(encoding="utf-8")
    readme = (DRAW_DIR.parent / "README.md").read_text(encoding="utf-8")
    assert "Leaflet.draw 1.0.4" in readme and "leaflet-draw@1.0.4" in readme and "MIT" in readme


def test_build_for_publishing_has_no_drawing_page_nor_its_scripts(built_site: Path) -> None:
    assert not (built_site / PAGE).exists()
    assert not (built_site / "assets/karte/leaflet-draw").exists()
    assert not list(built_site.rglob("lage-zeichnen*"))
    assert not [p for p in built_site.rglob("*.html") if any("lage-zeichnen" in link for link in parse_page(p).links)]


def with_lage(record: Path, block: str) -> None:
    """Replace the top-level `lage:` block of a measure file with `block`, as an editor pastes it."""
    text = record.read_text(encoding="utf-8")
    replaced, count = re.subn(r"^lage:\n(?:[ #].*\n)*", block, text, count=1, flags=re.M)
    assert count == 1, record
    record.write_text(replaced, encoding="utf-8")


@pytest.fixture(scope="module")
def preview(tmp_path_factory: TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The fixture project as `make serve` shows it: (base URL, its log)."""
    tmp = tmp_path_factory.mktemp("vorschau")
    project = copy_project(tmp / "projekt")
    log = tmp / "serve.log"
    with mkdocs_serve(project, log) as base:
        assert wait_for(lambda: "ogi-zeichnen-karte" in get_text(base + PAGE), 60), log.read_text()
        yield base, log


@pytest.fixture
def zeichnen(tabs: Tabs, preview: tuple[str, Path]) -> Iterator[tuple[Page, RequestLog, FloatRect]]:
    """The drawing page, its map loaded and centred on Herne at street level: (page, request log, map box)."""
    base, _ = preview
    with tabs.visit() as (page, log):
        page.goto(base + PAGE)
        page.wait_for_selector("#ogi-zeichnen-karte[data-ogi-grundkarte]", state="attached")
        page.locator("#ogi-zeichnen-karte").scroll_into_view_if_needed()
        page.evaluate(
            "([lon, lat]) => window.ogiKarten.karten[0].setView([lat, lon], 16, {animate: false})", list(HERNE)
        )
        yield page, log, present(page.locator("#ogi-zeichnen-karte").bounding_box())


def pasted(tmp_path: Path, block: str) -> dict[str, Any]:
    """`block` pasted into a copy of the fixture's Herne measure; load_site's errors must be none. Its lage."""
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")
    record = tmp_path / "content/projects/test-herne-park.yml"
    with_lage(record, block)
    site = load_site(tmp_path)
    assert [str(e) for e in site.errors] == []
    lage: dict[str, Any] = yaml.safe_load(record.read_text(encoding="utf-8"))["lage"]  # YAML: untyped
    return lage


def near(position: list[float], expected: tuple[float, float], tolerance: float = 0.003) -> bool:
    return abs(position[0] - expected[0]) < tolerance and abs(position[1] - expected[1]) < tolerance


def six_decimals(block: str) -> bool:
    numbers = re.findall(r"-?\d+\.\d+", block)
    return bool(numbers) and all(len(n.split(".")[1]) <= 6 for n in numbers)


@pytest.mark.browser
def test_click_sets_a_point_whose_yaml_make_check_accepts(
    zeichnen: tuple[Page, RequestLog, FloatRect], tmp_path: Path
) -> None:
    page, log, box = zeichnen
    page.click("a.leaflet-draw-draw-marker")
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    block = page.input_value("#ogi-zeichnen-yaml")
    assert block.startswith("lage:\n  genauigkeit: exakt\n")
    assert six_decimals(block), block
    lage = pasted(tmp_path, block)
    assert lage["geometrie"]["type"] == "Point"
    assert near(lage["geometrie"]["coordinates"], HERNE), lage  # [Länge, Breite], where the click was
    assert log.foreign == []


@pytest.mark.browser
def test_drawn_line_gives_a_linestring_make_check_accepts(
    zeichnen: tuple[Page, RequestLog, FloatRect], tmp_path: Path
) -> None:
    page, log, box = zeichnen
    page.click("a.leaflet-draw-draw-polyline")
    for dx, dy in ((-120, 40), (0, 0), (100, -60)):
        page.mouse.click(box["x"] + box["width"] / 2 + dx, box["y"] + box["height"] / 2 + dy)
        page.wait_for_timeout(150)  # Leaflet.draw takes two clicks in quick succession for a double click
    page.click(".leaflet-draw-actions a[title='Zeichnen beenden']")
    page.check("input[value='ungefähr']")
    block = page.input_value("#ogi-zeichnen-yaml")
    assert six_decimals(block), block
    lage = pasted(tmp_path, block)
    assert lage["genauigkeit"] == "ungefähr"
    assert lage["geometrie"]["type"] == "LineString"
    points = lage["geometrie"]["coordinates"]
    assert len(points) == 3 and near(points[1], HERNE)
    assert points[0][0] < points[1][0] < points[2][0]  # west to east, as drawn: longitude first
    assert points[2][1] > points[1][1] > points[0][1]  # south to north: the screen's y grows downwards
    assert log.foreign == []


@pytest.mark.browser
def test_drawn_area_gives_a_closed_polygon_make_check_accepts(
    zeichnen: tuple[Page, RequestLog, FloatRect], tmp_path: Path
) -> None:
    page, _, box = zeichnen
    page.click("a.leaflet-draw-draw-polygon")
    corners = ((-80, -60), (90, -50), (60, 70), (-80, -60))  # back to the first corner closes the area
    for dx, dy in corners:
        page.mouse.click(box["x"] + box["width"] / 2 + dx, box["y"] + box["height"] / 2 + dy)
        page.wait_for_timeout(150)
    lage = pasted(tmp_path, page.input_value("#ogi-zeichnen-yaml"))
    ring = lage["geometrie"]["coordinates"][0]
    assert lage["geometrie"]["type"] == "Polygon" and len(ring) == 4 and ring[0] == ring[-1]


@pytest.mark.browser
def test_copy_button_and_axe_on_the_drawing_page(zeichnen: tuple[Page, RequestLog, FloatRect]) -> None:
    page, log, box = zeichnen
    assert page.is_disabled("#ogi-zeichnen-kopieren")
    page.click("a.leaflet-draw-draw-marker")
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.click("#ogi-zeichnen-kopieren")
    # The status follows the clipboard's answer, which comes asynchronously.
    page.wait_for_function("document.querySelector('#ogi-zeichnen-status').textContent.length > 0")
    assert page.text_content("#ogi-zeichnen-status") in (
        "Kopiert. Jetzt in die Datei der Maßnahme einfügen.",
        "Kopieren nicht möglich: den markierten Text mit Strg+C kopieren.",
    )
    titles = page.locator(".leaflet-draw-toolbar a").evaluate_all("links => links.map(a => a.title)")
    assert titles[:3] == ["Linie zeichnen", "Fläche zeichnen", "Punkt setzen"]
    assert axe_violations(page) == []
    assert log.foreign == []  # no tiles before consent, no other host
    # The page's own script is a file of the preview, not inline content.
    own = [
        u
        for u in asset_urls(page.content())
        if u.endswith((".js", ".css")) and ("lage-zeichnen" in u or "leaflet-draw" in u)
    ]
    assert sorted(Path(u).name for u in own) == [
        "lage-zeichnen.css",
        "lage-zeichnen.js",
        "leaflet.draw.css",
        "leaflet.draw.js",
    ]
    assert "L.Control.Draw" not in "".join(page.locator("article script:not([src])").all_text_contents())


def test_guide_names_the_drawing_page_only_as_preview_address() -> None:
    guide = (ROOT / "docs/redaktion/massnahme.md").read_text(encoding="utf-8")
    assert "http://127.0.0.1:8000/redaktion/lage-zeichnen/" in guide
    assert "](lage-zeichnen.md" not in guide  # a link would break the build for publishing
