"""Speaker names that differ only in hyphen, space, case or accents: most likely one person written twice.

The speakers' pages know a person by the name as written; „Ursula Heinen Esser“ beside „Ursula
Heinen-Esser“ would be two people there. Each such spelling gets a warning that names the most used one;
two people whose names really differ only so say it with `verschieden_von` on either record.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import ContentError
from .tagung import Beitrag
from .yamlfile import YamlFile


@dataclass(frozen=True)
class Nennung:
    """One speaker as one talk's record names them."""

    source: YamlFile
    index: int  # position in `referierende`
    name: str  # as written, spaces collapsed
    verschieden_von: str | None


def loose_key(name: str) -> str:
    """The name without case, accents, hyphens, spaces and dots: 'Ursula Heinen-Esser' -> 'ursulaheinenesser'."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def nennungen(talks: Iterable[tuple[YamlFile, Beitrag]]) -> list[Nennung]:
    return [
        Nennung(
            source,
            index,
            " ".join(person.name.split()),
            " ".join(person.verschieden_von.split()) if person.verschieden_von else None,
        )
        for source, record in talks
        for index, person in enumerate(record.referierende)
    ]


def similar_names(talks: Iterable[tuple[YamlFile, Beitrag]]) -> list[ContentError]:
    """A warning for every spelling of a name that another, more used spelling matches loosely."""
    groups: dict[str, list[Nennung]] = {}
    for nennung in nennungen(talks):
        groups.setdefault(loose_key(nennung.name), []).append(nennung)
    warnings = []
    for group in groups.values():
        counts = Counter(n.name for n in group)
        if len(counts) < 2:
            continue
        usual = counts.most_common(1)[0][0]  # ties: the first written, as Counter keeps insertion order
        first = next(n for n in group if n.name == usual)
        for nennung in group:
            if nennung.name == usual or _declared_different(group, nennung.name, usual):
                continue
            loc = ("referierende", nennung.index, "name")
            warnings.append(
                ContentError(
                    nennung.source.path,
                    nennung.source.line_of(loc),
                    f"referierende[{nennung.index + 1}].name",
                    f"„{nennung.name}“ unterscheidet sich von „{usual}“ ({first.source.path}:"
                    f"{first.source.line_of(('referierende', first.index, 'name'))}) nur in Bindestrich, Leerzeichen, "
                    f"Groß- und Kleinschreibung oder Akzenten (meinten Sie „{usual}“?); den Namen gleich schreiben "
                    f'oder, sind es zwei Personen, verschieden_von: "{usual}" ergänzen',
                )
            )
    return warnings


def _declared_different(group: list[Nennung], one: str, other: str) -> bool:
    return any((n.name, n.verschieden_von) in ((one, other), (other, one)) for n in group)
