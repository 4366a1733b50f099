"""No stubs: a talk or session page with little content says that nothing more is published and where
the reader can look, instead of ending after one line."""

from __future__ import annotations

from pathlib import Path

from helpers import article, article_links, parse_page, target


def test_every_talk_page_has_content_or_says_nothing_more_is_published(leser_site: Path) -> None:
    talks = [p for p in (leser_site / "tagung-2020").glob("*/index.html") if p.parent.name != "referierende"]
    assert talks
    for path in talks:
        ids = parse_page(path).ids
        assert ids & {"zusammenfassung", "material", "veroeffentlicht"}, path


def test_every_session_page_has_a_description_or_says_none_is_published(leser_site: Path) -> None:
    for path in (leser_site / "tagung-2020/sessions").glob("*/index.html"):
        text = path.read_text(encoding="utf-8")
        body = text[text.index("</div>", text.index('class="ogi-fakten"')) : text.index('id="beitraege"')]
        assert "<p>" in body, path  # the description, or the sentence that none is published


def test_measure_page_without_description_says_none_is_published_and_links_its_kommunen(leser_site: Path) -> None:
    # The reader fixture's measures carry no `beschreibung`: no page may end after its facts.
    pages = sorted((leser_site / "massnahmen").glob("*/index.html"))
    assert pages
    for path in pages:
        ids = parse_page(path).ids
        assert "veroeffentlicht" in ids and "beschreibung" not in ids, path
    grenz = leser_site / "massnahmen/bottrop-gladbeck-gruenzug/index.html"
    notice = [e.text for e in article_links(grenz) if e.text.startswith("Alle Maßnahmen in ")]
    assert notice == ["Alle Maßnahmen in Bottrop", "Alle Maßnahmen in Gladbeck"]


def test_talk_page_without_material_points_to_the_event_documentation(leser_site: Path) -> None:
    page = leser_site / "tagung-2020/test-werkstatt-a/index.html"
    assert "veroeffentlicht" in parse_page(page).ids
    doc = [target(leser_site, page, e.href) for e in article_links(page) if e.text == "Dokumentation der Veranstaltung"]
    assert doc == [leser_site / "tagung-2020/index.html"]


def test_event_page_without_description_says_none_is_published(leser_site: Path) -> None:
    # The fixture's second event (testtag-2022) has neither a description nor documentation.
    page = leser_site / "testtag-2022/index.html"
    notices = [p for p in article(page).find_all("p") if p.attrs.get("id") == "veroeffentlicht"]
    assert len(notices) == 1
    assert notices[0].text.startswith("Eine Beschreibung dieser Veranstaltung ist hier nicht veröffentlicht.")
    assert notices[0].find_all("a") == []  # nothing to point to: no documentation, no links
