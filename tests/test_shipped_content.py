"""The shipped content/, whatever editors make of it: only what holds for ANY valid content is checked here.

Passing `make check`, a strict build, a page for every record, working links and anchors, and no axe-core
violation on any page. The generator's behaviour is tested on the fixture content (tests/fixtures/site)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from helpers import (
    ROOT,
    axe_violations,
    broken_links,
    heading_and_description_problems,
    logged_page,
    page_url,
    parse_page,
)
from ogi.records.content import load_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser

SHIPPED = load_site(ROOT)


def test_shipped_content_passes_make_check() -> None:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | {"PYTHONPATH": str(ROOT / "hooks")}
    result = subprocess.run(
        [sys.executable, "-m", "ogi", "check", "--root", str(ROOT)], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert SHIPPED.errors == [] and SHIPPED.warnings == []


def test_shipped_content_builds_strictly(shipped_site: Path) -> None:
    assert (shipped_site / "index.html").is_file()


def test_every_shipped_measure_has_its_page(shipped_site: Path) -> None:
    missing = []
    for m in SHIPPED.massnahmen:
        page = shipped_site / "massnahmen" / m.slug / "index.html"
        if not page.is_file() or parse_page(page).h1 != [m.record.titel]:
            missing.append(m.source)
    assert missing == []


def test_every_shipped_presentation_and_session_has_its_page(shipped_site: Path) -> None:
    missing = [
        v.source
        for e in SHIPPED.veranstaltungen
        for v in e.vortraege
        if parse_page(shipped_site / e.ordner / v.slug / "index.html").h1 != [v.record.titel]
    ]
    missing += [
        f"{e.ordner}: {s.id}"
        for e in SHIPPED.veranstaltungen
        for s in e.tagung.sessions
        if not (shipped_site / e.ordner / "sessions" / s.id / "index.html").is_file()
    ]
    assert missing == []


def test_every_kommune_with_measures_has_its_page(shipped_site: Path) -> None:
    from ogi.records.slugs import slugify

    names = {ort.name for m in SHIPPED.massnahmen for ort in m.kommunen}
    assert [n for n in sorted(names) if not (shipped_site / "kommunen" / slugify(n) / "index.html").is_file()] == []


def test_shipped_measures_index_lists_every_measure_once(shipped_site: Path) -> None:
    page = parse_page(shipped_site / "massnahmen" / "index.html")
    slugs = {m.slug for m in SHIPPED.massnahmen}
    assert sorted(h.rstrip("/") for h in page.links if h.rstrip("/") in slugs) == sorted(slugs)


def test_shipped_site_links_and_anchors_resolve(shipped_site: Path, shipped_base_url: str) -> None:
    checked, broken = broken_links(shipped_site, shipped_base_url)
    assert checked > 0 and broken == []


def test_shipped_pages_have_one_h1_and_a_description(shipped_site: Path) -> None:
    assert heading_and_description_problems(shipped_site) == []


@pytest.mark.browser
@pytest.mark.slow
def test_every_shipped_page_passes_axe_and_stays_on_the_site(
    browser: Browser, shipped_site: Path, shipped_base_url: str
) -> None:
    problems: list[str] = []
    pages = sorted(p for p in shipped_site.rglob("*.html") if p.name != "404.html")
    with logged_page(browser) as (page, log):
        for path in pages:
            url = page_url(shipped_site, path, shipped_base_url)
            response = page.goto(url, wait_until="networkidle")
            if response is None or response.status != 200:
                problems.append(f"{url}: {response.status if response else 'keine Antwort'}")
                continue
            problems += [f"{url}: {v}" for v in axe_violations(page)]
        problems += [f"Anfrage an fremden Server: {u}" for u in log.foreign]
    assert len(pages) > 10 and problems == []


# What a test must contain to read the shipped content/ (everything else reads fixtures of its own).
READS_SHIPPED = ("shipped", "SHIPPED", 'ROOT / "content"', "load_site(ROOT)")


def _tests_reading_shipped_content() -> list[Path]:
    return sorted(
        p
        for p in (ROOT / "tests").glob("test_*.py")
        if any(mark in p.read_text(encoding="utf-8") for mark in READS_SHIPPED)
    )


@pytest.mark.slow
def test_fresh_clone_stays_green_after_an_editor_adds_and_deletes_records(tmp_path: Path) -> None:
    # The acceptance of issue 10 as an editor would do it: a fresh clone (no ../shared beside it), a new
    # measure from the template, one shipped measure and one talk deleted. Only tests that read content/ can
    # notice; every other test builds fixtures of its own, so those tests (not the whole suite) run in the clone.
    clone = tmp_path / "klon"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, capture_output=True)
    assert not (tmp_path / "shared").exists()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PYTEST_"))}
    make = ["make", "--no-print-directory", f"VENV={ROOT / '.venv'}"]
    created = subprocess.run(
        [*make, "new-project", "TITEL=Testmaßnahme", "KOMMUNE=Herne"],
        cwd=clone,
        capture_output=True,
        text=True,
        env=env,
    )
    assert created.returncode == 0, created.stdout + created.stderr
    assert (clone / "content/projects/testmassnahme.yml").is_file()
    sorted(p for p in (clone / "content/projects").glob("*.yml") if p.stem != "testmassnahme")[0].unlink()
    sorted(p for p in (clone / "content/tagung-2020").glob("*.yml") if p.name != "tagung.yml")[0].unlink()
    checked = subprocess.run([*make, "check"], cwd=clone, capture_output=True, text=True, env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    files = [str(p.relative_to(ROOT)) for p in _tests_reading_shipped_content()]
    assert "tests/test_shipped_content.py" in files
    tests = subprocess.run(
        [
            str(ROOT / ".venv/bin/python"),
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-m",
            "not browser and not slow",
            *files,
        ],
        cwd=clone,
        capture_output=True,
        text=True,
        env=env | {"PYTHONPATH": "hooks"},
    )
    summary = tests.stdout.strip().splitlines()[-1] if tests.stdout.strip() else ""
    assert tests.returncode == 0, tests.stdout[-3000:] + tests.stderr[-2000:]
    assert " passed" in summary and "skipped" not in summary and "failed" not in summary, summary
