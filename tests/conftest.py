"""Shared fixtures: a strict build of the shipped content, served under a subpath, and headless Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
SUBPATH = "/gruene-infrastruktur/"  # as on GitHub Pages: https://org.github.io/<repo>/
BUILD_EPOCH = "1764000000"
TEST_REPO_URL = "https://github.com/beispiel/gruene-infrastruktur"  # test data: the operator sets the real one


def mkdocs_build(project: Path, dest: Path, site_url: str = "http://127.0.0.1:8000/", **env: str) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` on `project` into `dest`."""
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH, "SITE_URL": site_url,
                                "REPO_URL": TEST_REPO_URL} | env
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project / "mkdocs.yml"),
         "--site-dir", str(dest)],
        capture_output=True, text=True, env=environment, cwd=project,
    )


def copy_project(dest: Path) -> Path:
    """A copy of the project's sources (no venv, no build output) to change freely in a test."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "content", "hooks", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    return dest


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


@pytest.fixture(scope="session")
def server_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("served")


@pytest.fixture(scope="session")
def http_server(server_root):
    handler = functools.partial(SubpathHandler, directory=str(server_root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


@pytest.fixture(scope="session")
def base_url(http_server) -> str:
    return f"http://127.0.0.1:{http_server.server_port}{SUBPATH}"


@pytest.fixture(scope="session")
def built_site(server_root, base_url) -> Path:
    """The shipped content, built strictly with a site_url that has a path, as served in the tests."""
    result = mkdocs_build(ROOT, server_root, site_url=base_url)
    assert result.returncode == 0, result.stderr
    return server_root


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


@pytest.fixture
def page_with_log(browser, built_site):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    log = RequestLog()
    context.route("**/*", log.route)
    page = context.new_page()
    yield page, log
    context.close()


# Fixtures of other helper modules, registered here so every test module sees them by parameter name.
from leser_fixture import leser_site, leser_url  # noqa: E402, F401
