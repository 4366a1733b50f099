"""A build without a public address (SITE_URL) publishes no loopback address: links stay relative, and what
needs an absolute address (sitemap, canonical links, the sharing picture, calendar URLs) is left out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytest import TempPathFactory

from helpers import copy_project, mkdocs_build
from ogi.editors.cms import vendored_files

LOOPBACK = re.compile(rb"127\.0\.0\.1|localhost", re.IGNORECASE)
# The editors' guide names the preview address of `make serve` as an instruction, set in code.
CODE = re.compile(rb"<code>.*?</code>", re.DOTALL)


@pytest.fixture(scope="module")
def site_without_address(tmp_path_factory: TempPathFactory) -> tuple[Path, str]:
    project = copy_project(tmp_path_factory.mktemp("ohne-adresse") / "projekt")
    dest = tmp_path_factory.mktemp("ohne-adresse-site")
    result = mkdocs_build(project, dest, site_url=None)
    assert result.returncode == 0, result.stdout + result.stderr
    return dest, result.stdout + result.stderr


@pytest.mark.slow
def test_build_without_site_url_publishes_no_loopback_address(site_without_address: tuple[Path, str]) -> None:
    site, _ = site_without_address
    # Vendored libraries (the forms' Decap CMS) carry their authors' own local defaults in code, not links of ours.
    vendored = {uri for uri, _ in vendored_files()}
    files = [p for p in site.rglob("*") if p.is_file() and p.relative_to(site).as_posix() not in vendored]
    assert len(files) > 50
    found = []
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".html":
            data = CODE.sub(b"", data)
        if LOOPBACK.search(data):
            found.append(path.relative_to(site).as_posix())
    assert found == []


@pytest.mark.slow
def test_build_without_site_url_leaves_out_absolute_addresses_and_says_so(
    site_without_address: tuple[Path, str],
) -> None:
    site, log = site_without_address
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    start = (site / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in start and 'property="og:image"' not in start
    calendar = (site / "tagung-2020/kalender.ics").read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in calendar and not re.search(r"^(URL|ATTACH)[;:]", calendar, re.MULTILINE)
    feed = (site / "neu.atom").read_text(encoding="utf-8")
    assert 'href="massnahmen/test-herne-park/"' in feed  # relative to the feed: right under any subpath
    assert log.count("Keine öffentliche Adresse (SITE_URL) gesetzt") == 1
