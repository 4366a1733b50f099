"""Places against the Kommune outlines of the site's map: point in polygon, distance in metres, and the
messages for a measure outside its Kommune and for a Kommune centre outside its own outline."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from helpers import FIXTURE_CONTENT, line_of, present, replace_in
from ogi.records.content import load_site
from ogi.records.geo import distance_to_polygon_m, distance_to_ring_m, polygon_contains, ring_contains
from ogi.records.kommunen import ags_of, outline_rings
from ogi.records.places_check import TOLERANCE_M, distance_text, geometry_problem, kommune_at

SQUARE = [[7.0, 51.0], [7.1, 51.0], [7.1, 51.1], [7.0, 51.1], [7.0, 51.0]]
HOLE = [[7.04, 51.04], [7.06, 51.04], [7.06, 51.06], [7.04, 51.06], [7.04, 51.04]]
# A concave ring (a "U" open to the north): its notch is outside although between two arms.
U_SHAPE = [
    [7.0, 51.0],
    [7.3, 51.0],
    [7.3, 51.3],
    [7.2, 51.3],
    [7.2, 51.1],
    [7.1, 51.1],
    [7.1, 51.3],
    [7.0, 51.3],
    [7.0, 51.0],
]


@pytest.mark.parametrize(
    ("ring", "point", "inside"),
    [
        (SQUARE, (7.05, 51.05), True),
        (SQUARE, (7.15, 51.05), False),
        (SQUARE, (7.05, 50.95), False),
        (U_SHAPE, (7.05, 51.2), True),
        (U_SHAPE, (7.15, 51.2), False),
        (U_SHAPE, (7.25, 51.2), True),
        (U_SHAPE, (7.15, 51.05), True),
    ],
    ids=["square-inside", "square-east", "square-south", "u-left-arm", "u-notch", "u-right-arm", "u-base"],
)
def test_ring_contains_by_ray_casting(ring: list[list[float]], point: tuple[float, float], inside: bool) -> None:
    assert ring_contains(ring, *point) is inside


def test_polygon_hole_is_outside() -> None:
    assert polygon_contains([SQUARE, HOLE], 7.02, 51.02)
    assert not polygon_contains([SQUARE, HOLE], 7.05, 51.05)


def test_distance_to_an_edge_is_in_metres() -> None:
    # 0.001° of latitude north of the square's northern edge: 111 m; to a corner diagonally, by Pythagoras.
    assert distance_to_ring_m(SQUARE, 7.05, 51.101) == pytest.approx(111.3, abs=0.5)
    east = 0.001 * 111_320 * math.cos(math.radians(51.101))
    assert distance_to_ring_m(SQUARE, 7.101, 51.101) == pytest.approx(math.hypot(111.32, east), abs=0.5)
    assert distance_to_polygon_m([SQUARE], 7.05, 51.05) == 0


@pytest.mark.parametrize(
    ("metres", "text"), [(44, "40 m"), (345, "350 m"), (1234, "1,2 km")], ids=["metres", "rounded", "kilometres"]
)
def test_distance_is_written_in_german(metres: float, text: str) -> None:
    assert distance_text(metres) == text


def outward(name: str, metres: float) -> list[float]:
    """A position `metres` outside `name`'s outline, perpendicular to the middle of its first edge."""
    ring = outline_rings()[present(ags_of(name))][0]
    (x1, y1), (x2, y2) = ring[0], ring[1]
    kx = 111_320 * math.cos(math.radians(y1))
    nx, ny = (y2 - y1) * 111_320, -(x2 - x1) * kx  # a normal of the edge, in metres
    length = math.hypot(nx, ny)
    for sign in (1, -1):
        lon = (x1 + x2) / 2 + sign * nx / length * metres / kx
        lat = (y1 + y2) / 2 + sign * ny / length * metres / 111_320
        if not polygon_contains(outline_rings()[present(ags_of(name))], lon, lat):
            return [round(lon, 6), round(lat, 6)]
    raise AssertionError(name)


def test_a_point_just_beyond_the_generalised_border_is_accepted() -> None:
    point = outward("Essen", TOLERANCE_M / 2)
    assert geometry_problem({"type": "Point", "coordinates": point}, ["Essen"], ["Essen"]) is None


def test_a_point_well_beyond_the_border_names_where_it_lies() -> None:
    point = outward("Essen", 2 * TOLERANCE_M)
    problem = geometry_problem({"type": "Point", "coordinates": point}, ["Essen"], ["Essen", "Mülheim an der Ruhr"])
    actual = kommune_at(point[0], point[1], ["Essen", "Mülheim an der Ruhr"])
    assert problem == (
        f"[{point[0]}, {point[1]}] liegt {'in ' + actual if actual else 'in keiner Kommune des RVR-Gebiets'}"
        f", 400 m außerhalb von Essen; die Koordinaten prüfen"
        + (f" oder {actual} unter kommunen ergänzen" if actual else "")
    )


def test_a_line_may_run_through_every_kommune_it_names() -> None:
    line = {"type": "LineString", "coordinates": [[7.216, 51.482], [7.217, 51.550], [7.100, 51.510]]}
    assert geometry_problem(line, ["Bochum", "Herne", "Gelsenkirchen"], ["Bochum", "Herne", "Gelsenkirchen"]) is None
    assert geometry_problem(line, ["Bochum", "Herne"], ["Bochum", "Herne", "Gelsenkirchen"]) == (
        "Punkt 3 von 3 ([7.1, 51.51]) liegt in Gelsenkirchen, 2,6 km außerhalb von Bochum und Herne; die Koordinaten "
        "prüfen oder Gelsenkirchen unter kommunen ergänzen"
    )


def test_an_area_reaching_into_another_kommune_counts_its_points_outside() -> None:
    ring = [[7.216, 51.482], [7.100, 51.510], [7.110, 51.520], [7.216, 51.482]]
    problem = geometry_problem({"type": "Polygon", "coordinates": [ring]}, ["Bochum"], ["Bochum", "Gelsenkirchen"])
    assert problem is not None and problem.startswith("Punkt 2 von 4 ([7.1, 51.51]) liegt in Gelsenkirchen")
    assert "(außerhalb liegen 2 Punkte)" in problem


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")
    return tmp_path


def test_kommune_centre_outside_its_outline_is_an_error_naming_where_it_lies(project: Path) -> None:
    kommunen = replace_in(
        project / "content/kommunen.yml",
        "    breite: 51.617\n    laenge: 7.200\n",
        "    breite: 51.585\n    laenge: 7.162\n",
    )
    line = line_of(kommunen, "    breite: 51.585")
    errors = [str(e) for e in load_site(project).errors]
    assert errors == [
        f"content/kommunen.yml:{line}: kommunen[33]: die Ortsmitte (breite 51.585, laenge 7.162) liegt in "
        "Herten, 340 m außerhalb von Recklinghausen; breite und laenge eines Punkts in Recklinghausen aus "
        "einer Quelle eintragen (die Karte zeigt dort Maßnahmen ohne genaue Lage)"
    ]


def test_kommune_centre_outside_the_region_says_so(project: Path) -> None:
    replace_in(
        project / "content/kommunen.yml",
        "    breite: 51.283\n    laenge: 7.300\n",
        "    breite: 51.267\n    laenge: 7.267\n",
    )
    errors = [e.message for e in load_site(project).errors]
    assert errors == [
        "die Ortsmitte (breite 51.267, laenge 7.267) liegt in keiner Kommune des RVR-Gebiets, 420 m "
        "außerhalb von Schwelm; breite und laenge eines Punkts in Schwelm aus einer Quelle eintragen (die "
        "Karte zeigt dort Maßnahmen ohne genaue Lage)"
    ]


def test_fixture_places_all_lie_in_their_kommunen(project: Path) -> None:
    site = load_site(project)
    assert site.errors == [] and {m.slug for m in site.massnahmen if m.record.lage.geometrie} >= {
        "test-punkt-exakt",
        "test-linie-ungefaehr",
        "test-flaeche-exakt",
        "test-moers-punkt-ungefaehr",
    }
