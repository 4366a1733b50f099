"""Command line for editors: `check` validates all content; `schemas`, `new-project` and `new-beitrag`
keep the editors' tools and new records in step with the models; `quellen-pruefen` asks every cited
address; `seiten-vergleichen` compares two builds of the site; `commits-vergleichen` builds two commits and compares."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .editors import site_compare, sources_check
from .editors.tools import add_tool_commands, run_tool
from .maps.settings import mkdocs_settings_problems
from .records.content import load_site
from .records.pflichtangaben import is_published, missing_for_publication, publication_headline


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ogi", description="Werkzeuge für die Inhalte der Website.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="alle Inhaltsdateien prüfen")
    check.add_argument("--root", type=Path, default=Path.cwd(), help="Projektordner (Standard: aktueller Ordner)")
    add_tool_commands(commands)
    quellen = commands.add_parser("quellen-pruefen", help="alle zitierten Adressen abrufen (braucht Internet)")
    quellen.add_argument("--root", type=Path, default=Path.cwd(), help="Projektordner (Standard: aktueller Ordner)")
    quellen.add_argument("--neu", action="store_true", help="auch Ergebnisse von heute neu abrufen")
    quellen.add_argument(
        "--zeitlimit",
        type=float,
        default=sources_check.Settings.timeout,
        help="Sekunden, die auf eine Antwort gewartet wird (Standard: %(default)s)",
    )
    vergleich = commands.add_parser("seiten-vergleichen", help="zwei gebaute Websites Datei für Datei vergleichen")
    vergleich.add_argument("erste", type=Path)
    vergleich.add_argument("zweite", type=Path)
    commits = commands.add_parser(
        "commits-vergleichen", help="die Website zweier Commits bauen und Datei für Datei vergleichen"
    )
    commits.add_argument("alt", help="Commit (oder Zweig) vor der Änderung")
    commits.add_argument("neu", nargs="?", default="HEAD", help="Commit nach der Änderung (Standard: HEAD)")
    commits.add_argument(
        "--inhalt",
        type=Path,
        default=None,
        help="dieser Inhaltsordner für beide Bauten (Standard: content/ des jeweiligen Commits)",
    )
    commits.add_argument("--root", type=Path, default=Path.cwd(), help="Projektordner (Standard: aktueller Ordner)")
    args = parser.parse_args(argv)
    if args.command == "quellen-pruefen":
        settings = sources_check.Settings(timeout=args.zeitlimit)
        return sources_check.run(args.root.resolve(), settings, refresh=args.neu)
    if args.command == "seiten-vergleichen":
        return site_compare.run(args.erste, args.zweite)
    if args.command == "commits-vergleichen":
        content = args.inhalt.resolve() if args.inhalt else None
        return site_compare.compare_commits(args.root.resolve(), args.alt, args.neu, content)
    if args.command != "check":
        return run_tool(args)
    return run_check(args.root)


def run_check(root: Path) -> int:
    site = load_site(root.resolve())
    site.errors.extend(mkdocs_settings_problems(root.resolve()))  # the build reads them too
    site_url = os.environ.get("SITE_URL", "")
    missing = missing_for_publication(site) if is_published(site_url) else []  # as the build would do
    site.errors.extend(missing)
    problems = site.errors + site.warnings
    if missing:
        print(publication_headline(missing, site_url), file=sys.stderr)
    for problem in sorted(site.errors):
        print(problem, file=sys.stderr)
    for problem in sorted(site.warnings):
        print(f"{problem} (Warnung)", file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in sorted(problems):
            print(problem.github_annotation())
    if problems:
        print(f"{len(site.errors)} Fehler, {len(site.warnings)} Warnungen.", file=sys.stderr)
        return 1
    beitraege = sum(len(event.vortraege) for event in site.veranstaltungen)
    print(
        f"Inhalte in Ordnung: {len(site.massnahmen)} Maßnahmen, {len(site.veranstaltungen)} Veranstaltungen "
        f"mit {beitraege} Beiträgen, {len(site.kommunen)} Kommunen."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
