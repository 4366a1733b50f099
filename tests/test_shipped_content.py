"""The shipped content/, whatever editors make of it: only what holds for ANY valid content is checked here.

Passing `make check`, a strict build, a page for every record, working links and anchors, and no axe-core
violation on the richest and the plainest page of each kind. The site is built from a copy of content/ in
which an editor added one measure and deleted one measure and one talk (conftest's `shipped_project`), so
the same run proves that such edits never turn CI red. The generator's behaviour is tested on the fixture
content (tests/fixtures/site)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from helpers import (
    MAP_LOADED,
    PAGE_TYPES,
    ROOT,
    axe_violations,
    broken_links,
    heading_and_description_problems,
    logged_page,
    page_url,
    parse_page,
)
from ogi.model.site import Site
from ogi.records.content import load_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="module")
def shipped(shipped_project: Path) -> Site:
    """The records of the edited copy of content/ the shipped site is built from."""
    return load_site(shipped_project)


def test_shipped_content_passes_make_check(shipped_project: Path, shipped: Site) -> None:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | {"PYTHONPATH": str(ROOT / "hooks")}
    result = subprocess.run(
        [sys.executable, "-m", "ogi", "check", "--root", str(shipped_project)],
        capture_output=True,
        text=True,
        env=env,
        cwd=shipped_project,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert shipped.errors == [] and shipped.warnings == []
    assert "testmassnahme" in {m.slug for m in shipped.massnahmen}  # the editor's new measure is among them


def test_shipped_content_builds_strictly(shipped_site: Path) -> None:
    assert (shipped_site / "index.html").is_file()


def test_every_shipped_measure_has_its_page(shipped_site: Path, shipped: Site) -> None:
    missing = []
    for m in shipped.massnahmen:
        page = shipped_site / "massnahmen" / m.slug / "index.html"
        if not page.is_file() or parse_page(page).h1 != [m.record.titel]:
            missing.append(m.source)
    assert missing == []


def test_every_shipped_presentation_and_session_has_its_page(shipped_site: Path, shipped: Site) -> None:
    missing = [
        v.source
        for e in shipped.veranstaltungen
        for v in e.vortraege
        if parse_page(shipped_site / e.ordner / v.slug / "index.html").h1 != [v.record.titel]
    ]
    missing += [
        f"{e.ordner}: {s.id}"
        for e in shipped.veranstaltungen
        for s in e.tagung.sessions
        if not (shipped_site / e.ordner / "sessions" / s.id / "index.html").is_file()
    ]
    assert missing == []


def test_every_kommune_with_measures_has_its_page(shipped_site: Path, shipped: Site) -> None:
    from ogi.records.slugs import slugify

    names = {ort.name for m in shipped.massnahmen for ort in m.kommunen}
    assert [n for n in sorted(names) if not (shipped_site / "kommunen" / slugify(n) / "index.html").is_file()] == []


def test_shipped_measures_index_lists_every_measure_once(shipped_site: Path, shipped: Site) -> None:
    page = parse_page(shipped_site / "massnahmen" / "index.html")
    slugs = {m.slug for m in shipped.massnahmen}
    assert sorted(h.rstrip("/") for h in page.links if h.rstrip("/") in slugs) == sorted(slugs)


def test_shipped_site_links_and_anchors_resolve(shipped_site: Path, shipped_base_url: str) -> None:
    checked, broken = broken_links(shipped_site, shipped_base_url)
    assert checked > 0 and broken == []


def test_shipped_pages_have_one_h1_and_a_description(shipped_site: Path) -> None:
    assert heading_and_description_problems(shipped_site) == []


def page_kinds(site: Path, records: Site) -> dict[str, list[Path]]:
    """The site's pages (without 404.html) by kind: a record's page counts as its kind ("massnahme", "kommune",
    "beitrag", "session" …), an event's other pages by their name, every other page is a kind of its own."""
    events = {e.ordner for e in records.veranstaltungen}
    talks = {(e.ordner, v.slug) for e in records.veranstaltungen for v in e.vortraege}
    kinds: dict[str, list[Path]] = {}
    for path in sorted(site.rglob("*.html")):
        parts = path.relative_to(site).parts
        if parts == ("404.html",):
            continue
        if len(parts) == 3 and parts[0] in {"massnahmen", "kommunen"}:
            kind = parts[0]
        elif len(parts) == 3 and parts[:2] in talks:
            kind = "beitrag"
        elif len(parts) == 4 and parts[1] == "sessions":
            kind = "session"
        elif parts[0] in events:  # an event's start page, its speakers …: one kind across the events
            kind = "/".join(["veranstaltung", *parts[1:]])
        else:
            kind = path.relative_to(site).as_posix()
        kinds.setdefault(kind, []).append(path)
    return kinds


def same_on_every_site(path: Path, site: Path, project: Path) -> bool:
    """A hand-written page without a marker (`<!-- ogi:… -->`): its text is the same on every site, and the
    fixture site's row in PAGE_TYPES (tests/test_browser.py) checks it there."""
    rel = path.relative_to(site).parent.as_posix()
    fixture_paths = {t.path for t in PAGE_TYPES.values() if t.site == "fixture"}
    sources = [project / "docs" / f"{rel}.md", project / "docs" / rel / "index.md"] if rel != "." else []
    sources += [project / "docs/index.md"] if rel == "." else []
    source = next((s for s in sources if s.is_file()), None)
    return (
        source is not None
        and "<!-- ogi:" not in source.read_text(encoding="utf-8")
        and ("" if rel == "." else f"{rel}/") in fixture_paths
    )


@pytest.mark.browser
def test_the_richest_and_plainest_shipped_page_of_each_kind_pass_axe_and_stay_on_the_site(
    browser: Browser, shipped_site: Path, shipped_base_url: str, shipped: Site, shipped_project: Path
) -> None:
    # Every kind of page is checked on the fixture sites (tests/test_browser.py); here the shipped records'
    # text and numbers meet axe-core: the largest and the smallest page of each kind of record page, every
    # other page that shows content (generated pages, hand-written pages with a marker).
    kinds = page_kinds(shipped_site, shipped)
    assert {"massnahmen", "kommunen", "beitrag", "session"} <= kinds.keys()
    pages = sorted(
        p
        for group in kinds.values()
        for p in {max(group, key=_size), min(group, key=_size)}
        if not same_on_every_site(p, shipped_site, shipped_project)
    )
    problems: list[str] = []
    with logged_page(browser) as (page, log):
        for path in pages:
            url = page_url(shipped_site, path, shipped_base_url)
            # Loaded, and a map of measures filled by its script: what axe-core must see (not network idle,
            # which waits half a second more on every page).
            response = page.goto(url, wait_until="load")
            if response is None or response.status != 200:
                problems.append(f"{url}: {response.status if response else 'keine Antwort'}")
                continue
            if page.locator(".ogi-karte--uebersicht:not(.ogi-karte--kommunen)").count():
                page.wait_for_selector(MAP_LOADED, state="attached")
            problems += [f"{url}: {v}" for v in axe_violations(page)]
        page.wait_for_load_state("networkidle")
        problems += [f"Anfrage an fremden Server: {u}" for u in log.foreign]
    assert problems == []


def _size(path: Path) -> int:
    return path.stat().st_size
