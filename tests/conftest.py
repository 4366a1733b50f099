"""Shared fixtures: strict builds of the fixture content, the hostile content, the map tests' content and the
shipped content, each served under a subpath, and headless Chromium. Helpers live in tests/helpers.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from helpers import (
    CHROMIUM,
    ROOT,
    copy_project,
    logged_page,
    mkdocs_build,
    serve,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from helpers import RequestLog
    from karten_fixture import StubServer


@pytest.fixture(scope="session")
def server_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("served")


@pytest.fixture(scope="session")
def base_url(server_root: Path) -> Iterator[str]:
    yield from serve(server_root)


@pytest.fixture(scope="session")
def fixture_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's sources with the fixture content (tests/fixtures/site/content); read-only for tests."""
    return copy_project(tmp_path_factory.mktemp("fixture-projekt") / "projekt")


@pytest.fixture(scope="session")
def built_site(fixture_project: Path, server_root: Path, base_url: str) -> Path:
    """The fixture content, built strictly with a site_url that has a path, as served at `base_url`."""
    result = mkdocs_build(fixture_project, server_root, site_url=base_url)
    assert result.returncode == 0, result.stdout + result.stderr
    return server_root


@pytest.fixture(scope="session")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture content plus the hostile records of tests/hostile.py."""
    from hostile import write_hostile_content

    project = copy_project(tmp_path_factory.mktemp("feindlich"))
    write_hostile_content(project)
    return project


@pytest.fixture(scope="session")
def hostile_site(hostile_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The hostile project built strictly and served: (site directory, base URL)."""
    root = tmp_path_factory.mktemp("feindlich-site")
    for base_url in serve(root):
        result = mkdocs_build(hostile_project, root, site_url=base_url)
        assert result.returncode == 0, result.stderr
        yield root, base_url


@pytest.fixture(scope="session")
def karten_stub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StubServer]:
    """The map tests' project (tests/karten_fixture.py) built and served with a local tile server."""
    from karten_fixture import StubServer, build, make_project

    served = tmp_path_factory.mktemp("karten-site")
    server = StubServer(served)
    build(make_project(tmp_path_factory.mktemp("karten-projekt")), served, server.origin)
    yield server
    server.server.shutdown()


@pytest.fixture(scope="session")
def shipped_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("served-shipped")


@pytest.fixture(scope="session")
def shipped_base_url(shipped_root: Path) -> Iterator[str]:
    yield from serve(shipped_root)


@pytest.fixture(scope="session")
def shipped_site(shipped_root: Path, shipped_base_url: str) -> Path:
    """The repository as it is (shipped content/, whatever editors made of it), built strictly and served at
    `shipped_base_url`. Built in place, not copied: "Zuletzt geändert" needs the Git history."""
    result = mkdocs_build(ROOT, shipped_root, site_url=shipped_base_url)
    assert result.returncode == 0, result.stdout + result.stderr
    return shipped_root


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} fehlt: `apt-get install chromium` (Debian) installiert ihn")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page_with_log(browser: Browser, built_site: Path) -> Iterator[tuple[Page, RequestLog]]:
    """A page for the fixture site whose requests are logged: (page, log)."""
    with logged_page(browser) as page_and_log:
        yield page_and_log


# Fixtures of other helper modules, registered here so every test module sees them by parameter name.
from leser_fixture import leser_site, leser_url  # noqa: E402, F401
