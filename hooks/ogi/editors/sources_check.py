"""The weekly source check (`make quellen-pruefen`): is every external address cited in content/ and
docs/ still there?

Every fact on the site stands on a cited source, and news pages move or disappear. This module finds
each http(s) address in the YAML records (with the field and line it stands on) and in the Markdown
links of the hand-written pages, asks each server once (a few requests at a time, one per host, with
retries), and reports in German, as `path:line: field: message`, as GitHub annotations and as a table
in the job summary. Results younger than a day are taken from `.cache/quellen.json`, so a rerun
repeats only what failed or is new. httpx does the HTTP work.

Addresses come from pull requests, and the check runs on a CI machine: it asks only public web servers.
An address on this machine, in a private or link-local network (a cloud's metadata service), a multicast
or reserved one, a port other than 80 or 443, or a name without a public address is not requested, and
neither is any redirect into one: redirects are followed here, hop by hop, each checked first.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO, TypeVar
from urllib.parse import urlsplit

import httpx

from .citations import collect_citations
from .public_address import inspect_address
from .sources_report import BROKEN, MOVED, OK, REFUSED, UNSURE, Result, report, summary_table

T = TypeVar("T")
CACHE_FILE = ".cache/quellen.json"
NO_CONNECTION = "keine Verbindung: Name nicht auflösbar oder Verbindung abgelehnt"
PERMANENT_REDIRECTS = {301, 308}
REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 10
RETRY_STATUSES = {429, 500, 502, 503, 504}
REFUSED_STATUSES = {401, 403, 429}
GONE_STATUSES = {404: "404 nicht gefunden", 410: "410 entfernt"}


@dataclass(frozen=True)
class Settings:
    """How politely and how patiently to ask."""

    timeout: float = 15.0  # seconds for connecting and for each read
    attempts: int = 3  # a time-out, a refused connection or a server error is tried again
    backoff: float = 2.0  # seconds before the second attempt; doubled for each further one
    parallel: int = 4  # requests in flight at once
    per_host: int = 1  # requests in flight to one host
    host_pause: float = 1.0  # seconds between two requests to the same host
    max_age: float = 24 * 3600  # seconds a cached result stays fresh
    user_agent: str = "ogi-quellen-pruefen/1.0 (checks the sources cited by a static website)"  # ASCII only


async def check_urls(
    urls: Iterable[str],
    settings: Settings,
    now: Callable[[], float] = time.time,
    transport: httpx.AsyncBaseTransport | None = None,
) -> dict[str, Result]:
    """Ask the server of each address once (plus retries); at most `parallel` at a time, `per_host`
    per host, with a pause between two requests to the same host."""
    urls = list(dict.fromkeys(urls))
    overall = asyncio.Semaphore(settings.parallel)
    hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(settings.per_host))
    async with httpx.AsyncClient(
        follow_redirects=False,
        timeout=settings.timeout,
        transport=transport,
        headers={"User-Agent": settings.user_agent},
        # No connection is kept for another request: requests go to addresses, and two
        # names on one address must not share a TLS connection made for one of them.
        limits=httpx.Limits(max_connections=settings.parallel, max_keepalive_connections=0),
    ) as client:

        async def one(url: str) -> Result:
            async with hosts[(urlsplit(url).hostname or "").lower()]:
                async with overall:
                    result = await check_url(client, url, settings, now)
                await asyncio.sleep(settings.host_pause)
            return result

        results = await asyncio.gather(*(one(url) for url in urls))
    return dict(zip(urls, results, strict=True))


async def check_url(
    client: httpx.AsyncClient, url: str, settings: Settings, now: Callable[[], float] = time.time
) -> Result:
    """One address: GET without reading the body (some servers answer HEAD wrongly), redirects followed
    here, each hop only to a public address."""
    result = Result(url, UNSURE, "nicht geprüft", checked=now(), definite=False)
    for attempt in range(max(settings.attempts, 1)):
        if attempt:
            await asyncio.sleep(settings.backoff * 2 ** (attempt - 1))
        try:
            answer = await _follow(client, url)
        except httpx.TimeoutException:
            result = Result(
                url, UNSURE, f"keine Antwort innerhalb von {_seconds(settings.timeout)}", checked=now(), definite=False
            )
            continue
        except httpx.TooManyRedirects:
            return Result(url, BROKEN, "zu viele Weiterleitungen", checked=now())
        except (httpx.InvalidURL, httpx.UnsupportedProtocol):
            return Result(url, BROKEN, "ungültige Adresse", checked=now())
        except httpx.ConnectError:
            result = Result(url, BROKEN, NO_CONNECTION, checked=now(), definite=False)
            continue
        except httpx.TransportError:  # the connection broke off or the answer was no HTTP
            result = Result(url, BROKEN, "Verbindung abgebrochen", checked=now(), definite=False)
            continue
        if isinstance(answer, str):  # the address or a redirect leads to no public server: never asked
            return Result(url, REFUSED, answer, checked=now(), definite=False)
        status, final, history = answer
        if status in RETRY_STATUSES:
            result = _classify(url, status, final, history, now())
            continue
        return _classify(url, status, final, history, now())
    return result


@dataclass(frozen=True)
class Hop:
    """One answer on the way to the final one: a redirect, by the address asked (the name, not the number)."""

    url: str
    status_code: int


async def _follow(client: httpx.AsyncClient, url: str) -> tuple[int, str, list[Hop]] | str:
    """Status, final address and redirects of `url`; or, in German, why it or a redirect is not asked.

    Each hop is checked and then asked at the very address the check found public: the name is not looked up
    a second time (where a name could answer differently), while the Host header and TLS (SNI and the
    certificate's name) still use the name.
    """
    history: list[Hop] = []
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        # The resolver blocks: in a thread, so that the other requests go on meanwhile.
        problem, address = await asyncio.to_thread(inspect_address, current)
        if problem or address is None:
            problem = problem or "keine Adresse"
            return problem if current == url else f"Weiterleitung auf {current}: {problem}"
        target = httpx.URL(current)
        extensions = {"sni_hostname": target.raw_host.decode("ascii")} if target.scheme == "https" else {}
        async with client.stream(
            "GET",
            target.copy_with(host=address),
            headers={"Host": target.netloc.decode("ascii")},
            extensions=extensions,
        ) as response:
            status, location = response.status_code, response.headers.get("location")
        if status not in REDIRECTS or not location:
            return status, current, history
        history.append(Hop(current, status))
        try:
            current = str(target.join(location))
        except httpx.InvalidURL:
            return status, current, history[:-1]
    raise httpx.TooManyRedirects("zu viele Weiterleitungen")


def _classify(url: str, status: int, final: str, history: list[Hop], checked: float) -> Result:
    moved_to = ""
    for index, hop in enumerate(history):  # the leading run of permanent redirects is a move
        if hop.status_code not in PERMANENT_REDIRECTS:
            break
        moved_to = str(history[index + 1].url) if index + 1 < len(history) else final
    via = f", weitergeleitet auf {final}" if history else ""
    if 200 <= status < 300:
        if moved_to:
            return Result(url, MOVED, f"{history[0].status_code}", new_url=moved_to, checked=checked)
        return Result(url, OK, str(status), checked=checked)
    if status in GONE_STATUSES:
        return Result(url, BROKEN, GONE_STATUSES[status] + via, checked=checked)
    if status in REFUSED_STATUSES:
        return Result(
            url,
            UNSURE,
            f"{status}: der Server lässt keine automatische Prüfung zu{via}",
            checked=checked,
            definite=False,
        )
    if status >= 500:
        return Result(url, UNSURE, f"{status} Serverfehler{via}", checked=checked, definite=False)
    return Result(url, UNSURE, f"unerwartete Antwort {status}{via}", checked=checked, definite=False)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _seconds(value: float) -> str:
    return f"{value:g} s".replace(".", ",")


def load_cache(path: Path) -> dict[str, Result]:
    """Earlier results by address; an unreadable cache is an empty one."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["ergebnisse"]
        return {url: Result(**entry) for url, entry in entries.items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def save_cache(path: Path, results: dict[str, Result]) -> None:
    """Write the definite results (a time-out is asked again on the next run)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"ergebnisse": {url: asdict(r) for url, r in sorted(results.items()) if r.definite}}
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    temporary.replace(path)


def run(
    root: Path,
    settings: Settings | None = None,
    refresh: bool = False,
    out: TextIO = sys.stdout,
    environ: dict[str, str] | None = None,
    now: Callable[[], float] = time.time,
) -> int:
    """Check all cited addresses of the project at `root`; 1 if any is gone, else 0.
    Moved and doubtful addresses are reported but do not fail the run."""
    settings = settings or Settings()
    environ = dict(os.environ) if environ is None else environ
    citations = collect_citations(root)
    urls = sorted({c.url for c in citations})
    cache_path = root / CACHE_FILE
    cached = {} if refresh else load_cache(cache_path)
    fresh = {u: r for u, r in cached.items() if u in urls and 0 <= now() - r.checked < settings.max_age}
    todo = [u for u in urls if u not in fresh]
    results = fresh | (_in_own_thread(check_urls(todo, settings, now)) if todo else {})
    save_cache(cache_path, {u: results[u] for u in urls})

    hosts = {urlsplit(u).hostname for u in urls}
    if len(hosts) > 1 and all(results[u].detail == NO_CONNECTION for u in urls):
        # No server at all answered: this machine is offline, which says nothing about the sources.
        text = (
            f"Keiner der {len(hosts)} Server war zu erreichen: besteht eine Internetverbindung? "
            f"Die {_count(len(urls), 'Adresse', 'Adressen')} wurden nicht bewertet."
        )
        print(text, file=out)
        _write_summary(environ, f"## Quellen-Prüfung\n\n{text}\n")
        return 1

    problems = [(c, results[c.url]) for c in citations if results[c.url].outcome != OK]
    report(problems, environ.get("GITHUB_ACTIONS") == "true", out)
    by_outcome = {
        kind: len({c.url for c, r in problems if r.outcome == kind}) for kind in (BROKEN, MOVED, UNSURE, REFUSED)
    }
    refused = f", {by_outcome[REFUSED]} nicht öffentlich (nicht abgerufen)" if by_outcome[REFUSED] else ""
    counts = (
        f"{_count(len(urls), 'Adresse', 'Adressen')} an {_count(len(citations), 'Stelle', 'Stellen')} "
        f"geprüft ({len(fresh)} aus dem Zwischenspeicher "
        f"{CACHE_FILE}): {by_outcome[BROKEN]} nicht erreichbar, {by_outcome[MOVED]} verschoben, "
        f"{by_outcome[UNSURE]} unsicher{refused}."
    )
    print(counts, file=out)
    _write_summary(environ, summary_table(problems, counts))
    return 1 if by_outcome[BROKEN] or by_outcome[REFUSED] else 0


def _in_own_thread(coroutine: Coroutine[Any, Any, T]) -> T:
    """asyncio.run in a thread of its own: the calling thread may already run an event loop (Playwright's
    sync API does, in the test process), and there asyncio.run refuses to start."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _write_summary(environ: dict[str, str], markdown: str) -> None:
    if environ.get("GITHUB_STEP_SUMMARY"):
        with open(environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
            summary.write(markdown)
