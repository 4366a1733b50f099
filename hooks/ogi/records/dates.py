"""Dates as editors know them: a day, or only a month or a year ("März 2020")."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import BeforeValidator, PlainSerializer, PlainValidator, WithJsonSchema

MONATE = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def why_impossible(jahr: int, monat: int, tag: int | None) -> str:
    """Why a year, month and day make no date: 'den 31. November gibt es nicht (…)'."""
    if not 1 <= monat <= 12:
        return f"einen {monat}. Monat gibt es nicht; der Monat steht in der Mitte (JJJJ-MM-TT)"
    if tag is None:
        return "Monat prüfen"
    if tag == 0:
        return "einen 0. Tag gibt es nicht"
    last = calendar.monthrange(jahr, monat)[1]
    if monat == 2 and tag == 29:
        return f"{jahr} ist kein Schaltjahr, den 29. Februar {jahr} gibt es nicht"
    return f"den {tag}. {MONATE[monat - 1]} gibt es nicht (der {MONATE[monat - 1]} hat {last} Tage)"


def german_hint(value: str) -> str | None:
    """For '30.11.2021': the ISO form to copy; None for anything else."""
    match = _GERMAN.match(value.strip())
    if match is None:
        return None
    tag, monat, jahr = (int(g) for g in match.groups())
    return (
        f"„{value}“ ist ein Datum im deutschen Format; hier steht es als JJJJ-MM-TT: {jahr:04d}-{monat:02d}-{tag:02d}"
    )


def parse_day(value: object) -> object:
    """A full date (JJJJ-MM-TT) with a message that names the reason; other types go on to pydantic."""
    if isinstance(value, dt.datetime):
        raise ValueError("erwartet nur ein Datum ohne Uhrzeit, z. B. 2020-11-26")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool) or isinstance(value, (int, float)):
        raise ValueError(f"„{getattr(value, 'source', value)}“ ist kein Datum; erwartet JJJJ-MM-TT, z. B. 2020-11-26")
    if not isinstance(value, str):
        return value
    hint = german_hint(value)
    if hint:
        raise ValueError(hint)
    match = _ISO_DAY.match(value.strip())
    if match is None:
        raise ValueError(f"„{value}“ ist kein Datum; erwartet JJJJ-MM-TT, z. B. 2020-11-26")
    jahr, monat, tag = (int(g) for g in match.groups())
    try:
        return dt.date(jahr, monat, tag)
    except ValueError:
        raise ValueError(f"„{value}“ ist kein gültiges Datum: {why_impossible(jahr, monat, tag)}") from None


# A calendar day: `datenstand`, the days of an event.
Tagesdatum = Annotated[dt.date, BeforeValidator(parse_day)]


@dataclass(frozen=True, order=True)
class TeilDatum:
    """A date known to the year, the month or the day."""

    jahr: int
    monat: int | None = None
    tag: int | None = None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.jahr, self.monat or 0, self.tag or 0)

    def iso(self) -> str:
        parts = [f"{self.jahr:04d}"]
        if self.monat:
            parts.append(f"{self.monat:02d}")
        if self.tag:
            parts.append(f"{self.tag:02d}")
        return "-".join(parts)

    def deutsch(self) -> str:
        if self.tag and self.monat:
            return f"{self.tag:02d}.{self.monat:02d}.{self.jahr}"
        if self.monat:
            return f"{MONATE[self.monat - 1]} {self.jahr}"
        return str(self.jahr)

    def __str__(self) -> str:
        return self.iso()


def parse_teildatum(value: object) -> TeilDatum:
    if isinstance(value, TeilDatum):
        return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return TeilDatum(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
        return TeilDatum(value)
    hint = german_hint(value) if isinstance(value, str) else None
    if hint:
        raise ValueError(hint)
    match = _PARTIAL.match(value) if isinstance(value, str) else None
    if match is None:
        shown = getattr(value, "source", value)
        raise ValueError(f"„{shown}“ ist kein Datum; erwartet JJJJ-MM-TT, JJJJ-MM oder JJJJ, z. B. 2020-11-26")
    jahr, monat, tag = (int(g) if g else None for g in match.groups())
    assert jahr is not None  # the pattern requires the year
    try:
        dt.date(jahr, monat or 1, tag or 1)
    except ValueError:
        raise ValueError(f"„{value}“ ist kein gültiges Datum: {why_impossible(jahr, monat or 1, tag)}") from None
    return TeilDatum(jahr, monat, tag)


Datum = Annotated[
    TeilDatum,
    PlainValidator(parse_teildatum),
    PlainSerializer(TeilDatum.iso, return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}),
]


def deutsches_datum(value: dt.date) -> str:
    """26.11.2020"""
    return f"{value.day:02d}.{value.month:02d}.{value.year}"
