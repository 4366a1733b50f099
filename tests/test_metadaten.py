"""Sharing and search-engine metadata: Open Graph and Twitter card tags on every page, schema.org
JSON-LD for the operator, the 2020 conference (online) and the open data, all escaped. Fixture content."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bench.htmltree import parse_html
from leser_fixture import LESER_URL

SITE_URL = LESER_URL
REQUIRED = (
    "og:title",
    "og:description",
    "og:url",
    "og:image",
    "og:type",
    "twitter:card",
    "twitter:title",
    "twitter:description",
    "twitter:image",
)


@dataclass
class _Head:
    meta: dict[str, str]  # <meta property|name> -> content
    canonical: str | None
    json_ld: list[str]  # the text of each <script type="application/ld+json">


def head_of(path: Path) -> _Head:
    root = parse_html(path)
    meta = {
        n.attrs.get("property") or n.attrs["name"]: n.attrs.get("content", "")
        for n in root.find_all("meta")
        if n.attrs.get("property") or n.attrs.get("name")
    }
    canonical = next((n.href for n in root.find_all("link") if n.attrs.get("rel") == "canonical"), None)
    json_ld = [n.raw_text for n in root.find_all("script") if n.attrs.get("type") == "application/ld+json"]
    return _Head(meta, canonical, json_ld)


@pytest.fixture(scope="module")
def site(leser_site: Path) -> Path:
    return leser_site  # built for SITE_URL


def graph(path: Path) -> list[dict[str, Any]]:
    """The page's JSON-LD graph (untyped JSON)."""
    scripts = head_of(path).json_ld
    assert len(scripts) == 1, path
    found: list[dict[str, Any]] = json.loads(scripts[0])["@graph"]
    return found


def test_every_page_has_open_graph_and_twitter_tags(site: Path) -> None:
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 20
    for path in pages:
        head = head_of(path)
        assert [k for k in REQUIRED if not head.meta.get(k)] == [], path
        assert head.meta["og:url"] == head.canonical, path
        assert head.meta["og:image"] == SITE_URL + "assets/bilder/teilen.png"
    assert (site / "assets/bilder/teilen.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_metadata_carry_content_text_escaped(site: Path) -> None:
    head = head_of(site / "massnahmen/hamm-zeichen/index.html")
    assert head.meta["og:title"] == 'Wiese "Am Bach" & Weg'
    assert head.meta["twitter:description"] == "Zeichen, die in HTML und JSON besonders sind: \" & ' und </script>."


def test_start_page_describes_the_site_and_its_operator(site: Path) -> None:
    types = {item["@type"]: item for item in graph(site / "index.html")}
    assert types["WebSite"]["url"] == SITE_URL
    assert types["Organization"]["address"]["@type"] == "PostalAddress"


def test_conference_is_an_online_event_with_its_sessions(site: Path) -> None:
    (event,) = graph(site / "tagung-2020/index.html")
    assert event["@type"] == "Event"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["startDate"].startswith("2020-11-26T") and event["endDate"].startswith("2020-11-27T")
    assert event["subEvent"] and all(
        s["eventAttendanceMode"].endswith("OnlineEventAttendanceMode") for s in event["subEvent"]
    )
    for sub in event["subEvent"]:
        page = site / sub["url"][len(SITE_URL) :] / "index.html"
        assert graph(page)[0]["name"] == sub["name"]


def test_open_data_is_a_dataset_whose_downloads_exist(site: Path) -> None:
    (dataset,) = graph(site / "massnahmen/index.html")
    assert dataset["@type"] == "Dataset" and dataset["license"] == "https://www.govdata.de/dl-de/by-2-0"
    for download in dataset["distribution"]:
        assert (site / download["contentUrl"][len(SITE_URL) :]).is_file(), download


def test_json_ld_cannot_close_its_script_element() -> None:
    from ogi.opendata.strukturdaten import script_json

    text = script_json({"name": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script> & <!--"}
