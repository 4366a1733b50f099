"""Hostile records that the loader accepts: every value tries to run a script, add markup or a link.

The project copy built from them must show each value literally and run nothing (tests/test_hostile*.py).
Each value sets `window.__pwned` if it ever runs, so a browser test can tell.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, PngImagePlugin

SCRIPT = "<script>window.__pwned='script'</script>"
IMG = "<img src=x onerror=\"window.__pwned='img'\">"
LINK = "[klick](javascript:void(window.__pwned=1))"
ATTR = "{: onfocus=\"window.__pwned='attr'\" autofocus tabindex=1 }"
CLOSE = "</script><script>window.__pwned='close'</script>"
TEMPLATE = "${window.__pwned='tpl'}`+(window.__pwned='concat')+`"
RICH = (
    f"Text {SCRIPT} und {IMG}\n\n<iframe src=\"javascript:window.__pwned='iframe'\"></iframe>\n\n"
    f"[javascript](javascript:window.__pwned='rich-link') [data](data:text/html,{SCRIPT}) "
    '<a href="https://example.org" onclick="window.__pwned=\'onclick\'">ok</a>\n\n'
    '<form action="https://example.org"><input name=x></form><style>body{display:none}</style>\n\n'
    "{: onclick=\"window.__pwned='rich-attr'\" }\n\n# Überschrift mit *Betonung*\n\n"
    "[Post](mailto:post@example.org?cc=mitleser@example.net)"
)

# Files that pass the format rules (their bytes begin as the format says) but carry a script, by their address in
# the site, each with the one layer that stops it. Files the rules refuse are in tests/test_dateien.py, each pinned to its message.
HOSTILE_SCRIPT = b"<html><body><script>window.__pwned='datei'</script></body></html>"
GPS = (51.54, 7.2)  # the position a phone photo would give away
HOSTILE_FILES = {
    # layer: re-encoding (ogi.records.bilder) -- the published JPEG is made from the pixels alone
    "massnahmen/bilder/feindlich-polyglott.jpg": "jpeg-with-gps-comment-and-trailing-html",
    # layer: re-encoding (ogi.records.bilder) -- PNG text chunks and trailing bytes are not carried over
    "massnahmen/bilder/feindlich-text.png": "png-with-script-in-text-chunk-and-trailer",
    # layer: served as PDF by its name (the server's Content-Type), opened by the browser's PDF viewer or
    # downloaded; never HTML on the site's address although HTML follows the header
    "tagung-2020/anhaenge/feindlich.pdf": "pdf-header-then-html",
}


def hostile_jpeg(size: tuple[int, int] = (2000, 1500)) -> bytes:
    """A photo as a phone makes it (EXIF with GPS position and orientation, XMP, a comment), plus a script."""
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn 90° clockwise to show upright
    exif[0x010F] = f"Kamera {SCRIPT}"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (51.0, 32.0, 24.0), 3: "E", 4: (7.0, 12.0, 0.0)})
    out = io.BytesIO()
    Image.linear_gradient("L").resize(size).convert("RGB").save(
        out, "JPEG", quality=90, exif=exif, xmp=f"<x:xmpmeta>{SCRIPT}</x:xmpmeta>".encode(), comment=SCRIPT.encode()
    )
    return out.getvalue() + HOSTILE_SCRIPT


def hostile_png() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SCRIPT)
    out = io.BytesIO()
    Image.new("RGBA", (640, 400), (20, 120, 60, 255)).save(out, "PNG", pnginfo=info)
    return out.getvalue() + HOSTILE_SCRIPT


HOSTILE_TITLE = f"Feindlich {SCRIPT}{IMG} {LINK} {ATTR}"
HOSTILE_SLUG = "herne-feindlich"
HOSTILE_TALK = "feindlicher-vortrag"

MEASURE = {
    "titel": HOSTILE_TITLE,
    "kommunen": ["Herne"],
    "traeger": f"- Liste\n\n## Überschrift {ATTR}\n\n<!-- ogi-karte --> {ATTR}",
    "programm": CLOSE,
    "status": "nicht bekannt",
    "verlauf": [{"datum": "2020-07-16", "ereignis": f"@Schritt {SCRIPT} {ATTR}", "quelle": 1}],  # a raw HTML list
    "foerderung": {"betrag_eur": 1000, "hinweis": f"<svg onload=\"window.__pwned='svg'\"></svg> {TEMPLATE}"},
    "kurzbeschreibung": f'=HYPERLINK("https://example.org") {LINK} {ATTR}',
    "beschreibung": RICH,
    "stichworte": [f"Suchwort {SCRIPT}", '"], titel: [x', CLOSE],  # into front matter and the search index
    "lage": {"genauigkeit": "ungefähr", "ort": TEMPLATE, "geometrie": {"type": "Point", "coordinates": [7.2, 51.54]}},
    "quellen": [
        {
            "titel": f"Quelle ](javascript:window.__pwned='q') {SCRIPT}",
            "url": 'https://example.org/a_b_(c)?x="y"&z=<w>',
            "abgerufen": "2026-11",
            "archiv_url": f"https://web.archive.org/web/2026/https://example.org/{SCRIPT}",
        }
    ],
    "bilder": [
        {"datei": "feindlich-polyglott.jpg", "alt": f"Foto {SCRIPT}", "urheber": IMG, "lizenz": LINK},
        {"datei": "feindlich-text.png", "alt": "Grafik", "urheber": "Test", "lizenz": "CC0 1.0"},
    ],
    "datenstand": "2026-11-26",
}

TALK = {
    "titel": f"Vortrag {CLOSE}",
    "art": "Vortrag",
    "tag": None,  # set to the event's first day
    "referierende": [{"name": f"Dr. {IMG}", "organisation": ATTR, "funktion": LINK}],
    "kurzbeschreibung": f"+SUM(A1) {SCRIPT}",
    "zusammenfassung": RICH,
    "quellen": [{"titel": TEMPLATE, "url": "https://example.org/", "abgerufen": "2026-11"}],
    "anhaenge": [{"titel": f"Folien {SCRIPT}", "datei": "feindlich.pdf"}],
    "datenstand": "2026-11-26",
}


def write_hostile_content(project: Path) -> None:
    """Add the hostile measure and talk to a project copy; make the event, the timeline and the
    operator hostile too (their titles appear on every page)."""
    content = project / "content"
    (content / "projects" / f"{HOSTILE_SLUG}.yml").write_text(_dump(MEASURE), encoding="utf-8")
    (content / "projects/bilder/feindlich-polyglott.jpg").write_bytes(hostile_jpeg())
    (content / "projects/bilder/feindlich-text.png").write_bytes(hostile_png())
    (content / "tagung-2020/anhaenge/feindlich.pdf").write_bytes(b"%PDF-1.4\n" + HOSTILE_SCRIPT)
    quelle = {"titel": f"Summenquelle {SCRIPT}", "url": "https://example.org/summe", "abgerufen": "2026-11"}
    summen = {
        "hauptzahl": {"betrag_eur": 1000000, "umfasst": f"Summe {SCRIPT} {LINK} {ATTR}", "quelle": dict(quelle)},
        "weitere": [{"betrag_eur": 5, "rund": True, "umfasst": f"{IMG} {TEMPLATE}", "quelle": dict(quelle)}],
    }
    (content / "foerdersummen.yml").write_text(_dump(summen), encoding="utf-8")

    tagung_file = content / "tagung-2020" / "tagung.yml"
    tagung = yaml.safe_load(tagung_file.read_text(encoding="utf-8"))
    tagung["titel"] = f"Tagung {SCRIPT} {LINK}"
    tagung["beschreibung"] = RICH
    tagung_file.write_text(_dump(tagung), encoding="utf-8")

    talk = dict(TALK, tag=tagung["tage"][0]["datum"])
    (content / "tagung-2020" / f"{HOSTILE_TALK}.yml").write_text(_dump(talk), encoding="utf-8")

    timeline_file = content / "meilensteine.yml"
    timeline = yaml.safe_load(timeline_file.read_text(encoding="utf-8"))
    timeline["meilensteine"][0].update(titel=f"Meilenstein {IMG}", beschreibung=f"**fett** {LINK}")
    timeline_file.write_text(_dump(timeline), encoding="utf-8")

    operator_file = content / "betreiber.yml"
    operator = yaml.safe_load(operator_file.read_text(encoding="utf-8"))
    operator["name"] = f"Betreiber {SCRIPT}"
    operator_file.write_text(_dump(operator), encoding="utf-8")


def _dump(data: dict[str, Any]) -> str:  # a record as YAML reads it: untyped
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
