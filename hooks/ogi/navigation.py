"""Where a page belongs in the readers' menu, for pages the menu does not list (records, legal pages)."""

from __future__ import annotations

from collections.abc import Collection


def section_index(src_uri: str, nav_uris: Collection[str]) -> str | None:
    """The menu entry to highlight for a page not in the menu: the nearest `index.md` above it that the
    menu lists (a measure → "Maßnahmen", a Kommune → "Nach Kommune", a talk → "Fachtagung 2020"), or None.
    """
    parts = src_uri.split("/")[:-1]
    while parts:
        candidate = "/".join(parts) + "/index.md"
        if candidate in nav_uris and candidate != src_uri:
            return candidate
        parts.pop()
    return None
