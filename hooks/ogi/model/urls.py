"""The site's address layout: where every generated page and file lives, and the links between them.

No other module or template assembles an address. Two kinds of address:

- a *path* is a place in the docs tree, as MkDocs names files: "massnahmen/herne-x.md", "daten/projekte.csv";
  pages are Outputs at their path, and Markdown links between pages are relative paths (`link`), which
  MkDocs checks and turns into URLs;
- a *URL path* is what MkDocs makes of a path with use_directory_urls: "massnahmen/herne-x/". HTML
  written by the generator (tables, maps) links with relative URL paths (`relative_url`), exports with
  absolute URLs (`absolute_url`).

Templates reach this module as the global `urls` and the filters `link` and `rel` (render.py). Material's
templates in overrides/ name six addresses themselves (start, Maßnahmen, Kontakt, neu.atom, neu/, redaktion/):
`make bench` builds them without hooks too, so they cannot read this module.
"""

from __future__ import annotations

import functools
import posixpath

from markupsafe import Markup

from ..records.text import href

# --- pages and files of the site (paths in the docs tree) ----------------------------------------------

HOME = "index.md"
DATENSCHUTZ = "datenschutz.md"
KONTAKT = "kontakt.md"
EDITORS_GUIDE = "redaktion/"  # the editors' guide: linked from the footer, kept out of menu, search and sitemap
LAGE_ZEICHNEN = "redaktion/lage-zeichnen.md"  # the drawing tool for a measure's place: built only by `make serve`
MASSNAHMEN = "massnahmen/index.md"  # the measures' list, map and downloads
KOMMUNEN = "kommunen/index.md"
VERANSTALTUNGEN = "veranstaltungen/index.md"
ALLE_REFERIERENDEN = "veranstaltungen/referierende.md"  # the speakers of every event
DATEN = "daten"  # the open data files
GEOJSON = f"{DATEN}/projekte.geojson"
CSV = f"{DATEN}/projekte.csv"
XLSX = f"{DATEN}/projekte.xlsx"
KATALOG = f"{DATEN}/katalog.ttl"
FOERDERUNG_KOMMUNEN_SVG = f"{DATEN}/foerderung-kommunen.svg"
FOERDERUNG_KREISE_SVG = f"{DATEN}/foerderung-kreise.svg"
FEED = "neu.atom"
NEU = "neu.md"  # the feed's entries as a page for people ("Neu und geändert")
REGION_SVG = "assets/bilder/region.svg"  # the start page's picture of the region
MAP_ASSETS = "assets/karte"  # Leaflet, its plugins, the map scripts and the base map
KARTE_MASSNAHMEN = f"{MAP_ASSETS}/massnahmen.json"  # the overview map's points (not open data: projekte.geojson is)

# Said once by a build without the public address (SITE_URL): what it left out instead of a loopback address.
WITHOUT_SITE_URL = (
    "Keine öffentliche Adresse (SITE_URL) gesetzt: Links sind relativ; Sitemap, kanonische Links, "
    "Vorschaubild und Kalender-Adressen fehlen. Zum Veröffentlichen SITE_URL=https://… setzen."
)
SITEMAP = "sitemap.xml"  # Material's sitemap template (overrides/sitemap.xml): absolute addresses only

# Folder names of the generated sections: an event folder content/<name>/ must not take one of them.
SECTIONS = ("massnahmen", "kommunen", "daten", "veranstaltungen", "assets", "search")
MASSNAHME_RESERVED = ("index", "bilder")  # massnahmen/index.md, massnahmen/bilder/
EVENT_RESERVED = ("index", "referierende", "sessions", "anhaenge", "schedule", "kalender")  # an event's own pages
SESSION_RESERVED = ("index",)  # sessions/index.md


def index_page(folder: str) -> str:
    """The index page of a folder, as its section's entry: index_page('massnahmen') -> 'massnahmen/index.md'."""
    return f"{folder}/{HOME}"


def is_index(uri: str) -> bool:
    """A section's index page (the menu lists it; record pages are reached from it)."""
    return uri == HOME or uri.endswith("/" + HOME)


def data_file(name: str) -> str:
    """An open data file: data_file('projekte.csv') -> 'daten/projekte.csv'."""
    return f"{DATEN}/{name}"


def massnahme(slug: str) -> str:
    """The page of a measure: massnahme('herne-x') -> 'massnahmen/herne-x.md'."""
    return f"massnahmen/{slug}.md"


IMAGE_WIDTHS = (480, 960, 1600)  # the widths of a published image; the largest keeps the file's own name


def massnahme_bild(datei: str, breite: int | None = None) -> str:
    """An image of a measure, published beside the measures' pages; a smaller copy carries its width:
    massnahme_bild('park.jpg') -> 'massnahmen/bilder/park.jpg', (…, 480) -> 'massnahmen/bilder/park-480.jpg'."""
    if breite is None:
        return f"massnahmen/bilder/{datei}"
    path = posixpath.splitext(datei)
    return f"massnahmen/bilder/{path[0]}-{breite}{path[1]}"


def width_suffix(datei: str) -> str | None:
    """The suffix of a smaller copy that the name `datei` already ends in ('park-480.jpg' -> '-480'), else None."""
    stem = posixpath.splitext(datei)[0]
    return next((f"-{w}" for w in IMAGE_WIDTHS[:-1] if stem.endswith(f"-{w}")), None)


def kommune(slug: str) -> str:
    """The page of a Kommune: kommune('herne') -> 'kommunen/herne.md'."""
    return f"kommunen/{slug}.md"


def event_page(ordner: str, name: str = "index") -> str:
    """A page of an event: event_page('fachtag-2025', 'workshop-x') -> 'fachtag-2025/workshop-x.md'."""
    return f"{ordner}/{name}.md"


def session(ordner: str, ident: str) -> str:
    """The page of a session of an event: 'fachtag-2025/sessions/fachtagung.md'."""
    return event_page(ordner, f"sessions/{ident}")


def event_file(ordner: str, name: str) -> str:
    """A file of an event: event_file('fachtag-2025', 'schedule.xml') -> 'fachtag-2025/schedule.xml'."""
    return f"{ordner}/{name}"


def talk_calendar(ordner: str, slug: str) -> str:
    """The calendar file of one talk: 'fachtag-2025/kalender/workshop-x.ics'."""
    return event_file(ordner, f"kalender/{slug}.ics")


def attachment(ordner: str, datei: str) -> str:
    """An attachment of an event (slides, documentation): 'fachtag-2025/anhaenge/folien.pdf'."""
    return event_file(ordner, f"anhaenge/{datei}")


# --- from paths to links ---------------------------------------------------------------------------------


def page_url(uri: str) -> str:
    """The URL path MkDocs gives a Markdown file with use_directory_urls: a/b.md -> a/b/, a/index.md -> a/."""
    stem = uri[: -len(".md")] if uri.endswith(".md") else uri
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    elif uri.endswith(".md"):
        stem += "/"
    return stem


def relative_url(from_uri: str, to_uri: str) -> str:
    """Link from the page of `from_uri` to the page or file `to_uri`, as the browser resolves it."""
    return _relative(page_url(to_uri), page_url(from_uri).rstrip("/"))


def relative_file_url(from_file: str, to_uri: str) -> str:
    """Link from a published file (not a page: 'neu.atom', 'daten/projekte.csv') to a page or file."""
    return _relative(page_url(to_uri), posixpath.dirname(from_file))


def _relative(target: str, start: str) -> str:
    # A link to a page (a URL path ending in "/") keeps its final slash.
    rel = _relpath(target, start)
    if (target == "" or target.endswith("/")) and not rel.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


def _relpath(target: str, start: str) -> str:
    # posixpath.relpath for paths below the site's root, without its os.getcwd() call per link
    # (maps and pages ask for thousands of links in a build).
    to, frm = [p for p in target.split("/") if p], [p for p in start.split("/") if p]
    common = 0
    while common < min(len(to), len(frm)) and to[common] == frm[common]:
        common += 1
    return "/".join([".."] * (len(frm) - common) + to[common:]) or "."


def absolute_url(site_url: str, uri: str) -> str:
    """The public URL of a page or file below `site_url` (with or without its final "/");
    '' leaves it site-relative ('/massnahmen/x/')."""
    return site_url.rstrip("/") + "/" + page_url(uri)


def html_link(to_uri: str, from_uri: str) -> Markup:
    """`relative_url` as a link target for href attributes of HTML that templates write (the filter `rel`)."""
    return href(relative_url(from_uri, to_uri))


def link(to_uri: str, from_uri: str) -> Markup:
    """A Markdown link target from the page `from_uri` to the page or file `to_uri`, both docs paths.

    MkDocs resolves it relative to the page's source file, checks it (--strict) and writes the URL.
    Percent-encoded like every link target (text.href): file names of attachments come from content.
    """
    return _link(to_uri, posixpath.dirname(from_uri))


@functools.lru_cache(maxsize=8192)
def _link(to_uri: str, from_dir: str) -> Markup:
    # All measure pages share one source folder, so the same links recur on every one of them.
    return href(_relpath(to_uri, from_dir))
