"""Test helpers in one place: project copies and builds, queries on the one HTML parser, URL resolution, the
local server, and the browser checks (axe-core, requests to other hosts).

Tests build the generator on the fixture content in tests/fixtures/site/content (records of the tests' own)
and check the shipped content/ only for what holds for any valid content (tests/test_shipped_content.py).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import unquote, urljoin, urlsplit

from bench.htmltree import Node, parse_html
from bench.synthetic import copy_sources
from hostile import HOSTILE_SLUG, HOSTILE_TALK

if TYPE_CHECKING:
    from playwright.sync_api import Browser, CDPSession, Page, Request, Route, ViewportSize

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_ROOT = ROOT / "tests/fixtures/site"  # a project root holding only content/: load_site() reads it as is
FIXTURE_CONTENT = FIXTURE_ROOT / "content"
STANDARDS = ROOT / "tests/standards"
CHROMIUM = "/usr/bin/chromium"
SUBPATH = "/gruene-infrastruktur/"  # as on GitHub Pages: https://org.github.io/<repo>/
BUILD_EPOCH = "1764000000"
TEST_REPO_URL = "https://github.com/beispiel/gruene-infrastruktur"  # test data: the operator sets the real one
TAGUNG = "content/tagung-2020"
T = TypeVar("T")


# --- projects and builds --------------------------------------------------------------------------------


def copy_project(dest: Path, content: Path = FIXTURE_CONTENT) -> Path:
    """A project at `dest` to change freely in a test: the repository's sources plus `content` (fixture by default)."""
    return copy_sources(dest, ROOT, content)


def copy_shipped_project(dest: Path) -> Path:
    """Like copy_project, with the shipped content/ (for checks that hold for any valid content)."""
    return copy_project(dest, ROOT / "content")


def ogi_command(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m ogi <args> --root <root>` run in this process (from `root`, without GITHUB_ACTIONS unless `env`
    sets it): the command's exit code and output, without a new interpreter's two seconds of imports. One test
    per command runs the real command line (`make …` or `python -m ogi`)."""
    import contextlib
    import io
    from unittest import mock

    from ogi.__main__ import main

    stdout, stderr = io.StringIO(), io.StringIO()
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | env
    with (
        mock.patch.dict(os.environ, environment, clear=True),
        contextlib.chdir(root),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
    ):
        try:
            code = main([*args, "--root", str(root)])
        except SystemExit as stop:  # argparse refuses a wrong command line this way
            code = stop.code if isinstance(stop.code, int) else 1
    return subprocess.CompletedProcess(["python", "-m", "ogi", *args], code, stdout.getvalue(), stderr.getvalue())


def mkdocs_build(
    project: Path, dest: Path, site_url: str | None = "http://127.0.0.1:8000/", **env: str
) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build --strict` on `project` into `dest` (`site_url` None: without SITE_URL)."""
    environment = (
        os.environ
        | {
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": BUILD_EPOCH,
            "SITE_URL": site_url or "",
            "REPO_URL": TEST_REPO_URL,
        }
        | env
    )
    if site_url is None:
        del environment["SITE_URL"]
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(project / "mkdocs.yml"),
            "--site-dir",
            str(dest),
        ],
        capture_output=True,
        text=True,
        env=environment,
        cwd=project,
    )


def replace_in(path: Path, old: str, new: str) -> Path:
    """Replace the one occurrence of `old` in a text file; fails loudly when the fixture no longer has it."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path}: {old!r} kommt {text.count(old)}-mal vor"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def line_of(path: Path, line: str) -> int:
    """The 1-based number of the line `line` in a text file."""
    return path.read_text(encoding="utf-8").splitlines().index(line) + 1


def append_to_record(project: Path, name: str, yaml_text: str) -> int:
    """Append top-level keys to content/tagung-2020/<name>.yml; returns the number of its first new line."""
    record = project / TAGUNG / f"{name}.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text + yaml_text, encoding="utf-8")
    return text.count("\n") + 1


def fake_pdf(path: Path, size: int) -> Path:
    """A file that starts like a PDF and has `size` bytes (sparse, so large ones cost no disk)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.4\n%test\n")
        handle.truncate(size)
    return path


# --- HTML: one parser into a small tree (bench/htmltree.py), and the queries the tests need -------------


def article(path: Path) -> Node:
    """The page's content (Material's <article>), without navigation, header and footer."""
    found = parse_html(path).find("article")
    assert found is not None, f"{path}: kein <article>"
    return found


def article_links(path: Path) -> list[Node]:
    """Links of the page's content, in order (heading permalinks left out)."""
    return [a for a in article(path).find_all("a") if "headerlink" not in a.classes]


def article_elements(path: Path) -> list[Node]:
    """Headings (h1–h4) and links of the page's content in document order (heading permalinks left out)."""
    return [n for n in article(path).find_all("a", "h1", "h2", "h3", "h4") if "headerlink" not in n.classes]


def headings(path: Path, tag: str) -> list[Node]:
    """Headings `tag` ("h2", …) of the page's content, in order."""
    return article(path).find_all(tag)


def facts(source: Path | Node) -> dict[str, str]:
    """The fact lists of a page (or of a part of it): label (<dt>) -> text (<dd>), e.g. {'Art': 'Workshop'}."""
    pairs: dict[str, str] = {}
    for dl in (source if isinstance(source, Node) else parse_html(source)).find_all("dl"):
        label = None
        for child in dl.children:
            if isinstance(child, Node) and child.tag == "dt":
                label = child.text
            elif isinstance(child, Node) and child.tag == "dd" and label is not None:
                pairs[label] = child.text
    return pairs


def nav_links(path: Path) -> list[Node]:
    """Links of the site navigation (sidebar)."""
    return parse_html(path).find_all("a", cls="md-nav__link")


def tables(path: Path) -> list[list[list[str]]]:
    """Every table of the page as rows of cell texts."""
    return [
        [[cell.text for cell in row.find_all("td", "th")] for row in table.find_all("tr")]
        for table in parse_html(path).find_all("table")
    ]


def within(root: Node, *tags: str) -> list[Node]:
    """Links (<a href>) inside any element `tags` (e.g. "nav", "footer"), each once, in document order."""
    inside = {id(a) for container in root.find_all(*tags) for a in container.find_all("a")}
    return [a for a in root.find_all("a") if id(a) in inside and a.href]


@dataclass
class HtmlPage:
    """What the link check and the page checks read from a built page."""

    path: Path
    title: str = ""
    h1: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # href of <a>, src/href of assets
    edit_url: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


def parse_page(path: Path) -> HtmlPage:
    """Title, h1 texts, ids, links and assets, edit link and <meta name> of a built page."""
    root = parse_html(path)
    page = HtmlPage(path)
    title = root.find("title")
    page.title = title.text if title else ""
    for n in root.iter():
        a = n.attrs
        if "id" in a:
            page.ids.add(a["id"])
        if n.tag == "a" and a.get("name"):
            page.ids.add(a["name"])
        if n.tag == "a" and a.get("href"):
            page.links.append(a["href"])
            if a.get("rel") == "edit":
                page.edit_url = a["href"]
        if n.tag in ("script", "img", "iframe") and a.get("src"):
            page.links.append(a["src"])
        if n.tag == "link" and a.get("href") and a.get("rel") in ("stylesheet", "icon"):
            page.links.append(a["href"])
        if n.tag == "meta" and a.get("name"):
            page.meta[a["name"]] = a.get("content", "")
        if n.tag == "h1":
            page.h1.append(n.text)
    return page


def asset_urls(source: Path | str) -> list[str]:
    """src/href of every <script>, <link> and <img>: what a page loads."""
    elements = parse_html(source).find_all("script", "link", "img")
    return [url for n in elements if (url := n.attrs.get("src") or n.attrs.get("href"))]


# --- URLs of the built site ------------------------------------------------------------------------------


def page_url(site: Path, path: Path, base: str) -> str:
    """The URL a file of the built site is served at, below `base` (ending in /)."""
    rel = path.relative_to(site).as_posix()
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return base + rel


def resolve(site: Path, base: str, from_url: str, href: str) -> tuple[Path | None, str]:
    """The file a same-site link points to (None if outside the site) and its fragment."""
    absolute = urljoin(from_url, href)
    parts = urlsplit(absolute)
    if not absolute.startswith(base):
        return None, ""
    rel = unquote(parts.path[len(urlsplit(base).path) :])
    target = site / rel
    if rel == "" or rel.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


def target(site: Path, page: Path, href: str) -> Path:
    """The file a relative link on `page` (a file of the built site) points to."""
    base = "http://site/"
    found, _ = resolve(site, base, page_url(site, page, base), href)
    assert found is not None, href
    return found


# --- checks that hold for every built site (fixture and shipped) ----------------------------------------


def broken_links(site: Path, base: str) -> tuple[int, list[str]]:
    """Check every internal link and anchor of a built site served at `base`: (links checked, broken ones)."""
    pages = {p: parse_page(p) for p in site.rglob("*.html")}
    broken = []
    checked = 0
    for path, page in pages.items():
        here = page_url(site, path, base)
        for href in page.links:
            if href.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            found, fragment = resolve(site, base, here, href)
            if found is None:
                if href.startswith("http://127.0.0.1"):
                    broken.append(f"{path.relative_to(site)} → {href} (verlässt den Unterpfad)")
                continue
            checked += 1
            if not found.is_file():
                broken.append(f"{path.relative_to(site)} → {href} (keine Datei)")
            elif fragment and found.suffix == ".html":
                ids = pages[found].ids if found in pages else parse_page(found).ids
                if fragment not in ids:
                    broken.append(f"{path.relative_to(site)} → {href} (Anker fehlt)")
    return checked, broken


def heading_and_description_problems(site: Path) -> list[str]:
    """Pages of a built site without exactly one h1 or without a description (404.html aside)."""
    problems = []
    for path in sorted(site.rglob("*.html")):
        if path.name == "404.html":
            continue
        page = parse_page(path)
        if len(page.h1) != 1:
            problems.append(f"{path.relative_to(site)}: {len(page.h1)} h1")
        if not page.meta.get("description"):
            problems.append(f"{path.relative_to(site)}: keine Beschreibung")
    return problems


# --- serving a built site ---------------------------------------------------------------------------------


class SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only below `prefix`, like a GitHub Pages project site; 404.html for the rest."""

    prefix = SUBPATH

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_subpath__")
        return super().translate_path("/" + clean[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, *args: object) -> None:
        pass


def start_server(directory: Path, handler: type[SubpathHandler] = SubpathHandler) -> http.server.ThreadingHTTPServer:
    """Serve `directory` on a free local port in a background thread (stop it with .shutdown())."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()  # quick shutdown
    return server


def serve(directory: Path, handler: type[SubpathHandler] = SubpathHandler) -> Iterator[str]:
    """Serve `directory` below the handler's prefix while the generator runs; yields the base URL (ending in /)."""
    server = start_server(directory, handler)
    try:
        yield f"http://127.0.0.1:{server.server_port}{handler.prefix}"
    finally:
        server.shutdown()


@contextmanager
def mkdocs_serve(project: Path, log: Path, **env: str) -> Iterator[str]:
    """The preview as `make serve` runs it (`mkdocs serve`, with the editors' preview-only pages) on a free local
    port; yields its base URL (ending in /) at once: wait for a page with `wait_for`. Its output goes to `log`."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1", "SITE_URL": base} | env
    with log.open("w") as output:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "--livereload",
                "--dev-addr",
                f"127.0.0.1:{port}",
                "--config-file",
                str(project / "mkdocs.yml"),
            ],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=environment,
        )
        try:
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)


def get_text(url: str) -> str:
    """The body of a page of a local server, as text."""
    with urllib.request.urlopen(url, timeout=5) as response:
        body: bytes = response.read()
        return body.decode("utf-8")


def wait_for(predicate: Callable[[], object], seconds: float = 30.0) -> bool:
    """Poll `predicate` until it holds (True) or `seconds` pass (False); a refused connection counts as not yet."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


# --- in the browser: requests to other hosts, axe-core ------------------------------------------------------


class RequestLog:
    """Every request a page makes (`urls`, from the context's `request` event); anything not to 127.0.0.1 is
    recorded (`foreign`) and blocked (`route`, with FOREIGN as its pattern: logged_page)."""

    # Only requests this matches are routed through Python: a route handler for every request held each of
    # them for a round trip to the test process (~0.1 s a page). Playwright matches it in its driver.
    FOREIGN = re.compile(r"^(?!http://127\.0\.0\.1[:/]|data:|blob:|about:)")

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.foreign: list[str] = []

    def clear(self) -> None:
        """Forget what was asked so far: a tab shared by several tests starts each test with an empty log."""
        self.urls.clear()
        self.foreign.clear()

    def request(self, request: Request) -> None:
        self.urls.append(request.url)

    def route(self, route: Route) -> None:
        url = route.request.url
        if self.FOREIGN.search(url):
            self.foreign.append(url)
            route.abort()
        else:  # only when routed with a wider pattern than FOREIGN
            route.continue_()


@contextmanager
def logged_page(
    browser: Browser, viewport: ViewportSize | None = None, **options: Any
) -> Iterator[tuple[Page, RequestLog]]:
    """A new page (German, 1280×900 unless `viewport` says otherwise; `options` as Playwright's `new_context`
    takes them, e.g. is_mobile) whose requests are logged and blocked when they leave 127.0.0.1: (page, log)."""
    context = browser.new_context(locale="de-DE", viewport=viewport or {"width": 1280, "height": 900}, **options)
    log = RequestLog()
    context.on("request", log.request)
    context.route(RequestLog.FOREIGN, log.route)
    try:
        yield context.new_page(), log
    finally:
        context.close()


class Tabs:
    """Browser tabs kept for the tests of one module (the `tabs` fixture, tests/conftest.py), one per set of
    `logged_page` options: a new tab costs Chromium about a second of CPU (a renderer started, the theme's
    scripts and axe-core compiled again), more than most pages a test visits in it; with a tab per test that
    was a third of the suite's time on 2 cores. `visit` hands a test the tab as a fresh one would be."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self._stack = ExitStack()
        self._open: dict[str, tuple[Page, RequestLog, CDPSession]] = {}
        self._busy: set[str] = set()

    @contextmanager
    def visit(
        self, listeners: Mapping[str, Callable[[Any], None]] | None = None, **options: Any
    ) -> Iterator[tuple[Page, RequestLog]]:
        """The module's tab for `options` (those of `logged_page`) with an empty request log and, for this visit
        only, `listeners` (page events by name); a script error in it fails the test. Afterwards the storage of
        every site it asked (the map consent) is cleared, its size, its page routes and the mouse are as before,
        and any page it opened is closed."""
        key = json.dumps(options, sort_keys=True)
        if key in self._busy:
            raise RuntimeError(f"Tabs.visit({key}) ist schon geöffnet: zwei Besuche teilten sich einen Tab")
        if key not in self._open or self._open[key][0].is_closed():
            page, log = self._stack.enter_context(logged_page(self.browser, **options))
            self._open[key] = (page, log, page.context.new_cdp_session(page))
        self._busy.add(key)
        page, log, cdp = self._open[key]
        log.clear()
        size = page.viewport_size
        errors: list[str] = []
        added = {"pageerror": lambda error: errors.append(str(error)), **(listeners or {})}
        for event, listener in added.items():
            page.on(event, listener)  # type: ignore[call-overload]  # Playwright types each event's listener
        try:
            yield page, log
        finally:
            self._busy.discard(key)
            for event, listener in added.items():
                page.remove_listener(event, listener)
            for origin in sorted({_origin(url) for url in log.urls} - {""}):
                cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": STORAGE})
            page.context.clear_cookies()
            for opened in page.context.pages:
                if opened != page:
                    opened.close()
            page.unroute_all()
            page.mouse.move(0, 0)
            if size and page.viewport_size != size:
                page.set_viewport_size(size)
        assert errors == []

    def close(self) -> None:
        self._stack.close()


# What a test can leave in a kept tab's sites for the next one. Not the HTTP cache: a reader's browser keeps it.
STORAGE = "cookies,local_storage,indexeddb,cache_storage,service_workers,file_systems"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""


# Every map of the page drawn: its outlines, on an overview of measures also its measures. What a reader sees once
# the page has settled, known without waiting for the network's idle half second after the last request.
MAPS_DRAWN = """() => [...document.querySelectorAll('.ogi-karte')].every(karte =>
    karte.querySelector('[data-ogi-grundkarte]') &&
    (!karte.matches('.ogi-karte--uebersicht:not(.ogi-karte--kommunen)') || karte.querySelector('[data-ogi-geladen]')))"""


def goto_drawn(page: Page, url: str) -> None:
    """Open `url` and wait until it has loaded and its maps are drawn (MAPS_DRAWN)."""
    page.goto(url)
    page.wait_for_function(MAPS_DRAWN)


def axe_violations(page: Page) -> list[str]:
    """axe-core's findings on the page as short lines (rule id and the first places), [] when clean."""
    from axe_playwright_python.sync_playwright import Axe

    # Material fades the header title in and out while scrolling (a click on a map scrolls it into
    # view); mid-fade, axe measures half-transparent text. Judge the page as it rests.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=5000)
    violations = Axe().run(page).response["violations"]  # axe-core's JSON report: untyped
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations]


# --- the page types of the test sites and what the browser checks on each ----------------------------------


@dataclass(frozen=True)
class PageType:
    """A kind of page on one of the built test sites. Every one must answer with `status`, have one h1, ask no
    other host, load every asset it names and run no script from content (tests/test_browser.py)."""

    site: str  # "fixture" (tests/fixtures/site), "feindlich" (tests/hostile.py), "karten" (tests/karten_fixture.py)
    path: str
    status: int = 200
    wait_for: str | None = None  # a selector to wait for before the checks (e.g. a map filled by script)
    axe: bool = True  # axe-core finds nothing
    consent: bool = False  # a map page: axe-core again once the reader allowed the background map
    tab_through: bool = False  # tab through the page first: focus handlers from content would fire


MAP_LOADED = ".ogi-karte [data-ogi-geladen]"
GUIDE = (
    "",
    "massnahme/",
    "beitrag/",
    "bilder/",
    "feldreferenz/",
    "fehlermeldungen/",
    "veroeffentlichen/",
    "was-noch-fehlt/",
)

# One row per kind of page and site; the site's own tests read their rows from here (test_hostile.py,
# test_maps_browser.py) by the prefix of the name.
PAGE_TYPES: dict[str, PageType] = {
    # The fixture site: generated pages, hand-written pages, the editors' guide, the 404 page.
    "start": PageType("fixture", ""),
    "inhaltsseite": PageType("fixture", "offensive/bausteine/"),
    "zeitleiste": PageType("fixture", "offensive/meilensteine/"),
    "massnahmen-index": PageType("fixture", "massnahmen/", wait_for=MAP_LOADED),
    "massnahme-kommune": PageType("fixture", "massnahmen/test-herne-park/"),
    "massnahme-punkt": PageType("fixture", "massnahmen/test-punkt-exakt/"),
    "massnahme-linie": PageType("fixture", "massnahmen/test-linie-ungefaehr/"),
    "massnahme-flaeche": PageType("fixture", "massnahmen/test-flaeche-exakt/"),
    "kommunen-index": PageType("fixture", "kommunen/"),
    "kommune": PageType("fixture", "kommunen/herne/", wait_for=MAP_LOADED),
    "tagung": PageType("fixture", "tagung-2020/"),
    "beitrag": PageType("fixture", "tagung-2020/test-grusswort/"),
    "beitrag-mit-zeit": PageType("fixture", "tagung-2020/test-vortrag-mit-zeit/"),
    "referierende": PageType("fixture", "tagung-2020/referierende/"),
    "session": PageType("fixture", "tagung-2020/sessions/plenum/"),
    "neu-und-geaendert": PageType("fixture", "neu/"),
    "kontakt": PageType("fixture", "kontakt/"),
    "impressum": PageType("fixture", "impressum/"),
    "datenschutz": PageType("fixture", "datenschutz/"),
    "barrierefreiheit": PageType("fixture", "barrierefreiheit/"),
    "leichte-sprache": PageType("fixture", "leichte-sprache/"),
    **{f"redaktion-{name or 'start'}": PageType("fixture", f"redaktion/{name}") for name in GUIDE},
    "nicht-gefunden": PageType("fixture", "gibt-es-nicht/", status=404),
    # The hostile records among the fixture content: every page type that shows them.
    **{
        f"feindlich-{name}": PageType(
            "feindlich", path, status=404 if name == "nicht-gefunden" else 200, tab_through=True
        )
        for name, path in {
            "start": "",
            "massnahmen-index": "massnahmen/",
            "massnahme": f"massnahmen/{HOSTILE_SLUG}/",
            "kommune": "kommunen/herne/",
            "kommunen-index": "kommunen/",
            "tagung": "tagung-2020/",
            "beitrag": f"tagung-2020/{HOSTILE_TALK}/",
            "referierende": "tagung-2020/referierende/",
            "zeitleiste": "offensive/meilensteine/",
            "impressum": "impressum/",
            "kontakt": "kontakt/",
            "nicht-gefunden": "gibt-es-nicht/",
        }.items()
    },
    # The map tests' site: one of each map page type (before and after consent), and the consent's withdrawal.
    **{
        f"karte-{name}": PageType("karten", path, consent=True)
        for name, path in {
            "uebersicht": "massnahmen/",
            "massnahme": "massnahmen/ob-1/",
            "kommune": "kommunen/oberhausen/",
            "kommunen": "kommunen/",
        }.items()
    },
    "karte-datenschutz": PageType("karten", "datenschutz/"),
}


def page_types(site: str) -> dict[str, PageType]:
    """The rows of `site` in PAGE_TYPES by their name without the site prefix (e.g. "massnahme")."""
    prefix = {"feindlich": "feindlich-", "karten": "karte-"}.get(site, "")
    return {name.removeprefix(prefix): t for name, t in PAGE_TYPES.items() if t.site == site}


# --- for the type checker: what a test expects to be there ---------------------------------------------------


def present(value: T | None) -> T:
    """`value`, failing the test where it is missing (None): a found element, a match, a record."""
    assert value is not None
    return value


def geojson_positions(geometry: dict[str, Any]) -> list[list[float]]:
    """Every position of a GeoJSON Point, LineString or Polygon, as json.loads reads it (untyped)."""
    coordinates = geometry["coordinates"]
    positions: list[list[float]]
    if geometry["type"] == "Point":
        positions = [coordinates]
    elif geometry["type"] == "LineString":
        positions = coordinates
    else:
        positions = [p for ring in coordinates for p in ring]
    return positions


def as_text(content: str | bytes | None) -> str:
    """The content of a generated text file (Markdown, HTML, JSON) as the generator made it."""
    assert isinstance(content, str), content
    return content


def as_bytes(content: str | bytes | None) -> bytes:
    """The content of a generated binary file (XLSX, images)."""
    assert isinstance(content, bytes), content
    return content
