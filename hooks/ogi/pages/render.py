"""Jinja2 environment for page templates, with the filters the templates share.

Addresses come from urls.py: the global `urls` names every page and file, `|link(seite)` makes a Markdown link
from the page being rendered (`seite`, its docs path), `|rel(seite)` a relative URL for HTML.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

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


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """The templates' compiled code kept between builds, as Python keeps modules' code in __pycache__.

    Compiling the page templates costs a build about 0,15 s CPU (a tenth of what the generator adds to Material's
    build at 1.000 measures); every build process would repeat it. Jinja reuses a stored compilation only for the
    same source text (checksum), so an edited template compiles anew, in a build as in a `serve` rebuild. The key
    holds what else shapes the compiled code: the Jinja version and the environment's syntax settings, so the
    page and map environments (`finalize` or not) never share code. Jinja's per-user directory in the system's
    temporary folder (mode 0700, checked); without one (read-only system), templates compile as before.
    """

    def __init__(self, directory: str | None = None) -> None:
        try:
            if directory is not None:
                Path(directory).mkdir(mode=0o700, parents=True, exist_ok=True)
            super().__init__(directory)  # None: Jinja makes and checks its own
            self.usable = True
        except (OSError, RuntimeError):  # no safe directory: compile every time
            self.usable = False

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> Bucket:
        settings = (
            jinja2.__version__,
            environment.block_start_string,
            environment.variable_start_string,
            environment.comment_start_string,
            environment.line_statement_prefix,
            environment.trim_blocks,
            environment.lstrip_blocks,
            environment.keep_trailing_newline,
            environment.newline_sequence,
            environment.autoescape,
            environment.optimized,
            environment.finalize is not None,
            sorted(environment.extensions),
        )
        key = hashlib.sha1(f"{settings!r}|{name}|{filename}".encode()).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        if self.usable:
            try:
                self.load_bytecode(bucket)
            except OSError:  # unreadable: compile
                bucket.reset()
        return bucket

    def set_bucket(self, bucket: Bucket) -> None:
        if self.usable:
            try:
                self.dump_bytecode(bucket)
            except OSError:  # a full or read-only disk: the build goes on, the next one compiles again
                pass


def kept_folder(env: jinja2.Environment) -> Path | None:
    """The folder where `env` keeps compiled templates between builds, for other build results kept likewise
    (the rendered Folium map, ogi.maps.kept); None when it keeps none."""
    cache = env.bytecode_cache
    return Path(cache.directory) if isinstance(cache, CompiledTemplates) and cache.usable else None


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
        bytecode_cache=CompiledTemplates(),
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
