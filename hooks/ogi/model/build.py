"""One build of the site: the loaded content, what is derived from it once, and the build's tools.

hooks/site.py makes one `Build` in `on_config` and reads it until `on_post_page`; tests and bench/ make
one with `Build(site, …)`. Facts that depend only on the records are cached on the Site (content.py);
the ones here also need the build's settings (address, time, map settings) or the event objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import jinja2

from ..events.veranstaltung import Veranstaltung, veranstaltungen
from ..maps import Karten, KartenEinstellungen
from ..opendata.exporte import Umgebung
from ..opendata.feed import Eintrag, neueste
from ..pages.render import environment
from .foerdersummen import FoerderSummen, foerdersummen
from .gitdates import last_commits
from .site import Site


@dataclass
class Build:
    """Everything one build reads: the site, its settings, the Jinja environment and the derived facts."""

    site: Site
    site_url: str = ""  # the public address; "" leaves the exports' URLs site-relative
    erstellt: dt.datetime | None = None  # the build time (SOURCE_DATE_EPOCH), calendars carry it as DTSTAMP
    einstellungen: KartenEinstellungen = field(default_factory=KartenEinstellungen)  # extra.karte
    last_changed: dict[str, dt.date] = field(default_factory=dict)  # docs file -> date of its last commit
    vorschau: bool = False  # `make serve`: the preview adds the editors' drawing page (ogi.lage_zeichnen)
    edit_base: str = ""  # a record's file path appended makes its edit link in the repository; "" without one
    # One Jinja2 environment per build: templates compile once, and edits show on the next `serve` rebuild.
    env: jinja2.Environment = field(default_factory=environment)
    # The menu's pages by source file (set once per build by the engine adapter) and the entry highlighted for
    # the page being rendered (set and reset there for each page).
    menu_pages: dict[str, Any] = field(default_factory=dict)
    menu_section: object | None = None

    @cached_property
    def karten(self) -> Karten:
        """The maps of the pages: placeholders while pages are made, the maps put in after rendering."""
        return Karten(self.site, self.env, self.einstellungen)

    @cached_property
    def umgebung(self) -> Umgebung:
        return Umgebung(self.site_url, self.erstellt) if self.erstellt else Umgebung(self.site_url)

    @cached_property
    def record_history(self) -> dict[str, dt.datetime]:
        """Each record file ("content/projects/x.yml") -> the time of its last commit; empty outside Git."""
        return {f"content/{path}": moment for path, moment in last_commits(self.site.root, "content").items()}

    @cached_property
    def veranstaltungen(self) -> list[Veranstaltung]:
        """Every event with its programme and speakers, derived once."""
        return veranstaltungen(self.site)

    @cached_property
    def feed_eintraege(self) -> list[Eintrag]:
        """The newest records and events: the Atom feed and the page "Neu und geändert" list the same, made once."""
        return neueste(self.site, self.veranstaltungen, self.record_history)

    @cached_property
    def foerdersummen(self) -> FoerderSummen:
        """Funding per Kommune and Kreis: the measures, Kommunen and Kommune pages read the same sums."""
        hauptzahl = self.site.foerdersummen.hauptzahl if self.site.foerdersummen else None
        return foerdersummen(self.site.massnahmen_sortiert, hauptzahl)
