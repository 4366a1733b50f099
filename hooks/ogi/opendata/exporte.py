"""What each export file is, declared once: the downloads sections, the catalogue and the tests read it.

Modelled on pretalx's exporters: one small class per format with `identifier` (its file name in the site, or
`uri`, its path, for the files about all measures), a German `label` for links, a German `hinweis` saying what
it is for, and `render(subject, umgebung)` returning the file's text or bytes. `extension`, `content_type` and
`eu_dateityp` follow from the file name's extension (FORMATE). The subject is what the file describes: one
`Veranstaltung` for an event's programme files, the `Site` for the files about all measures or all data.
What a file needs beyond its subject (the catalogue's datasets, the feed's history) is given to the instance.
A new export is one class and one entry in its tuple (OPEN_DATA_EXPORTS or EVENT_EXPORTS).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from typing import ClassVar

from ..model import urls

EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
LIZENZ = "Datenlizenz Deutschland – Namensnennung – 2.0"  # every export's licence
LIZENZ_URL = "https://www.govdata.de/dl-de/by-2-0"
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"

# Each file type the site publishes, by extension: its media type (IANA) and its code in the EU file-type
# vocabulary. Facts of the type, not of one file: two exports of one type share them.
FORMATE: dict[str, tuple[str, str | None]] = {
    "atom": ("application/atom+xml", "ATOM"),
    "csv": ("text/csv", "CSV"),
    "geojson": ("application/geo+json", "GEOJSON"),
    "ics": ("text/calendar", "ICS"),
    "json": ("application/json", "JSON"),
    "ttl": ("text/turtle", "RDF_TURTLE"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
    "xml": ("application/xml", "XML"),
}


class Export:
    """The declaration every export carries; each subclass adds `render(subject, umgebung) -> str | bytes`.

    `render` is not declared here: its subject differs (an event, the site), and mypy checks each override."""

    identifier: ClassVar[str]  # file name inside its folder, e.g. "schedule.xml"; from `uri` where one is declared
    label: ClassVar[str]  # link text for readers, e.g. "Programm für Kalender-Apps"
    hinweis: ClassVar[str]  # one plain sentence after the link
    uri: ClassVar[str | None] = None  # path in the site, for a file about all measures (model/urls.py)
    # Set from the identifier's extension and FORMATE: a file's type is named once, in its name.
    extension: ClassVar[str]
    content_type: ClassVar[str]
    eu_dateityp: ClassVar[str | None]  # code in the EU file-type vocabulary, for the catalogue

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.uri and "identifier" not in vars(cls):
            cls.identifier = posixpath.basename(cls.uri)
        cls.extension = cls.identifier.rpartition(".")[2]
        if cls.extension not in FORMATE:
            raise TypeError(
                f"{cls.__name__}: .{cls.extension} fehlt in FORMATE (exporte.py): Medientyp und EU-Dateityp"
            )
        cls.content_type, cls.eu_dateityp = FORMATE[cls.extension]

    @classmethod
    def format_uri(cls) -> str | None:
        return EU_FILE_TYPE + cls.eu_dateityp if cls.eu_dateityp else None

    @classmethod
    def media_type_uri(cls) -> str:
        return IANA_MEDIA_TYPES + cls.content_type


@dataclass(frozen=True)
class Umgebung:
    """What every export needs from the build: the public address and the build time."""

    site_url: str = ""  # absolute, may have a path ("https://org.github.io/repo/"); "" leaves URLs site-relative
    erstellt: dt.datetime = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # from SOURCE_DATE_EPOCH

    def url(self, path: str) -> str:
        """Absolute URL of a site path ('fachtag-2025/schedule.xml')."""
        return urls.absolute_url(self.site_url, path)

    def link(self, path: str, von: str) -> str:
        """A link from the published file `von` to a site path: absolute with a site_url, else relative to
        `von`'s folder, which resolves to the same page wherever the folder is published."""
        if self.site_url:
            return self.url(path)
        return urls.relative_file_url(von, path)

    def public_url(self, path: str) -> str | None:
        """The public URL of a site path, for formats that take only absolute URLs; None without a site_url."""
        return self.url(path) if self.site_url else None
