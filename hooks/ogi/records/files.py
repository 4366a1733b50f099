"""Files beside the records (images, attachments): admitted by what they are, never by their name alone.

A pull request can add any file to content/. A file a record names is published, so it must be a regular
file (no symlink, wherever it points), and its bytes must be one of the few formats the site offers: an
`.html`, `.svg` or `.js` file would run its script on the site's own address, a `.md` file would become
a page. The models admit only plain relative names; this module checks what is on disk.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

FOLDER_NOTE = "README.md"  # a folder's description for editors (GitHub shows it); never published

# What a file is, from its first bytes. Office files are zip archives told apart by their declared type.
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
_OOXML = {  # the main part's content type in [Content_Types].xml; macro-enabled variants have others
    "PowerPoint": b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    "Word": b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "Excel": b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
_ODF = {  # the first entry of an OpenDocument archive, "mimetype", holds exactly this
    "ODP": b"application/vnd.oasis.opendocument.presentation",
    "ODT": b"application/vnd.oasis.opendocument.text",
    "ODS": b"application/vnd.oasis.opendocument.spreadsheet",
}
_MAX_MANIFEST = 1024 * 1024  # [Content_Types].xml is a few KB; a larger one is not an office file


@dataclass(frozen=True)
class Format:
    """A file format the site publishes: its name in messages and how a download link names it."""

    name: str  # what `detect` calls the content, e.g. "PowerPoint"
    label: str  # link text, e.g. "PowerPoint" in "Folien (PowerPoint, 2,3 MB)"


IMAGE_FORMATS = {
    "jpg": Format("JPEG", "JPEG"),
    "jpeg": Format("JPEG", "JPEG"),
    "png": Format("PNG", "PNG"),
    "webp": Format("WebP", "WebP"),
}
DOCUMENT_FORMATS = {
    "pdf": Format("PDF", "PDF"),
    "pptx": Format("PowerPoint", "PowerPoint"),
    "docx": Format("Word", "Word"),
    "xlsx": Format("Excel", "Excel"),
    "odp": Format("ODP", "ODP"),
    "odt": Format("ODT", "ODT"),
    "ods": Format("ODS", "ODS"),
}


@dataclass(frozen=True)
class FileRule:
    """What one kind of content folder admits, and what an editor does with anything else."""

    formats: dict[str, Format]
    allowed: str  # the admitted formats in words
    remedy: str  # what to do with a file of another format


IMAGES = FileRule(IMAGE_FORMATS, "JPEG, PNG und WebP", "das Bild als JPEG speichern (eine Grafik als PNG)")
DOCUMENTS = FileRule(
    DOCUMENT_FORMATS,
    "PDF, PowerPoint (.pptx), Word (.docx), Excel (.xlsx) und OpenDocument (.odp, .odt, .ods)",
    "die Folien als PDF exportieren (ein Dokument als PDF speichern)",
)

# Formats that people mean to publish and that deserve their own advice.
_ADVICE = {
    "HEIC": "HEIC (das Format der iPhone-Fotos) kann die Website nicht lesen; das Bild als JPEG exportieren "
    "(am iPhone künftig unter Einstellungen → Kamera → Formate „Maximale Kompatibilität“ wählen)",
    "AVIF": "AVIF kann die Website nicht verarbeiten; das Bild als JPEG speichern",
    "SVG": "SVG-Dateien können Programmcode enthalten, der auf der Website liefe; das Bild als PNG speichern",
    "altes Office-Format": "das alte Office-Format (.ppt, .doc, .xls) kann Makros enthalten; die Folien als PDF "
    "exportieren (oder als .pptx speichern)",
    "Video": "Videos veröffentlicht die Website nicht als Datei; das Video auf einer Videoplattform des Betreibers "
    "veröffentlichen und verlinken",
}
_ADVICE_BY_SUFFIX = {
    "heic": "HEIC",
    "heif": "HEIC",
    "avif": "AVIF",
    "svg": "SVG",
    "svgz": "SVG",
    "ppt": "altes Office-Format",
    "doc": "altes Office-Format",
    "xls": "altes Office-Format",
    "pps": "altes Office-Format",
    "mp4": "Video",
    "mov": "Video",
    "m4v": "Video",
    "webm": "Video",
    "avi": "Video",
}


def detect(path: Path) -> str:
    """What the file is, from its bytes: "PDF", "JPEG", "PowerPoint", "HTML", "HEIC" …"""
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"%PDF-"):
        return "PDF"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "HEIC" if brand in _HEIF_BRANDS else "AVIF" if brand in (b"avif", b"avis") else "Video"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "altes Office-Format"
    if head.startswith(b"PK\x03\x04"):
        return _office_format(path)
    return _text_format(head)


def _office_format(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if names and names[0] == "mimetype" and archive.getinfo("mimetype").file_size < 100:
                declared = archive.read("mimetype").strip()
                return next((name for name, value in _ODF.items() if value == declared), "ZIP-Archiv")
            info = archive.getinfo("[Content_Types].xml") if "[Content_Types].xml" in names else None
            if info is None or info.file_size > _MAX_MANIFEST:
                return "ZIP-Archiv"
            manifest = archive.read(info)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
        return "beschädigtes ZIP-Archiv"
    return next((name for name, value in _OOXML.items() if b'"' + value + b'"' in manifest), "ZIP-Archiv")


def _text_format(head: bytes) -> str:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in text:
        return "SVG"
    if (
        text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<meta", b"<iframe"))
        or b"<script" in text
    ):
        return "HTML"
    if text.startswith(b"<"):
        return "XML"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "unbekanntes Format"
    return "Text"


def format_problem(path: Path, name: str, folder: str, rule: FileRule) -> str | None:
    """Why the file `name` in `folder` is not one of the formats `rule` admits, in German; None if it is."""
    suffix = PurePosixPath(name).suffix.lstrip(".").lower()
    expected = rule.formats.get(suffix)
    found = detect(path)
    where = f"„{name}“ in {folder}/"
    if expected is None:
        advice = _ADVICE.get(_ADVICE_BY_SUFFIX.get(suffix, found))
        if advice:
            return f"{where}: {advice}"
        kind = f"der Art „.{suffix}“" if suffix else "ohne Endung"
        return f"{where}: Dateien {kind} veröffentlicht die Website nicht; erlaubt sind {rule.allowed}: {rule.remedy}"
    if found == expected.name:
        return None
    if found in _ADVICE:
        return f"{where} ist dem Inhalt nach kein {expected.name}: {_ADVICE[found]}"
    return f"{where} ist dem Inhalt nach kein {expected.name}, sondern {found}; {rule.remedy}"


def file_problem(root: Path, folder: str, name: str, rule: FileRule | None = None) -> str | None:
    """Why `folder/name` below `root` cannot be published, in German; None if it can."""
    path = root / folder / name
    if symlink_in(root, path):
        return f"„{name}“ in {folder}/ ist ein symbolischer Verweis (Symlink); {SYMLINK_REMEDY}"
    if not path.exists():
        return f"die Datei „{name}“ fehlt in {folder}/; die Datei dort ablegen oder den Namen prüfen"
    if not stat.S_ISREG(path.stat().st_mode):
        return f"„{name}“ in {folder}/ ist keine gewöhnliche Datei (sondern ein Ordner oder Gerät); eine Datei angeben"
    return format_problem(path, name, folder, rule) if rule else None


SYMLINK_REMEDY = (
    "Symlinks veröffentlicht die Website nicht, wohin sie auch zeigen; die Datei selbst an ihren Platz legen"
)


def symlink_in(root: Path, path: Path) -> bool:
    """Whether `path` or a folder between `root` and it is a symlink (`root` itself is the project: not asked)."""
    current = path
    while current != root and current != current.parent:
        if current.is_symlink():
            return True
        current = current.parent
    return False


def published_file(root: Path, folder: str, name: str, rule: FileRule | None = None) -> Path | None:
    """The file to publish, or None while it has a problem (then `serve` leaves it out)."""
    return None if file_problem(root, folder, name, rule) else root / folder / name


def symlinks(folder: Path) -> Iterator[Path]:
    """Every symlink below `folder` (and `folder` itself if it is one), without following any."""
    if folder.is_symlink():
        yield folder
        return
    for parent, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            if (Path(parent) / name).is_symlink():
                yield Path(parent) / name
        dirs[:] = sorted(d for d in dirs if not (Path(parent) / d).is_symlink())


def files_below(folder: Path) -> Iterator[Path]:
    """The regular files below `folder`, sorted, symlinks neither listed nor followed."""
    if folder.is_symlink() or not folder.is_dir():
        return
    for parent, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not (Path(parent) / d).is_symlink())
        for name in sorted(files):
            if not (Path(parent) / name).is_symlink():
                yield Path(parent) / name


def human_size(size: int) -> str:
    """2400000 -> '2,3 MB' (German decimal comma, binary units as file managers show them); 5 MiB -> '5 MB'.

    The one size formatter: link texts of attachments and the limits in messages ("höchstens 5 MB")."""
    if size < 1024:
        return f"{size} Byte"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    megabytes = size / 1024 / 1024
    if megabytes >= 10 or megabytes.is_integer():  # "23 MB"; a decimal only where it tells something: "2,3 MB"
        return f"{megabytes:.0f} MB"
    return f"{megabytes:.1f} MB".replace(".", ",")
