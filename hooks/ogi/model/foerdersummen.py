"""Money at a glance: the funding of the documented measures summed per Kommune and per Kreis,
computed once per build, and drawn as a bar chart (SVG) at build time.

A measure in several Kommunen counts with its full amount in each of them (its amount is not known per
Kommune), and once per Kreis; the pages say so. Measures without a known amount are counted, not guessed.
On the Kreis level a kreisfreie Stadt is a row of its own (it belongs to no Kreis). Every sum says which
share of a whole it is: of the amounts assigned to measures, and of the programme's headline figure
(`hauptzahl` of content/foerdersummen.yml) when there is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from ..pages.render import euro
from ..records.models import Foerdersumme
from . import urls
from .output import Output
from .site import Massnahme


@dataclass(frozen=True)
class Summe:
    """The funding of one Kommune or Kreis: sum of the known amounts, and how many measures have none."""

    name: str
    betrag: int
    mit_betrag: int
    ohne_betrag: int
    gemeinsam: int = 0  # measures shared with another Kommune (counted in full here)
    slug: str | None = None  # the Kommune's page, None for a Kreis

    @property
    def anzahl(self) -> int:
        return self.mit_betrag + self.ohne_betrag


@dataclass(frozen=True)
class FoerderSummen:
    """All sums of one build, each list sorted by amount (largest first), then by name."""

    kommunen: tuple[Summe, ...]
    kreise: tuple[Summe, ...]
    gesamt: int  # every measure's amount once
    ohne_betrag: int  # measures without a known amount
    hauptzahl: Foerdersumme | None = None  # the programme's figure the measures' amounts belong to

    def kommune(self, name: str) -> Summe | None:
        return next((s for s in self.kommunen if s.name == name), None)

    def anteil(self, betrag: int, ganzes: int | None = None) -> str:
        """The share of `betrag` in `ganzes` (default: all amounts assigned to measures): '11 %', 'unter 1 %'."""
        ganzes = self.gesamt if ganzes is None else ganzes
        if not ganzes or not betrag:
            return "0 %"
        prozent = 100 * betrag / ganzes
        return "unter 1 %" if prozent < 1 else f"{round(prozent)} %"


def _betrag(m: Massnahme) -> int | None:
    return m.record.foerderung.betrag_eur if m.record.foerderung else None


def _summe(name: str, massnahmen: list[Massnahme], slug: str | None = None) -> Summe:
    betraege = [_betrag(m) for m in massnahmen]
    return Summe(
        name=name,
        betrag=sum(b for b in betraege if b is not None),
        mit_betrag=sum(1 for b in betraege if b is not None),
        ohne_betrag=sum(1 for b in betraege if b is None),
        gemeinsam=sum(1 for m in massnahmen if len(m.kommunen) > 1),
        slug=slug,
    )


def _sortiert(summen: list[Summe]) -> tuple[Summe, ...]:
    return tuple(sorted(summen, key=lambda s: (-s.betrag, s.name)))


def foerdersummen(massnahmen: list[Massnahme], hauptzahl: Foerdersumme | None = None) -> FoerderSummen:
    """The sums per Kommune and per Kreis (or kreisfreie Stadt) of `massnahmen`."""
    per_kommune: dict[str, list[Massnahme]] = {}
    per_kreis: dict[str, list[Massnahme]] = {}
    slugs: dict[str, str] = {}
    for m in massnahmen:
        for ort in m.kommunen:
            per_kommune.setdefault(ort.name, []).append(m)
            slugs[ort.name] = ort.slug
        for gebiet in dict.fromkeys(ort.kommune.kreis or ort.name for ort in m.kommunen):
            per_kreis.setdefault(gebiet, []).append(m)
    betraege = [_betrag(m) for m in massnahmen]
    return FoerderSummen(
        kommunen=_sortiert([_summe(name, ms, slugs[name]) for name, ms in per_kommune.items()]),
        kreise=_sortiert([_summe(name, ms) for name, ms in per_kreis.items()]),
        gesamt=sum(b for b in betraege if b is not None),
        ohne_betrag=sum(1 for b in betraege if b is None),
        hauptzahl=hauptzahl,
    )


def balken_svg(summen: tuple[Summe, ...], titel: str) -> str:
    """A horizontal bar chart: one labelled bar per entry, amounts in German number format."""
    bar, gap, label_w, value_w, chart_w = 18, 8, 190, 110, 300
    height = len(summen) * (bar + gap) + gap
    width = label_w + chart_w + value_w
    top = max((s.betrag for s in summen), default=0) or 1
    rows = []
    for i, s in enumerate(summen):
        y = gap + i * (bar + gap)
        w = round(chart_w * s.betrag / top, 1)
        value = euro(s.betrag) if s.mit_betrag else "kein Betrag bekannt"
        rows.append(
            f'<text x="{label_w - 8}" y="{y + bar - 4}" text-anchor="end">{escape(s.name)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar}" fill="#2e7d32"/>'
            f'<text x="{label_w + w + 6}" y="{y + bar - 4}">{escape(value)}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="t" font-family="sans-serif" font-size="13" '
        f'fill="#1f2a1f">\n<title id="t">{escape(titel)}</title>\n' + "\n".join(rows) + "\n</svg>\n"
    )


def foerder_outputs(summen: FoerderSummen) -> list[Output]:
    """The two charts as files of the site."""
    return [
        Output(urls.FOERDERUNG_KOMMUNEN_SVG, content=balken_svg(summen.kommunen, "Förderung der Maßnahmen je Kommune")),
        Output(
            urls.FOERDERUNG_KREISE_SVG,
            content=balken_svg(summen.kreise, "Förderung der Maßnahmen je Kreis oder kreisfreier Stadt"),
        ),
    ]
