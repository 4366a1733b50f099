"""`python -m bench` (make bench): build time, memory, size and rebuild figures as a Markdown table.

Every figure is measured in this run; ratios compare with the plain-Material baseline of the same run.
The table is printed and written to bench/results.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from . import rich_text
from .measure import (
    Run,
    build,
    environment,
    interleaved,
    make_baseline,
    median_cpu,
    median_seconds,
    page_bytes,
    paired_ratio,
    peak_rss,
    repeat,
    serve_rebuild_seconds,
    timed,
    tree_bytes,
)
from .synthetic import ROOT, copy_sources, make_project
from .weight import material_bundle
from .weight import measure as first_visits

RESULTS = ROOT / "bench/results.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Benchmark des Generators.")
    # Five: on a shared machine one build's CPU time varies, and the ratio of a pair with it (single pairs
    # at N = 1.000 from 1,15 to 1,40 in one afternoon); more pairs steady the median, the table shows the range.
    parser.add_argument("--runs", type=int, default=5, help="Läufe für kleine Builds (Median)")
    parser.add_argument("--runs-gross", type=int, default=3, help="Läufe für N = 5.000")
    parser.add_argument("--gross", type=int, default=5000, help="Anzahl Maßnahmen im großen Lauf")
    parser.add_argument("--mittel", type=int, default=1000, help="Anzahl Maßnahmen im mittleren Lauf")
    parser.add_argument("--beitraege", type=int, default=200, help="Anzahl Beiträge in den synthetischen Läufen")
    parser.add_argument("--edits", type=int, default=3, help="Änderungen je Rebuild-Messung")
    parser.add_argument("--ohne-serve", action="store_true", help="Rebuild in mkdocs serve nicht messen")
    parser.add_argument("--ausgabe", type=Path, default=RESULTS, help="Datei für die Tabelle")
    parser.add_argument(
        "--nur-gewicht",
        action="store_true",
        help="nur das Gewicht des ersten Aufrufs je Seitentyp messen (ein Build je N); ersetzt nur diese Zeilen",
    )
    parser.add_argument(
        "--nur-verhaeltnis",
        action="store_true",
        help="nur Build-Zeiten von Generator und baseline und ihr Verhältnis messen (N = --mittel, dann --gross; "
        "--runs-gross 0 lässt das große N aus); ersetzt nur diese Zeilen",
    )
    args = parser.parse_args(argv)
    if not 100 < args.mittel < args.gross:
        parser.error("es muss 100 < --mittel < --gross gelten (der Zuwachs je Maßnahme wird zwischen ihnen gemessen)")
    if args.nur_gewicht and args.nur_verhaeltnis:
        parser.error("--nur-gewicht und --nur-verhaeltnis schließen einander aus; eines von beiden angeben")
    with tempfile.TemporaryDirectory(prefix="ogi-bench-") as tmp:
        if args.nur_gewicht:
            rows = measure_weight_only(Path(tmp), args)
        elif args.nur_verhaeltnis:
            rows = measure_ratio_only(Path(tmp), args)
        else:
            rows = measure_all(Path(tmp), args)
    if (args.nur_gewicht or args.nur_verhaeltnis) and args.ausgabe.exists():
        rows = merged(args.ausgabe.read_text(encoding="utf-8"), rows)
    table = render(rows, args)
    print(table)
    args.ausgabe.write_text(table, encoding="utf-8")
    return 0


def measure_all(tmp: Path, args: argparse.Namespace) -> list[tuple[str, str, str]]:
    """Rows of (Messung, Wert, Läufe)."""
    rows: list[tuple[str, str, str]] = []

    def row(name: str, value: str, runs: object = "") -> None:
        rows.extend(shown([(name, value, str(runs))]))

    shipped = copy_sources(tmp / "shipped", content=ROOT / "content")
    runs = repeat(args.runs, lambda: build(shipped, tmp / "site-shipped"))
    row("Vollständiger strikter Build, ausgelieferte Inhalte (Wandzeit / CPU-Zeit)", both(runs), args.runs)
    row("Spitzenspeicher (max RSS), ausgelieferte Inhalte", mib(peak_rss(runs)), args.runs)

    small = make_project(tmp / "n100", 100, args.beitraege)
    build(small, tmp / "site-n100")
    sizes = {100: tree_bytes(tmp / "site-n100")}

    for n, count in ((args.mittel, args.runs), (args.gross, args.runs_gross)):
        project = make_project(tmp / f"n{n}", n, args.beitraege)
        baseline = make_baseline(project, tmp / f"baseline-{n}")
        label = f"N = {fmt_int(n)} Maßnahmen + {args.beitraege} Beiträge"
        extra = [partial(build, project, tmp / f"site-{n}-ohne-karten", OGI_KARTEN="0")] if n == args.mittel else []
        gen, base, *rest = builds_beside_baseline(tmp, project, baseline, n, count, extra)
        rows += shown(ratio_rows(gen, base, label, count))
        row(f"Spitzenspeicher Generator / baseline, {label}", f"{mib(peak_rss(gen))} / {mib(peak_rss(base))}", count)
        if rest:
            no_maps = rest[0]
            row(f"Build ohne Karten (OGI_KARTEN=0; Wandzeit / CPU-Zeit), {label}", both(no_maps), count)
            row(f"Verhältnis mit/ohne Karten (CPU-Zeit), {label}", ratio(paired_ratio(gen, no_maps)), count)
            row(
                f"Verhältnis ohne Karten/baseline (CPU-Zeit; die baseline enthält nur die Platzhalter der Karten), {label}",
                ratio(paired_ratio(no_maps, base)),
                count,
            )
        site = tmp / f"site-{n}"
        total = tree_bytes(site)
        row(f"Größe der Website, {label}", mb(total))
        sizes[n] = total
        rows += weight_rows(site, label)
        if n == args.mittel:
            row(*overview_html_row(site, label))
        if n == args.gross:
            # Bytes each further measure adds, early and late: equal unless something grows quadratically.
            early = (sizes[args.mittel] - sizes[100]) / (args.mittel - 100)
            late = (sizes[n] - sizes[args.mittel]) / (n - args.mittel)
            row(
                f"Zuwachs je Maßnahme, N = 100 → {fmt_int(args.mittel)} / N = {fmt_int(args.mittel)} → {fmt_int(n)}",
                f"{kb(early)} / {kb(late)} ({percent(late / early - 1)})",
            )
            for kind, page in page_types(site).items():
                html, total_page = page_bytes(site, page)
                row(
                    f"Seitentyp {kind} (`{page}`): HTML / mit geladenen Dateien, {label}",
                    f"{kb(html)} / {kb(total_page)}",
                )
            checks = repeat(
                args.runs,
                partial(timed, [sys.executable, "-m", "ogi", "check", "--root", str(project)], ROOT, environment()),
            )
            row(f"`make check` (python -m ogi check; Wandzeit / CPU-Zeit), {label}", both(checks), args.runs)
        shutil.rmtree(baseline)
        shutil.rmtree(tmp / f"site-baseline-{n}")

    if not args.ohne_serve:
        record = shipped / "content/projects/herne-goerresstrasse.yml"
        times = serve_rebuild_seconds(shipped, record, "massnahmen/herne-goerresstrasse/", args.edits)
        row(
            "Rebuild in `mkdocs serve` nach Änderung einer YAML-Datei, ausgelieferte Inhalte",
            seconds(statistics.median(times)),
            args.edits,
        )
        project = tmp / f"n{args.mittel}"
        times = serve_rebuild_seconds(
            project, project / "content/projects/synthetisch-0001.yml", "massnahmen/synthetisch-0001/", args.edits
        )
        row(
            f"Rebuild in `mkdocs serve` nach Änderung einer YAML-Datei, N = {fmt_int(args.mittel)} Maßnahmen",
            seconds(statistics.median(times)),
            args.edits,
        )
    # Last: it runs in this process and leaves it large (~300 MB), and a child started afterwards reports this
    # process's size as its own peak (Linux counts the memory it was started from), so the builds' rows above
    # would all show it.
    render, refuse = rich_text.measure(args.runs)
    row(
        "Langer Text an der Gestaltgrenze (5 Ebenen, 2.000 Teile): Darstellung des aufwendigsten erlaubten Texts "
        "(cmark + nh3)",
        seconds(render),
        args.runs,
    )
    row("Langer Text mit 500.000 Zitatebenen (1 MB): Ablehnung durch `make check`", seconds(refuse), args.runs)
    return rows


def builds_beside_baseline(
    tmp: Path, project: Path, baseline: Path, n: int, count: int, extra: Sequence[Callable[[], Run]]
) -> list[list[Run]]:
    """`count` builds each of the generator, the baseline and the `extra` actions, taken in turns."""
    actions = [partial(build, project, tmp / f"site-{n}"), partial(build, baseline, tmp / f"site-baseline-{n}")]
    return interleaved(count, *actions, *extra)


def ratio_rows(gen: list[Run], base: list[Run], label: str, count: int) -> list[tuple[str, str, str]]:
    """The build times of generator and baseline and their paired ratio, as rows of the table."""
    return [
        (f"Build Generator (Wandzeit / CPU-Zeit), {label}", both(gen), str(count)),
        (
            f"Build baseline (reines Material, generiertes Markdown als Dateien, ohne hooks; Wandzeit / CPU-Zeit), "
            f"{label}",
            both(base),
            str(count),
        ),
        (
            f"Verhältnis Generator/baseline (Median der CPU-Zeit-Verhältnisse abwechselnder Läufe, kleinstes bis "
            f"größtes; Wandzeit), {label}",
            f"{ratio(paired_ratio(gen, base))} ({spread(gen, base)}; {ratio(median_seconds(gen) / median_seconds(base))})",
            str(count),
        ),
    ]


def shown(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """`rows`, printed as they are measured (a full run takes minutes)."""
    for name, value, _ in rows:
        print(f"  {name}: {value}", file=sys.stderr, flush=True)
    return rows


def measure_ratio_only(tmp: Path, args: argparse.Namespace) -> list[tuple[str, str, str]]:
    """The ratio rows alone (`--nur-verhaeltnis`): generator and baseline built in turns, per N."""
    rows: list[tuple[str, str, str]] = []
    for n, count in ((args.mittel, args.runs), (args.gross, args.runs_gross)):
        if count < 1:
            continue
        project = make_project(tmp / f"n{n}", n, args.beitraege)
        baseline = make_baseline(project, tmp / f"baseline-{n}")
        gen, base = builds_beside_baseline(tmp, project, baseline, n, count, [])
        rows += shown(ratio_rows(gen, base, f"N = {fmt_int(n)} Maßnahmen + {args.beitraege} Beiträge", count))
        shutil.rmtree(baseline)  # the project stays: the baseline of the next N renders with its templates
        for site in (tmp / f"site-{n}", tmp / f"site-baseline-{n}"):
            shutil.rmtree(site)
    return rows


def measure_weight_only(tmp: Path, args: argparse.Namespace) -> list[tuple[str, str, str]]:
    """The first-visit rows alone (`--nur-gewicht`): one build per N."""
    rows: list[tuple[str, str, str]] = []
    for n in (args.mittel, args.gross):
        build(make_project(tmp / f"n{n}", n, args.beitraege), tmp / f"site-{n}")
        label = f"N = {fmt_int(n)} Maßnahmen + {args.beitraege} Beiträge"
        rows += weight_rows(tmp / f"site-{n}", label)
        if n == args.mittel:
            rows.append((*overview_html_row(tmp / f"site-{n}", label), ""))
    return rows


def overview_html_row(site: Path, label: str) -> tuple[str, str]:
    """The measures overview's own HTML (its target: at most 250 KB)."""
    overview_html, _ = page_bytes(site, "massnahmen/index.html")
    return f"Maßnahmen-Übersicht mit Übersichtskarte, HTML (Ziel ≤ 250 KB), {label}", kb(overview_html)


def weight_rows(site: Path, label: str) -> list[tuple[str, str, str]]:
    """What a first visit of each page type transfers, gzip-compressed, measured in Chromium (bench/weight.py);
    "vorher" with Material's original bundle, which loads the search index at once."""
    pages = {kind: page for kind, page in page_types(site).items() if page.endswith(".html")}
    rows = []
    visits = first_visits(site, pages, material_bundle())
    for kind, (after, before) in visits.items():
        if after.index_at_start or after.foreign or before.foreign:
            raise RuntimeError(f"{pages[kind]}: Suchindex beim ersten Aufruf oder Anfragen an andere Hosts: {after}")
        rows.append(
            (
                f"Erster Aufruf, übertragen (gzip, gemessen in Chromium; Ziel ≤ 200 KB), Seitentyp {kind} "
                f"(`{pages[kind]}`), {label}",
                f"{kb(after.first)} (vorher {kb(before.first)})",
                "",
            )
        )
        print(f"  {rows[-1][0]}: {rows[-1][1]}", file=sys.stderr, flush=True)
    start = visits["Startseite"][0]
    rows.append(
        (
            f"Öffnen der Suche lädt dazu (Suchindex, Such-Worker und Sprachdateien der Suche, gzip), {label}",
            kb(start.search),
            "",
        )
    )
    return rows


def merged(table: str, rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The rows of an existing results table with `rows` in place of those of the same name, new ones at the end."""
    old = [
        tuple(cell.strip() for cell in line.strip().strip("|").split(" | "))
        for line in table.splitlines()
        if line.startswith("| ") and not line.startswith(("| Messung", "| ---"))
    ]
    new = {name: (name, value, runs) for name, value, runs in rows}
    kept = [new.pop(row[0], row) for row in old]
    return [(name, value, runs) for name, value, runs in kept] + list(new.values())


def spread(numerators: list[Run], denominators: list[Run]) -> str:
    """The smallest and largest CPU-time ratio of the pairs, e.g. '1,24–1,33'."""
    ratios = [n.cpu / d.cpu for n, d in zip(numerators, denominators, strict=True)]
    return f"{min(ratios):.2f}–{max(ratios):.2f}".replace(".", ",")


def page_types(site: Path) -> dict[str, str]:
    """One representative page per page type, as paths inside the built site."""
    return {
        "Startseite": "index.html",
        "Maßnahmen-Übersicht mit Übersichtskarte": "massnahmen/index.html",
        "Maßnahme (Punkt)": "massnahmen/synthetisch-0001/index.html",
        "Maßnahme (Fläche)": "massnahmen/synthetisch-0003/index.html",
        "Kommune": "kommunen/bochum/index.html",
        "Kommunen-Übersicht": "kommunen/index.html",
        "Beitrag": "tagung-2020/synthetisch-0001/index.html",
        "Tagung": "tagung-2020/index.html",
        "Suchindex": "search/search_index.json",
    }


def render(rows: list[tuple[str, str, str]], args: argparse.Namespace) -> str:
    lines = [
        "# Benchmark",
        "",
        f"Gemessen mit `make bench` (`python -m bench`) auf {os.cpu_count()} Kernen, Python "
        f"{platform.python_version()}. Zeiten sind Mediane über die genannte Zahl an Läufen, als Wandzeit und als CPU-Zeit (user + system) "
        "des Build-Prozesses; Verhältnisse aus der CPU-Zeit, weil sie kaum von anderer Last auf dem Rechner "
        "abhängt. „baseline“ ist "
        "reines MkDocs + Material mit derselben mkdocs.yml ohne `hooks:`, das dasselbe, vom Generator erzeugte "
        "Markdown als Dateien baut. Synthetische Inhalte: `bench/synthetic.py`.",
        "",
        "| Messung | Wert | Läufe |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {name} | {value} | {runs} |" for name, value, runs in rows]
    return "\n".join(lines) + "\n"


def fmt_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def both(runs: list[Run]) -> str:
    return f"{seconds(median_seconds(runs))} / {seconds(median_cpu(runs))}"


def seconds(value: float) -> str:
    return f"{value:.2f} s".replace(".", ",")


def ratio(value: float) -> str:
    return f"{value:.2f}×".replace(".", ",")


def percent(value: float) -> str:
    return f"{value * 100:+.1f} %".replace(".", ",")


def mib(value: int) -> str:
    return f"{value / 1024 / 1024:.0f} MB"


def mb(value: int) -> str:
    return f"{value / 1_000_000:.1f} MB".replace(".", ",")


def kb(value: float) -> str:
    return f"{value / 1000:.1f} KB".replace(".", ",")


if __name__ == "__main__":
    sys.exit(main())
