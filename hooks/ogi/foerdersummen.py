"""Money at a glance: the funding of the documented measures summed per Kommune and per Kreis,
computed once per build, and drawn as a bar chart (SVG) at build time.

A measure in several Kommunen counts with its full amount in each of them (its amount is not known per
Kommune), and once per Kreis; the pages say so. Measures without a known amount are counted, not guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from . import urls
from .content import Massnahme
from .output import Output
from .render import euro



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

    def kommune(self, name: str) -> Summe | None:
        return next((s for s in self.kommunen if s.name == name), None)


def _betrag(m: Massnahme) -> int | None:
    return m.record.foerderung.betrag_eur if m.record.foerderung else None


def _summe(name: str, massnahmen: list[Massnahme], slug: str | None = None) -> Summe:
    betraege = [_betrag(m) for m in massnahmen]
    return Summe(name=name, betrag=sum(b for b in betraege if b is not None),
                 mit_betrag=sum(1 for b in betraege if b is not None),
                 ohne_betrag=sum(1 for b in betraege if b is None),
                 gemeinsam=sum(1 for m in massnahmen if len(m.kommunen) > 1), slug=slug)


def _sortiert(summen: list[Summe]) -> tuple[Summe, ...]:
    return tuple(sorted(summen, key=lambda s: (-s.betrag, s.name)))


def foerdersummen(massnahmen: list[Massnahme]) -> FoerderSummen:
    """The sums per Kommune and per Kreis of `massnahmen`."""
    per_kommune: dict[str, list[Massnahme]] = {}
    per_kreis: dict[str, list[Massnahme]] = {}
    slugs: dict[str, str] = {}
    for m in massnahmen:
        for ort in m.kommunen:
            per_kommune.setdefault(ort.name, []).append(m)
            slugs[ort.name] = ort.slug
        for kreis in m.kreise:
            per_kreis.setdefault(kreis, []).append(m)
    betraege = [_betrag(m) for m in massnahmen]
    return FoerderSummen(
        kommunen=_sortiert([_summe(name, ms, slugs[name]) for name, ms in per_kommune.items()]),
        kreise=_sortiert([_summe(name, ms) for name, ms in per_kreis.items()]),
        gesamt=sum(b for b in betraege if b is not None),
        ohne_betrag=sum(1 for b in betraege if b is None),
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
            f'<text x="{label_w + w + 6}" y="{y + bar - 4}">{escape(value)}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-labelledby="t" font-family="sans-serif" font-size="13" '
            f'fill="#1f2a1f">\n<title id="t">{escape(titel)}</title>\n' + "\n".join(rows) + "\n</svg>\n")


def foerder_outputs(summen: FoerderSummen) -> list[Output]:
    """The two charts as files of the site."""
    return [Output(urls.FOERDERUNG_KOMMUNEN_SVG, content=balken_svg(summen.kommunen, "Förderung der Maßnahmen je Kommune")),
            Output(urls.FOERDERUNG_KREISE_SVG, content=balken_svg(summen.kreise, "Förderung der Maßnahmen je Kreis"))]
