"""Dates that can only lie in the past: when facts were checked, a source read or published, a measure finished.

A measure's `verlauf` holds only steps that happened: a planned date would go stale without anyone noticing
(the plan slips, the page still says it); what is planned belongs in `zeitraum` or the description.

A `datenstand` of 2062 instead of 2026 would be shown on the page and would date the feed. The check
depends on today's date, the build output does not: a record with such a date is an error, never a page.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pydantic import BaseModel

from .dates import TeilDatum
from .errors import ContentError, field_name
from .models import Quelle
from .projekt import Fertigstellung, Hinweis, Projekt, StatusBeleg, VerlaufEintrag
from .tagung import Beitrag, Tagung
from .yaml_messages import Loc
from .yamlfile import YamlFile

# (model, field) of every date that says when something already happened.
PAST_DATES = frozenset(
    {
        (Projekt, "datenstand"),
        (Tagung, "datenstand"),
        (Beitrag, "datenstand"),
        (Quelle, "abgerufen"),
        (Quelle, "datum"),
        (Fertigstellung, "datum"),
        (Hinweis, "datum"),
        (VerlaufEintrag, "datum"),
        (StatusBeleg, "datum"),
    }
)
EDITORS_ZONE = ZoneInfo("Europe/Berlin")  # an editor who checks facts at 00:30 writes that day's date


def today() -> dt.date:
    """Today where the editors work (not the build's SOURCE_DATE_EPOCH, which is the last commit's time)."""
    return dt.datetime.now(EDITORS_ZONE).date()


def future_dates(record: BaseModel, source: YamlFile, heute: dt.date) -> list[ContentError]:
    """An error for every past-facing date of `record` (and of its parts) that lies after `heute`."""
    errors = []
    stack: list[tuple[BaseModel, Loc]] = [(record, ())]
    while stack:
        model, loc = stack.pop()
        for name in type(model).model_fields:
            value, where = getattr(model, name), loc + (name,)
            if (type(model), name) in PAST_DATES and value is not None and _after(value, heute):
                shown = value.iso() if isinstance(value, TeilDatum) else value.isoformat()
                errors.append(
                    ContentError(
                        source.path,
                        source.line_of(where),
                        field_name(where),
                        f"{shown} liegt in der Zukunft (heute ist {heute.isoformat()}); "
                        "ein Datum bis heute eintragen, Jahr und Monat prüfen",
                    )
                )
            elif isinstance(value, BaseModel):
                stack.append((value, where))
            elif isinstance(value, list):
                stack.extend(
                    (item, where + (index,)) for index, item in enumerate(value) if isinstance(item, BaseModel)
                )
    return sorted(errors)


def _after(value: TeilDatum | dt.date, heute: dt.date) -> bool:
    # A month or a year is in the future only when all of it is: "2026-12" is fine on 6 December 2026.
    if isinstance(value, TeilDatum):
        return value.sort_key > (heute.year, heute.month if value.monat else 0, heute.day if value.tag else 0)
    return value > heute
