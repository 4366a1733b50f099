"""A project of the map tests' own: fixture measures of every precision and geometry, a hostile Kommune
name and title, and a local tile stub that can be told to fail. Never the shipped content/projects."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from helpers import SubpathHandler, copy_project, mkdocs_build, start_server

TILE_PNG = (Path(__import__("xstatic.pkg.leaflet", fromlist=["BASE_DIR"]).BASE_DIR) / "images/layers.png").read_bytes()
STUB_PREFIX = "/site/"
HOSTILE = "Böse</script><script>window.__pwned=1</script>`${window.__pwned=2}`\"'"


def _record(titel: str, kommune: str, status: str, lage: str, traeger: str = "Testträger") -> str:
    return (
        f"titel: {_yaml_str(titel)}\nkommunen: [{_yaml_str(kommune)}]\nprogramm: Testprogramm\n"
        f"status: {status}\nstatus_beleg: {{art: Quelle, quelle: 1}}\ntraeger: {_yaml_str(traeger)}\n"
        f"kurzbeschreibung: Nur für Tests.\nlage:\n{lage}\n"
        'quellen: [{titel: Testquelle, url: "https://example.org/quelle", abgerufen: 2026-11}]\n'
        "datenstand: 2026-11-26\n"
    )


def _yaml_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


KOMMUNE = "  genauigkeit: Kommune"
RECORDS = {
    # three in Oberhausen and two in Herne known only by their Kommune: one labelled element each
    **{f"ob-{i}": _record(f"Oberhausen Test {i}", "Oberhausen", "geplant", KOMMUNE) for i in (1, 2, 3)},
    **{f"he-{i}": _record(f"Herne Test {i}", "Herne", "abgeschlossen", KOMMUNE, "Stadt Herne") for i in (1, 2)},
    # two exact points 30 m apart in Essen: a cluster at every overview zoom
    "essen-a": _record(
        "Essen Punkt A",
        "Essen",
        "in Umsetzung",
        "  genauigkeit: exakt\n  geometrie: {type: Point, coordinates: [7.0131, 51.4556]}",
    ),
    "essen-b": _record(
        "Essen Punkt B",
        "Essen",
        "abgeschlossen",
        "  genauigkeit: exakt\n  geometrie: {type: Point, coordinates: [7.0135, 51.4557]}",
    ),
    "bochum-linie": _record(
        "Bochum Linie",
        "Bochum",
        "in Umsetzung",
        "  genauigkeit: ungefähr\n  geometrie: {type: LineString, coordinates: [[7.20, 51.47], [7.25, 51.48]]}",
    ),
    "dortmund-ungefaehr": _record(
        "Dortmund ungefähr",
        "Dortmund",
        "geplant",
        "  genauigkeit: ungefähr\n  radius_m: 400\n  geometrie: {type: Point, coordinates: [7.45, 51.51]}",
    ),
    # hostile text where content reaches the maps: a title in Folium's marker options, a title and a
    # Träger in the overview's group popup and filter form
    "boese": _record(
        HOSTILE, "Unna", "geplant", "  genauigkeit: exakt\n  geometrie: {type: Point, coordinates: [7.69, 51.54]}"
    ),
    "boese-kommune": _record(HOSTILE + " (Kommune)", "Unna", "geplant", KOMMUNE, traeger=HOSTILE),
}
SLUGS = sorted(RECORDS)


def make_project(dest: Path) -> Path:
    """A copy of the project with only the fixture measures."""
    project = copy_project(dest)
    for path in (project / "content/projects").glob("*.yml"):
        path.unlink()
    (project / "content/projects/bilder/test-bild.png").unlink()  # named by no record now: a warning otherwise
    for slug, text in RECORDS.items():
        (project / "content/projects" / f"{slug}.yml").write_text(text, encoding="utf-8")
    return project


class StubServer:
    """Serves a built site below /site/ and tiles below /tiles/ (a PNG, or 503 while `failing`)."""

    def __init__(self, directory: Path) -> None:
        stub = self

        class Handler(SubpathHandler):
            prefix = STUB_PREFIX

            def do_GET(self) -> None:
                if self.path.startswith("/tiles/"):
                    if stub.failing:
                        self.send_response(503)
                        self.end_headers()
                        return
                    self.send_response(200)
                    self.send_header("Content-Type", "image/png")
                    self.send_header("Content-Length", str(len(TILE_PNG)))
                    self.end_headers()
                    self.wfile.write(TILE_PNG)
                    return
                super().do_GET()

        self.failing = False
        self.server = start_server(directory, Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        self.url = f"{self.origin}{STUB_PREFIX}"


def build(project: Path, served: Path, origin: str) -> None:
    """Point the tile URL at the stub and build strictly into `served`."""
    config = project / "mkdocs.yml"
    text, count = re.subn(
        r"(?m)^    kacheln_url: .*$",
        f"    kacheln_url: {origin}/tiles/{{z}}/{{x}}/{{y}}.png",
        config.read_text(encoding="utf-8"),
    )
    assert count == 1
    config.write_text(
        text.replace("anbieter: OpenStreetMap Foundation", "anbieter: Test-Kachelserver"), encoding="utf-8"
    )
    result = mkdocs_build(project, served, site_url=f"{origin}{STUB_PREFIX}")
    assert result.returncode == 0, result.stderr


def served(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Path]) -> Iterator[StubServer]:
    """The project `make` writes, built strictly and served with the local tile stub until the session ends:
    for the session fixtures of the map sites (`yield from served(...)`)."""
    site = tmp_path_factory.mktemp(f"{name}-site")
    server = StubServer(site)
    build(make(tmp_path_factory.mktemp(f"{name}-projekt")), site, server.origin)
    yield server
    server.server.shutdown()
