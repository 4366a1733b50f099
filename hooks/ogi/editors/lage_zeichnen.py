"""The preview's page "Lage zeichnen": editors click or draw a measure's place on the site's own base map and
copy the `lage:` block it shows (assets/karte/lage-zeichnen.js writes it).

Only `make serve` builds it (Build.vorschau): a drawing tool is no page for readers, so `make build` and the
published site have neither the page nor its scripts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..maps.assets import drawing_files
from ..model import urls
from ..model.output import Output

if TYPE_CHECKING:
    from ..model.build import Build


def drawing_outputs(build: Build) -> list[Output]:
    """The page and its files while serving; nothing in a build for publishing, nor without maps."""
    if not build.vorschau or not build.karten.einstellungen.aktiv:
        return []
    page = build.env.get_template("lage_zeichnen.md.j2").render(
        seite=urls.LAGE_ZEICHNEN, karte=build.karten.placeholder(urls.LAGE_ZEICHNEN)
    )
    return [Output(urls.LAGE_ZEICHNEN, page), *(Output(uri, path=path) for uri, path in drawing_files())]
