"""Shared fixtures: strict builds of the fixture content, the hostile content, the map tests' content and the
shipped content, each served under a subpath, and headless Chromium. Helpers live in tests/helpers.py."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from helpers import (
    CHROMIUM,
    ROOT,
    Tabs,
    copy_project,
    copy_shipped_project,
    mkdocs_build,
    serve,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from helpers import RequestLog
    from karten_fixture import StubServer

# The sites beside the fixture site (built_site), by the fixture that builds each. A test that needs one is
# `slow` (pyproject.toml), so `make test-fast` builds one site per worker. Tests that pick their site by a
# parameter (a PageType's site in tests/helpers.py, a reader task's "shipped") are found by that parameter.
OTHER_SITES = {
    "hostile_site": "feindlich",
    "shipped_project": "shipped",
    "karten_stub": "karten",
    "leser_site": "leser",
    "formats_built": "formats",
    "gross_site": "gross",
}


def other_site(item: pytest.Item) -> str | None:
    """The fixture of the other site `item` needs, if any."""
    needed = [f for f in OTHER_SITES if f in getattr(item, "fixturenames", ())]
    callspec = getattr(item, "callspec", None)
    for value in callspec.params.values() if callspec else ():
        needed += [f for f, name in OTHER_SITES.items() if getattr(value, "site", value) == name]
    return needed[0] if needed else None


@pytest.hookimpl(tryfirst=True)  # before `-m "not slow"` deselects by the marks
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    sites = {item.nodeid: site for item in items if (site := other_site(item))}
    for item in items:
        if item.nodeid in sites:
            item.add_marker(pytest.mark.slow)
    if hasattr(config, "workerinput"):  # an xdist worker: tell the controller's scheduler (below) each test's site
        shared = config._tmp_path_factory.getbasetemp().parent  # type: ignore[attr-defined]
        (shared / f"sites-{config.workerinput['workerid']}.json").write_text(json.dumps(sites), encoding="utf-8")


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:  # xdist's types: untyped
    """`--dist loadfile`, except that all tests on one of the other sites are one unit across their files: one
    worker builds that site, not both. (`--dist loadgroup` would do it by marks, but pytest-xdist 3.8 writes a
    test's group into `item._nodeid`, which pytest 9 no longer reads.)"""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    shared = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]

    class BySite(LoadFileScheduling):  # type: ignore[misc]  # xdist has no type information
        sites: dict[str, str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self.sites is None:  # the workers have collected when the scheduler first asks
                self.sites = {}
                for written in sorted(shared.glob("sites-*.json")):
                    self.sites |= json.loads(written.read_text(encoding="utf-8"))
            return self.sites.get(nodeid) or super()._split_scope(nodeid)

    return BySite(config, log)


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
def built_site_log(fixture_project: Path, server_root: Path, base_url: str) -> str:
    """What the strict build of `built_site` printed."""
    result = mkdocs_build(fixture_project, server_root, site_url=base_url)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.fixture(scope="session")
def built_site(built_site_log: str, server_root: Path) -> Path:
    """The fixture content, built strictly with a site_url that has a path, as served at `base_url`."""
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
    from karten_fixture import make_project, served

    yield from served(tmp_path_factory, "karten", make_project)


@pytest.fixture(scope="session")
def shipped_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("served-shipped")


@pytest.fixture(scope="session")
def shipped_base_url(shipped_root: Path) -> Iterator[str]:
    yield from serve(shipped_root)


@pytest.fixture(scope="session")
def shipped_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content/ as an editor leaves it after a day's work, in a copy of this checkout: one new measure
    from the template (as `make new-project` writes it), one shipped measure and one talk deleted. The shipped
    tests read only this copy, so every run also proves that adding or deleting records never turns CI red."""
    from ogi.editors.scaffold import new_project

    project = copy_shipped_project(tmp_path_factory.mktemp("shipped-projekt") / "projekt")
    # The last measure: deleting the first (Bönen's only one) sends the readers' map task (test_aufgaben_browser)
    # to its fallback, whose tap on a phone's map another Kommune's marker intercepts now and then.
    sorted((project / "content/projects").glob("*.yml"))[-1].unlink()
    sorted(p for p in (project / "content/tagung-2020").glob("*.yml") if p.name != "tagung.yml")[0].unlink()
    new_project(project, "Testmaßnahme", "Herne", dt.date(2026, 1, 2))
    return project


@pytest.fixture(scope="session")
def shipped_site(shipped_project: Path, shipped_root: Path, shipped_base_url: str) -> Path:
    """`shipped_project` built strictly and served at `shipped_base_url`. Its pages' "Zuletzt geändert" dates
    come from this checkout's Git history (the copy has none of its own)."""
    git_dir = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--absolute-git-dir"], capture_output=True, text=True, check=True
    ).stdout.strip()
    result = mkdocs_build(
        shipped_project, shipped_root, site_url=shipped_base_url, GIT_DIR=git_dir, GIT_WORK_TREE=str(shipped_project)
    )
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


@pytest.fixture(scope="module")
def tabs(browser: Browser) -> Iterator[Tabs]:
    """The browser tabs the module's tests visit pages in, one per set of options (tests/helpers.py Tabs)."""
    kept = Tabs(browser)
    yield kept
    kept.close()


@pytest.fixture
def page_with_log(tabs: Tabs, built_site: Path) -> Iterator[tuple[Page, RequestLog]]:
    """A tab for the fixture site whose requests are logged: (page, log)."""
    with tabs.visit() as page_and_log:
        yield page_and_log


# Fixtures of other helper modules, registered here so every test module sees them by parameter name.
from formats_projekt import formats_built  # noqa: E402, F401
from gross_fixture import gross_site  # noqa: E402, F401
from leser_fixture import leser_site, leser_url  # noqa: E402, F401
