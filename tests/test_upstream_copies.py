"""Copied upstream templates: an upgrade of Material or MkDocs that changes an original is noticed.

overrides/ holds whole copies of a few upstream files, each changed in a few lines. When Dependabot raises
Material or MkDocs and the original changes, the copy would silently keep the old markup (and whatever the
upgrade fixed). This test records, for the pinned versions, the hash of each original our copy came from;
it fails naming the file, so the upgrade merges the upstream change into the copy and records the new hash.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from pathlib import Path

import pytest

from helpers import present

ROOT = Path(__file__).parent.parent

# copy in overrides/ -> (distribution, its package, path inside the package, version copied from, sha256)
COPIES = {
    "partials/header.html": (
        "mkdocs-material",
        "material",
        "templates/partials/header.html",
        "9.8.1",
        "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
    ),
    "partials/logo.html": (
        "mkdocs-material",
        "material",
        "templates/partials/logo.html",
        "9.8.1",
        "e0925ef6c190174a5162ed1ecc55295016dd8a7beec3018db3e04aac283a2dd9",
    ),
    "partials/search.html": (
        "mkdocs-material",
        "material",
        "templates/partials/search.html",
        "9.8.1",
        "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
    ),
    "partials/source.html": (
        "mkdocs-material",
        "material",
        "templates/partials/source.html",
        "9.8.1",
        "6847616d67be4920d39c278c2799bf20222bbc02ee2a8393aca85e3eaa518752",
    ),
    "sitemap.xml": (
        "mkdocs",
        "mkdocs",
        "templates/sitemap.xml",
        "1.6.1",
        "0950766d642ac999c74b68150a39a961a5103bda5e2d9d7747f4c06522c11b18",
    ),
}

# Material's script bundle, shipped changed in two places (hooks/ogi/pages/lazy_search.py): version, sha256.
# The build stops when a place is missing; this notices an upgrade that keeps both places but may load the
# search index elsewhere.
PATCHED_BUNDLE = ("9.8.1", "b9a1ef14b5e91ad61fa8d7dd42e1f55e6af0ebd224bc8970dff0e7d7311b172f")


def _upstream(package: str, inner: str) -> Path:
    module = __import__(package)
    return Path(present(module.__file__)).parent / inner


@pytest.mark.parametrize("copy", sorted(COPIES))
def test_copied_template_matches_the_installed_upstream_original(copy: str) -> None:
    distribution, package, inner, version, recorded = COPIES[copy]
    original = _upstream(package, inner)
    actual = hashlib.sha256(original.read_bytes()).hexdigest()
    installed = importlib.metadata.version(distribution)
    assert actual == recorded, (
        f"overrides/{copy} is a copy of {distribution} {version}'s {inner}, which {distribution} {installed} "
        f"changed: merge the upstream change into the copy, then record version {installed} and sha256 {actual} "
        "in tests/test_upstream_copies.py"
    )


def test_every_copy_in_overrides_is_recorded_and_still_in_use() -> None:
    """A new copy in overrides/ gets a row here; a row without its copy is dropped."""
    copies = {p.relative_to(ROOT / "overrides").as_posix() for p in (ROOT / "overrides").rglob("*") if p.is_file()}
    # Files of our own: they extend Material's templates instead of copying them.
    own = {"main.html", "404.html", "partials/copyright.html"}
    assert copies - own == set(COPIES)


def test_the_drift_check_names_a_changed_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check fails, with the file's name, when the installed original differs from the recorded one."""
    changed = tmp_path / "header.html"
    changed.write_text("<header>upgraded</header>", encoding="utf-8")
    monkeypatch.setitem(globals(), "_upstream", lambda package, inner: changed)
    with pytest.raises(AssertionError, match=r"overrides/partials/header\.html is a copy of mkdocs-material 9\.8\.1"):
        test_copied_template_matches_the_installed_upstream_original("partials/header.html")


def test_patched_bundle_matches_the_installed_upstream_original() -> None:
    version, recorded = PATCHED_BUNDLE
    bundles = sorted(_upstream("material", "templates/assets/javascripts").glob("bundle.*.min.js"))
    actual = [hashlib.sha256(bundle.read_bytes()).hexdigest() for bundle in bundles]
    installed = importlib.metadata.version("mkdocs-material")
    assert actual == [recorded], (
        f"hooks/ogi/pages/lazy_search.py changes mkdocs-material {version}'s script bundle, which "
        f"mkdocs-material {installed} changed: check that a first visit still loads no search_index.json "
        f"(tests/test_suche_verzoegert.py), then record version {installed} and sha256 {actual} in "
        "tests/test_upstream_copies.py"
    )
