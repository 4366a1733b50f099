"""The address layout (hooks/ogi/model/urls.py): links between pages as MkDocs and browsers resolve them."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from helpers import FIXTURE_ROOT
from ogi.model import urls
from ogi.pages.render import environment
from ogi.records.content import load_site


@pytest.mark.parametrize(
    ("to", "page", "expected"),
    [
        ("kommunen/herne.md", "massnahmen/herne-x.md", "../kommunen/herne.md"),
        ("massnahmen/index.md", "massnahmen/herne-x.md", "index.md"),
        ("tagung-2020/index.md", "tagung-2020/sessions/fachtagung.md", "../index.md"),
        ("tagung-2020/workshop.md", "veranstaltungen/referierende.md", "../tagung-2020/workshop.md"),
        ("daten/projekte.csv", "index.md", "daten/projekte.csv"),
    ],
    ids=["other-section", "own-index", "up-from-sessions", "across-events", "from-root"],
)
def test_markdown_link_is_relative_to_the_pages_source_file(to: str, page: str, expected: str) -> None:
    assert urls.link(to, page) == expected


def test_markdown_link_percent_encodes_a_file_name_from_content() -> None:
    link = urls.link(urls.attachment("tagung-2020", "folien (final).pdf"), "tagung-2020/vortrag.md")
    assert link == "anhaenge/folien%20%28final%29.pdf"
    assert isinstance(link, Markup)  # printed as it is, not escaped again by the templates' finalize


def test_html_link_is_relative_to_the_pages_url() -> None:
    assert urls.html_link(urls.massnahme("herne-x"), urls.MASSNAHMEN) == "herne-x/"
    assert urls.html_link(urls.kommune("herne"), urls.MASSNAHMEN) == "../kommunen/herne/"


@pytest.mark.parametrize("site_url", ["https://org.github.io/repo/", "https://org.github.io/repo"])
def test_absolute_url_keeps_the_subpath_with_or_without_final_slash(site_url: str) -> None:
    assert urls.absolute_url(site_url, urls.massnahme("herne-x")) == "https://org.github.io/repo/massnahmen/herne-x/"
    assert urls.absolute_url(site_url, urls.CSV) == "https://org.github.io/repo/daten/projekte.csv"


def test_templates_build_addresses_with_the_urls_global_and_link_filter() -> None:
    rendered = (
        environment()
        .from_string("{{ urls.kommune(slug)|link(seite) }}")
        .render(slug="herne", seite=urls.massnahme("herne-x"))
    )
    assert rendered == "../kommunen/herne.md"


def test_measures_per_kommune_are_derived_once_in_list_order() -> None:
    site = load_site(FIXTURE_ROOT)
    per_kommune = site.massnahmen_je_kommune
    assert per_kommune is site.massnahmen_je_kommune  # cached: every page, map and chart reads the same lists
    assert list(per_kommune) == sorted(per_kommune)
    for name, massnahmen in per_kommune.items():
        assert all(name in [k.name for k in m.kommunen] for m in massnahmen)
        assert massnahmen == [m for m in site.massnahmen_sortiert if m in massnahmen]
