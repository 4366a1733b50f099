"""projekte.xlsx: the measures as a workbook for Excel and LibreOffice, with typed columns (amounts as
numbers in €, dates as dates, links as links) and a sheet naming licence and source.

Reproducible: the same records give the same bytes (document dates from the records' newest
`datenstand`, every zip entry with one fixed time). Content is text: a value starting with "=" stays
text, never a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .content import Massnahme
from .dates import TeilDatum
from .exporte import Export
from .maps import centre, massnahme_url

XLSX_URI = "daten/projekte.xlsx"


class ProjekteXlsx(Export):
    identifier = "projekte.xlsx"
    extension = "xlsx"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    label = "Tabelle für Excel/LibreOffice"
    hinweis = ("je Maßnahme eine Zeile mit Beträgen als Zahlen in €, Daten als Datum und einem Link zur Seite; "
               "ein zweites Blatt nennt Lizenz und Quelle")
    eu_dateityp = "XLSX"

EURO = '#,##0 "€"'
DATUM = "DD.MM.YYYY"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# (heading, width in characters)
SPALTEN = (("Maßnahme", 45), ("Kurzbeschreibung", 60), ("Kommunen", 22), ("Kreise", 22), ("Träger", 28),
           ("Programm", 32), ("Status", 15), ("Beginn", 12), ("Ende", 12), ("Förderung in €", 15),
           ("Fördergeber", 28), ("Lage", 16), ("Ort", 28), ("Breite", 10), ("Länge", 10), ("Datenstand", 12))


def _datum(value: dt.date | TeilDatum | None) -> dt.date | str | None:
    """A full date as a date cell; a month or year ("2021-05", "2021") stays text, as the record says."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    if value.tag and value.monat:
        return dt.date(value.jahr, value.monat, value.tag)
    return value.deutsch()


def projekte_xlsx(massnahmen: list[Massnahme], site_url: str, anbieter: str, lizenz: str, lizenz_url: str) -> bytes:
    """The workbook's bytes: sheet "Maßnahmen" (one row per measure) and sheet "Lizenz und Quelle"."""
    stand = max((m.record.datenstand for m in massnahmen), default=dt.date(2020, 1, 1))
    wb = Workbook()
    ws = wb.active
    ws.title = "Maßnahmen"
    ws.append([name for name, _ in SPALTEN])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for index, (_, width) in enumerate(SPALTEN, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    for row, m in enumerate(massnahmen, start=2):
        r = m.record
        breite, laenge = centre(m.geometrie)
        values = [r.titel, r.kurzbeschreibung, ", ".join(o.name for o in m.orte), ", ".join(m.kreise),
                  r.traeger, r.programm, r.status,
                  _datum(r.zeitraum.beginn) if r.zeitraum else None, _datum(r.zeitraum.ende) if r.zeitraum else None,
                  r.foerderung.betrag_eur if r.foerderung else None,
                  r.foerderung.foerdergeber if r.foerderung else None,
                  r.lage.genauigkeit, r.lage.ort, breite, laenge, r.datenstand]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text from content, never a formula
            elif isinstance(value, dt.date):
                cell.number_format = DATUM
        ws.cell(row=row, column=10).number_format = EURO
        link = ws.cell(row=row, column=1)
        link.hyperlink = massnahme_url(m, site_url)
        link.style = "Hyperlink"
    info = wb.create_sheet("Lizenz und Quelle")
    for label, value in (("Inhalt", "Maßnahmen der Offensive Grüne Infrastruktur 2030"), ("Datenbereitsteller", anbieter),
                         ("Lizenz", lizenz), ("Lizenztext", lizenz_url), ("Quelle", site_url + "massnahmen/"),
                         ("Namensnennung", f"Datenquelle: {anbieter}, {lizenz}"), ("Stand der Daten", stand)):
        info.append([label, value])
        info.cell(row=info.max_row, column=1).font = Font(bold=True)
        cell = info.cell(row=info.max_row, column=2)
        if isinstance(value, str):
            cell.data_type = "s"
        else:
            cell.number_format = DATUM
    for key in ("B4", "B5"):
        if info[key].value.startswith("http"):
            info[key].hyperlink = info[key].value
            info[key].style = "Hyperlink"
    info.column_dimensions["A"].width = 20
    info.column_dimensions["B"].width = 70
    moment = dt.datetime.combine(stand, dt.time())
    wb.properties.creator = anbieter
    wb.properties.created = moment
    wb.properties.modified = moment
    buffer = io.BytesIO()
    wb.save(buffer)
    return _fixed_zip(buffer.getvalue(), moment)


def _fixed_zip(data: bytes, moment: dt.datetime) -> bytes:
    """The same workbook with every entry at one fixed time and the document dates set to `moment`."""
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the time of saving
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>" + stamp.encode() + rb"\g<2>", content)
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return out.getvalue()
