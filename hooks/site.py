"""MkDocs hooks: the only module that imports mkdocs. Each event calls one function of the core (ogi)."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date

sys.path.insert(0, str(Path(__file__).parent))


@contextlib.contextmanager
def settled() -> Iterator[None]:
    # Importing the core (Folium, numpy, the pydantic models, …), loading the records and making the pages
    # create objects that live until the build or the process ends (the few garbage cycles made meanwhile
    # stay until the next build): the collector pauses meanwhile, and then they are frozen out of its scans,
    # which would otherwise walk them again and again. A third less collector time at 1.000 measures, a
    # seventh less import time (`make bench`).
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.freeze()


with settled():
    from ogi.maps import KartenEinstellungen, SettingsError, karten_einstellungen  # noqa: E402
    from ogi.model import urls  # noqa: E402
    from ogi.model.build import Build  # noqa: E402
    from ogi.model.gitdates import last_changed, last_changed_note  # noqa: E402
    from ogi.opendata.strukturdaten import json_ld  # noqa: E402
    from ogi.pages.lazy_search import BundleChanged, is_bundle, lazy_search_bundle  # noqa: E402
    from ogi.pages.markers import UnknownMarker, fill_markers  # noqa: E402
    from ogi.pages.navigation import is_editors_guide, menu_uris, section_index, with_events  # noqa: E402
    from ogi.pages.outputs import build_outputs  # noqa: E402
    from ogi.pages.suchwoerter import search_keywords  # noqa: E402
    from ogi.pages.tabellen import label_cells  # noqa: E402
    from ogi.records.content import load_site  # noqa: E402
    from ogi.records.errors import ContentErrors, flat  # noqa: E402
    from ogi.records.pflichtangaben import is_published, missing_for_publication, publication_headline  # noqa: E402

log = logging.getLogger("mkdocs.hooks.ogi")
# While serving, content errors go to the terminal outside MkDocs' logger: that one counts errors and
# would abort the rebuild, and the editor is to keep a preview of everything else.
serve_log = logging.getLogger("ogi.serve")
BUILD_KEY = "ogi_build"  # the build (ogi.model.build.Build) travels on the config object, made anew in on_config


@dataclass
class Process:
    """What MkDocs says once per process and never again: whether it serves.

    MkDocs passes the command only to on_startup, before any config exists, so this one fact lives at module
    level; everything of a build lives on its Build (BUILD_KEY), which `serve` makes anew for every rebuild.
    """

    serving: bool = False


PROCESS = Process()


def on_startup(command: str, dirty: bool) -> None:
    PROCESS.serving = command == "serve"
    if PROCESS.serving and not serve_log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("FEHLER   -  %(message)s"))
        serve_log.addHandler(handler)
        serve_log.propagate = False


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    gc.unfreeze()  # a rebuild while serving: the last build's objects may be collected again
    root = Path(config.config_file_path).parent
    with settled():
        site = load_site(root)
    # The public site must not go out without its legal data.
    missing = missing_for_publication(site) if is_published(config.site_url or "") else []
    site.errors.extend(missing)
    for warning in site.warnings:
        log.warning(str(warning))
    if site.errors:
        if not PROCESS.serving:
            headline = publication_headline(missing, config.site_url or "") + "\n" if missing else ""
            raise Abort(headline + ContentErrors(site.errors).report() + "\nDie Website wurde nicht gebaut.")
        for error in site.errors:
            serve_log.error(str(error))  # serve keeps running and shows the errors on every page
    config.nav = with_events(config.nav or [], site.veranstaltungen)  # every event in "Veranstaltungen"
    if not config.site_url:  # no loopback address in published files: leave out what needs the public one
        config.theme.static_templates.discard(urls.SITEMAP)
        log.info(urls.WITHOUT_SITE_URL)
    if not config.repo_url:
        config.edit_uri = None  # without a repository an edit link would be a broken relative link
    config[BUILD_KEY] = Build(
        site,
        site_url=config.site_url or "",
        erstellt=build_time(),
        einstellungen=map_settings(config),
        last_changed=last_changed(root),
        edit_base=edit_base(config),
        vorschau=PROCESS.serving,
    )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in list(files):
        # Material's source maps are for its developers (and name localhost); the sitemap template is
        # copied as is when on_config dropped it from the templates for want of a public address.
        if file.src_uri.endswith(".js.map") or (file.src_uri == urls.SITEMAP and not config.site_url):
            files.remove(file)
        elif is_bundle(file.src_uri):  # the search index loads when a reader opens search (ogi.pages.lazy_search)
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=lazy_bundle(file)))
        elif not file.generated_by:
            file.edit_uri = f"docs/{file.src_uri}"
    menu = menu_uris(config.nav)
    with settled():
        for output in build_outputs(config[BUILD_KEY]):
            # Record pages are reached from their section's index, never from the sidebar; so is the index
            # of an event the menu does not list (MkDocs would name it on every rebuild, in English).
            inclusion = InclusionLevel.INCLUDED if output.uri in menu else InclusionLevel.NOT_IN_NAV
            if output.content is None:
                file = File.generated(config, output.uri, abs_src_path=str(output.path), inclusion=inclusion)
            else:
                file = File.generated(config, output.uri, content=output.content, inclusion=inclusion)
            file.edit_uri = output.source
            files.append(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build: Build = config[BUILD_KEY]
    if page.file.generated_by:
        mark_meta_escaped(page)
    try:
        markdown = fill_markers(markdown, build.site, build.env, build_date(), build.edit_base, build.foerdersummen)
    except UnknownMarker as exc:  # a typo in a hand-written page; template bugs keep their traceback
        raise Abort(flat(f"{page.file.src_uri}: {exc}")) from None
    if not page.file.generated_by:  # record pages show "Stand der Daten" from the record instead
        markdown += last_changed_note(page.file.src_uri, build.last_changed, build.env)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Material's search indexes `tags` of the page meta; they are shown only with its tags plugin (off).
    if is_editors_guide(page.file.src_uri):
        page.meta["search"] = {"exclude": True}  # Material's search skips the page, whatever its front matter
    # Title and description as front matter carries them (HTML-escaped: ogi/text.py meta_text).
    titel = unescape(f"{page.meta.get('title') or page.title or ''}. {page.meta.get('description') or ''}")
    page.meta["tags"] = search_keywords(html, page.meta.get("suchwoerter"), titel)
    return label_cells(html)  # phones show table rows as cards, each cell with its column's name


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # The pages the menu lists, once per build: every page not among them looks up its section here.
    config[BUILD_KEY].menu_pages = {p.file.src_uri: p for p in nav.pages}
    return nav


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:  # Jinja's context

    build: Build = config[BUILD_KEY]
    if not build.site.errors:
        context["ogi_json_ld"] = json_ld(build.site, page.file.src_uri, build.site_url)
    # A page the menu does not list highlights its section's entry (MkDocs marks only listed pages).
    listed = build.menu_pages
    if page.file.src_uri not in listed:
        folders = [daten.ordner for daten in build.site.veranstaltungen]
        section = section_index(page.file.src_uri, listed, folders)
        if section is not None:
            listed[section].active = True
            build.menu_section = listed[section]
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    build: Build = config[BUILD_KEY]
    if isinstance(build.menu_section, Page):  # the navigation is shared by all pages: undo this one's highlight
        build.menu_section.active = False
        build.menu_section = None
    # Maps go into the finished HTML: Markdown and the search index need not parse them.
    return build.karten.insert(output, page.file.src_uri)


def lazy_bundle(file: File) -> str:
    try:
        return lazy_search_bundle(Path(file.abs_src_path or "").read_text(encoding="utf-8"), file.src_uri)
    except BundleChanged as exc:
        raise Abort(flat(str(exc))) from None


def mark_meta_escaped(page: Page) -> None:
    # Generated pages carry title and description HTML-escaped (ogi.records.text.meta_text): Material prints
    # them raw, and as Markup they are not escaped twice where a template does escape.
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = Markup(page.meta[key])


def map_settings(config: MkDocsConfig) -> KartenEinstellungen:
    # extra.karte in mkdocs.yml; OGI_KARTEN=0 in the environment builds without maps.
    try:
        return karten_einstellungen(config.extra.get("karte"))
    except SettingsError as exc:
        raise Abort(flat(f"mkdocs.yml: {exc}")) from None


def edit_base(config: MkDocsConfig) -> str:
    # What MkDocs puts before a file's edit_uri to make a page's edit link (mkdocs.structure.pages).
    if not config.repo_url or not config.edit_uri:
        return ""
    return urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri)


def build_date() -> dt.date:
    # MkDocs honours SOURCE_DATE_EPOCH here, which keeps builds reproducible.
    return dt.date.fromisoformat(get_build_date())


def build_time() -> dt.datetime:
    # The same rule as MkDocs' build date, to the second: calendars carry it as DTSTAMP.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
