"""The real strict build of the shipped content: one page per record, titles, edit links, safe failure."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, mkdocs_build
from htmlpages import parse_page

from ogi.content import load_site

SITE = load_site(ROOT)


def test_build_is_strict_and_warning_free(built_site: Path):
    assert (built_site / "index.html").is_file()


@pytest.mark.parametrize("m", SITE.massnahmen, ids=lambda m: m.slug)
def test_every_measure_has_its_page_with_title_and_edit_link(built_site: Path, m):
    page = parse_page(built_site / "massnahmen" / m.slug / "index.html")
    assert page.h1 == [m.record.titel]
    assert page.meta["description"] == m.record.kurzbeschreibung
    assert page.edit_url and page.edit_url.endswith(f"/edit/main/content/projects/{m.slug}.yml")


@pytest.mark.parametrize("v", SITE.vortraege, ids=lambda v: v.slug)
def test_every_presentation_has_its_page_with_edit_link(built_site: Path, v):
    page = parse_page(built_site / "tagung-2020" / v.slug / "index.html")
    assert page.h1 == [v.record.titel]
    assert page.edit_url and page.edit_url.endswith(f"/edit/main/content/tagung-2020/{v.slug}.yml")


def test_measures_index_lists_every_measure_once(built_site: Path):
    page = parse_page(built_site / "massnahmen" / "index.html")
    links = [h for h in page.links if h.rstrip("/") in {m.slug for m in SITE.massnahmen}]
    assert sorted(h.rstrip("/") for h in links) == sorted(m.slug for m in SITE.massnahmen)


def test_handwritten_page_edit_link_opens_its_markdown(built_site: Path):
    page = parse_page(built_site / "impressum" / "index.html")
    assert page.edit_url and page.edit_url.endswith("/edit/main/docs/impressum.md")


def test_without_repository_pages_have_no_edit_link(tmp_path: Path):
    result = mkdocs_build(ROOT, tmp_path / "out", REPO_URL="")
    assert result.returncode == 0, result.stdout + result.stderr
    for page in ("impressum/index.html", f"massnahmen/{SITE.massnahmen[0].slug}/index.html"):
        assert parse_page(tmp_path / "out" / page).edit_url is None


def test_sidebar_does_not_list_records(built_site: Path):
    # the measures list, whose sidebar is shown (the start page hides its sidebar)
    html = (built_site / "massnahmen/index.html").read_text(encoding="utf-8")
    start = html.index('<nav class="md-nav md-nav--primary')  # "md-nav--lifted" follows with menu tabs
    nav = html[start:html.index("</nav>", start)]
    assert all(f"massnahmen/{m.slug}/" not in nav for m in SITE.massnahmen)


def test_pages_are_german_and_request_no_web_fonts(built_site: Path):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in html
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_generated_markdown_is_not_written_into_docs():
    generated = [p for p in (ROOT / "docs").rglob("*.md") if p.parts[-2] in {"massnahmen", "kommunen", "tagung-2020"}]
    assert generated == []


def test_broken_content_fails_the_build_with_its_message(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    record = project / "content/projects/boenen-bee-friendly.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("status: abgeschlossen", "status: fertig"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "content/projects/boenen-bee-friendly.yml:7: status: „fertig“ ist nicht erlaubt" in result.stderr + result.stdout


def test_failed_make_build_leaves_previous_site_untouched(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    (project / ".venv").symlink_to(ROOT / ".venv")
    (project / "requirements.lock").write_text((ROOT / "requirements.lock").read_text())
    make = ["make", "-s", "build", "SOURCE_DATE_EPOCH=1764000000"]
    first = subprocess.run(make, cwd=project, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    record = project / "content/projects/boenen-bee-friendly.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("kommunen:\n  - Bönen", "kommunen:\n  - Bönn"), encoding="utf-8")
    second = subprocess.run(make, cwd=project, capture_output=True, text=True)
    assert second.returncode != 0
    assert "unbekannte Kommune „Bönn“ (meinten Sie „Bönen“?)" in second.stderr + second.stdout
    after = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.parametrize(("slug", "sentence"), [
    ("moers", "Moers gehört zum Kreis Wesel des RVR-Gebiets."),
    ("herne", "Herne gehört zu den kreisfreien Städten des RVR-Gebiets."),
])
def test_kommune_page_names_its_kreis_in_one_sentence(built_site: Path, slug, sentence):
    html = (built_site / "kommunen" / slug / "index.html").read_text(encoding="utf-8")
    assert sentence in " ".join(html.split())
