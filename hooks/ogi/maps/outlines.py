"""The site's own base map: the outlines of the 53 Kommunen (BKG VG5000, hooks/ogi/data/README.md).

The file is published once (assets/karte/kommunen.geojson) and fetched by every map; here it is read only
to know each outline's bounding box, for fitting a map before the browser has the file. Kommunen are
matched to outlines by their Amtlicher Gemeindeschlüssel, which `ogi.kommunen` finds from the name.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from ..records.kommunen import OUTLINES, ags_of
from ..records.models import Kommune
from .geometry import bounds

ATTRIBUTION = "© GeoBasis-DE / BKG (2021)"


@dataclass(frozen=True)
class Umriss:
    """One Kommune outline of the base map."""

    ags: str
    name: str
    box: list[list[float]]


@functools.cache
def umrisse() -> dict[str, Umriss]:
    """AGS -> outline, read once per process (the file is part of the package, not content)."""
    data = json.loads(OUTLINES.read_text(encoding="utf-8"))
    return {
        f["properties"]["ags"]: Umriss(f["properties"]["ags"], f["properties"]["name"], bounds(f["geometry"]))
        for f in data["features"]
    }


def umriss_von(kommune: Kommune) -> Umriss | None:
    """The outline of `kommune` by its official name (or that name without the addition in brackets)."""
    return _by_name(kommune.name)


@functools.cache
def _by_name(name: str) -> Umriss | None:
    # Asked several times for every measure's map: look each of the 53 names up once per process.
    ags = ags_of(name)
    return umrisse().get(ags) if ags is not None else None
