"""No stubs: a talk or session page with little content says that nothing more is published and where
the reader can look, instead of ending after one line."""

from __future__ import annotations

from pathlib import Path


from helpers import parse_page


def test_every_talk_page_has_content_or_says_nothing_more_is_published(leser_site: Path):
    talks = [p for p in (leser_site / "tagung-2020").glob("*/index.html") if p.parent.name != "referierende"]
    assert talks
    for path in talks:
        ids = parse_page(path).ids
        assert ids & {"zusammenfassung", "material", "veroeffentlicht"}, path


def test_every_session_page_has_a_description_or_says_none_is_published(leser_site: Path):
    for path in (leser_site / "tagung-2020/sessions").glob("*/index.html"):
        text = path.read_text(encoding="utf-8")
        body = text[text.index("</div>", text.index('class="ogi-fakten"')):text.index('id="beitraege"')]
        assert "<p>" in body, path  # the description, or the sentence that none is published
