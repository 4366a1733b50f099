"""Where a page belongs in the readers' menu, for pages the menu does not list (records, legal pages)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from ..model.urls import EDITORS_GUIDE, index_page
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


def is_editors_guide(src_uri: str) -> bool:
    """A page of the editors' guide: built and linked from the footer, but kept out of menu and search."""
    return src_uri.startswith(EDITORS_GUIDE)


def section_index(src_uri: str, nav_uris: Collection[str], event_folders: Collection[str] = ()) -> str | None:
    """The menu entry to highlight for a page not in the menu: the nearest `index.md` above it that the
    menu lists (a measure → "Maßnahmen", a Kommune → "Nach Kommune", a talk → "Fachtagung 2020"); for
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
