"""Fill named markers such as `<!-- ogi:betreiber -->` in hand-written pages with data from content/."""

from __future__ import annotations

import datetime as dt
import re

import jinja2

from ..editors import luecken
from ..model.foerdersummen import FoerderSummen, foerdersummen
from ..model.site import Site
from .regionbild import kommunen_mit_massnahmen

MARKER = re.compile(r"<!--\s*ogi:([a-z-]+)\s*-->")


class UnknownMarker(ValueError):
    """A hand-written page names a marker that has no template: a typo for the page's author to fix."""


def fill_markers(
    markdown: str,
    site: Site,
    env: jinja2.Environment,
    build_date: dt.date,
    edit_base: str = "",
    foerderung: FoerderSummen | None = None,
) -> str:
    """Replace every known marker; an unknown marker is an error, so a typo cannot go unnoticed.

    `edit_base` is the address that a record's file name completes to its edit link in the repository ("" when
    the site names no repository: then the lists show the file's path).

    While content has errors (only `serve` gets this far then), every page starts with their list, and
    a marker whose data file is broken stays empty. `foerderung` are the build's funding sums (computed from
    `site` when not given).
    """
    if foerderung is None and MARKER.search(markdown):
        foerderung = foerdersummen(
            site.massnahmen_sortiert, site.foerdersummen.hauptzahl if site.foerdersummen else None
        )
    context = {
        "site": site,
        "build_date": build_date,
        "kommunen_mit_massnahmen": kommunen_mit_massnahmen,
        "foerderung": foerderung,
        "luecken": luecken.luecken,
        "seite": luecken.PAGE,
        "bearbeiten": edit_base,
    }

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        try:
            template = env.get_template(f"marker_{name}.md.j2")
        except jinja2.TemplateNotFound:
            known = sorted(t[len("marker_") : -len(".md.j2")] for t in env.list_templates() if t.startswith("marker_"))
            raise UnknownMarker(f"unbekannter Platzhalter „ogi:{name}“; bekannt sind: {', '.join(known)}") from None
        if site.errors:
            try:
                return template.render(**context).strip()
            except jinja2.UndefinedError:
                return ""
        return template.render(**context).strip()

    filled = MARKER.sub(replace, markdown)
    if site.errors:
        filled = env.get_template("fehler.md.j2").render(errors=sorted(site.errors)) + filled
    return filled
