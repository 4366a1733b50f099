"""Every internal link and anchor of the built site resolves, under a subpath as on GitHub Pages."""

from __future__ import annotations

from pathlib import Path

from htmlpages import page_url, parse_page, resolve


def test_every_internal_link_and_anchor_resolves(built_site: Path, base_url: str):
    pages = {p: parse_page(p) for p in built_site.rglob("*.html")}
    broken = []
    checked = 0
    for path, page in pages.items():
        here = page_url(built_site, path, base_url)
        for href in page.links:
            if href.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            target, fragment = resolve(built_site, base_url, here, href)
            if target is None:
                assert not href.startswith("http://127.0.0.1"), f"{path}: link leaves the subpath: {href}"
                continue
            checked += 1
            if not target.is_file():
                broken.append(f"{path.relative_to(built_site)} → {href} (keine Datei)")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse_page(target).ids
                if fragment not in ids:
                    broken.append(f"{path.relative_to(built_site)} → {href} (Anker fehlt)")
    assert checked > 200
    assert broken == []


def test_every_page_has_exactly_one_h1_and_a_description(built_site: Path):
    problems = []
    for path in built_site.rglob("*.html"):
        page = parse_page(path)
        if path.name == "404.html":
            continue
        if len(page.h1) != 1:
            problems.append(f"{path.relative_to(built_site)}: {len(page.h1)} h1")
        if not page.meta.get("description"):
            problems.append(f"{path.relative_to(built_site)}: keine Beschreibung")
    assert problems == []
