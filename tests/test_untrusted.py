"""Content is untrusted, layer by layer: the text boundary, the YAML reader, file references, the
reference list of Kommunen and the settings a build uses. The corpus of single messages is in
tests/corpus (test_content_errors.py); the built site with hostile records in test_hostile.py."""

from __future__ import annotations

import copy
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import FIXTURE_CONTENT, present
from ogi.maps.settings import mkdocs_settings_problems
from ogi.records.content import load_site
from ogi.records.text import (
    _INLINE,
    _WHITESPACE,
    MAX_ELEMENTS,
    MAX_NESTING,
    code_spans,
    href,
    markdown_text,
    meta_text,
    one_line,
    rich_text,
    structure_problem,
)
from ogi.records.yamlfile import MAX_BYTES, read_yaml

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")  # the tests' own records, never the shipped ones
    return tmp_path


def _messages(project: Path) -> list[str]:
    site = load_site(project)
    return [str(e) for e in site.errors + site.warnings]


# --- the text boundary ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
        ("[a](javascript:x)", "&#91;a&#93;(javascript:x)"),
        ("Titel {: onfocus=x }", "Titel &#123;: onfocus=x &#125;"),
        ("**fett** _kursiv_ `code`", "&#42;&#42;fett&#42;&#42; &#95;kursiv&#95; &#96;code&#96;"),
        ("eins\n\n# zwei", "eins &#35; zwei"),
        ("- Liste", "&#45; Liste"),
        ("1. Preis", "1&#46; Preis"),
        (": Definition", "&#58; Definition"),
        ("a | b", "a &#124; b"),
        ('it\'s "so" & so', "it&#39;s &#34;so&#34; &amp; so"),
        ("Grün: ein Test", "Grün: ein Test"),
    ],
    ids=[
        "html",
        "link",
        "attr-list",
        "emphasis",
        "newline-heading",
        "list",
        "ordered-list",
        "definition",
        "table",
        "quotes",
        "plain",
    ],
)
def test_plain_text_is_inert_in_markdown_and_html(value: str, shown: str) -> None:
    assert markdown_text(value) == shown


def test_every_markdown_and_html_character_is_escaped_wherever_it_stands() -> None:
    for character, reference in _INLINE.items():
        assert markdown_text(f"Wort{character}Wort") == f"Wort{reference}Wort"


def test_model_help_text_shows_backticks_as_code_and_nothing_else_as_markup() -> None:
    assert code_spans("nur mit `radius_m`, <b>nie</b>") == "nur mit <code>radius&#95;m</code>, &lt;b&gt;nie&lt;/b&gt;"


def test_every_kind_of_whitespace_becomes_one_space() -> None:
    # Every code point the one-line rule replaces, alone and in runs, inside a word.
    spaces = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and _WHITESPACE.fullmatch(chr(c))]
    assert {"\n", "\t", "\r", "\xa0", "\u2028", "\u2029", "\x85", "\u3000"} <= set(spaces)
    for space in spaces:
        assert one_line(f"a{space}b") == "a b" and one_line(f"a{space}{space} b") == "a b"
    assert one_line("schon eine Zeile") == "schon eine Zeile"


def test_front_matter_value_is_escaped_one_line_json() -> None:
    assert meta_text('<b>"A"</b>\nB') == '"&lt;b&gt;&#34;A&#34;&lt;/b&gt; B"'
    assert yaml.safe_load(f"title: {meta_text('Grün: <x>')}") == {"title": "Grün: &lt;x&gt;"}


# The last ones start like no scheme would, past the fast path for links without a colon or with http(s)://.
@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "JaVaScRiPt:x", " javascript:x", "\tjavascript:x"]
)
def test_link_targets_refuse_script_schemes(url: str) -> None:
    with pytest.raises(ValueError):
        href(url)


def test_link_targets_cannot_close_a_markdown_link_or_attribute() -> None:
    assert href('https://example.org/a_b_(c)?q="x" y') == "https://example.org/a_b_%28c%29?q=%22x%22%20y"
    assert href("bilder/park-1.jpg") == "bilder/park-1.jpg"


def test_rich_text_keeps_the_documented_subset() -> None:
    html = rich_text(
        "**fett** *kursiv* `code`\n\n- eins\n- zwei\n\n> Zitat\n\n[Link](https://example.org) "
        "[Mail](mailto:a@example.org)\n\n# Überschrift"
    )
    for fragment in (
        "<strong>fett</strong>",
        "<em>kursiv</em>",
        "<code>code</code>",
        "<li>eins</li>",
        "<blockquote>",
        'href="https://example.org"',
        'href="mailto:a@example.org"',
        "<h3>Überschrift</h3>",
    ):
        assert fragment in html


def test_rich_text_reads_as_markdown_does_on_github() -> None:
    # CommonMark, as GitHub shows it where editors write: a list right below a line of text is a list, a
    # hard break is two spaces or a backslash, "#Wort" without a space stays text.
    html = rich_text("Zwei Punkte:\n- eins\n- zwei\n\nerste Zeile\\\nzweite Zeile\n\n#Hashtag")
    assert "<p>Zwei Punkte:</p>\n<ul>\n<li>eins</li>" in html
    assert "erste Zeile<br>\nzweite Zeile" in html
    assert "<p>#Hashtag</p>" in html


@pytest.mark.parametrize(("section_level", "top", "below"), [(1, "h2", "h3"), (2, "h3", "h4"), (3, "h4", "h5")])
def test_rich_text_headings_sit_one_level_below_their_section(section_level: int, top: str, below: str) -> None:
    # A text right below the page title (1), below a "##" (2) or a "###" heading (3): no level is skipped.
    html = rich_text("# Eins\n\n## Zwei\n\n#### Vier\n\n<h2>roh</h2>", section_level)
    assert f"<{top}>Eins</{top}>" in html and f"<{below}>Zwei</{below}>" in html
    assert f"<{below}>Vier</{below}>" in html and f"<{below}>roh</{below}>" in html


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<iframe src=x></iframe>",
        '<a href="javascript:alert(1)">x</a>',
        "[x](javascript:alert(1))",
        "[x](data:text/html,<b>)",
        '<p style="color:red" onclick="x">x</p>',
        "<form><input></form>",
        "<style>body{}</style>",
        "<svg onload=alert(1)>",
        "![bild](https://example.org/x.png)",
        "{: onclick=x }\n\nText",
        "<!-- <!-- ogi:betreiber --> -->",
        '<a href="../seite/">relativ</a>',
    ],
    ids=[
        "script",
        "onerror",
        "iframe",
        "a-javascript",
        "md-javascript",
        "md-data",
        "style-attr",
        "form",
        "style",
        "svg",
        "image",
        "attr-list",
        "comment",
        "relative-link",
    ],
)
def test_rich_text_drops_scripts_handlers_frames_forms_styles_images_and_odd_links(value: str) -> None:
    html = rich_text(value)
    for forbidden in (
        "<script",
        "<iframe",
        "javascript:",
        "data:",
        "style=",
        "<form",
        "<input",
        "<style",
        "<svg",
        "<img",
        "<!--",
        'href="../',
    ):
        assert forbidden not in html
    assert not re.search(r"<[^>]*\son\w+=", html)  # text may say "onclick", no tag may carry it


# Quotes and lists, nested one level more with each step; raw HTML counts like Markdown.
NESTINGS: dict[str, Callable[[int], str]] = {
    "quotes": lambda n: "> " * n + "x",
    "lists": lambda n: "".join("   " * i + "- x\n" for i in range(n)),
    "list-in-quote": lambda n: "> " * (n - 1) + "- x",
    "raw-html": lambda n: "<blockquote>" * n + "x",
}


@pytest.mark.parametrize("nest", NESTINGS.values(), ids=NESTINGS.keys())
def test_rich_text_nested_one_level_beyond_the_limit_is_refused(nest: Callable[[int], str]) -> None:
    assert structure_problem(nest(MAX_NESTING)) is None
    problem = structure_problem(nest(MAX_NESTING + 1))
    assert problem and problem.startswith("Zitate („>“) und Listen sind in Zeile")


@pytest.mark.parametrize(
    "part", ["x\n\n", "<b>", "- [a](https://example.org)\n"], ids=["paragraphs", "raw-tags", "links"]
)
def test_rich_text_with_more_parts_than_the_limit_is_refused(part: str) -> None:
    def text(n: int) -> str:
        return part * n

    # The largest allowed count by bisection (more parts never become allowed again): a dozen checks, not 1.300.
    allowed, refused = MAX_ELEMENTS // 3, MAX_ELEMENTS + 1
    assert structure_problem(text(allowed)) is None and structure_problem(text(refused)) is not None
    while refused - allowed > 1:
        middle = (allowed + refused) // 2
        allowed, refused = (middle, refused) if structure_problem(text(middle)) is None else (allowed, middle)
    assert present(structure_problem(text(refused))).startswith("der Text hat mehr als 2.000 Teile")


def test_deeply_nested_quotes_under_the_size_limit_are_refused_before_rendering() -> None:
    # The attack of issue 22: half a million nested quotes in a 1-MB file kept the sanitiser busy for minutes.
    value = "> " * (MAX_BYTES // 2 - 1) + "x"
    problem = structure_problem(value)
    assert problem is not None and f"mehr als {MAX_NESTING} Ebenen" in problem


def test_worst_allowed_rich_text_renders_with_its_structure() -> None:
    # At the limits: every quote level in use, as many parts as allowed. Its render time is measured in the
    # report of issue 22 (a few hundredths of a second); here the structure it keeps.
    block = "> " * (MAX_NESTING - 1) + "- *x*\n\n"
    value = block * (MAX_ELEMENTS // (MAX_NESTING + 2))
    assert structure_problem(value) is None
    html = rich_text(value)
    assert html.count("<blockquote>") == (MAX_NESTING - 1) * (MAX_ELEMENTS // (MAX_NESTING + 2))
    assert "<em>x</em>" in html


RICH_FIELDS = {
    "projekt": ("projects/test-herne-park.yml", ("beschreibung",)),
    "beitrag": ("tagung-2020/test-vortrag-mit-zeit.yml", ("zusammenfassung",)),
    "tagung": ("tagung-2020/tagung.yml", ("beschreibung",)),
    "tag": ("tagung-2020/tagung.yml", ("tage", 0, "beschreibung")),
    "session": ("tagung-2020/tagung.yml", ("sessions", 0, "beschreibung")),
}


@pytest.mark.parametrize(("name", "loc"), RICH_FIELDS.values(), ids=RICH_FIELDS.keys())
def test_check_refuses_too_deep_rich_text_in_every_rich_field(
    project: Path, name: str, loc: tuple[str | int, ...]
) -> None:
    path = project / "content" / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    target = data
    for part in loc[:-1]:
        target = target[part]
    target[loc[-1]] = "> " * (MAX_NESTING + 1) + "x"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    [message] = _messages(project)
    field = ".".join(str(p) if isinstance(p, str) else "" for p in loc).replace("..", "[1].")
    assert message.startswith(f"content/{name}:") and f": {field}: Zitate („>“) und Listen sind in Zeile 1" in message


# --- the YAML reader --------------------------------------------------------------------------


def test_alias_bomb_is_refused_before_anything_is_expanded(tmp_path: Path) -> None:
    # 342 bytes that expand to 9^8 list items (about 3 GB) if composed and constructed.
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"{c}: &{c} [{', '.join(['*' + p] * 9)}]" for p, c in zip("abcdefg", "bcdefgh")]
    path = tmp_path / "bombe.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, errors = read_yaml(path, "bombe.yml")
    assert result is None
    assert errors[0].message == "Anker (&a) sind nicht erlaubt; den Wert an jeder Stelle ausschreiben"
    assert len(errors) == 15  # one anchor and one alias message per line, never one per expansion


DEPTH_MESSAGE = "mehr als 20 Ebenen tief verschachtelt; so tief ist kein Feld, Einrückung prüfen"


@pytest.mark.parametrize("marks", ["", "# Bäume & Sträucher\n"], ids=["ohne-zeichen", "mit-zeichen"])
@pytest.mark.parametrize(
    ("depth", "after", "message"),
    [
        (21, "", DEPTH_MESSAGE),
        (25, "programm: [kaputt\n", DEPTH_MESSAGE),  # a syntax error further down: the depth is still named
        (
            5000,
            "",
            "ungültiges YAML (Spalte 1009); Einrückung, Doppelpunkte und Anführungszeichen prüfen",
        ),  # libyaml's limit
    ],
    ids=["21", "25-dann-syntaxfehler", "5000"],
)
def test_nesting_deeper_than_twenty_levels_is_refused(
    tmp_path: Path, depth: int, after: str, message: str, marks: str
) -> None:
    # With or without the characters that make the reader scan for anchors and tags ("&" in a comment).
    path = tmp_path / "tief.yml"
    path.write_text(f"{marks}titel: Test\ntraeger: {'[' * depth}x{']' * depth}\n{after}", encoding="utf-8")
    result, errors = read_yaml(path, "tief.yml")
    assert result is None
    assert [(e.line, e.field, e.message) for e in errors] == [(2 + bool(marks), "YAML-Syntax", message)]


def test_twenty_levels_are_read(tmp_path: Path) -> None:
    path = tmp_path / "tief.yml"
    path.write_text(f"traeger: {'[' * 19}x{']' * 19}\n", encoding="utf-8")
    result, errors = read_yaml(path, "tief.yml")
    assert errors == [] and result is not None


def test_file_over_one_megabyte_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "gross.yml"
    path.write_bytes(b"titel: " + b"x" * MAX_BYTES + b"\n")
    result, errors = read_yaml(path, "gross.yml")
    assert result is None
    assert [str(e) for e in errors] == [
        "gross.yml:1: (Datei): die Datei ist 1024 KB groß; erlaubt ist höchstens 1 MB je Datei; lange Texte "
        "kürzen oder auf mehrere Dateien verteilen"
    ]


def test_wanted_comment_after_a_value_is_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "kommentar.yml"
    path.write_text("status: abgeschlossen  # laut Bilanz\ntitel: Park Nr. 1\n", encoding="utf-8")
    result, errors = read_yaml(path, "kommentar.yml")
    assert errors == [] and result is not None and result.warnings == []


# --- files named by records -------------------------------------------------------------------


def _add_image(project: Path, name: str) -> None:
    record = project / "content/projects/testmassnahme.yml"
    record.write_text(
        (ROOT / "tests/corpus/betrag-als-text.yml")
        .read_text(encoding="utf-8")
        .replace("betrag_eur: rund 150.000 Euro", "betrag_eur: 150000")
        .replace(
            "quellen:",
            f"bilder:\n  - datei: {name}\n    alt: Ein Park\n    urheber: Test\n    lizenz: CC BY 4.0\nquellen:",
        ),
        encoding="utf-8",
    )
    (project / "content/projects/bilder").mkdir(exist_ok=True)


def test_image_that_is_a_folder_is_an_error(project: Path) -> None:
    _add_image(project, "ordner")
    (project / "content/projects/bilder/ordner").mkdir()
    assert _messages(project) == [
        "content/projects/testmassnahme.yml:20: bilder[1].datei: „ordner“ in content/projects/bilder/ ist keine "
        "gewöhnliche Datei (sondern ein Ordner oder Gerät); eine Datei angeben"
    ]


# Symlinks, formats and unnamed files: tests/test_dateien.py.


# --- the reference list of Kommunen -----------------------------------------------------------


def _edit_kommunen(project: Path, edit: Callable[[list[dict[str, Any]]], object]) -> None:  # YAML: untyped
    path = project / "content/kommunen.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data["kommunen"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _names(project: Path) -> list[str]:
    return [k["name"] for k in yaml.safe_load((project / "content/kommunen.yml").read_text("utf-8"))["kommunen"]]


def test_kommune_deleted_from_the_list_is_an_error_in_the_list_and_in_its_records(project: Path) -> None:
    used = {
        name
        for path in (project / "content/projects").glob("*.yml")
        for name in yaml.safe_load(path.read_text("utf-8"))["kommunen"]
    }
    victim = sorted(used)[0]
    _edit_kommunen(project, lambda ks: ks.remove(next(k for k in ks if k["name"] == victim)))
    messages = _messages(project)
    assert any(f"kommunen: es fehlen Kommunen des RVR-Gebiets: {victim} (05" in m for m in messages)
    record_messages = [m for m in messages if m.startswith("content/projects/")]
    assert record_messages and all(
        f"die Kommune „{victim}“ fehlt in content/kommunen.yml; sie dort wieder eintragen" in m for m in record_messages
    )
    assert not any("meinten Sie" in m for m in messages)


def test_misspelt_kommune_in_the_list_is_named_with_the_official_spelling(project: Path) -> None:
    name = next(n for n in _names(project) if n == "Schwerte")
    _edit_kommunen(project, lambda ks: next(k for k in ks if k["name"] == name).update(name="Schwerrte"))
    messages = _messages(project)
    assert any(
        "name: „Schwerrte“ ist keine Kommune des RVR-Gebiets (meinten Sie „Schwerte“?); den amtlichen "
        "Namen schreiben" in m
        for m in messages
    )
    assert any("es fehlen Kommunen des RVR-Gebiets: Schwerte (05978028)" in m for m in messages)


def test_kommune_listed_under_official_and_short_name_is_a_duplicate(project: Path) -> None:
    _edit_kommunen(
        project, lambda ks: ks.append(dict(next(k for k in ks if k["name"] == "Voerde"), name="Voerde (Niederrhein)"))
    )
    assert any(
        "„Voerde (Niederrhein)“ steht doppelt in der Liste; nur einmal eintragen" in m for m in _messages(project)
    )


# --- settings the build uses ------------------------------------------------------------------


def _edit_tagung(project: Path, edit: Callable[[dict[str, Any]], object]) -> None:  # YAML: untyped
    path = project / "content/tagung-2020/tagung.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_unknown_time_zone_is_a_content_error_not_a_traceback(project: Path) -> None:
    _edit_tagung(project, lambda t: t.update(zeitzone="Europe/Ruhrgebiet"))
    assert [m.split(": ", 1)[1] for m in _messages(project)] == [
        "zeitzone: unbekannte Zeitzone „Europe/Ruhrgebiet“; eine Zeitzone der IANA-Liste angeben, z. B. „Europe/Berlin“"
    ]


def test_session_id_index_would_replace_a_page_and_is_refused(project: Path) -> None:
    _edit_tagung(project, lambda t: t["sessions"].append(copy.deepcopy(t["sessions"][0]) | {"id": "index"}))
    assert any(
        "id: die id „index“ ist für eine Seite des Tagungsarchivs reserviert; eine andere wählen" in m
        for m in _messages(project)
    )


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        (
            "massnahmen",
            "der Ordnername „massnahmen“ ist schon die Adresse eines Bereichs der Website; einen anderen "
            "wählen, z. B. „massnahmen-veranstaltung“",
        ),
        (
            "offensive",
            "der Ordnername „offensive“ ist schon die Adresse eines Bereichs der Website; einen anderen "
            "wählen, z. B. „offensive-veranstaltung“",
        ),
        (
            "Tagung 2026",
            "der Ordnername „Tagung 2026“ wird zur Adresse der Veranstaltung; nur Kleinbuchstaben, "
            "Ziffern und Bindestriche verwenden, z. B. „tagung-2026“",
        ),
    ],
    ids=["generated-section", "hand-written-section", "not-a-slug"],
)
def test_event_folder_that_would_take_another_address_is_refused(project: Path, folder: str, message: str) -> None:
    (project / "docs" / "offensive").mkdir(parents=True)
    shutil.copytree(project / "content/tagung-2020", project / "content" / folder)
    assert f"content/{folder}/tagung.yml:1: (Datei): {message}" in _messages(project)


# --- no traceback for any content -------------------------------------------------------------

_MUTATIONS = [
    ":",
    ": ",
    "-",
    "- ",
    "#",
    " #",
    '"',
    "'",
    "[",
    "]",
    "{",
    "}",
    "&",
    "*",
    "!",
    "|",
    ">",
    "%",
    "@",
    "`",
    "\t",
    "\n",
    "\n  ",
    " ",
    "\x00",
    "\u202e",
    "é",
    "0x1F",
    "1_0",
    ".nan",
    "~",
    "<<: ",
    "!!str ",
]


@pytest.mark.parametrize("seed", range(4))
def test_any_mutation_of_a_record_gives_messages_never_a_traceback(project: Path, seed: int) -> None:
    # Deterministic pseudo-random edits (insert, delete, duplicate a line) of a valid record: whatever
    # comes out, load_site answers with located German messages.
    import random

    rng = random.Random(seed)
    source = (
        (ROOT / "tests/corpus/betrag-als-text.yml")
        .read_text(encoding="utf-8")
        .replace("betrag_eur: rund 150.000 Euro", "betrag_eur: 150000")
    )
    target = project / "content/projects/testmassnahme.yml"
    for _ in range(25):
        text = source
        for _ in range(rng.randint(1, 4)):
            where = rng.randrange(len(text))
            kind = rng.random()
            if kind < 0.6:
                text = text[:where] + rng.choice(_MUTATIONS) + text[where:]
            elif kind < 0.85:
                text = text[:where] + text[where + rng.randint(1, 5) :]
            else:
                lines = text.split("\n")
                index = rng.randrange(len(lines))
                text = "\n".join(lines[:index] + [lines[index]] + lines[index:])
        target.write_text(text, encoding="utf-8")
        site = load_site(project)
        for problem in site.errors + site.warnings:
            assert problem.path and problem.line >= 1 and problem.field and problem.message
            assert "Traceback" not in problem.message and "Error" not in problem.message


def test_check_validates_the_map_settings_the_build_uses(project: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    assert mkdocs_settings_problems(project) == []
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text.replace("    kacheln_url:", "    kachel_url:"), encoding="utf-8")
    [problem] = mkdocs_settings_problems(project)
    assert (problem.path, problem.field) == ("mkdocs.yml", "extra.karte")
    assert problem.message.startswith("unbekannte Einstellung kachel_url; erlaubt sind kacheln_url")


def test_no_page_template_marks_a_value_safe() -> None:
    # Safe output carries its own type (Markup from the renderer, a macro or a filter of ogi.records.text);
    # a `|safe` in a template would be the one place where content text could become markup.
    templates = sorted((ROOT / "hooks/ogi/templates").glob("*.j2"))
    assert templates and [t.name for t in templates if "|safe" in t.read_text(encoding="utf-8")] == []
