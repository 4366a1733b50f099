"""Shared fixtures: strict builds of the fixture content and of the shipped content, served under a subpath,
and headless Chromium. Helpers (parsing, project copies) live in tests/helpers.py."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import CHROMIUM, ROOT, SUBPATH, copy_project, mkdocs_build


class SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only below `prefix`, like a GitHub Pages project site; 404.html for the rest."""

    prefix = SUBPATH

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_subpath__")
        return super().translate_path("/" + clean[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
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

    def log_message(self, *args) -> None:
        pass


def serve(directory: Path, handler: type[SubpathHandler] = SubpathHandler) -> Iterator[str]:
    """Serve `directory` on a free local port below the handler's prefix; yields the base URL (ending in /)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{handler.prefix}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def server_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("served")


@pytest.fixture(scope="session")
def base_url(server_root) -> Iterator[str]:
    yield from serve(server_root)


@pytest.fixture(scope="session")
def fixture_project(tmp_path_factory) -> Path:
    """The repository's sources with the fixture content (tests/fixtures/site/content); read-only for tests."""
    return copy_project(tmp_path_factory.mktemp("fixture-projekt") / "projekt")


@pytest.fixture(scope="session")
def built_site(fixture_project, server_root, base_url) -> Path:
    """The fixture content, built strictly with a site_url that has a path, as served at `base_url`."""
    result = mkdocs_build(fixture_project, server_root, site_url=base_url)
    assert result.returncode == 0, result.stdout + result.stderr
    return server_root


@pytest.fixture(scope="session")
def shipped_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("served-shipped")


@pytest.fixture(scope="session")
def shipped_base_url(shipped_root) -> Iterator[str]:
    yield from serve(shipped_root)


@pytest.fixture(scope="session")
def shipped_site(shipped_root, shipped_base_url) -> Path:
    """The repository as it is (shipped content/, whatever editors made of it), built strictly and served at
    `shipped_base_url`. Built in place, not copied: "Zuletzt geändert" needs the Git history."""
    result = mkdocs_build(ROOT, shipped_root, site_url=shipped_base_url)
    assert result.returncode == 0, result.stdout + result.stderr
    return shipped_root


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} fehlt: `apt-get install chromium` (Debian) installiert ihn")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield browser
        browser.close()


def axe_violations(page) -> list[str]:
    """axe-core's findings on the page as short lines (rule id and the first places), [] when clean."""
    from axe_playwright_python.sync_playwright import Axe

    # Material fades the header title in and out while scrolling (a click on a map scrolls it into
    # view); mid-fade, axe measures half-transparent text. Judge the page as it rests.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=5000)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in Axe().run(page).response["violations"]]


class RequestLog:
    """Every request a page makes; anything not to 127.0.0.1 is recorded and blocked."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.foreign: list[str] = []

    def route(self, route) -> None:
        url = route.request.url
        self.urls.append(url)
        if url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


def logged_page(browser, **context_options):
    """A new page whose requests are logged (and blocked when they leave 127.0.0.1); yields (page, log)."""
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}, **context_options)
    log = RequestLog()
    context.route("**/*", log.route)
    page = context.new_page()
    yield page, log
    context.close()


@pytest.fixture
def page_with_log(browser, built_site):
    yield from logged_page(browser)


# Fixtures of other helper modules, registered here so every test module sees them by parameter name.
from leser_fixture import leser_site, leser_url  # noqa: E402, F401
