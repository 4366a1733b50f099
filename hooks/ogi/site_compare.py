"""Compare two builds of the site file by file (`make properdocs-vergleich`).

CI builds the site with MkDocs and with ProperDocs, the maintained fork of MkDocs 1.6; the two must
produce the same files. The only expected difference is the `<meta name="generator">` tag, which names
the engine; it is left out of the comparison.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def normalised(path: Path) -> bytes:
    """The bytes of a built file, without the engine's name in HTML pages."""
    data = path.read_bytes()
    return GENERATOR.sub(b"", data) if path.suffix == ".html" else data


def compare_sites(first: Path, second: Path) -> list[str]:
    """German lines naming every file that exists in only one site or differs; empty if equal."""
    names_first = {p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file()}
    names_second = {p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()}
    problems = [f"{name}: nur in {first}" for name in sorted(names_first - names_second)]
    problems += [f"{name}: nur in {second}" for name in sorted(names_second - names_first)]
    for name in sorted(names_first & names_second):
        a, b = normalised(first / name), normalised(second / name)
        if a != b:
            problems.append(f"{name}: unterschiedlich{_first_difference(a, b)}")
    return problems


def _first_difference(a: bytes, b: bytes) -> str:
    lines_a = a.decode("utf-8", "replace").splitlines()
    lines_b = b.decode("utf-8", "replace").splitlines()
    for line in difflib.unified_diff(lines_a, lines_b, lineterm="", n=0):
        if line.startswith(("-", "+")) and not line.startswith(("---", "+++")):
            return f" (erste Abweichung: {line[:160]})"
    return ""


def run(first: Path, second: Path) -> int:
    """Print the comparison; 1 if the sites differ."""
    for folder in (first, second):
        if not folder.is_dir():
            print(f"{folder}: Ordner fehlt; zuerst beide Websites bauen (make properdocs-vergleich)")
            return 1
    problems = compare_sites(first, second)
    for problem in problems:
        print(problem)
    count = sum(1 for p in first.rglob("*") if p.is_file())
    if problems:
        print(f"{len(problems)} Unterschiede zwischen {first} und {second}.")
        return 1
    print(f"Gleich: {count} Dateien in {first} und {second} (bis auf die Angabe des Generators).")
    return 0
