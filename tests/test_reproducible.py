"""Two builds of the same tree are byte-identical."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image

from betreiber_fixture import BETREIBER_VOLLSTAENDIG, project_with
from helpers import mkdocs_build


def _digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    project = project_with(tmp_path, BETREIBER_VOLLSTAENDIG)  # a public address needs the legal data
    # A photo in place of the fixture's tiny image: its sizes are encoded anew in each build (ogi.records.bilder).
    Image.linear_gradient("L").resize((2000, 1500)).convert("RGB").save(
        project / "content/projects/bilder/test-bild.png"
    )
    for dest in (first, second):
        result = mkdocs_build(project, dest, site_url="https://example.org/gruene-infrastruktur/")
        assert result.returncode == 0, result.stdout + result.stderr
    a, b = _digests(first), _digests(second)
    assert len(a) > 50
    assert {"massnahmen/bilder/test-bild-480.png", "massnahmen/bilder/test-bild-960.png"} <= a.keys()
    assert [name for name in a if a[name] != b.get(name)] == []
    assert a.keys() == b.keys()
