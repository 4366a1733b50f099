"""Where a page belongs in the readers' menu, for pages the menu does not list (records, legal pages)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from markupsafe import escape

from ..model.site import Veranstaltungsdaten
from ..model.urls import EDITORS_GUIDE, event_page, index_page
from ..model.urls import VERANSTALTUNGEN as EVENTS_INDEX


def menu_uris(nav: Any) -> set[str]:
    """The pages the menu of mkdocs.yml (`nav:`) lists, e.g. {'index.md', 'fachtag-2025/index.md'}."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(menu_uris(value) for value in nav.values()))
    if isinstance(nav, list):
        return set().union(*(menu_uris(item) for item in nav))
    return set()


def menu_title(daten: Veranstaltungsdaten) -> str:
    """An event's entry in the menu: its title, with the year of its first day unless the title names it."""
    year = str(daten.tagung.tage[0].datum.year)
    return daten.tagung.titel if year in daten.tagung.titel else f"{daten.tagung.titel} ({year})"


def with_events(nav: list[Any], events: list[Veranstaltungsdaten]) -> list[Any]:
    """The menu of mkdocs.yml with one entry per event in the section that lists the events' index: the
    events come from the records, so a new event folder needs no edit of mkdocs.yml. An event the menu
    already lists keeps its entry."""
    section = _section_of(nav, EVENTS_INDEX)
    if section is not None:
        listed = menu_uris(nav)
        # The title is content, and Material prints menu titles as they are: escaped here, once (as Markup).
        section += [{escape(menu_title(d)): event_page(d.ordner)} for d in events if event_page(d.ordner) not in listed]
    return nav


def _section_of(entries: list[Any], uri: str) -> list[Any] | None:
    # The list of entries (mkdocs.yml: strings or {title: page or list}) that holds the page `uri`.
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if value == uri:
            return entries
        if isinstance(value, list) and (found := _section_of(value, uri)) is not None:
            return found
    return None


def is_editors_guide(src_uri: str) -> bool:
    """A page of the editors' guide: built and linked from the footer, but kept out of menu and search."""
    return src_uri.startswith(EDITORS_GUIDE)


def section_index(src_uri: str, nav_uris: Collection[str], event_folders: Collection[str] = ()) -> str | None:
    """The menu entry to highlight for a page not in the menu: the nearest `index.md` above it that the
    menu lists (a measure → "Maßnahmen", a Kommune → "Nach Kommune", a talk → its event); for
    an event the menu does not list, "Veranstaltungen"; else None.
    """
    parts = src_uri.split("/")[:-1]
    while parts:
        candidate = index_page("/".join(parts))
        if candidate in nav_uris and candidate != src_uri:
            return candidate
        parts.pop()
    if src_uri.split("/", 1)[0] in event_folders and EVENTS_INDEX in nav_uris and src_uri != EVENTS_INDEX:
        return EVENTS_INDEX
    return None
