"""Slips editors make that YAML reads without a word (typographic quotes, "• " items, a decimal comma, a date
in the future, one speaker spelt two ways): each is named, and what is right passes untouched."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from helpers import FIXTURE_CONTENT
from ogi.records.content import load_site
from ogi.records.future_dates import future_dates
from ogi.records.projekt import Projekt
from ogi.records.speaker_names import loose_key, similar_names
from ogi.records.tagung import Beitrag
from ogi.records.yamlfile import YamlFile, read_yaml


def read(tmp_path: Path, text: str) -> tuple[object, list[str]]:
    path = tmp_path / "datei.yml"
    path.write_text(text, encoding="utf-8")
    source, errors = read_yaml(path, "datei.yml")
    return (source.data if source else None), [str(e) for e in errors]


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("beschreibung: |\n  * eins\n  • zwei\n", {"beschreibung": "* eins\n• zwei\n"}),
        ("titel: „Grün“ und „Blau“\n", {"titel": "„Grün“ und „Blau“"}),
        ("titel: '„Park am See“'\n", {"titel": "„Park am See“"}),
        ("titel: Der „Park“\n", {"titel": "Der „Park“"}),
        ("c: [7.217, 51.55]\n", {"c": [7.217, 51.55]}),
        ("c: [7, 51]\n", {"c": [7, 51]}),
        ("titel: Park * Garten\n", {"titel": "Park * Garten"}),
    ],
    ids=[
        "markdown-list-in-text",
        "quotes-inside",
        "quoted-on-purpose",
        "quote-at-end",
        "decimal-point",
        "whole-numbers",
        "star-inside",
    ],
)
def test_what_editors_mean_passes_untouched(tmp_path: Path, text: str, data: object) -> None:
    assert read(tmp_path, text) == (data, [])


def test_every_tab_in_the_indentation_is_named_by_its_line(tmp_path: Path) -> None:
    _, errors = read(tmp_path, "a:\n\tb: 1\n\tc: 2\n")
    assert errors == [
        "datei.yml:2: YAML-Syntax: Tabulator in der Einrückung (Zeile 2); mit Leerzeichen einrücken",
        "datei.yml:3: YAML-Syntax: Tabulator in der Einrückung (Zeile 3); mit Leerzeichen einrücken",
    ]


def test_bullet_below_a_list_item_is_named_at_its_own_line(tmp_path: Path) -> None:
    _, errors = read(tmp_path, "kommunen:\n  - Herne\n  • Bochum\n")
    assert errors == [
        "datei.yml:3: YAML-Syntax: „• Bochum“ ist kein Listeneintrag, denn YAML kennt als "
        "Listenzeichen nur „- “; „• “ durch „- “ ersetzen: - Bochum"
    ]


def test_typographic_quotes_in_a_list_item_give_the_line_to_copy(tmp_path: Path) -> None:
    _, errors = read(tmp_path, "kommunen:\n  - »Herne«\n")
    assert errors == [
        "datei.yml:2: kommunen[1]: der Wert steht in typografischen Anführungszeichen (»…«), die "
        "YAML nicht als Anführungszeichen liest: sie würden mitveröffentlicht; gerade "
        'Anführungszeichen verwenden: - "Herne"'
    ]


def test_decimal_comma_in_a_polygon_names_the_ring(tmp_path: Path) -> None:
    _, errors = read(tmp_path, "coordinates:\n  - [[7.2, 51.5], [7,21, 51.5], [7.2, 51.6], [7.2, 51.5]]\n")
    assert errors == [
        "datei.yml:2: coordinates[1][2]: Dezimalkomma: 7,21 → 7.21; Zahlen mit Dezimalpunkt schreiben: [7.21, 51.5]"
    ]


def test_decimal_comma_in_kommunen_file_names_the_field(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")
    path = tmp_path / "content/kommunen.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("laenge: 7.216", "laenge: 7,216", 1), encoding="utf-8")
    errors = [str(e) for e in load_site(tmp_path).errors if e.path == "content/kommunen.yml"]
    assert errors == [
        "content/kommunen.yml:8: kommunen[1].laenge: Dezimalkomma: 7,216 → 7.216; Zahlen mit Dezimalpunkt schreiben"
    ]


# --- dates in the future ----------------------------------------------------------------------------------

HEUTE = dt.date(2026, 12, 6)
QUELLE = {"titel": "Testquelle", "url": "https://example.org/q", "abgerufen": "2026-11"}


def projekt(**changes: object) -> Projekt:
    data = {
        "titel": "T",
        "kommunen": ["Herne"],
        "programm": "P",
        "status": "nicht bekannt",
        "kurzbeschreibung": "K",
        "lage": {"genauigkeit": "Kommune"},
        "quellen": [QUELLE],
        "datenstand": "2026-12-06",
    } | changes
    return Projekt.model_validate(data)


def source_of(record: object) -> YamlFile:
    return YamlFile(
        "content/projects/t.yml",
        record,
        {("datenstand",): 9, ("quellen", 0, "datum"): 14, ("hinweise", 0, "datum"): 20},
    )


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"datenstand": "2026-12-06"},
        {"quellen": [QUELLE | {"datum": "2026-12"}]},
        {"quellen": [QUELLE | {"datum": "2026"}]},
        {"zeitraum": {"ende": "2030"}},
    ],
    ids=["today", "today-explicit", "this-month", "this-year", "planned-end"],
)
def test_dates_up_to_today_and_planned_ends_pass(changes: dict[str, object]) -> None:
    record = projekt(**changes)
    assert future_dates(record, source_of(record), HEUTE) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"datenstand": "2026-12-07"},
            "content/projects/t.yml:9: datenstand: 2026-12-07 liegt in der Zukunft (heute ist 2026-12-06); ein Datum bis "
            "heute eintragen, Jahr und Monat prüfen",
        ),
        (
            {"quellen": [QUELLE | {"datum": "2027"}]},
            "content/projects/t.yml:14: quellen[1].datum: 2027 liegt in der Zukunft (heute ist 2026-12-06); ein Datum bis "
            "heute eintragen, Jahr und Monat prüfen",
        ),
        (
            {"hinweise": [{"datum": "2027-01", "text": "T", "quelle": 1}]},
            "content/projects/t.yml:20: hinweise[1].datum: 2027-01 liegt in der Zukunft (heute ist 2026-12-06); ein Datum "
            "bis heute eintragen, Jahr und Monat prüfen",
        ),
    ],
    ids=["tomorrow", "next-year", "hinweis"],
)
def test_past_facing_dates_after_today_are_named(changes: dict[str, object], expected: str) -> None:
    record = projekt(**changes)
    assert [str(e) for e in future_dates(record, source_of(record), HEUTE)] == [expected]


# --- speakers -------------------------------------------------------------------------------------------


def talk(*people: dict[str, str]) -> Beitrag:
    return Beitrag.model_validate(
        {
            "titel": "T",
            "art": "Vortrag",
            "tag": "2020-11-26",
            "referierende": list(people),
            "quellen": [QUELLE],
            "datenstand": "2026-11-26",
        }
    )


def named(path: str, record: Beitrag) -> tuple[YamlFile, Beitrag]:
    return YamlFile(path, record, {("referierende", 0, "name"): 7}), record


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Ursula Heinen Esser", "Ursula Heinen-Esser"),
        ("ursula heinen-esser", "Ursula Heinen-Esser"),
        ("Jörg Muller", "Jörg Müller"),
        ("Dr. Frank Dudda", "Dr Frank Dudda"),
    ],
    ids=["space-for-hyphen", "case", "accent", "dot"],
)
def test_names_that_differ_only_in_spelling_are_one_key(one: str, other: str) -> None:
    assert loose_key(one) == loose_key(other)


def test_other_names_are_other_keys() -> None:
    assert loose_key("Frank Dudda") != loose_key("Dr. Frank Dudda")
    assert loose_key("Jörg Müller") != loose_key("Jörg Mueller")  # written out: may be another person


def test_the_less_used_spelling_is_warned_with_the_place_of_the_usual_one() -> None:
    talks = [
        named("a.yml", talk({"name": "Ursula Heinen-Esser"})),
        named("b.yml", talk({"name": "Ursula Heinen Esser"})),
        named("c.yml", talk({"name": "Ursula  Heinen-Esser"})),
    ]
    assert [str(w) for w in similar_names(talks)] == [
        "b.yml:7: referierende[1].name: „Ursula Heinen Esser“ unterscheidet sich von „Ursula Heinen-Esser“ (a.yml:7) "
        "nur in Bindestrich, Leerzeichen, Groß- und Kleinschreibung oder Akzenten (meinten Sie „Ursula "
        "Heinen-Esser“?); den Namen gleich schreiben oder, sind es zwei Personen, verschieden_von: "
        '"Ursula Heinen-Esser" ergänzen'
    ]


@pytest.mark.parametrize("declared_in", ["a.yml", "b.yml"])
def test_two_people_declared_different_get_no_warning(declared_in: str) -> None:
    a = {"name": "Jörg Müller"} | ({"verschieden_von": "Jorg Muller"} if declared_in == "a.yml" else {})
    b = {"name": "Jorg Muller"} | ({"verschieden_von": "Jörg Müller"} if declared_in == "b.yml" else {})
    assert similar_names([named("a.yml", talk(a)), named("b.yml", talk(b))]) == []


@pytest.mark.parametrize(
    ("value", "advice"),
    [
        ("„Grün: ein Test“", 'titel: "Grün: ein Test"'),
        ("„Grün: ein Test", 'titel: "Grün: ein Test"'),
        ("Grün: ein Test“", 'titel: "Grün: ein Test"'),
        ("Der „Park: Nord“", 'titel: "Der „Park: Nord“"'),
    ],
    ids=["around", "opening-only", "closing-only", "quotes-inside-the-text"],
)
def test_colon_advice_drops_quotes_meant_for_yaml_and_keeps_those_of_the_text(
    tmp_path: Path, value: str, advice: str
) -> None:
    _, errors = read(tmp_path, f"titel: {value}\n")
    assert len(errors) == 1 and errors[0].endswith("den ganzen Text in Anführungszeichen setzen: " + advice)
