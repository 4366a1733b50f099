"""requirements.lock pins every package with its sha256 hashes, matches the pins of pyproject.toml, and
every install from it checks the hashes: a fresh clone installs nothing the lock did not name."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from helpers import present

ROOT = Path(__file__).resolve().parents[1]
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")


def lock_entries() -> dict[str, tuple[str, list[str]]]:
    """Name → (version, hashes) from the lock; a requirement continues over lines ending in `\\`."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries: dict[str, tuple[str, list[str]]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        first = block.split("\\", 1)[0].strip()
        if not first or first.startswith("#"):
            continue
        requirement = Requirement(first)
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", first
        entries[canonicalize_name(requirement.name)] = (specifier.version, HASH.findall(block))
    return entries


def pyproject() -> dict[str, Any]:  # pyproject.toml as tomllib reads it
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_locked_package_carries_its_hashes() -> None:
    entries = lock_entries()
    assert len(entries) > 50
    assert {name for name, (_, hashes) in entries.items() if not hashes} == set()


def test_lock_matches_the_pins_of_pyproject() -> None:
    """A pin raised in pyproject.toml (by hand or by Dependabot) needs `make lock` before it lands."""
    project = pyproject()["project"]
    pins = [*project["dependencies"], *(d for extra in project["optional-dependencies"].values() for d in extra)]
    entries = lock_entries()
    stale = []
    for pin in pins:
        requirement = Requirement(pin)
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"{pin}: pyproject.toml pins exactly"
        locked = entries.get(canonicalize_name(requirement.name), ("fehlt", []))[0]
        if locked != specifier.version:
            stale.append(f"{requirement.name}: pyproject.toml {specifier.version}, requirements.lock {locked}")
    assert stale == [], "requirements.lock passt nicht zu pyproject.toml; `make lock` ausführen"


def test_lock_holds_every_extra_of_pyproject() -> None:
    extras = set(pyproject()["project"]["optional-dependencies"])
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    locked = set(re.findall(r"--extra (\S+)", present(re.search(r"^LOCK_EXTRAS :=(.*)$", makefile, re.M)).group(1)))
    assert locked == extras


def test_fresh_install_requires_matching_hashes(tmp_path: Path) -> None:
    result = subprocess.run(
        ["make", "-n", "check", f"VENV={tmp_path / 'venv'}"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    installs = [line.split() for line in result.stdout.splitlines() if " pip install " in line]
    assert installs, result.stdout
    for words in installs:
        assert "--require-hashes" in words and words[words.index("-r") + 1] == "requirements.lock"
