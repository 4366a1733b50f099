"""Where a page belongs in the readers' menu, for pages the menu does not list (records, legal pages)."""

from __future__ import annotations

from collections.abc import Collection

from .urls import EDITORS_GUIDE, index_page
from .urls import VERANSTALTUNGEN as EVENTS_INDEX




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
