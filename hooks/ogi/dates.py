"""Dates as editors know them: a day, or only a month or a year ("März 2020")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

MONATE = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


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
    if isinstance(value, int) and 1900 <= value <= 2100:
        return TeilDatum(value)
    match = _PARTIAL.match(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"„{value}“ ist kein Datum; erwartet JJJJ-MM-TT, JJJJ-MM oder JJJJ, z. B. 2020-11-26")
    jahr, monat, tag = (int(g) if g else None for g in match.groups())
    try:
        dt.date(jahr, monat or 1, tag or 1)
    except ValueError:
        raise ValueError(f"„{value}“ ist kein gültiges Datum; Monat und Tag prüfen") from None
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
