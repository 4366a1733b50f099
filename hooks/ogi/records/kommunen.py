"""The official list of the 53 Kommunen of the RVR area (BKG VG5000, hooks/ogi/data/README.md).

content/kommunen.yml is checked against it, so a deleted or misspelt Kommune is an error in that file
itself, and a record that names a Kommune missing there is told so instead of being offered a neighbour.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

OUTLINES = Path(__file__).parents[1] / "data" / "rvr-kommunen-vg5000.geojson"


@functools.cache
def official_kommunen() -> dict[str, str]:
    """Amtlicher Gemeindeschlüssel -> official name, e.g. '05170048' -> 'Voerde (Niederrhein)'."""
    data = json.loads(OUTLINES.read_text(encoding="utf-8"))
    return {f["properties"]["ags"]: f["properties"]["name"] for f in data["features"]}


@functools.cache  # asked for every Kommune a measure names, and by every map
def ags_of(name: str) -> str | None:
    """The AGS of a Kommune by its official name or that name without the addition in brackets."""
    for ags, official in official_kommunen().items():
        if name in (official, short_name(official)):
            return ags
    return None


def short_name(official: str) -> str:
    """'Voerde (Niederrhein)' -> 'Voerde'."""
    return re.sub(r"\s*\(.*\)$", "", official)


@functools.cache
def outline_rings() -> dict[str, list[list[list[float]]]]:
    """AGS -> the rings of the Kommune's outline on the site's base map ([lon, lat], outer ring first)."""
    data = json.loads(OUTLINES.read_text(encoding="utf-8"))
    return {f["properties"]["ags"]: f["geometry"]["coordinates"] for f in data["features"]}
