"""What a first visit transfers: each page type of a built site opened in headless Chromium, served gzip-compressed.

The site is served on 127.0.0.1 with gzip (level 6) for text files, as GitHub Pages does; Chromium opens each
page in a fresh context (empty cache) and waits until the network is idle. The figure is the sum of
`request.sizes()` (response headers plus the body as transferred) of every request the page made: the HTML and
every same-origin file its start loads (CSS, JS, the search worker, images, data files). Requests to other hosts
are blocked and counted: before consent there must be none. "vorher": the same, with Material's original
bundle in place of the shipped one (ogi.pages.lazy_search), which loads the search index at once.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import importlib.metadata
import mimetypes
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Request, Route

CHROMIUM = "/usr/bin/chromium"
COMPRESSED = (".html", ".css", ".js", ".json", ".geojson", ".svg", ".xml", ".txt", ".ics", ".csv")
INDEX = "search/search_index.json"


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text ones gzip-compressed (level 6) when the client accepts it."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        zipped = path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """`site` served with gzip on a free local port; yields its base URL (ending in /)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class Visit:
    """Bytes transferred (headers + compressed bodies) by a first visit, and what opening search adds."""

    first: int
    search: int  # opening search (key `/`): the index and the files the search worker then loads
    index_at_start: bool  # whether the first visit already requested the search index
    foreign: int  # requests to other hosts (blocked)


@contextmanager
def chromium() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic"],
        )
        try:
            yield browser
        finally:
            browser.close()


def first_visit(browser: Browser, url: str) -> Visit:
    """Open `url` in a fresh context at 1366 × 768, then open search; what each step transferred."""
    context = browser.new_context(locale="de-DE", viewport={"width": 1366, "height": 768})
    finished: list[Request] = []
    foreign: list[str] = []

    def route(route: Route) -> None:
        if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    started: list[Request] = []
    failed: list[Request] = []  # blocked requests to other hosts: counted in `foreign`, no bytes
    context.route("**/*", route)
    context.on("request", lambda request: started.append(request))
    context.on("requestfinished", lambda request: finished.append(request))
    context.on("requestfailed", lambda request: failed.append(request))
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        settle(page, started, finished, failed)
        at_start = list(finished)
        index_at_start = any(r.url.endswith(INDEX) for r in at_start)
        if not index_at_start:
            with page.expect_response(lambda response: response.url.endswith(INDEX)):
                page.locator("body").press("/")
        settle(page, started, finished, failed)
        first = transferred(at_start)
        return Visit(first, transferred(finished) - first, index_at_start, len(foreign))
    finally:
        context.close()


def settle(
    page: Page, started: list[Request], finished: list[Request], failed: list[Request], timeout: float = 60
) -> None:
    """Wait until the page's script is idle and no request is open or new for half a second.

    "networkidle" alone comes too early where a long script runs first (5.000 markers on the overview map)
    and sends its requests after it."""
    deadline = time.monotonic() + timeout
    seen = -1
    while time.monotonic() < deadline:
        page.evaluate("() => new Promise(done => requestIdleCallback(() => done(true)))")
        page.wait_for_timeout(500)
        if len(started) == seen and len(finished) + len(failed) >= len(started):
            return
        seen = len(started)
    raise RuntimeError(f"{page.url}: das Netz kommt nicht zur Ruhe")


def transferred(requests: list[Request]) -> int:
    total = 0
    for request in requests:
        sizes = request.sizes()
        # Chromium reports 0 body bytes for the worker script it fetches: its Content-Length (compressed) counts.
        response = request.response()
        length = int((response and response.headers.get("content-length")) or 0)
        total += sizes["responseHeadersSize"] + max(sizes["responseBodySize"], length)
    return total


def measure(site: Path, pages: dict[str, str], original_bundle: Path) -> dict[str, tuple[Visit, Visit]]:
    """Per page type: (the first visit as built, the first visit with Material's original bundle)."""
    (bundle,) = (site / "assets/javascripts").glob("bundle.*.min.js")
    shipped = bundle.read_bytes()
    results: dict[str, list[Visit]] = {kind: [] for kind in pages}
    with chromium() as browser, served(site) as base:
        for content in (shipped, original_bundle.read_bytes()):
            bundle.write_bytes(content)
            for kind, page in pages.items():
                results[kind].append(first_visit(browser, base + page.removesuffix("index.html")))
    bundle.write_bytes(shipped)
    return {kind: (after, before) for kind, (after, before) in results.items()}


def material_bundle() -> Path:
    """Material's own script bundle, as installed."""
    templates = Path(str(importlib.metadata.distribution("mkdocs-material").locate_file("material/templates")))
    (bundle,) = (templates / "assets/javascripts").glob("bundle.*.min.js")
    return bundle
