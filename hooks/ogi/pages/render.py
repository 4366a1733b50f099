"""Jinja2 environment for page templates, with the filters the templates share.

Addresses come from urls.py: the global `urls` names every page and file, `|link(seite)` makes a Markdown link
from the page being rendered (`seite`, its docs path), `|rel(seite)` a relative URL for HTML.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2

from ..editors.feldreferenz import field_reference
from ..model import urls
from ..records.dates import TeilDatum, deutsches_datum
from ..records.kontakt import mailto, tel
from ..records.models import STATUS_WERTE
from ..records.slugs import slugify
from ..records.text import code_spans, href, markdown_text, meta_text, rich_text

TEMPLATES = Path(__file__).parents[1] / "templates"


def euro(amount: int | None) -> str:
    """150000 -> '150.000 €'"""
    return "" if amount is None else f"{amount:,} €".replace(",", ".")


def geld(amount: int, rund: bool = False) -> str:
    """A figure as sources write it: 2200000, rund -> 'rund 2,2 Mio. €'; 700000 -> '700.000 €'."""
    text = f"{zahl(round(amount / 1_000_000, 1))} Mio. €" if amount >= 1_000_000 else euro(amount)
    return f"rund {text}" if rund else text


def datum(value: dt.date | TeilDatum | None) -> str:
    if value is None:
        return ""
    if isinstance(value, TeilDatum):
        return value.deutsch()
    return deutsches_datum(value)


def zahl(value: float | int) -> str:
    """German decimal comma: 2.5 -> '2,5', 100.0 -> '100'."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")


def environment() -> jinja2.Environment:
    """A fresh environment per build, so template edits show up on the next `serve` rebuild.

    Every `{{ value }}` prints inert text (`finalize`): content cannot start Markdown or HTML syntax.
    Only Markup passes as it is: macro output, `|rich` (sanitised rich text), `|href` (checked link
    targets), `|mailto` and `|tel` (links built from a checked address or number), `|meta` (front matter) and the map renderer's HTML.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        auto_reload=False,  # made anew for every build: no template changes within one, no stat per use
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        finalize=markdown_text,
    )
    env.filters.update(
        rich=rich_text,
        code=code_spans,
        href=href,
        meta=meta_text,
        euro=euro,
        geld=geld,
        datum=datum,
        zahl=zahl,
        slug=slugify,
        link=urls.link,
        rel=urls.html_link,
        mailto=mailto,
        tel=tel,
    )
    env.globals.update(urls=urls)  # every page and file address (urls.py)
    env.globals.update(feldreferenz=field_reference)  # the editors' guide tables, from the models
    env.globals.update(status_werte=STATUS_WERTE)  # map legends list every status the model allows
    return env
