"""Subcommands for editors' tooling: `schemas`, `new-project`, `new-veranstaltung`, `new-beitrag`, `port-pruefen`
(see __main__.py)."""

from __future__ import annotations

import argparse
import datetime as dt
import socket
import sys
from pathlib import Path

from ..records.errors import flat
from .scaffold import ScaffoldError, new_beitrag, new_project, new_veranstaltung
from .schemas import stale_schemas, write_schemas


def add_tool_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the tool subcommands on the `python -m ogi` parser."""
    schemas = commands.add_parser("schemas", help="JSON-Schemas in schemas/ aus den Modellen erzeugen")
    schemas.add_argument("--root", type=Path, default=Path.cwd(), help="Projektordner (Standard: aktueller Ordner)")
    schemas.add_argument("--pruefen", action="store_true", help="nur prüfen, ob die Schemas aktuell sind")

    projekt = commands.add_parser("new-project", help="eine neue Maßnahme anlegen")
    projekt.add_argument("--titel", default="", help="Titel der Maßnahme")
    projekt.add_argument("--kommune", default="", help="Kommune, wie in content/kommunen.yml")
    _common(projekt)

    veranstaltung = commands.add_parser(
        "new-veranstaltung", help="eine neue Veranstaltung (Ordner mit tagung.yml) anlegen"
    )
    veranstaltung.add_argument("--titel", default="", help="Titel der Veranstaltung")
    veranstaltung.add_argument("--tag", default="", help="Datum des ersten Tages, JJJJ-MM-TT")
    _common(veranstaltung)

    beitrag = commands.add_parser("new-beitrag", help="einen neuen Beitrag einer Veranstaltung anlegen")
    beitrag.add_argument("--titel", default="", help="Titel des Beitrags")
    beitrag.add_argument(
        "--veranstaltung", default="", help="Ordner der Veranstaltung in content/, z. B. netzwerktag-2022"
    )
    beitrag.add_argument("--art", default="Vortrag", help="Art des Beitrags (Standard: Vortrag)")
    beitrag.add_argument("--tag", default="", help="Datum des Tages, JJJJ-MM-TT")
    beitrag.add_argument("--session", default="", help="id der Session aus tagung.yml")
    _common(beitrag)

    port = commands.add_parser("port-pruefen", help="prüfen, ob die Vorschau diesen Port nutzen kann")
    port.add_argument("port", type=int, help="Portnummer, z. B. 8000")


def port_message(port: int) -> str | None:
    """Why `make serve` cannot listen on 127.0.0.1:`port`, in one German line; None when it can."""
    if not 1024 <= port <= 65535:
        return f"Port {port} geht nicht; eine Zahl von 1024 bis 65535 wählen, z. B. make serve PORT=8001"
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return (
                f"Port {port} ist schon belegt – läuft die Vorschau schon in einem anderen Fenster? Dann dort "
                f"weiterarbeiten, oder einen anderen Port wählen: make serve PORT={port + 1}"
            )
    return None


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--slug", default="", help="Dateiname ohne .yml (Standard: aus dem Titel)")
    parser.add_argument(
        "--datum", type=dt.date.fromisoformat, default=None, help="Datenstand JJJJ-MM-TT (Standard: heute)"
    )
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="Projektordner (Standard: aktueller Ordner)")


def run_tool(args: argparse.Namespace) -> int:
    """Run one tool subcommand; German messages, exit code 1 on any problem."""
    if args.command == "port-pruefen":
        message = port_message(args.port)
        if message:
            print(message, file=sys.stderr)
        return 1 if message else 0
    root = args.root.resolve()
    if args.command == "schemas":
        return _schemas(root, check_only=args.pruefen)
    today = args.datum or dt.date.today()
    try:
        if args.command == "new-project":
            path = new_project(root, args.titel, args.kommune, today, slug=args.slug or None)
        elif args.command == "new-veranstaltung":
            path = new_veranstaltung(root, args.titel, args.tag, today, slug=args.slug or None)
        else:
            path = new_beitrag(
                root,
                args.titel,
                today,
                art=args.art,
                tag=args.tag or None,
                session=args.session or None,
                slug=args.slug or None,
                veranstaltung=args.veranstaltung or None,
            )
    except ScaffoldError as exc:
        print(flat(f"Nicht angelegt: {exc}"), file=sys.stderr)  # the message may quote an existing title
        return 1
    shown = path.relative_to(root).as_posix()
    print(
        f"Angelegt: {shown}\nJetzt die Werte mit „ergänzen“ ausfüllen, dann `make serve` zur Vorschau "
        "und `make check` zur Prüfung."
    )
    return 0


def _schemas(root: Path, check_only: bool) -> int:
    if check_only:
        stale = stale_schemas(root)
        for name in stale:
            print(
                f"{name}: passt nicht zu den Modellen; `make schemas` ausführen und die Datei einchecken",
                file=sys.stderr,
            )
        return 1 if stale else 0
    changed = write_schemas(root)
    print("Geschrieben: " + ", ".join(changed) if changed else "Die Schemas sind aktuell.")
    return 0
