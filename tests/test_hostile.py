"""Content is untrusted: hostile records that the loader accepts build, show literally and run nothing.

The rejected attacks (aliases, tags, paths outside the folder, javascript: URLs, …) are in the corpus of
tests/test_content_errors.py, each pinned to its message. Here: what passes the loader must be inert on
every output — page body, <title>, <meta>, navigation, search index, map data, CSV, JSON.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image

from bench.htmltree import parse_html
from helpers import page_types
from hostile import ATTR, GPS, HOSTILE_FILES, HOSTILE_SLUG, HOSTILE_TITLE, SCRIPT
from ogi.opendata.projekte import projekte_csv
from ogi.records.content import load_site
from ogi.records.files import DOCUMENT_FORMATS, IMAGE_FORMATS, detect

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Dialog

# Every page type that shows the hostile records (their browser checks: PAGE_TYPES in tests/helpers.py).
PAGES = {name: t.path for name, t in page_types("feindlich").items()}


def test_hostile_records_are_valid_content(hostile_project: Path) -> None:
    site = load_site(hostile_project)
    assert site.errors == [] and site.warnings == []


@pytest.mark.slow
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_hostile_page_has_no_script_attribute_or_link_from_content(hostile_site: tuple[Path, str], path: str) -> None:
    root, _ = hostile_site
    file = root / path / "index.html" if path != "gibt-es-nicht/" else root / "404.html"
    elements = parse_html(file).find_all()
    handlers = [(n.tag, name) for n in elements for name in n.attrs if name.startswith("on")]
    assert handlers == []
    links = [n.attrs.get("href") or n.attrs.get("src") or "" for n in elements]
    assert [link for link in links if link.strip().lower().startswith(("javascript:", "data:"))] == []
    assert [n.tag for n in elements if n.tag in ("iframe", "object", "embed")] == []
    assert "body{display:none}" not in file.read_text(encoding="utf-8")  # <style> from rich text is gone
    assert [n.attrs for n in elements if n.tag == "input" and n.attrs.get("name") == "x"] == []
    # Content reaches scripts only as JSON: no script body carries a raw "<" from a record.
    scripts = [n.raw_text for n in elements if n.tag == "script"]
    assert [s for s in scripts if "__pwned" in s and "<script>" in s] == []


@pytest.mark.slow
def test_hostile_measure_shows_its_values_literally(hostile_site: tuple[Path, str]) -> None:
    root, _ = hostile_site
    page = parse_html(root / "massnahmen" / HOSTILE_SLUG / "index.html")
    title = next(n.attrs for n in page.find_all("meta") if n.attrs.get("name") == "description")
    assert title["content"].startswith("=HYPERLINK(")
    text = page.text
    assert HOSTILE_TITLE in text  # <title>, header and <h1>: the title as typed, nothing rendered
    assert "- Liste ## Überschrift {: onfocus=" in text  # Träger: one line, no list, heading or attribute
    assert "<!-- ogi-karte -->" in text  # no marker comment either
    assert "</script><script>window.__pwned='close'</script>" in text  # Programm
    assert f"@Schritt {SCRIPT} {ATTR}" in text  # a step of its history, inside the page's own HTML list


@pytest.mark.slow
def test_hostile_rich_text_keeps_only_the_allowed_subset(hostile_site: tuple[Path, str]) -> None:
    root, _ = hostile_site
    page = parse_html(root / "massnahmen" / HOSTILE_SLUG / "index.html")
    anchors = [n.attrs.get("href") for n in page.find_all("a")]
    assert "https://example.org" in anchors  # the allowed link stays
    assert not [a for a in anchors if a and ("<" in a or '"' in a or a.lower().startswith(("javascript:", "data:")))]
    assert not [a for a in anchors if a and a.lower().startswith("mailto:") and "?" in a]  # no copy to a third party
    headings = page.find_all("h3")
    assert headings  # "# Überschrift" became a sub-heading of the description


@pytest.mark.slow
def test_hostile_search_index_has_titles_as_escaped_text(hostile_site: tuple[Path, str]) -> None:
    root, _ = hostile_site
    docs = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    entries = [d for d in docs if HOSTILE_SLUG in d["location"]]
    assert entries
    assert "<script>" not in entries[0]["title"] and "&lt;script&gt;" in entries[0]["title"]


@pytest.mark.slow
def test_hostile_schedule_and_geojson_carry_the_text_as_data(hostile_site: tuple[Path, str]) -> None:
    root, _ = hostile_site
    schedule = json.loads((root / "tagung-2020" / "schedule.json").read_text(encoding="utf-8"))
    assert "<script>" in json.dumps(schedule, ensure_ascii=False)  # data stays data, a reader escapes it
    geojson = json.loads((root / "daten" / "projekte.geojson").read_text(encoding="utf-8"))
    titles = [f["properties"]["titel"] for f in geojson["features"]]
    assert HOSTILE_TITLE in titles


def test_csv_cells_that_a_spreadsheet_reads_as_formula_start_with_an_apostrophe(hostile_project: Path) -> None:
    site = load_site(hostile_project)
    rows = list(csv.DictReader(io.StringIO(projekte_csv(site.massnahmen, "https://example.org/"))))
    row = next(r for r in rows if r["slug"] == HOSTILE_SLUG)
    assert row["kurzbeschreibung"].startswith("'=HYPERLINK(")
    assert all(not value.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for value in r.values())
    assert row["foerderung_eur"] == "1000"  # numbers stay numbers


@pytest.mark.browser
@pytest.mark.slow
def test_searching_hostile_text_runs_nothing(browser: Browser, hostile_site: tuple[Path, str]) -> None:
    _, base_url = hostile_site
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    try:
        page.goto(base_url, wait_until="networkidle")
        page.get_by_role("textbox", name="Suche").first.click()
        page.keyboard.type("Feindlich")
        page.locator(".md-search-result__item").first.wait_for(timeout=10000)
        assert "<script>" in page.locator(".md-search-result__item").first.inner_text()
        assert page.evaluate("typeof window.__pwned") == "undefined"
    finally:
        context.close()


# --- files beside the records (HOSTILE_FILES in tests/hostile.py; the refused ones: tests/test_dateien.py) ------


def _published_files(root: Path) -> list[Path]:
    """The files of the site that come from content folders: measures' images and events' attachments."""
    return sorted([*root.glob("massnahmen/bilder/**/*"), *root.glob("*/anhaenge/**/*")])


@pytest.mark.slow
def test_hostile_images_are_published_as_pixels_only(hostile_site: tuple[Path, str]) -> None:
    # layer: re-encoding (ogi.records.bilder). No EXIF (GPS, camera), XMP, comment, text chunk or trailing script.
    root, _ = hostile_site
    images = [p for p in _published_files(root) if p.parent.name == "bilder" and p.name.startswith("feindlich")]
    assert {p.name for p in images} == {
        "feindlich-polyglott.jpg",
        "feindlich-polyglott-480.jpg",
        "feindlich-polyglott-960.jpg",
        "feindlich-text.png",
        "feindlich-text-480.png",
    }
    for path in images:
        data = path.read_bytes()
        assert b"__pwned" not in data and b"<script" not in data and b"51.0" not in data
        with Image.open(path) as image:
            assert dict(image.getexif()) == {}
            assert not {"exif", "xmp", "comment", "icc_profile", "Comment", "XML:com.adobe.xmp"} & image.info.keys()
            if path.suffix == ".jpg":  # turned upright by its EXIF orientation, then the orientation dropped
                assert image.height > image.width
    assert GPS  # the position the source file carried (tests/hostile.py)


@pytest.mark.slow
def test_hostile_measure_offers_every_image_size_in_srcset(hostile_site: tuple[Path, str]) -> None:
    root, _ = hostile_site
    page = root / "massnahmen" / HOSTILE_SLUG / "index.html"
    tree = parse_html(page)
    assert [h.attrs.get("id") for h in tree.find_all("h2") if h.text.startswith("Bilder")] == ["bilder"]
    images = [i for f in tree.find_all("figure") if f.attrs.get("class") == "ogi-bild" for i in f.find_all("img")]
    assert len(images) == 2 and all(i.attrs.get("srcset") for i in images)
    photo = images[0]
    candidates = [c.strip().split(" ") for c in photo.attrs["srcset"].split(",")]
    assert [width for _, width in candidates] == ["480w", "960w", "1500w"]
    for url, _ in candidates:
        assert (page.parent / url).resolve().is_file()
    assert photo.attrs["sizes"] and photo.attrs["src"] == candidates[-1][0]
    assert (photo.attrs["width"], photo.attrs["height"]) == ("1500", "2000")


@pytest.mark.slow
def test_hostile_site_publishes_only_what_the_rules_admit(hostile_site: tuple[Path, str]) -> None:
    # What the pull request's preview artifact (site/) carries: no symlink, no page from a content folder, and
    # in the content folders only files whose bytes are an admitted format of their name.
    root, _ = hostile_site
    assert [p for p in root.rglob("*") if p.is_symlink()] == []
    assert [p for p in root.rglob("*.md")] == []
    files = [p for p in _published_files(root) if p.is_file()]
    assert {p.name for p in files} >= {"feindlich.pdf", "feindlich-text.png"}
    for path in files:
        formats = IMAGE_FORMATS if path.parent.name == "bilder" else DOCUMENT_FORMATS
        assert detect(path) == formats[path.suffix.lstrip(".")].name, path


CODE_SUFFIXES = (".js", ".css", ".map")


def _non_html_files(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p.suffix not in (".html", ".gz")
    )


@pytest.mark.browser
@pytest.mark.slow
def test_opening_any_published_file_directly_runs_nothing(browser: Browser, hostile_site: tuple[Path, str]) -> None:
    # The browser tripwire for files: every non-HTML file of the site, opened as a reader's browser would open
    # a link to it. An image shows as an image, a PDF in the viewer or as a download: no script of the site's.
    # Scripts and style sheets (the theme's and the site's own code; no content is ever published as one:
    # test_hostile_site_publishes_only_what_the_rules_admit) are shown as text when opened: left out.
    root, base_url = hostile_site
    files = [f for f in _non_html_files(root) if not f.endswith(CODE_SUFFIXES)]
    assert set(HOSTILE_FILES) <= set(files)
    context = browser.new_context(locale="de-DE", accept_downloads=True)
    page = context.new_page()
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    try:
        for name in files:
            try:
                page.goto(base_url + name, wait_until="load")
            except Exception as exc:  # a download (office files, PDF in headless Chromium) is no document
                assert "Download is starting" in str(exc) or "ERR_ABORTED" in str(exc), (name, exc)
                continue
            assert page.evaluate("typeof window.__pwned") == "undefined", name
        assert dialogs == []
    finally:
        context.close()
