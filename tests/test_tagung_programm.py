"""The programme order, speaker identity and sorting, and attachment labels, from records built in memory."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import FIXTURE_ROOT, present
from ogi.events.anhaenge import dateiformat
from ogi.events.programm import programme, speakers
from ogi.model.site import Veranstaltungsdaten, Vortrag
from ogi.records.content import load_site
from ogi.records.files import human_size
from ogi.records.tagung import Beitrag, Person, Session

FIXTURE = present(
    load_site(FIXTURE_ROOT).veranstaltung("tagung-2020")
)  # its tagung.yml: two days, sessions werkstatt-a, werkstatt-b (day 1), plenum (day 2)
FACHTAGUNG = FIXTURE.tagung.tage[1]
PLENUM = FIXTURE.tagung.sessions[-1]


def talk(
    slug: str,
    *,
    beginn: str | None = None,
    reihenfolge: int | None = None,
    session: Session | None = None,
    namen: tuple[str, ...] = (),
) -> Vortrag:
    record = Beitrag(
        titel=f"Titel {slug}",
        art="Vortrag",
        tag=FACHTAGUNG.datum,
        beginn=beginn,
        reihenfolge=reihenfolge,
        session=session.id if session else None,
        referierende=[Person(name=n) for n in namen],
        quellen=[{"titel": "Testquelle", "url": "https://example.org/quelle", "abgerufen": "2026-11"}],
        datenstand=dt.date(2026, 11, 26),
    )
    return Vortrag(slug, f"content/tagung-2020/{slug}.yml", record, FACHTAGUNG, session)


def site_with(*talks: Vortrag) -> Veranstaltungsdaten:
    return Veranstaltungsdaten(FIXTURE.ordner, FIXTURE.tagung, FIXTURE.source, list(talks))


def test_programme_lists_timed_talks_first_then_in_editors_order_then_the_rest() -> None:
    site = site_with(
        talk("a", reihenfolge=2),
        talk("b", beginn="10:00"),
        talk("c"),
        talk("d", reihenfolge=1),
        talk("e", beginn="09:30"),
    )
    day = programme(site)[1]
    loose = day.bloecke[0]
    assert loose.session is None
    assert [v.slug for v in loose.vortraege] == ["e", "b", "d", "a", "c"]


def test_programme_keeps_every_day_and_session_even_without_talks() -> None:
    days = programme(site_with())
    assert [d.tag.name for d in days] == ["Werkstatttag", "Plenumstag"]
    assert [present(b.session).id for b in days[0].bloecke] == ["werkstatt-a", "werkstatt-b"]
    assert all(b.vortraege == [] for d in days for b in d.bloecke)


def test_programme_puts_talks_into_their_session() -> None:
    site = site_with(talk("x", session=PLENUM), talk("y"))
    blocks = programme(site)[1].bloecke
    assert [(b.session.id if b.session else None, [v.slug for v in b.vortraege]) for b in blocks] == [
        (None, ["y"]),
        ("plenum", ["x"]),
    ]


def test_speakers_are_one_entry_per_normalised_name_across_talks() -> None:
    site = site_with(
        talk("a", reihenfolge=1, namen=("Ursula Heinen-Esser",)),
        talk("b", reihenfolge=2, namen=("ursula  heinen-esser", "Max Ohm")),
    )
    result = speakers(site)
    assert [r.name for r in result] == ["Ursula Heinen-Esser", "Max Ohm"]
    assert [a.vortrag.slug for a in result[0].auftritte] == ["a", "b"]


def test_speakers_sort_by_surname_with_umlauts_as_base_letters() -> None:
    names = ("Carla Zander", "Peter Özdemir", "Max Ohm", "Anna Oberhaus", "Dieter Ahrens", "Jan Äbischer")
    result = speakers(site_with(talk("a", namen=names)))
    assert [r.name for r in result] == [
        "Jan Äbischer",
        "Dieter Ahrens",
        "Anna Oberhaus",
        "Max Ohm",
        "Peter Özdemir",
        "Carla Zander",
    ]


def test_speakers_get_distinct_anchors_when_their_slugs_collide() -> None:
    result = speakers(site_with(talk("a", namen=("Jörg Müller", "Jörg Mueller"))))
    assert sorted(r.anker for r in result) == ["person-joerg-mueller", "person-joerg-mueller-2"]


def test_speaker_roles_combine_function_and_organisation_without_repeats() -> None:
    a, b = talk("a", reihenfolge=1, namen=("Max Ohm",)), talk("b", reihenfolge=2, namen=("Max Ohm",))
    roles = [
        Person(name="Max Ohm", funktion="Leiter", organisation="Stadt X"),
        Person(name="Max Ohm", funktion="Leiter", organisation="Stadt X"),
    ]
    a = Vortrag(a.slug, a.source, a.record.model_copy(update={"referierende": roles[:1]}), a.tag, None)
    b = Vortrag(b.slug, b.source, b.record.model_copy(update={"referierende": roles[1:]}), b.tag, None)
    assert [r.rollen for r in speakers(site_with(a, b))] == [["Leiter, Stadt X"]]


@pytest.mark.parametrize(
    ("size", "text"),
    [(500, "500 Byte"), (2048, "2 KB"), (2_400_000, "2,3 MB"), (23 * 1024 * 1024, "23 MB"), (5 * 1024 * 1024, "5 MB")],
    ids=["bytes", "kilobytes", "megabytes", "limit", "whole"],
)
def test_human_size_uses_german_decimal_comma(size: int, text: str) -> None:
    assert human_size(size) == text


@pytest.mark.parametrize(
    ("name", "label"),
    [("folien.pdf", "PDF"), ("folien.PPTX", "PowerPoint"), ("poster.odp", "ODP"), ("liesmich", "Datei")],
    ids=["pdf", "powerpoint", "other-suffix", "no-suffix"],
)
def test_attachment_format_is_named_for_readers(name: str, label: str) -> None:
    assert dateiformat(name) == label


def _talks_with_roles(*roles: Person) -> list[Vortrag]:
    talks = [talk(chr(ord("a") + i), reihenfolge=i + 1) for i in range(len(roles))]
    return [
        Vortrag(t.slug, t.source, t.record.model_copy(update={"referierende": [r]}), t.tag, None)
        for t, r in zip(talks, roles, strict=True)
    ]


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        (
            (
                Person(name="Max Ohm", organisation="Emschergenossenschaft"),
                Person(name="Max Ohm", funktion="Vorstand", organisation="Emschergenossenschaft"),
            ),
            ["Vorstand, Emschergenossenschaft"],
        ),
        (
            (
                Person(name="Max Ohm", organisation="Emschergenossenschaft"),
                Person(name="Max Ohm", funktion="Emschergenossenschaft"),
            ),
            ["Emschergenossenschaft"],
        ),
        (
            (Person(name="Max Ohm", funktion="Emschergenossenschaft", organisation="emschergenossenschaft"),),
            ["Emschergenossenschaft"],
        ),
        (
            (
                Person(name="Max Ohm", funktion="Leiter", organisation="Stadt X"),
                Person(name="Max Ohm", funktion="Dezernent", organisation="Stadt X"),
            ),
            ["Leiter, Stadt X", "Dezernent, Stadt X"],
        ),
    ],
    ids=[
        "organisation-then-function-and-organisation",
        "organisation-as-function",
        "same-in-one-talk",
        "two-functions",
    ],
)
def test_speaker_roles_name_an_organisation_once(roles: tuple[Person, ...], expected: list[str]) -> None:
    site = site_with(*_talks_with_roles(*roles))
    assert [r.rollen for r in speakers(site)] == [expected]
