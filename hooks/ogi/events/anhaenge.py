"""Files that belong to the conference (slides, documentation): link text with format and size."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import urls
from ..model.site import Site
from ..records.files import DOCUMENT_FORMATS, DOCUMENTS, human_size, published_file
from ..records.layout import attachments_dir


@dataclass(frozen=True)
class Datei:
    """A published attachment: where it is on disk and in the site, and how the link describes it."""

    titel: str
    datei: str
    path: Path
    format: str
    groesse: str
    size: int
    ordner: str  # the event's folder in content/ and in the site

    @property
    def uri(self) -> str:
        """Path inside the docs tree, e.g. '<ordner>/anhaenge/folien.pdf'."""
        return urls.attachment(self.ordner, self.datei)

    @property
    def linktext(self) -> str:
        """'Folien (PDF, 2,3 MB)'"""
        return f"{self.titel} ({self.format}, {self.groesse})"


def datei(site: Site, titel: str, name: str, ordner: str) -> Datei | None:
    """Describe the attachment `name` from content/<ordner>/anhaenge/; None while it is missing.

    A missing file is a content error, so only `serve` renders pages then; they leave the link out.
    """
    path = published_file(site.root, attachments_dir(ordner), name, DOCUMENTS)
    if path is None:
        return None
    size = path.stat().st_size
    return Datei(titel, name, path, dateiformat(name), human_size(size), size, ordner)


def dateiformat(name: str) -> str:
    """'folien.pdf' -> 'PDF', 'folien.pptx' -> 'PowerPoint'; a name without suffix -> 'Datei'."""
    suffix = Path(name).suffix.lstrip(".").lower()
    known = DOCUMENT_FORMATS.get(suffix)
    return known.label if known else suffix.upper() or "Datei"
