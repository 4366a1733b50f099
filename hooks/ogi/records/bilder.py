"""Images of measures are made by the build, never copied: decoded, turned upright, converted to sRGB,
scaled to the widths the pages offer (srcset) and encoded anew with fixed settings.

Nothing of the uploaded file but its pixels reaches the site: no EXIF (a phone photo's GPS position), no XMP,
no ICC profile, no comment, no bytes after the image (a polyglot's script). The same file gives the same
bytes in every build: the encoders get fixed settings and write no time stamps.
"""

from __future__ import annotations

import functools
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from ..model import urls
from .files import human_size

MAX_BYTES = 30 * 1024 * 1024  # far above any photo a page needs: refused
WARN_BYTES = 5 * 1024 * 1024  # published smaller anyway, but the repository keeps the original forever
MAX_PIXELS = 60_000_000  # a 48-megapixel phone photo passes; a decompression bomb does not
Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow's own guard, for any image opened in this process

_JPEG: dict[str, object] = {"quality": 82, "optimize": True, "progressive": False, "subsampling": "4:2:0"}
_SAVE: dict[str, dict[str, object]] = {"JPEG": _JPEG, "PNG": {"optimize": True}, "WEBP": {"quality": 82, "method": 4}}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


class UnreadableImage(Exception):
    """The file is not an image Pillow can decode within the limits; the message is German."""


@dataclass(frozen=True)
class Fassung:
    """One published size of an image: its address in the docs tree, width, height and bytes."""

    uri: str
    breite: int
    hoehe: int
    daten: bytes


def size_problem(path: Path, name: str) -> tuple[str | None, str | None]:
    """(error, warning) about the file size of image `name`, in German."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return (
            f"das Bild „{name}“ ist {human_size(size)} groß; erlaubt sind höchstens {human_size(MAX_BYTES)}: "
            "das Bild vor dem Hochladen verkleinern (z. B. 2.000 Pixel breit als JPEG speichern)"
        ), None
    if size > WARN_BYTES:
        return None, (
            f"das Bild „{name}“ ist {human_size(size)} groß und wird verkleinert veröffentlicht, doch das "
            f"Repository behält das Original; vor dem Hochladen auf höchstens {human_size(WARN_BYTES)} "
            "verkleinern (z. B. 2.000 Pixel breit als JPEG speichern)"
        )
    return None, None


def image_problem(path: Path, name: str) -> str | None:
    """Why the image `name` cannot be decoded within the limits, in German; None if it can.

    Decodes the whole file (a JPEG at an eighth of its size, which still reads every byte of it), so that a
    truncated or broken upload is found by `make check`, not in the middle of a build.
    """
    try:
        with _open(path, name) as image:
            image.draft(image.mode, (image.width // 8 or 1, image.height // 8 or 1))
            try:
                image.load()
                ImageOps.exif_transpose(image)  # what the build does with it: a broken EXIF block shows here
            except (OSError, SyntaxError, ValueError) as exc:
                raise _unreadable(name, exc) from None
    except UnreadableImage as exc:
        return str(exc)
    return None


def fassungen(path: Path, datei: str) -> list[Fassung]:
    """The published sizes of the image `datei`, smallest first; the largest has the file's own address.

    Raises UnreadableImage for a file that `image_problem` refuses (`serve` leaves such an image out)."""
    stat = path.stat()
    return list(_fassungen(path, stat.st_mtime_ns, stat.st_size, datei))


# `serve` rebuilds on every save: an unchanged file (same time and size) is not encoded again. The result
# depends only on the file, so the cache changes no byte of the site; 64 entries hold a few dozen MB.
@functools.lru_cache(maxsize=64)
def _fassungen(path: Path, mtime_ns: int, size: int, datei: str) -> tuple[Fassung, ...]:
    with _open(path, datei) as image:
        try:
            # A JPEG decodes at the smallest scale still wide enough once turned upright: a quarter of the time.
            turned = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)  # EXIF orientations that swap the sides
            image.draft(image.mode, (1, urls.IMAGE_WIDTHS[-1]) if turned else (urls.IMAGE_WIDTHS[-1], 1))
            upright = _srgb(ImageOps.exif_transpose(image))
        except (OSError, SyntaxError, ValueError) as exc:
            raise _unreadable(datei, exc) from None
        fmt = image.format or "JPEG"
    largest = _scaled(upright, min(upright.width, urls.IMAGE_WIDTHS[-1]))  # never scaled up
    # The smaller sizes are scaled from the largest, which is already close to them: a third of the time.
    smaller = [_scaled(largest, w) for w in urls.IMAGE_WIDTHS[:-1] if w < largest.width]
    return (
        *[_encode(image, fmt, urls.massnahme_bild(datei, image.width)) for image in smaller],
        _encode(largest, fmt, urls.massnahme_bild(datei)),
    )


def _open(path: Path, name: str) -> Image.Image:
    try:
        with warnings.catch_warnings():
            # Pillow warns above MAX_PIXELS and refuses above twice as many; the check below names the size.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(path.read_bytes()))
    except Image.DecompressionBombError:
        raise UnreadableImage(_too_many_pixels(name)) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise _unreadable(name, exc) from None
    if image.width * image.height > MAX_PIXELS:
        raise UnreadableImage(_too_many_pixels(name, f" ({image.width} × {image.height})"))
    return image


def _unreadable(name: str, exc: Exception) -> UnreadableImage:
    # Pillow's own words (English, technical) would not help an editor; the kind of problem does.
    return UnreadableImage(
        f"das Bild „{name}“ lässt sich nicht lesen, die Datei ist beschädigt oder unvollständig "
        "hochgeladen; das Bild neu als JPEG speichern und hochladen"
    )


def _too_many_pixels(name: str, dimensions: str = "") -> str:
    return (
        f"das Bild „{name}“ hat mehr als {MAX_PIXELS // 1_000_000} Megapixel{dimensions}, mehr als erlaubt "
        "(so groß ist kein Foto, wohl aber ein Bild, das beim Öffnen den Speicher füllen soll); das Bild "
        "verkleinern: für die Website genügen 2.000 Pixel Breite"
    )


def _srgb(image: Image.Image) -> Image.Image:
    """The pixels in sRGB without any attached metadata; alpha kept, palettes and CMYK converted."""
    mode = "RGBA" if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info else "RGB"
    if image.mode == "L":
        mode = "L"
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            converted = ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                _SRGB,
                outputMode="RGBA" if image.mode == "RGBA" else "RGB",
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            converted = None  # a broken profile: the pixels are taken as sRGB, as a browser would
        image = converted or image
    image = image.convert(mode)
    image.info = {}
    return image


def _scaled(image: Image.Image, width: int) -> Image.Image:
    if width == image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    scaled = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    scaled.info = {}  # resize copies the source's info; nothing of it is to be written
    return scaled


def _encode(image: Image.Image, fmt: str, uri: str) -> Fassung:
    if fmt == "JPEG" and image.mode == "RGBA":
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, fmt, **_SAVE.get(fmt, _JPEG))
    return Fassung(uri, image.width, image.height, out.getvalue())
