"""Jinja2 environment for page templates, with the filters the templates share."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2

from .dates import TeilDatum, deutsches_datum
from .models import STATUS_WERTE
from .schemas import field_reference
from .slugs import slugify
from .text import code_spans, href, markdown_text, meta_text, rich_text

TEMPLATES = Path(__file__).parent / "templates"


def page_url(uri: str) -> str:
    """The URL path MkDocs gives a Markdown file with use_directory_urls: a/b.md -> a/b/, a/index.md -> a/."""
    stem = uri[: -len(".md")] if uri.endswith(".md") else uri
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    elif uri.endswith(".md"):
        stem += "/"
    return stem


def relative_url(from_uri: str, to_uri: str) -> str:
    """Link from the page of `from_uri` to the page or file `to_uri`, as the browser resolves it."""
    base = page_url(from_uri)
    target = page_url(to_uri)
    rel = _relpath(target, base.rstrip("/"))
    if (target == "" or target.endswith("/")) and not rel.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


def _relpath(target: str, start: str) -> str:
    # posixpath.relpath for paths below the site's root, without its os.getcwd() call per link
    # (maps and pages ask for thousands of links in a build).
    to, frm = [p for p in target.split("/") if p], [p for p in start.split("/") if p]
    common = 0
    while common < min(len(to), len(frm)) and to[common] == frm[common]:
        common += 1
    return "/".join([".."] * (len(frm) - common) + to[common:]) or "."


def euro(amount: int | None) -> str:
    """150000 -> '150.000 €'"""
    return "" if amount is None else f"{amount:,} €".replace(",", ".")


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
    targets), `|meta` (front matter) and the map renderer's HTML.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        finalize=markdown_text,
    )
    env.filters.update(rich=rich_text, code=code_spans, href=href, meta=meta_text, euro=euro, datum=datum, zahl=zahl, rel=relative_url, url=page_url, slug=slugify)
    env.globals.update(feldreferenz=field_reference)  # the editors' guide tables, from the models
    env.globals.update(status_werte=STATUS_WERTE)  # map legends list every status the model allows
    return env
