"""The published fields of a measure, defined once: the column table that projekte.geojson, projekte.csv and
projekte.xlsx read by name.

Each column gives its name (the CSV heading and the GeoJSON property), the typed value of a measure (text,
number, list of names, a date known to the day, month or year) and where it appears; each format writes the
value its own way (`json_wert`, `csv_wert`, `xlsx_wert`). A new published field is one `Spalte` here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..maps import centre
from ..model import urls
from ..model.site import Massnahme
from ..records.dates import TeilDatum
from .exporte import Umgebung

DATEI = urls.CSV  # CSV, GeoJSON and workbook lie side by side in daten/: links are relative to that folder


@dataclass(frozen=True)
class Spalte:
    """One published field of a measure."""

    name: str  # CSV heading and GeoJSON property
    # (measure, site_url) -> typed value or None. A link is absolute with a site_url; without one it is relative
    # to the files' folder (daten/), so it reaches the page wherever the site is published, a sub-path too.
    wert: Callable[[Massnahme, str], Any]
    ueberschrift: str | None = None  # heading in the workbook; None: not in the workbook
    breite: int = 12  # column width in the workbook, in characters
    geojson: bool = True  # False: only in the tables (the GeoJSON has the geometry itself)
    csv: bool = True
    euro: bool = False  # an amount: the workbook formats it in €
    verweis: str | None = None  # in the workbook, the cell links to the value of this column


def _zeitraum(teil: str) -> Callable[[Massnahme, str], TeilDatum | None]:
    def wert(m: Massnahme, _: str) -> TeilDatum | None:
        z = m.record.zeitraum
        return getattr(z, teil) if z else None

    return wert


def _foerderung(feld: str) -> Callable[[Massnahme, str], Any]:
    def wert(m: Massnahme, _: str) -> Any:
        return getattr(m.record.foerderung, feld) if m.record.foerderung else None

    return wert


SPALTEN: tuple[Spalte, ...] = (
    Spalte("slug", lambda m, _: m.slug),
    Spalte("titel", lambda m, _: m.record.titel, "Maßnahme", 45, verweis="url"),
    Spalte("kurzbeschreibung", lambda m, _: m.record.kurzbeschreibung, "Kurzbeschreibung", 60),
    Spalte("kommunen", lambda m, _: [ort.name for ort in m.kommunen], "Kommunen", 22),
    Spalte("kreise", lambda m, _: list(m.kreise), "Kreise", 22),
    Spalte("traeger", lambda m, _: m.record.traeger, "Träger", 28),
    Spalte("programm", lambda m, _: m.record.programm, "Programm", 32),
    Spalte("status", lambda m, _: m.record.status, "Status", 15),
    # Quelle, Abschlussbilanz or none
    Spalte("status_beleg", lambda m, _: m.record.status_beleg.art if m.record.status_beleg else None),
    Spalte("beginn", _zeitraum("beginn"), "Beginn", 12),
    Spalte("ende", _zeitraum("ende"), "Ende", 12),
    Spalte(
        "fertigstellung",
        lambda m, _: m.record.fertigstellung.datum if m.record.fertigstellung else None,
        "Fertigstellung",
        14,
    ),
    # The latest dated step (the completion included), so that a reader of the table sees how far a measure got.
    Spalte(
        "letzter_schritt", lambda m, _: m.letzter_schritt.ereignis if m.letzter_schritt else None, "Letzter Schritt", 30
    ),
    Spalte(
        "letzter_schritt_datum",
        lambda m, _: m.letzter_schritt.datum if m.letzter_schritt else None,
        "Datum des letzten Schritts",
        14,
    ),
    Spalte("foerderung_eur", _foerderung("betrag_eur"), "Förderung in €", 15, euro=True),
    Spalte("foerdergeber", _foerderung("foerdergeber"), "Fördergeber", 28),
    Spalte("genauigkeit", lambda m, _: m.record.lage.genauigkeit, "Lage", 16),
    Spalte("ort", lambda m, _: m.record.lage.ort, "Ort", 28),
    # Lines and areas in the tables: the centre of their bounding box.
    Spalte("geometrie_typ", lambda m, _: m.geometrie["type"], geojson=False),
    Spalte("breite", lambda m, _: centre(m.geometrie)[0], "Breite", 10, geojson=False),
    Spalte("laenge", lambda m, _: centre(m.geometrie)[1], "Länge", 10, geojson=False),
    Spalte("url", lambda m, site_url: Umgebung(site_url).link(urls.massnahme(m.slug), von=DATEI)),
    Spalte("datenstand", lambda m, _: m.record.datenstand, "Datenstand", 12),
)

GEOJSON_SPALTEN = tuple(s for s in SPALTEN if s.geojson)
CSV_SPALTEN = tuple(s for s in SPALTEN if s.csv)
XLSX_SPALTEN = tuple(s for s in SPALTEN if s.ueberschrift)
SPALTE = {s.name: s for s in SPALTEN}


def json_wert(value: Any) -> Any:
    """A value as GeoJSON holds it: dates as ISO text as written (JJJJ, JJJJ-MM or JJJJ-MM-TT), lists as lists."""
    if isinstance(value, TeilDatum):
        return value.iso()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def csv_wert(value: Any) -> Any:
    """A value as the CSV holds it: like GeoJSON, lists joined with ' | '."""
    return " | ".join(value) if isinstance(value, list) else json_wert(value)


def xlsx_wert(value: Any) -> Any:
    """A value for a typed workbook cell: a full date as a date; a month or year stays text as the record says."""
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, TeilDatum):
        return dt.date(value.jahr, value.monat, value.tag) if value.tag and value.monat else value.deutsch()
    return value


def werte(m: Massnahme, site_url: str, spalten: tuple[Spalte, ...]) -> dict[str, Any]:
    """The typed values of `spalten` for one measure, by column name."""
    return {s.name: s.wert(m, site_url) for s in spalten}
