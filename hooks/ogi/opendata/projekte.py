"""Open data exports of the measures: projekte.geojson (RFC 7946) and projekte.csv (UTF-8, RFC 4180)."""

from __future__ import annotations

import csv
import io
import itertools
import json
import posixpath
from collections.abc import Sequence
from typing import Any

import jinja2
from markupsafe import Markup

from ..model import urls
from ..model.output import Output
from ..model.site import Massnahme, Site
from ..records.files import human_size
from . import spalten
from .excel import ProjekteXlsx
from .exporte import LIZENZ, LIZENZ_URL, Export, Umgebung


class ProjekteGeoJson(Export):
    uri = urls.GEOJSON
    label = "Maßnahmen als GeoJSON"
    hinweis = (
        "GeoJSON (RFC 7946): je Maßnahme ein Objekt mit Geometrie, Titel, Kommune, Träger, Status und "
        "seiner Grundlage, Förderung und Adresse der Seite"
    )

    def render(self, site: Site, umgebung: Umgebung) -> str:
        return projekte_geojson(site.massnahmen_sortiert, umgebung.site_url)


class ProjekteCsv(Export):
    uri = urls.CSV
    label = "Maßnahmen als Tabelle (CSV)"
    hinweis = (
        "CSV (UTF-8, durch Kommas getrennt): je Maßnahme eine Zeile; Linien und Flächen sind mit der "
        "Mitte ihres umgebenden Rechtecks angegeben; Textzellen, die eine Tabellenkalkulation als Formel "
        "lesen würde (Beginn mit =, +, -, @), beginnen mit einem Apostroph"
    )

    def render(self, site: Site, umgebung: Umgebung) -> str:
        return projekte_csv(site.massnahmen_sortiert, umgebung.site_url)


CSV_SPALTEN = tuple(s.name for s in spalten.CSV_SPALTEN)  # the CSV's headings, in order


def _signed_area(ring: list[list[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring)) / 2


def rfc7946_geometry(geometrie: dict[str, Any]) -> dict[str, Any]:
    """The geometry with polygon rings wound as RFC 7946 3.1.6 asks: outer ring counterclockwise, holes clockwise."""
    if geometrie["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": _wound(geometrie["coordinates"])}
    if geometrie["type"] == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [_wound(polygon) for polygon in geometrie["coordinates"]]}
    return geometrie


def _wound(polygon: list[list[list[float]]]) -> list[list[list[float]]]:
    rings = []
    for index, ring in enumerate(polygon):
        counterclockwise = _signed_area(ring) > 0
        rings.append(ring if counterclockwise == (index == 0) else list(reversed(ring)))
    return rings


def feature_collection(massnahmen: list[Massnahme], site_url: str) -> dict[str, Any]:
    """One RFC 7946 Feature per measure, in the given order; its properties are the GeoJSON columns."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": m.slug,
                "geometry": rfc7946_geometry(m.geometrie),
                "properties": {
                    k: spalten.json_wert(v) for k, v in spalten.werte(m, site_url, spalten.GEOJSON_SPALTEN).items()
                },
            }
            for m in massnahmen
        ],
    }


def projekte_geojson(massnahmen: list[Massnahme], site_url: str) -> str:
    """The GeoJSON text: compact, UTF-8, stable key order."""
    return json.dumps(feature_collection(massnahmen, site_url), ensure_ascii=False, separators=(",", ":")) + "\n"


def projekte_csv(massnahmen: list[Massnahme], site_url: str) -> str:
    """One row per measure; lists joined with ' | '; lines and areas by the centre of their bounding box."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_SPALTEN)
    for m in massnahmen:
        row = spalten.werte(m, site_url, spalten.CSV_SPALTEN)
        writer.writerow([spreadsheet_safe(spalten.csv_wert(row[name])) for name in CSV_SPALTEN])
    return buffer.getvalue()


# A text cell starting with one of these is a formula to Excel and LibreOffice (OWASP "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: formula-like text gets a leading apostrophe.

    Numbers stay numbers; only text from records can start with "=", "+", "-", "@", tab or CR.
    """
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# The measures' open data files, in the order the downloads list them: the workbook first (most readers
# want a spreadsheet).
OPEN_DATA_EXPORTS: tuple[type[ProjekteXlsx | ProjekteGeoJson | ProjekteCsv], ...] = (
    ProjekteXlsx,
    ProjekteGeoJson,
    ProjekteCsv,
)


def downloads_fragment(
    env: jinja2.Environment,
    exports: Sequence[tuple[type[Export], Output]],
    from_uri: str,
    anbieter: str,
    anzahl: int,
    weitere: Sequence[tuple[type[Export], Output]] = (),
) -> Markup:
    """The 'Offene Daten' section of the measures' index: the files, their licence and the provider.

    `exports` are the measures' files (export_outputs); `weitere` are files about all the data (the catalogue,
    the feed); each file comes with its declaration.
    """

    def eintrag(export: type[Export], output: Output) -> dict[str, str]:
        return {
            "name": posixpath.basename(output.uri),
            "href": urls.link(output.uri, from_uri),
            "groesse": human_size(len(_bytes(output.content or ""))),
            "label": export.label,
            "hinweis": export.hinweis,
        }

    # Markup: a fragment of our own template, every value in it already printed as text.
    return Markup(
        env.get_template("karte_downloads.md.j2").render(
            dateien=[eintrag(e, o) for e, o in exports],
            weitere=[eintrag(e, o) for e, o in weitere],
            lizenz=LIZENZ,
            lizenz_url=LIZENZ_URL,
            anbieter=anbieter,
            anzahl=anzahl,
        )
    )


def export_outputs(site: Site, umgebung: Umgebung) -> list[tuple[type[Export], Output]]:
    """The measures' open data files as files of the site, each with its declaration."""
    return [(export, Output(export.uri, content=export().render(site, umgebung))) for export in OPEN_DATA_EXPORTS]


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content
