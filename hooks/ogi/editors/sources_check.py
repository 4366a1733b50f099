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
import ipaddress
import json
import os
import re
import socket
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Coroutine, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO, TypeVar
from urllib.parse import urlsplit

import httpx

from ..records.errors import flat
from ..records.github import workflow_command
from ..records.yamlfile import Loc, read_yaml

T = TypeVar("T")
CACHE_FILE = ".cache/quellen.json"
ARCHIVE_SEARCH = "https://web.archive.org/web/*/"

# The outcome of one address.
OK = "erreichbar"
MOVED = "verschoben"
BROKEN = "nicht erreichbar"
UNSURE = "unsicher"
REFUSED = "nicht öffentlich"

WHOLE_URL = re.compile(r"https?://\S+\Z")
# An address inside Markdown: the link target may hold one level of parentheses (Wikipedia-style).
_TARGET = r"(?P<url>https?://(?:[^()\s<>]|\([^()\s<>]*\))+)"
MARKDOWN_LINKS = [
    re.compile(r"\[(?P<text>[^\]]*)\]\(\s*<?" + _TARGET),  # [text](https://…)
    re.compile(r"^ {0,3}\[(?P<text>[^\]]+)\]:\s*<?" + _TARGET),  # [text]: https://…
    re.compile(r"<" + _TARGET + r">"),  # <https://…>
    re.compile(r"""\b(?:href|src)\s*=\s*["'](?P<url>https?://[^"'\s<>]+)["']"""),  # HTML in Markdown
]
FENCE = re.compile(r"^ {0,3}(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")

NO_CONNECTION = "keine Verbindung: Name nicht auflösbar oder Verbindung abgelehnt"
PERMANENT_REDIRECTS = {301, 308}
REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 10
PUBLIC_PORTS = {None, 80, 443}
RETRY_STATUSES = {429, 500, 502, 503, 504}
REFUSED_STATUSES = {401, 403, 429}
GONE_STATUSES = {404: "404 nicht gefunden", 410: "410 entfernt"}


@dataclass(frozen=True, order=True)
class Citation:
    """One place where an address is cited."""

    path: str  # relative to the project root, with forward slashes
    line: int
    field: str  # e.g. `quellen[2].url` or `Link „Bericht des epd“`
    url: str
    archiv_url: str = ""  # the archived copy recorded beside this address, if any
    archived_from: str = ""  # for an `archiv_url` itself: the original address it preserves
    in_source: bool = False  # part of a source record (`quellen`, `quelle`), where `archiv_url` belongs


@dataclass(frozen=True)
class Result:
    """What the server of one address answered."""

    url: str
    outcome: str  # OK, MOVED, BROKEN or UNSURE
    detail: str = ""  # German, e.g. „404 nicht gefunden“
    new_url: str = ""  # for MOVED: the new address
    checked: float = 0.0  # when (seconds since the epoch)
    definite: bool = True  # a server's own answer, worth remembering for a day (not a time-out)


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


# --- finding the addresses ------------------------------------------------------------------------


def collect_citations(root: Path) -> list[Citation]:
    """Every external address in content/**/*.yml and docs/**/*.md, sorted by file and line."""
    citations: list[Citation] = []
    for path in sorted((root / "content").rglob("*.yml")):
        citations += yaml_citations(path, path.relative_to(root).as_posix())
    for path in sorted((root / "docs").rglob("*.md")):
        citations += markdown_citations(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix())
    return sorted(citations)


def yaml_citations(path: Path, shown: str) -> list[Citation]:
    """Addresses in one YAML file: whole values that are an address, and links inside text values.
    A file that does not parse yields none (`make check` reports it)."""
    document, _ = read_yaml(path, shown)
    if document is None:
        return []
    found: list[Citation] = []
    for loc, value, parent in _strings(document.data, ()):
        line = document.line_of(loc)
        name = field_name(loc)
        if WHOLE_URL.match(value.strip()):
            key = loc[-1] if loc else ""
            siblings = parent if isinstance(parent, dict) else {}
            in_source = any(part in ("quellen", "quelle") for part in loc)
            archiv = siblings.get("archiv_url") if key == "url" else None
            original = siblings.get("url") if key == "archiv_url" else None
            found.append(Citation(shown, line, name, value.strip(),
                                  archiv_url=archiv if isinstance(archiv, str) else "",
                                  archived_from=original if isinstance(original, str) else "",
                                  in_source=in_source and key == "url"))
        else:
            found += [Citation(shown, line, name, url) for url, _ in _markdown_links(value)]
    return found


def markdown_citations(text: str, shown: str) -> list[Citation]:
    """Links in one Markdown page, with their line; code blocks and code spans are examples, not links."""
    found: list[Citation] = []
    in_fence = ""
    for number, line in enumerate(text.splitlines(), start=1):
        fence = FENCE.match(line)
        if fence and (not in_fence or fence.group(1) == in_fence):
            in_fence = "" if in_fence else fence.group(1)
            continue
        if in_fence:
            continue
        for url, label in _markdown_links(line):
            found.append(Citation(shown, number, f"Link „{label}“" if label else "Link", url))
    return found


def _markdown_links(text: str) -> Iterator[tuple[str, str]]:
    text = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)
    seen: set[int] = set()
    for pattern in MARKDOWN_LINKS:
        for match in pattern.finditer(text):
            if match.start("url") in seen:
                continue
            seen.add(match.start("url"))
            label = match.groupdict().get("text") or ""
            yield match.group("url"), _short(" ".join(label.split()))


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _strings(value: Any, loc: Loc, parent: Any = None) -> Iterator[tuple[Loc, str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, loc + (key,), value)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, loc + (index,), value)
    elif isinstance(value, str):
        yield loc, value, parent


def field_name(loc: Loc) -> str:
    """`('quellen', 2, 'url')` → `quellen[2].url`, as in the messages of `make check`."""
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "(Datei)"


# --- asking the servers ---------------------------------------------------------------------------


async def check_urls(urls: Iterable[str], settings: Settings, now: Callable[[], float] = time.time,
                     transport: httpx.AsyncBaseTransport | None = None) -> dict[str, Result]:
    """Ask the server of each address once (plus retries); at most `parallel` at a time, `per_host`
    per host, with a pause between two requests to the same host."""
    urls = list(dict.fromkeys(urls))
    overall = asyncio.Semaphore(settings.parallel)
    hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(settings.per_host))
    async with httpx.AsyncClient(follow_redirects=False, timeout=settings.timeout, transport=transport,
                                 headers={"User-Agent": settings.user_agent},
                                 # No connection is kept for another request: requests go to addresses, and two
                                 # names on one address must not share a TLS connection made for one of them.
                                 limits=httpx.Limits(max_connections=settings.parallel,
                                                     max_keepalive_connections=0)) as client:

        async def one(url: str) -> Result:
            async with hosts[(urlsplit(url).hostname or "").lower()]:
                async with overall:
                    result = await check_url(client, url, settings, now)
                await asyncio.sleep(settings.host_pause)
            return result

        results = await asyncio.gather(*(one(url) for url in urls))
    return dict(zip(urls, results, strict=True))


async def check_url(client: httpx.AsyncClient, url: str, settings: Settings,
                    now: Callable[[], float] = time.time) -> Result:
    """One address: GET without reading the body (some servers answer HEAD wrongly), redirects followed
    here, each hop only to a public address."""
    result = Result(url, UNSURE, "nicht geprüft", checked=now(), definite=False)
    for attempt in range(max(settings.attempts, 1)):
        if attempt:
            await asyncio.sleep(settings.backoff * 2 ** (attempt - 1))
        try:
            answer = await _follow(client, url)
        except httpx.TimeoutException:
            result = Result(url, UNSURE, f"keine Antwort innerhalb von {_seconds(settings.timeout)}",
                            checked=now(), definite=False)
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
        async with client.stream("GET", target.copy_with(host=address), headers={"Host": target.netloc.decode("ascii")},
                                 extensions=extensions) as response:
            status, location = response.status_code, response.headers.get("location")
        if status not in REDIRECTS or not location:
            return status, current, history
        history.append(Hop(current, status))
        try:
            current = str(target.join(location))
        except httpx.InvalidURL:
            return status, current, history[:-1]
    raise httpx.TooManyRedirects("zu viele Weiterleitungen")


# --- public addresses only ------------------------------------------------------------------------


def resolve(host: str) -> list[str]:
    """Every address the system's resolver gives for `host`; none if the name does not resolve."""
    try:
        return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)})
    except (OSError, UnicodeError):
        return []


def address_problem(url: str) -> str | None:
    """Why `url` is no public web address, in German; None if it is one (http/https, port 80/443 or none,
    a name or number whose every address is public)."""
    return inspect_address(url)[0]


def inspect_address(url: str) -> tuple[str | None, str | None]:
    """(why `url` is no public web address, or None; the public address to connect to, or None)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return "nur http- und https-Adressen werden abgerufen", None
    try:
        port = parts.port
    except ValueError:
        return "ungültiger Port", None
    if port not in PUBLIC_PORTS:
        return f"Port {port}; abgerufen werden nur Adressen ohne Port oder mit Port 80 oder 443", None
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return "Adresse ohne Servernamen", None
    try:
        literal: list[str] | None = [str(ipaddress.ip_address(host))]
    except ValueError:
        literal = None
    addresses = literal or resolve(host)
    if not addresses:
        return f"„{host}“ hat keine öffentliche Adresse im DNS", None
    for address in addresses:
        kind = _not_public(ipaddress.ip_address(address.split("%")[0]))
        if kind:
            return (f"„{host}“ ist {kind}" if literal else f"„{host}“ führt zu {address}, {kind}"), None
    return None, addresses[0].split("%")[0]


def _not_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """What kind of non-public address `ip` is, in German; '' for a public one."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "eine Adresse dieses Rechners (Loopback)"
    if ip.is_link_local:
        return "eine link-lokale Adresse (z. B. der Metadaten-Dienst einer Cloud)"
    if ip.is_multicast:
        return "eine Multicast-Adresse"
    if ip.is_reserved or ip.is_unspecified:  # before is_private, which includes 0.0.0.0/8 and 240.0.0.0/4
        return "eine reservierte, nicht öffentliche Adresse"
    if ip.is_private:
        return "eine private Adresse (internes Netz)"
    if not ip.is_global:
        return "eine reservierte, nicht öffentliche Adresse"
    return ""


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
        return Result(url, UNSURE, f"{status}: der Server lässt keine automatische Prüfung zu{via}",
                      checked=checked, definite=False)
    if status >= 500:
        return Result(url, UNSURE, f"{status} Serverfehler{via}", checked=checked, definite=False)
    return Result(url, UNSURE, f"unerwartete Antwort {status}{via}", checked=checked, definite=False)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _seconds(value: float) -> str:
    return f"{value:g} s".replace(".", ",")


# --- the cache ------------------------------------------------------------------------------------


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


# --- the report -----------------------------------------------------------------------------------


def message(citation: Citation, result: Result) -> str:
    """What is wrong with one cited address and what to do, in German."""
    if result.outcome == MOVED:
        return f"dauerhaft verschoben ({result.detail}) nach {result.new_url}; die neue Adresse eintragen"
    if result.outcome == UNSURE:
        return f"nicht sicher erreichbar ({result.detail}); im Browser prüfen"
    if result.outcome == REFUSED:
        return (f"nicht abgerufen ({result.detail}); geprüft werden nur öffentliche Websites: die öffentliche "
                "Adresse der Quelle eintragen")
    if citation.archiv_url:
        advice = (f"eine archivierte Fassung ist eingetragen ({citation.archiv_url}); prüfen, ob sie die "
                  "Angaben noch belegt, oder eine neue Quelle suchen")
    elif citation.archived_from:
        advice = f"eine andere archivierte Fassung eintragen, z. B. {ARCHIVE_SEARCH}{citation.archived_from}"
    elif citation.in_source:
        advice = f"archivierte Fassung als archiv_url eintragen, z. B. {ARCHIVE_SEARCH}{citation.url}"
    else:
        advice = f"archivierte Fassung eintragen, z. B. {ARCHIVE_SEARCH}{citation.url}"
    return f"nicht erreichbar ({result.detail}); {advice}"


TITLES = {BROKEN: ("warning", "Quelle nicht erreichbar"), UNSURE: ("warning", "Quelle unsicher"),
          MOVED: ("notice", "Quelle verschoben"), REFUSED: ("warning", "Quelle nicht öffentlich")}


def report(problems: list[tuple[Citation, Result]], github: bool, out: TextIO) -> None:
    """One line per problem; with `github`, an annotation on the file and line as well."""
    for citation, result in problems:
        text = f"{citation.field}: {message(citation, result)}"
        print(flat(f"{citation.path}:{citation.line}: {text}"), file=out)
        if github:
            level, title = TITLES[result.outcome]
            print(workflow_command(level, text, file=citation.path, line=citation.line, title=title), file=out)


def summary_table(problems: list[tuple[Citation, Result]], counts: str) -> str:
    """The Markdown for the job summary: one row per problem, every cell escaped."""
    lines = ["## Quellen-Prüfung", "", counts, ""]
    if problems:
        lines += ["| Stelle | Feld | Adresse | Ergebnis | Was tun |", "|---|---|---|---|---|"]
        for citation, result in problems:
            what, _, todo = message(citation, result).partition("; ")
            cells = [f"{citation.path}:{citation.line}", citation.field, citation.url, what, todo]
            lines.append("| " + " | ".join(map(markdown_cell, cells)) + " |")
    return "\n".join(lines) + "\n"


def markdown_cell(text: str) -> str:
    """Text as one table cell: no line breaks, Markdown and HTML characters taken literally."""
    text = " ".join(text.split())
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~])", r"\\\1", text)


def run(root: Path, settings: Settings | None = None, refresh: bool = False, out: TextIO = sys.stdout,
        environ: dict[str, str] | None = None, now: Callable[[], float] = time.time) -> int:
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
        text = (f"Keiner der {len(hosts)} Server war zu erreichen: besteht eine Internetverbindung? "
                f"Die {_count(len(urls), 'Adresse', 'Adressen')} wurden nicht bewertet.")
        print(text, file=out)
        _write_summary(environ, f"## Quellen-Prüfung\n\n{text}\n")
        return 1

    problems = [(c, results[c.url]) for c in citations if results[c.url].outcome != OK]
    report(problems, environ.get("GITHUB_ACTIONS") == "true", out)
    by_outcome = {kind: len({c.url for c, r in problems if r.outcome == kind})
                  for kind in (BROKEN, MOVED, UNSURE, REFUSED)}
    refused = f", {by_outcome[REFUSED]} nicht öffentlich (nicht abgerufen)" if by_outcome[REFUSED] else ""
    counts = (f"{_count(len(urls), 'Adresse', 'Adressen')} an {_count(len(citations), 'Stelle', 'Stellen')} "
              f"geprüft ({len(fresh)} aus dem Zwischenspeicher "
              f"{CACHE_FILE}): {by_outcome[BROKEN]} nicht erreichbar, {by_outcome[MOVED]} verschoben, "
              f"{by_outcome[UNSURE]} unsicher{refused}.")
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
