"""What each export file is, declared once: the downloads sections, the catalogue and the tests read it.

Modelled on pretalx's exporters: one small class per format with `identifier` (its file name in the site),
`extension`, `content_type`, a German `label` for links and a German `hinweis` saying what it is for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from ..model import urls

EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"


class Export:
    """The declaration every export carries; subclasses add one `render` method."""

    identifier: ClassVar[str]  # file name inside its folder, e.g. "schedule.xml"
    extension: ClassVar[str]
    content_type: ClassVar[str]
    label: ClassVar[str]  # link text for readers, e.g. "Programm für Kalender-Apps"
    hinweis: ClassVar[str]  # one plain sentence after the link
    eu_dateityp: ClassVar[str | None] = None  # code in the EU file-type vocabulary, for the catalogue

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
