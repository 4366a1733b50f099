"""The weekly source check (`python -m ogi quellen-pruefen`) finds every cited address with its file,
line and field, and reports what a server answered — tried against a server on 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import concurrent.futures
import io
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pytest import MonkeyPatch

from ogi.editors import sources_check, sources_report
from ogi.editors.citations import collect_citations, markdown_citations
from ogi.editors.public_address import inspect_address
from ogi.editors.sources_check import Settings
from ogi.editors.sources_report import BROKEN, MOVED, OK, UNSURE

ROOT = Path(__file__).resolve().parents[1]
SLOW_SECONDS = 2.0
FAST = Settings(timeout=0.5, attempts=2, backoff=0.0, parallel=4, per_host=2, host_pause=0.0)


class CountingServer(ThreadingHTTPServer):
    """A local server that counts the requests it was asked, by path."""

    requests: Counter[str]


class Handler(BaseHTTPRequestHandler):
    """200, a permanent and a temporary redirect, 404, 410, a time-out, and a server error that
    goes away on the second request."""

    server: CountingServer

    def do_GET(self) -> None:  # the name http.server calls
        self.server.requests[self.path] += 1
        if self.path == "/langsam":
            time.sleep(SLOW_SECONDS)
        routes = {
            "/ok": (200, None),
            "/neu": (200, None),
            "/alt": (301, "/neu"),
            "/kurz-weg": (302, "/ok"),
            "/weg": (404, None),
            "/entfernt": (410, None),
            "/verboten": (403, None),
            "/langsam": (200, None),
        }
        if self.path == "/wackelig":
            status, location = (503, None) if self.server.requests[self.path] == 1 else (200, None)
        else:
            status, location = routes.get(self.path, (404, None))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "2")
        self.end_headers()
        try:
            self.wfile.write(b"ok")
        except OSError:  # the client gave up waiting
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(autouse=True)
def local_servers_stand_in_for_public_ones(monkeypatch: MonkeyPatch) -> None:
    """These tests ask servers on this machine (127.0.0.1, localhost), which the check never asks for real
    (tests/test_sources_public.py): here they count as public, everything else as before."""
    real = inspect_address

    def inspect(url: str) -> tuple[str | None, str | None]:
        return (None, "127.0.0.1") if urlsplit(url).hostname in ("127.0.0.1", "localhost") else real(url)

    monkeypatch.setattr(sources_check, "inspect_address", inspect)


@pytest.fixture
def server() -> Iterator[CountingServer]:
    httpd = CountingServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.requests = Counter()
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def base(server: CountingServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def write_project(root: Path, url: str) -> Path:
    """A project of its own: one measure citing each kind of answer, and one hand-written page."""
    (root / "content/projects").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "content/projects/beispiel.yml").write_text(
        f"""\
titel: Beispiel
quellen:
  - titel: Gute Quelle
    url: {url}/ok
  - titel: Verschwundene Quelle
    url: {url}/weg
  - titel: Entfernte Quelle mit Archiv
    url: {url}/entfernt
    archiv_url: {url}/ok
  - titel: Umgezogene Quelle
    url: {url}/alt
  - titel: Langsame Quelle
    url: {url}/langsam
  - titel: Quelle ohne Adresse
links:
  - titel: Kurz umgeleitet
    url: {url}/kurz-weg
video: {url}/wackelig
""",
        encoding="utf-8",
    )
    (root / "docs/seite.md").write_text(
        f"""\
# Seite

Ein [Bericht]({url}/weg) und <{url}/ok>.

```yaml
url: {url}/nur-ein-beispiel-im-code
```

Aufruf `{url}/auch-nur-code` im Text.

[verweis]: {url}/verboten
""",
        encoding="utf-8",
    )
    return root


def run(
    root: Path,
    settings: Settings = FAST,
    refresh: bool = False,
    environ: dict[str, str] | None = None,
    now: Callable[[], float] = time.time,
) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = sources_check.run(root, settings, refresh=refresh, out=out, environ=environ or {}, now=now)
    return code, out.getvalue().splitlines()


def test_citations_name_file_line_and_field(tmp_path: Path) -> None:
    write_project(tmp_path, "https://beispiel.invalid")
    found = [(c.path, c.line, c.field, c.url.rsplit("/", 1)[1]) for c in collect_citations(tmp_path)]
    assert found == [
        ("content/projects/beispiel.yml", 4, "quellen[0].url", "ok"),
        ("content/projects/beispiel.yml", 6, "quellen[1].url", "weg"),
        ("content/projects/beispiel.yml", 8, "quellen[2].url", "entfernt"),
        ("content/projects/beispiel.yml", 9, "quellen[2].archiv_url", "ok"),
        ("content/projects/beispiel.yml", 11, "quellen[3].url", "alt"),
        ("content/projects/beispiel.yml", 13, "quellen[4].url", "langsam"),
        ("content/projects/beispiel.yml", 17, "links[0].url", "kurz-weg"),
        ("content/projects/beispiel.yml", 18, "video", "wackelig"),
        ("docs/seite.md", 3, "Link", "ok"),
        ("docs/seite.md", 3, "Link „Bericht“", "weg"),
        ("docs/seite.md", 11, "Link „verweis“", "verboten"),
    ]


def test_markdown_links_in_code_are_examples_not_citations() -> None:
    text = "```\n[a](https://a.invalid/)\n```\n~~~\nhttps://b.invalid/\n~~~\n`[c](https://c.invalid/)` [d](https://d.invalid/x_(y))\n"
    assert [(c.line, c.url) for c in markdown_citations(text, "x.md")] == [(7, "https://d.invalid/x_(y)")]


def test_report_names_each_broken_moved_and_doubtful_source(tmp_path: Path, server: CountingServer) -> None:
    url = base(server)
    code, lines = run(write_project(tmp_path, url))
    assert code == 1  # a source is gone
    archive = "https://web.archive.org/web/*/"
    expected = [
        f"content/projects/beispiel.yml:6: quellen[1].url: nicht erreichbar (404 nicht gefunden); "
        f"archivierte Fassung als archiv_url eintragen, z. B. {archive}{url}/weg",
        f"content/projects/beispiel.yml:8: quellen[2].url: nicht erreichbar (410 entfernt); eine archivierte "
        f"Fassung ist eingetragen ({url}/ok); prüfen, ob sie die Angaben noch belegt, oder eine neue Quelle suchen",
        f"content/projects/beispiel.yml:11: quellen[3].url: dauerhaft verschoben (301) nach {url}/neu; "
        "die neue Adresse eintragen",
        "content/projects/beispiel.yml:13: quellen[4].url: nicht sicher erreichbar (keine Antwort innerhalb "
        "von 0,5 s); im Browser prüfen",
        f"docs/seite.md:3: Link „Bericht“: nicht erreichbar (404 nicht gefunden); archivierte Fassung eintragen, "
        f"z. B. {archive}{url}/weg",
        "docs/seite.md:11: Link „verweis“: nicht sicher erreichbar (403: der Server lässt keine automatische "
        "Prüfung zu); im Browser prüfen",
    ]
    assert lines[:-1] == expected
    assert lines[-1].startswith("8 Adressen an 11 Stellen geprüft (0 aus dem Zwischenspeicher")
    assert lines[-1].endswith(": 2 nicht erreichbar, 1 verschoben, 2 unsicher.")


def test_server_error_is_retried_and_temporary_redirect_is_no_move(tmp_path: Path, server: CountingServer) -> None:
    url = base(server)
    _, lines = run(write_project(tmp_path, url))
    assert not [line for line in lines if "video" in line or "links[0]" in line]
    assert server.requests["/wackelig"] == 2
    assert server.requests["/langsam"] == FAST.attempts


def test_rerun_within_a_day_takes_definite_results_from_the_cache(tmp_path: Path, server: CountingServer) -> None:
    root = write_project(tmp_path, base(server))
    clock = [1_000_000.0]
    run(root, now=lambda: clock[0])
    first = Counter(server.requests)
    cache = json.loads((root / ".cache/quellen.json").read_text(encoding="utf-8"))["ergebnisse"]
    assert f"{base(server)}/langsam" not in cache  # a time-out is asked again next time
    assert cache[f"{base(server)}/weg"]["outcome"] == BROKEN

    clock[0] += 3600
    code, lines = run(root, now=lambda: clock[0])
    asked_again = {path for path in server.requests if server.requests[path] > first[path]}
    assert asked_again == {"/langsam", "/verboten"}  # no answer, or no answer for robots
    assert code == 1 and "(6 aus dem Zwischenspeicher" in lines[-1]

    clock[0] += 24 * 3600
    run(root, now=lambda: clock[0])
    assert server.requests["/weg"] == first["/weg"] + 1


def test_refresh_ignores_the_cache(tmp_path: Path, server: CountingServer) -> None:
    root = write_project(tmp_path, base(server))
    run(root)
    run(root, refresh=True)
    assert server.requests["/ok"] == 2 * 2  # cited twice in each run, asked once per run


def test_unreadable_cache_is_ignored(tmp_path: Path, server: CountingServer) -> None:
    root = write_project(tmp_path, base(server))
    (root / ".cache").mkdir()
    (root / ".cache/quellen.json").write_text("{kaputt", encoding="utf-8")
    code, _ = run(root)
    assert code == 1 and server.requests["/weg"] == 1


def test_one_host_gets_one_request_at_a_time(tmp_path: Path, server: CountingServer) -> None:
    """Politeness: with per_host=1 the slow answer holds back every other request to that host."""
    root = write_project(tmp_path, base(server))
    settings = Settings(timeout=0.5, attempts=1, backoff=0.0, parallel=4, per_host=1, host_pause=0.0)
    start = time.perf_counter()
    run(root, settings=settings)
    assert time.perf_counter() - start >= 0.5


def test_annotations_and_summary_table_for_github(tmp_path: Path, server: CountingServer) -> None:
    url = base(server)
    root = write_project(tmp_path, url)
    odd = root / "content/projects/a,b:c%.yml"
    odd.write_text(f"titel: X\nquellen:\n  - titel: Y\n    url: {url}/weg\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    _, lines = run(root, environ={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    annotations = [line for line in lines if line.startswith("::")]
    assert annotations[0] == (
        "::warning file=content/projects/a%2Cb%3Ac%25.yml,line=4,title=Quelle nicht erreichbar::"
        f"quellen[0].url: nicht erreichbar (404 nicht gefunden); archivierte Fassung als archiv_url eintragen, "
        f"z. B. https://web.archive.org/web/*/{url}/weg"
    )
    levels = Counter(line.split(" ", 1)[0] for line in annotations)
    assert levels == {"::warning": 6, "::notice": 1}

    rows = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    header, *body = [split_row(row) for row in rows]
    assert header == ["Stelle", "Feld", "Adresse", "Ergebnis", "Was tun"]
    assert body[0] == [
        "content/projects/a,b:c%.yml:4",
        "quellen[0].url",
        f"{url}/weg",
        "nicht erreichbar (404 nicht gefunden)",
        f"archivierte Fassung als archiv_url eintragen, z. B. https://web.archive.org/web/*/{url}/weg",
    ]
    assert len(body) == 7


def split_row(row: str) -> list[str]:
    """Cells of a Markdown table row, with the backslash escapes undone."""
    cells, cell, escaped = [], "", False
    for char in row.strip()[1:-1]:
        if escaped:
            cell, escaped = cell + char, False
        elif char == "\\":
            escaped = True
        elif char == "|":
            cells.append(cell.strip())
            cell = ""
        else:
            cell += char
    return [*cells, cell.strip()]


def test_summary_cell_keeps_content_from_breaking_the_table() -> None:
    cell = sources_report.markdown_cell("a | b\n<script>x</script> [l](j)")
    assert split_row(f"| {cell} | z |") == ["a | b <script>x</script> [l](j)", "z"]
    assert "<script>" not in cell and "|" not in cell.replace("\\|", "")


def test_message_for_a_broken_archived_copy_suggests_another(tmp_path: Path, server: CountingServer) -> None:
    url = base(server)
    root = tmp_path
    (root / "content").mkdir()
    (root / "content/x.yml").write_text(
        f"quelle:\n  titel: Q\n  url: {url}/ok\n  archiv_url: {url}/weg\n", encoding="utf-8"
    )
    _, lines = run(root)
    assert lines[0] == (
        f"content/x.yml:4: quelle.archiv_url: nicht erreichbar (404 nicht gefunden); eine andere "
        f"archivierte Fassung eintragen, z. B. https://web.archive.org/web/*/{url}/ok"
    )


def test_unreachable_host_is_reported_without_traceback(tmp_path: Path, server: CountingServer) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/x.md").write_text(
        f"[weg](http://127.0.0.1:9/nichts) [da](http://localhost:{server.server_address[1]}/ok)\n", encoding="utf-8"
    )
    code, lines = run(tmp_path, settings=Settings(timeout=0.5, attempts=1, backoff=0, host_pause=0))
    assert code == 1
    assert lines[0] == (
        "docs/x.md:1: Link „weg“: nicht erreichbar (keine Verbindung: Name nicht auflösbar oder "
        "Verbindung abgelehnt); archivierte Fassung eintragen, z. B. "
        "https://web.archive.org/web/*/http://127.0.0.1:9/nichts"
    )


def test_without_any_connection_the_sources_are_not_judged(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/x.md").write_text("[a](http://127.0.0.1:9/a) [b](http://localhost:9/b)\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    code, lines = run(
        tmp_path,
        settings=Settings(timeout=0.5, attempts=1, backoff=0, host_pause=0),
        environ={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert code == 1
    assert lines == [
        "Keiner der 2 Server war zu erreichen: besteht eine Internetverbindung? Die 2 Adressen wurden nicht bewertet."
    ]
    assert lines[0] in summary.read_text(encoding="utf-8")


@pytest.mark.parametrize("outcome", [OK, MOVED, UNSURE])
def test_only_a_gone_source_fails_the_run(outcome: str, tmp_path: Path, server: CountingServer) -> None:
    path = {OK: "/ok", MOVED: "/alt", UNSURE: "/verboten"}[outcome]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/x.md").write_text(f"[x]({base(server)}{path})\n", encoding="utf-8")
    code, _ = run(tmp_path)
    assert code == 0


def test_command_line_checks_the_project_and_asks_no_server_on_this_machine(
    tmp_path: Path, server: CountingServer
) -> None:
    # The real command, without the stand-in of this module: the local server is refused, never asked.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/x.md").write_text(f"[x]({base(server)}/ok)\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    env["PYTHONPATH"] = str(ROOT / "hooks")
    result = subprocess.run(
        [sys.executable, "-m", "ogi", "quellen-pruefen", "--root", str(tmp_path), "--zeitlimit", "2"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    port = server.server_address[1]
    assert result.stdout.splitlines() == [
        f"docs/x.md:1: Link „x“: nicht abgerufen (Port {port}; abgerufen werden nur Adressen ohne Port oder mit "
        "Port 80 oder 443); geprüft werden nur öffentliche Websites: die öffentliche Adresse der Quelle eintragen",
        "1 Adresse an 1 Stelle geprüft (0 aus dem Zwischenspeicher .cache/quellen.json): "
        "0 nicht erreichbar, 0 verschoben, 0 unsicher, 1 nicht öffentlich (nicht abgerufen).",
    ]
    assert server.requests == {}


def test_check_runs_while_the_caller_runs_an_event_loop(tmp_path: Path, server: CountingServer) -> None:
    """In one process with Playwright's sync API (the browser tests) an event loop is already running."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/x.md").write_text(f"[x]({base(server)}/weg)\n", encoding="utf-8")

    async def caller() -> tuple[int, list[str]]:
        return run(tmp_path)

    # A fresh thread, so that this test's own loop starts even where another test left one running.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        code, lines = pool.submit(asyncio.run, caller()).result()
    assert code == 1 and lines[0].startswith("docs/x.md:1: Link „x“: nicht erreichbar (404 nicht gefunden)")
