"""Legal completeness before publishing: a build for an https:// address refuses to build while
content/betreiber.yml lacks what the law requires, naming each field; the preview shows boxes instead."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.htmltree import parse_html
from betreiber_fixture import BETREIBER_OHNE, BETREIBER_VOLLSTAENDIG, project_with
from helpers import mkdocs_build, ogi_command, parse_page, present

PUBLIC_URL = "https://example.org/gruene-infrastruktur/"
PREVIEW_URL = "http://127.0.0.1:8000/"


def article_text(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    return " ".join(re.sub(r"<[^>]+>", " ", article).split())


@pytest.mark.slow
def test_public_build_refuses_without_legal_data_and_names_each_field(tmp_path: Path) -> None:
    project = project_with(tmp_path, BETREIBER_OHNE)
    result = mkdocs_build(project, tmp_path / "site", site_url=PUBLIC_URL)
    assert result.returncode != 0
    lines = {
        m.group(2): int(m.group(1))
        for m in re.finditer(
            r"^content/betreiber\.yml:(\d+): ([a-z.]+(?: oder [a-z]+)?): fehlt;", result.stdout + result.stderr, re.M
        )
    }
    assert set(lines) == {
        "email",
        "verantwortlich.name",
        "datenschutzbeauftragte.email",
        "barrierefreiheit.email oder formular",
    }
    assert "Die Website wurde nicht gebaut." in result.stdout + result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.slow
def test_public_build_names_the_line_of_an_incomplete_entry(tmp_path: Path) -> None:
    betreiber = BETREIBER_VOLLSTAENDIG.replace(
        "datenschutzbeauftragte:\n  email: datenschutz@example.org\n",
        'datenschutzbeauftragte:\n  telefon: "0123 456"\n',
    )
    project = project_with(tmp_path, betreiber)
    result = mkdocs_build(project, tmp_path / "site", site_url=PUBLIC_URL)
    assert result.returncode != 0
    line = betreiber.splitlines().index("datenschutzbeauftragte:") + 1
    assert f"content/betreiber.yml:{line}: datenschutzbeauftragte.email: fehlt;" in result.stdout + result.stderr
    assert "verantwortlich.name" not in result.stdout + result.stderr


@pytest.mark.slow
def test_preview_builds_without_legal_data_and_shows_the_editors_boxes(tmp_path: Path) -> None:
    project = project_with(tmp_path, BETREIBER_OHNE)
    site = tmp_path / "site"
    result = mkdocs_build(project, site, site_url=PREVIEW_URL)
    assert result.returncode == 0, result.stderr
    for page in ("impressum", "datenschutz", "barrierefreiheit", "kontakt"):
        assert "Angabe durch die Redaktion" in article_text(site / page / "index.html"), page


@pytest.fixture(scope="module")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture content with complete legal data, built for the public address."""
    tmp = tmp_path_factory.mktemp("oeffentlich")
    result = mkdocs_build(project_with(tmp, BETREIBER_VOLLSTAENDIG), tmp / "site", site_url=PUBLIC_URL)
    assert result.returncode == 0, result.stderr
    return tmp / "site"


@pytest.mark.slow
def test_public_build_with_legal_data_shows_them_and_no_boxes(public_site: Path) -> None:
    site = public_site
    for page in ("impressum", "datenschutz", "barrierefreiheit", "kontakt"):
        assert "Angabe durch die Redaktion" not in article_text(site / page / "index.html"), page
    assert "Erika Mustermann, Leitung Kommunikation" in article_text(site / "impressum/index.html")
    assert "mailto:datenschutz@example.org" in parse_page(site / "datenschutz/index.html").links
    barrierefreiheit = parse_page(site / "barrierefreiheit/index.html").links
    assert {
        "mailto:barrieren@example.org",
        "https://example.org/barriere-melden",
        "https://www.lbbp.nrw.de/ombudsstelle",
    } <= set(barrierefreiheit)
    assert "mailto:info@example.org" in parse_page(site / "kontakt/index.html").links


@pytest.mark.slow
def test_public_build_shows_email_contacts_on_kontakt_impressum_and_datenschutz(public_site: Path) -> None:
    site = public_site
    assert "mailto:info@example.org" in parse_page(site / "impressum/index.html").links
    assert "mailto:datenschutz@example.org" in parse_page(site / "datenschutz/index.html").links
    kontakt = parse_html(site / "kontakt/index.html")
    (presse,) = [h for h in kontakt.find_all("h2") if h.attrs.get("id") == "presse"]
    section = kontakt.find_all("div", cls="ogi-kontakt")
    by_role = {present(div.find("strong")).text: [a.href for a in div.find_all("a")] for div in section}
    assert "mailto:presse@example.org" in by_role["Pressestelle"]
    assert "mailto:info@example.org" in by_role["Projektleitung"]  # a role without its own e-mail: the general one


@pytest.mark.slow
def test_refused_public_build_says_first_what_the_operator_must_fill_in(tmp_path: Path) -> None:
    betreiber = BETREIBER_VOLLSTAENDIG.replace(
        "verantwortlich:\n  name: Erika Mustermann\n  funktion: Leitung Kommunikation\n", ""
    )
    project = project_with(tmp_path, betreiber)
    result = mkdocs_build(project, tmp_path / "site", site_url=PUBLIC_URL)
    assert result.returncode != 0
    first = (result.stdout + result.stderr).strip().splitlines()[0]
    assert first == (
        f"Nicht veröffentlicht: In content/betreiber.yml fehlen vor dem Bau für {PUBLIC_URL} noch "
        "verantwortlich.name. Diese Angaben legt der Betreiber fest; eintragen, committen, erneut "
        "veröffentlichen (README, „Vor der ersten Veröffentlichung“)."
    )


def test_check_for_the_public_address_names_the_missing_fields_first(tmp_path: Path) -> None:
    project = project_with(tmp_path, BETREIBER_OHNE)
    result = ogi_command(project, "check", SITE_URL=PUBLIC_URL)
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith("Nicht veröffentlicht: In content/betreiber.yml fehlen vor dem Bau für ")
    assert "email, verantwortlich.name, datenschutzbeauftragte.email, barrierefreiheit.email oder formular" in first


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/", "http://localhost:8000/"], ids=["127.0.0.1", "localhost"])
def test_only_https_addresses_count_as_published(url: str) -> None:
    from ogi.records.pflichtangaben import is_published

    assert not is_published(url)
    assert is_published(PUBLIC_URL)
