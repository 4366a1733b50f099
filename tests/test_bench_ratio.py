"""`python -m bench --nur-verhaeltnis`: only the build-time rows of generator and baseline, merged into the table
(builds replaced by recorded CPU times: no timing here)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

import bench.__main__ as bench_main
from bench.measure import Run

LABEL = "N = 1.000 Maßnahmen + 200 Beiträge"


def _runs(*cpu: float) -> list[Run]:
    return [Run(seconds=c, cpu=c, max_rss=1) for c in cpu]


def _fake_builds(monkeypatch: pytest.MonkeyPatch, cpu: Iterator[float]) -> list[Path]:
    built: list[Path] = []

    def build(project: Path, dest: Path, **env: str) -> Run:
        dest.mkdir(parents=True, exist_ok=True)
        built.append(project)
        seconds = next(cpu)
        return Run(seconds=seconds, cpu=seconds, max_rss=1)

    def project(dest: Path, n_massnahmen: int, n_beitraege: int) -> Path:
        dest.mkdir(parents=True)
        return dest

    def baseline(project: Path, dest: Path) -> Path:
        dest.mkdir(parents=True)
        return dest

    monkeypatch.setattr(bench_main, "build", build)
    monkeypatch.setattr(bench_main, "make_project", project)
    monkeypatch.setattr(bench_main, "make_baseline", baseline)
    return built


def test_only_the_ratio_rows_are_measured_and_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    results = tmp_path / "results.md"
    before = [("Spitzenspeicher, ausgelieferte Inhalte", "97 MB", "5")]
    before += bench_main.ratio_rows(_runs(13, 13, 13), _runs(10, 10, 10), LABEL, 3)
    results.write_text(bench_main.render(before, argparse.Namespace()), encoding="utf-8")
    # generator and baseline in turns: 12/10, 13/10, 14/10
    built = _fake_builds(monkeypatch, iter([12.0, 10.0, 13.0, 10.0, 14.0, 10.0]))

    assert bench_main.main(["--nur-verhaeltnis", "--runs", "3", "--runs-gross", "0", "--ausgabe", str(results)]) == 0

    assert [p.name for p in built] == ["n1000", "baseline-1000"] * 3  # alternating, N = 5.000 left out
    table = results.read_text(encoding="utf-8")
    assert "| Spitzenspeicher, ausgelieferte Inhalte | 97 MB | 5 |" in table
    assert f"| Build Generator (Wandzeit / CPU-Zeit), {LABEL} | 13,00 s / 13,00 s | 3 |" in table
    assert f"größtes; Wandzeit), {LABEL} | 1,30× (1,20–1,40; 1,30×) | 3 |" in table
    assert table.count("Verhältnis Generator/baseline") == 1 and "5.000" not in table


def test_weight_and_ratio_only_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        bench_main.main(["--nur-gewicht", "--nur-verhaeltnis"])
    assert exit_info.value.code == 2
    assert "--nur-gewicht und --nur-verhaeltnis schließen einander aus" in capsys.readouterr().err
