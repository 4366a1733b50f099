"""Small pure functions of the core that every page relies on."""

from __future__ import annotations

import datetime as dt

import pytest

from ogi.model.urls import page_url, relative_url
from ogi.pages.render import euro, zahl
from ogi.records.dates import TeilDatum, parse_teildatum
from ogi.records.errors import ContentError, did_you_mean
from ogi.records.slugs import slugify


@pytest.mark.parametrize(
    ("value", "iso", "german"),
    [
        (dt.date(2020, 11, 26), "2020-11-26", "26.11.2020"),
        ("2020-03", "2020-03", "März 2020"),
        ("2024", "2024", "2024"),
        (2021, "2021", "2021"),
    ],
    ids=["tag", "monat", "jahr-text", "jahr-zahl"],
)
def test_teildatum_keeps_the_precision_editors_gave(value: object, iso: str, german: str) -> None:
    parsed = parse_teildatum(value)
    assert (parsed.iso(), parsed.deutsch()) == (iso, german)


@pytest.mark.parametrize("value", ["26.11.2020", "2020-02-30", "bald"], ids=["deutsch", "unmoeglich", "text"])
def test_teildatum_rejects_what_is_no_date_in_german(value: str) -> None:
    with pytest.raises(ValueError, match="Datum"):
        parse_teildatum(value)


def test_teildatum_sorts_year_before_month_before_day() -> None:
    dates = [TeilDatum(2020, 11, 26), TeilDatum(2020), TeilDatum(2020, 3)]
    assert sorted(dates, key=lambda d: d.sort_key) == [TeilDatum(2020), TeilDatum(2020, 3), TeilDatum(2020, 11, 26)]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Mülheim an der Ruhr", "muelheim-an-der-ruhr"),
        ("Fröndenberg/Ruhr", "froendenberg-ruhr"),
        ("Wetter (Ruhr)", "wetter-ruhr"),
        ("Görresstraße", "goerresstrasse"),
    ],
)
def test_slugify_transliterates_german(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_amounts_and_numbers_are_german() -> None:
    assert euro(127687) == "127.687 €"
    assert euro(None) == ""
    assert zahl(100.0) == "100"
    assert zahl(2.5) == "2,5"


@pytest.mark.parametrize(
    ("source", "target", "href"),
    [
        ("massnahmen/index.md", "massnahmen/a.md", "a/"),
        ("massnahmen/a.md", "kommunen/herne.md", "../../kommunen/herne/"),
        ("massnahmen/a.md", "massnahmen/index.md", "../"),
        ("massnahmen/index.md", "index.md", "../"),
        ("index.md", "index.md", "./"),
        ("massnahmen/a.md", "assets/x.js", "../../assets/x.js"),
    ],
)
def test_relative_url_matches_directory_urls(source: str, target: str, href: str) -> None:
    assert relative_url(source, target) == href


def test_page_url_of_index_and_page() -> None:
    assert page_url("massnahmen/index.md") == "massnahmen/"
    assert page_url("massnahmen/a.md") == "massnahmen/a/"


def test_did_you_mean_finds_close_names_only() -> None:
    assert did_you_mean("Hernee", ["Herne", "Essen"]) == " (meinten Sie „Herne“?)"
    assert did_you_mean("Berlin", ["Herne", "Essen"]) == ""


def test_github_annotation_escapes_newlines_and_names_file_and_line() -> None:
    error = ContentError("content/projects/a.yml", 7, "status", "falsch\nzweite Zeile 100%")
    assert error.github_annotation() == (
        "::error file=content/projects/a.yml,line=7,title=Inhaltsfehler::status: falsch%0Azweite Zeile 100%25"
    )


def test_the_provider_is_named_in_one_place_with_the_regionalverband_as_fallback() -> None:
    from helpers import FIXTURE_ROOT
    from ogi.model.site import Site
    from ogi.records.content import load_site

    assert load_site(FIXTURE_ROOT).anbieter == "Testverband Beispielregion"
    assert Site(root=FIXTURE_ROOT).anbieter == "Regionalverband Ruhr"  # no betreiber.yml read
