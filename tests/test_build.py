"""The real strict build of the fixture content: one page per record, titles, edit links, safe failure."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bench.htmltree import parse_html
from helpers import (
    FIXTURE_ROOT,
    ROOT,
    article,
    copy_project,
    facts,
    line_of,
    mkdocs_build,
    parse_page,
    present,
    replace_in,
)
from ogi.model.site import Massnahme, Vortrag
from ogi.records.content import load_site

SITE = load_site(FIXTURE_ROOT)


def test_build_is_strict_and_warning_free(built_site: Path) -> None:
    assert (built_site / "index.html").is_file()


@pytest.mark.parametrize("m", SITE.massnahmen, ids=lambda m: m.slug)
def test_every_measure_has_its_page_with_title_and_edit_link(built_site: Path, m: Massnahme) -> None:
    page = parse_page(built_site / "massnahmen" / m.slug / "index.html")
    assert page.h1 == [m.record.titel]
    assert page.meta["description"] == m.record.kurzbeschreibung
    assert page.edit_url and page.edit_url.endswith(f"/edit/main/content/projects/{m.slug}.yml")


@pytest.mark.parametrize(
    ("ordner", "v"),
    [(e.ordner, v) for e in SITE.veranstaltungen for v in e.vortraege],
    ids=lambda x: x if isinstance(x, str) else x.slug,
)
def test_every_presentation_has_its_page_with_edit_link(built_site: Path, ordner: str, v: Vortrag) -> None:
    page = parse_page(built_site / ordner / v.slug / "index.html")
    assert page.h1 == [v.record.titel]
    assert page.edit_url and page.edit_url.endswith(f"/edit/main/content/{ordner}/{v.slug}.yml")


def test_measures_index_lists_every_measure_once(built_site: Path) -> None:
    page = parse_page(built_site / "massnahmen" / "index.html")
    links = [h for h in page.links if h.rstrip("/") in {m.slug for m in SITE.massnahmen}]
    assert sorted(h.rstrip("/") for h in links) == sorted(m.slug for m in SITE.massnahmen)


def test_handwritten_page_edit_link_opens_its_markdown(built_site: Path) -> None:
    page = parse_page(built_site / "impressum" / "index.html")
    assert page.edit_url and page.edit_url.endswith("/edit/main/docs/impressum.md")


def test_sidebar_does_not_list_records(built_site: Path) -> None:
    # the measures list, whose sidebar is shown (the start page hides its sidebar)
    nav = parse_html(built_site / "massnahmen/index.html").find("nav", cls="md-nav--primary")
    assert nav is not None
    hrefs = [a.href for a in nav.find_all("a")]
    assert hrefs and not [h for h in hrefs if any(f"massnahmen/{m.slug}/" in h for m in SITE.massnahmen)]


def test_pages_are_german_and_request_no_web_fonts(built_site: Path) -> None:
    root = parse_html(built_site / "index.html")
    assert present(root.find("html")).attrs["lang"] == "de"
    loaded = [n.attrs.get("href", "") + n.attrs.get("src", "") for n in root.find_all("link", "script")]
    assert not [u for u in loaded if "fonts.googleapis.com" in u or "fonts.gstatic.com" in u]


def test_generated_markdown_is_not_written_into_docs(fixture_project: Path, built_site: Path) -> None:
    generated = [
        p for p in (fixture_project / "docs").rglob("*.md") if p.parts[-2] in {"massnahmen", "kommunen", "tagung-2020"}
    ]
    assert generated == []


@pytest.mark.slow
def test_broken_content_fails_the_build_with_its_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    record = replace_in(project / "content/projects/test-herne-park.yml", "status: abgeschlossen", "status: fertig")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    line = line_of(record, "status: fertig")
    message = f"content/projects/test-herne-park.yml:{line}: status: „fertig“ ist nicht erlaubt"
    assert message in result.stderr + result.stdout


@pytest.mark.slow
def test_without_repository_pages_have_no_edit_link_and_a_failed_make_build_leaves_the_site_untouched(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    (project / ".venv").symlink_to(ROOT / ".venv")
    (project / "requirements.lock").write_text((ROOT / "requirements.lock").read_text())
    make = ["make", "-s", "build", "SOURCE_DATE_EPOCH=1764000000"]
    # No repository: REPO_URL empty, as in a copy without a GitHub remote (the first build serves both checks).
    environment = os.environ | {"REPO_URL": ""}
    first = subprocess.run(make, cwd=project, capture_output=True, text=True, env=environment)
    assert first.returncode == 0, first.stderr
    for page in ("impressum/index.html", "massnahmen/test-herne-park/index.html"):
        assert parse_page(project / "site" / page).edit_url is None
    before = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    replace_in(project / "content/projects/test-boenen-daecher.yml", "kommunen:\n  - Bönen", "kommunen:\n  - Bönn")
    second = subprocess.run(make, cwd=project, capture_output=True, text=True, env=environment)
    assert second.returncode != 0
    assert "unbekannte Kommune „Bönn“ (meinten Sie „Bönen“?)" in second.stderr + second.stdout
    after = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.parametrize(
    ("slug", "sentence"),
    [
        ("moers", "Moers gehört zum Kreis Wesel des RVR-Gebiets."),
        ("herne", "Herne ist eine kreisfreie Stadt des RVR-Gebiets."),
    ],
)
def test_kommune_page_names_its_kreis_in_one_sentence(built_site: Path, slug: str, sentence: str) -> None:
    assert sentence in present(parse_html(built_site / "kommunen" / slug / "index.html").find("article")).text


@pytest.mark.parametrize("folder", ["content/projects/bilder", "content/tagung-2020/anhaenge"])
def test_upload_folders_exist_with_a_readme_for_the_web_editor(folder: str) -> None:
    # GitHub's "Upload files" needs the folder to exist; a folder exists in Git only with a file in it.
    assert (ROOT / folder / "README.md").is_file()
    assert (FIXTURE_ROOT / folder / "README.md").is_file()


def test_readme_in_upload_folders_is_neither_published_nor_a_record(built_site: Path) -> None:
    assert SITE.errors == [] and SITE.warnings == []
    assert [p.relative_to(built_site).as_posix() for p in built_site.rglob("README*")] == []
    assert sorted(p.name for p in (built_site / "massnahmen/bilder").iterdir()) == ["test-bild.png"]
    assert sorted(p.name for p in (built_site / "tagung-2020/anhaenge").iterdir()) == ["test-folien.pdf"]


def test_measure_facts_keep_period_and_funding_apart(built_site: Path) -> None:
    # A period ending in a template condition once swallowed the blank line: the funding became a term
    # inside the period's cell (a nested list).
    fakten = article(built_site / "massnahmen/test-herne-park/index.html").find("div", cls="ogi-fakten")
    assert fakten is not None and len(fakten.find_all("dl")) == 1
    pairs = facts(fakten)
    assert pairs["Zeitraum"] == "Juli 2020 bis 2021"
    assert pairs["Förderung"].startswith("123.456 € durch Testfördergeber")


def test_build_log_has_no_english_line_about_pages_outside_the_menu(built_site: Path, built_site_log: str) -> None:
    # The fixture's second event (testtag-2022) has an index page the menu does not list, like every event
    # but the first; the preview printed MkDocs' English INFO line about it on every rebuild.
    assert (built_site / "testtag-2022/index.html").is_file()
    assert "not included in the" not in built_site_log
