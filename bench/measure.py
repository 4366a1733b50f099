"""Measuring tools: timed subprocesses with their peak memory, site sizes, the plain-Material baseline
and the rebuild time of `mkdocs serve`."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import urljoin, urlsplit

from .htmltree import Node, parse_html

BUILD_EPOCH = "1764000000"
SITE_URL = "http://127.0.0.1:8000/"


@dataclass(frozen=True)
class Run:
    """One finished subprocess: wall time and CPU time (user + system) in seconds, peak RSS in bytes.

    CPU time hardly depends on other load on the machine, so ratios are computed from it.
    """

    seconds: float
    cpu: float
    max_rss: int


REPO_URL = "https://github.com/beispiel/gruene-infrastruktur"  # synthetic, like the content


def environment(**extra: str) -> dict[str, str]:
    """The environment of every measured process: reproducible dates, the project's hooks on the path.

    A repository address, so generator and baseline both render edit links (the baseline has no hook that
    would drop them without one).
    """
    return (
        os.environ
        | {
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": BUILD_EPOCH,
            "SITE_URL": SITE_URL,
            "REPO_URL": REPO_URL,
            "PYTHONPATH": "hooks",
        }
        | extra
    )


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run `command`, fail loudly on a non-zero exit; wall time and the peak RSS of exactly this child."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            out.seek(0)
            raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{out.read().decode(errors='replace')[-3000:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024)  # Linux reports KiB


def build(project: Path, dest: Path, **env: str) -> Run:
    """A strict `mkdocs build` of `project` into `dest`."""
    if dest.exists():
        shutil.rmtree(dest)
    return timed(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(project / "mkdocs.yml"),
            "--site-dir",
            str(dest),
        ],
        project,
        environment(**env),
    )


def repeat(runs: int, action: Callable[[], Run]) -> list[Run]:
    """`runs` measurements of `action()`."""
    return [action() for _ in range(runs)]


def interleaved(runs: int, *actions: Callable[[], Run]) -> list[list[Run]]:
    """`runs` measurements of each action, taken in turns (a, b, a, b …) so that drift of the
    machine's speed over the minutes of a benchmark hits every action alike."""
    results: list[list[Run]] = [[] for _ in actions]
    for _ in range(runs):
        for action, result in zip(actions, results, strict=True):
            result.append(action())
    return results


def paired_ratio(numerators: list[Run], denominators: list[Run]) -> float:
    """Median of the CPU-time ratios of runs taken side by side."""
    return statistics.median(n.cpu / d.cpu for n, d in zip(numerators, denominators, strict=True))


def median_seconds(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def median_cpu(runs: list[Run]) -> float:
    return statistics.median(r.cpu for r in runs)


def peak_rss(runs: list[Run]) -> int:
    return max(r.max_rss for r in runs)


# --- the baseline: plain Material building the Markdown the hooks generate ----------------------------


def make_baseline(project: Path, dest: Path) -> Path:
    """A copy of `project` whose docs/ holds the generated Markdown as files and whose mkdocs.yml has no hooks.

    Hand-written pages get their markers filled as the hook would do, so both builds render the same Markdown, and
    the editors' guide is kept out of the search index as the hook keeps it.
    """
    sys.path.insert(0, str(project / "hooks"))
    import yaml

    from ogi.maps import karten_einstellungen
    from ogi.model.urls import EDITORS_GUIDE
    from ogi.pages.markers import fill_markers
    from ogi.pages.outputs import build_outputs
    from ogi.pages.render import environment as jinja_environment
    from ogi.records.content import load_site

    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(project / "docs", dest / "docs")
    shutil.copytree(project / "overrides", dest / "overrides")
    config_text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    plain = re.sub(r"^hooks:\n(?:  - .*\n)+", "", config_text, flags=re.MULTILINE)
    assert plain != config_text, "mkdocs.yml has no hooks: entry to remove"
    plain = re.sub(r"^watch:\n(?:  - .*\n)+", "", plain, flags=re.MULTILINE)  # content/ and hooks/ are not copied
    (dest / "mkdocs.yml").write_text(plain, encoding="utf-8")
    site = load_site(project)
    extra_section = re.search(r"^extra:\n(?:[ #].*\n|\n)+", config_text, re.MULTILINE)
    assert extra_section, "mkdocs.yml has no extra: section"
    extra = yaml.load(extra_section.group(0), Loader=yaml.SafeLoader)["extra"]
    env = jinja_environment()
    date = dt.datetime.fromtimestamp(int(BUILD_EPOCH), dt.UTC).date()
    # With the edit address the hook passes (hooks/site.py edit_base): "Was noch fehlt" links each record's file,
    # thousands of links at N = 1.000 that the generator's build renders, so the baseline's must render them too.
    edit_uri = re.search(r"^edit_uri: *(\S+)", config_text, re.MULTILINE)
    assert edit_uri, "mkdocs.yml has no edit_uri"
    edit_base = urljoin(REPO_URL.rstrip("/") + "/", edit_uri.group(1))
    for page in (dest / "docs").rglob("*.md"):
        page.write_text(fill_markers(page.read_text(encoding="utf-8"), site, env, date, edit_base), encoding="utf-8")
    for output in build_outputs(site, site_url=SITE_URL, einstellungen=karten_einstellungen(extra.get("karte"))):
        target = dest / "docs" / output.uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if output.path is not None:
            shutil.copy2(output.path, target)
        elif isinstance(output.content, bytes):
            target.write_bytes(output.content)
        elif output.content is not None:
            target.write_text(output.content, encoding="utf-8")
    # The hook keeps the editors' guide out of the search index (hooks/site.py on_page_content); plain Material
    # does so for pages whose front matter says `search: exclude: true`.
    for page in (dest / "docs" / EDITORS_GUIDE).rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        body = text.removeprefix("---\n") if text.startswith("---\n") else "---\n" + text
        page.write_text("---\nsearch:\n  exclude: true\n" + body, encoding="utf-8")
    return dest


# --- sizes -----------------------------------------------------------------------------------------


def _loaded_url(element: Node) -> str | None:
    """The address of what `element` makes the browser load: a script, a stylesheet, an image or a frame."""
    if element.tag in ("script", "img", "iframe"):
        return element.attrs.get("src") or None
    if element.tag == "link" and "stylesheet" in element.attrs.get("rel", ""):
        return element.href or None
    return None


DATA_FILE = re.compile(r"""["']([^"'\s]+\.(?:geojson|json))["']""")


def page_bytes(site: Path, page: str) -> tuple[int, int]:
    """(HTML bytes, HTML plus every local file it loads: scripts, stylesheets, images, data files)."""
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    urls = {url for element in parse_html(html).iter() if (url := _loaded_url(element))} | set(DATA_FILE.findall(html))
    base = "http://x/" + page
    total = len(html.encode())
    for url in sorted(urls):
        absolute = urljoin(base, url)
        parts = urlsplit(absolute)
        if parts.netloc != "x":
            continue
        local = site / parts.path.lstrip("/")
        if local.is_file():
            total += local.stat().st_size
    return len(html.encode()), total


def tree_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


# --- rebuild in `mkdocs serve` ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]  # (host, port) for AF_INET
        return port


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8", errors="replace")
    except OSError:
        return None


def serve_rebuild_seconds(project: Path, record: Path, page: str, edits: int, timeout: float = 300) -> list[float]:
    """Seconds from changing `record` until `mkdocs serve` serves `page` with the change, for `edits` edits."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "--livereload",
                "--dev-addr",
                f"127.0.0.1:{port}",
                "--config-file",
                str(project / "mkdocs.yml"),
            ],
            cwd=project,
            env=environment(SITE_URL=f"http://127.0.0.1:{port}/"),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_for(url, lambda body: body is not None, timeout, process, log)
            original = record.read_text(encoding="utf-8")
            results = []
            for edit in range(1, edits + 1):
                marker = f"Bearbeitung{edit:03d}Benchmark"
                record.write_text(
                    re.sub(r"^titel: ", f"titel: {marker} ", original, count=1, flags=re.MULTILINE), encoding="utf-8"
                )

                def shows(body: str | None, marker: str = marker) -> bool:
                    return body is not None and marker in body

                start = time.perf_counter()
                _wait_for(url, shows, timeout, process, log)
                results.append(time.perf_counter() - start)
                time.sleep(0.5)
            record.write_text(original, encoding="utf-8")
            return results
        finally:
            process.terminate()
            process.wait(timeout=30)


def _wait_for(
    url: str, done: Callable[[str | None], bool], timeout: float, process: subprocess.Popen[bytes], log: IO[bytes]
) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"mkdocs serve ended:\n{log.read().decode(errors='replace')[-3000:]}")
        if done(_fetch(url)):
            return
        time.sleep(0.05)
    log.seek(0)
    raise RuntimeError(f"timeout waiting for {url}:\n{log.read().decode(errors='replace')[-3000:]}")
