"""Search that understands readers: German word forms, Kommune and Träger, and the words readers type
for downloads, contacts and talks. Checked on the built search index (as Material's search matches:
every query word is a prefix, no stemming) and typed into the search box in headless Chromium.

Fixture content: tests/leser_fixture.py."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, Page

# query → title of a page (or section) that must be among the first results
QUERIES = {
    "Fledermaus": "Winterquartier für Fledermäuse am Beispielbach",
    "fledermaus": "Winterquartier für Fledermäuse am Beispielbach",
    "Fledermäuse": "Winterquartier für Fledermäuse am Beispielbach",
    "Lückenschluss": "Aktionsprogramm Grüne Lückenschlüsse",
    "Luckenschluss": "Aktionsprogramm Grüne Lückenschlüsse",
    "Hamm": "Winterquartier für Fledermäuse am Beispielbach",
    "Naturschutzverein": "Winterquartier für Fledermäuse am Beispielbach",
    "Oberhausen": "Maßnahmen in Oberhausen",
    "Grundach": "Gründächer auf Schulen in Oberhausen",
    "Download": "Offene Daten zum Herunterladen",
    "Excel": "Offene Daten zum Herunterladen",
    "Tabelle": "Offene Daten zum Herunterladen",
    "CSV": "Offene Daten zum Herunterladen",
    "Presse": "Presse und Medien",
    "E-Mail": "Kontakt",
    "Ansprechpartner": "Ansprechpartnerinnen und Ansprechpartner",
    "Vortrag": "Testtagung zur Grünen Infrastruktur",  # tests/fixtures/site/content/tagung-2020
    "Folien": "Testtagung zur Grünen Infrastruktur",  # tests/fixtures/site/content/tagung-2020
    "Programm": "Testtagung zur Grünen Infrastruktur",  # tests/fixtures/site/content/tagung-2020
    "Schwammstadt": "Teich am Beispielhof mit einem außergewöhnlich langen Namen",  # its stichworte
    "Quartier": "Winterquartier für Fledermäuse am Beispielbach",  # a part of a compound of its title
    "Mustermann": "Testgrußwort im Plenum",  # its speaker: a keyword, the facts list is not indexed
    "Testplattform": "Testtagung zur Grünen Infrastruktur",  # its platform: a keyword, its line of facts is not
}
# page → the text of its first section in the index (a result's snippet): the summary or description, never a
# facts row or breadcrumb (tests/fixtures/site/content/tagung-2020)
SNIPPETS = {
    "tagung-2020/test-grusswort/": "<p>Ein Grußwort ohne Uhrzeit, mit Folien, nur für Tests.</p>",
    "tagung-2020/sessions/plenum/": "<p>Das Plenum des zweiten Testtags mit Grußwort und Vorträgen.</p>",
    "tagung-2020/": "<p>Eine Testtagung mit zwei Tagen, zwei Werkstätten und einem Plenum.</p>",
}
# page → keywords it keeps from what the index leaves out
KEYWORDS = {
    "tagung-2020/test-grusswort/": ["Erika Mustermann"],
    "tagung-2020/": ["Online-Testtagung", "Testplattform"],
}
# query → title of the page the search box must offer (it groups a page's sections under the page)
BROWSER_QUERIES = {
    "Fledermaus": "Winterquartier für Fledermäuse am Beispielbach",
    "Lückenschluss": "Aktionsprogramm Grüne Lückenschlüsse",
    "Hamm": "Winterquartier für Fledermäuse am Beispielbach",
    "Naturschutzverein": "Winterquartier für Fledermäuse am Beispielbach",
    "Excel": "Maßnahmen",
    "Presse": "Kontakt",
    "Folien": "Testgrußwort im Plenum",  # the fixture's talk with slides
}
TOP = 8


def index_search(index: dict[str, Any], query: str) -> list[str]:  # Material's search index (JSON)
    """Titles of matching index entries, best first, matched as Material's search does: every query
    word (lower case) is the prefix of a word of the entry; a match in the title weighs most, then in
    the keywords (tags), then in the text."""
    separator = re.compile(index["config"]["separator"])
    boosts = {name: field["boost"] for name, field in index["config"]["fields"].items()}
    words = [w.lower() for w in separator.split(query.strip()) if w]
    scored = []
    for order, doc in enumerate(index["docs"]):
        fields = {
            "title": doc["title"],
            "tags": " ".join(doc.get("tags", [])),
            "text": re.sub(r"<[^>]+>", " ", doc["text"]),
        }
        tokens = {name: [t for t in separator.split(text.lower()) if t] for name, text in fields.items()}
        best = [
            max((boosts[name] for name, ts in tokens.items() if any(t.startswith(w) for t in ts)), default=0)
            for w in words
        ]
        if all(best):
            scored.append((-sum(best), order, doc["title"]))
    return [title for *_, title in sorted(scored)]


@pytest.mark.parametrize(("query", "title"), QUERIES.items(), ids=QUERIES.keys())
def test_search_index_finds_readers_words(leser_site: Path, query: str, title: str) -> None:
    index = json.loads((leser_site / "search/search_index.json").read_text(encoding="utf-8"))
    # Ranking is lunr's (BM25) and is checked in the browser below; here: the page can be found at all.
    assert title in index_search(index, query)


@pytest.mark.parametrize("location", SNIPPETS, ids=["Beitrag", "Session", "Veranstaltung"])
def test_talk_session_and_event_snippet_is_their_summary(leser_site: Path, location: str) -> None:
    index = json.loads((leser_site / "search/search_index.json").read_text(encoding="utf-8"))
    doc = next(d for d in index["docs"] if d["location"] == location)
    text = re.sub(r"\s+", " ", doc["text"])
    assert text.startswith(SNIPPETS[location])
    # no facts row: the kind, the day, the event, the speaker's organisation, the organiser
    for fact in ("Art", "27.11.2020", "Testorganisation", "Veranstalter", "Testveranstalter"):
        assert fact not in text
    assert set(KEYWORDS.get(location, [])) <= set(doc.get("tags", []))


def test_search_index_has_no_stemmer_that_would_hide_prefixes(leser_site: Path) -> None:
    # Material appends * to each query word and lunr does not stem those: a stemmed index misses them.
    config = json.loads((leser_site / "search/search_index.json").read_text(encoding="utf-8"))["config"]
    assert "stemmer" not in config["pipeline"] and config["lang"] == ["de"]


@pytest.fixture(scope="module")
def search_page(browser: Browser, leser_url: str) -> Iterator[Page]:
    """The start page with the search open, for all the queries below: the index loads and the search worker
    builds it once, not once for each query."""
    context = browser.new_context(locale="de-DE", viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(leser_url, wait_until="networkidle")
    page.get_by_role("textbox", name="Suche").first.click()
    yield page
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("query", "title"), BROWSER_QUERIES.items(), ids=BROWSER_QUERIES.keys())
def test_search_box_finds_readers_words(search_page: Page, query: str, title: str) -> None:
    page = search_page
    results = page.locator(".md-search-result__item")
    # A new search: the field emptied, the last query's results gone, before the first key.
    page.get_by_role("textbox", name="Suche").first.fill("")
    expect(results).to_have_count(0)
    # The whole word at once, then one key released: Material searches on keyup, so this is one search for the
    # word. Typed key by key, a loaded machine could still show the results for "F" or "Fo" when the assert ran.
    field = page.get_by_role("textbox", name="Suche").first
    field.fill(query)
    field.press("End")
    results.first.wait_for(timeout=10000)
    # Wait until the list shows the expected title, or the wait ends and the assert says why.
    with contextlib.suppress(PlaywrightTimeout):
        results.locator("h1, h2", has_text=title).first.wait_for(timeout=5000)
    # the titles the reader sees (a page's further sections stay folded, with empty text)
    titles = [t.strip() for t in results.locator("h1, h2").all_inner_texts() if t.strip()][:TOP]
    keywords_shown = page.locator(".md-search-result .md-tags").evaluate_all(
        "tags => tags.filter(t => t.offsetParent !== null).length"
    )
    assert title in titles
    assert keywords_shown == 0
