"""A measure's history: its dated steps (`verlauf`) with its completion (`fertigstellung`) in date order.

The completion has one place in the record, `fertigstellung`; the history shows it as one more step, so the
page's list and the exports' "latest step" never disagree with the facts list and the `fertigstellung` column.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records.dates import TeilDatum
from ..records.projekt import Projekt

FERTIGGESTELLT = "Fertiggestellt"  # the step the completion becomes


@dataclass(frozen=True)
class Schritt:
    """One dated step of a measure with the number of its source in the record's `quellen`."""

    datum: TeilDatum
    ereignis: str
    quelle: int


def schritte(record: Projekt) -> tuple[Schritt, ...]:
    """The steps in date order; equal dates keep the record's order, the completion after the other steps."""
    eintraege = [Schritt(e.datum, e.ereignis, e.quelle) for e in record.verlauf]
    if record.fertigstellung is not None:
        f = record.fertigstellung
        eintraege.append(Schritt(f.datum, FERTIGGESTELLT, f.quelle))
    return tuple(sorted(eintraege, key=lambda s: s.datum.sort_key))
