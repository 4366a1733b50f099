"""Fast tests of the benchmark's synthetic content generator and its measuring helpers (no timing)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pytest import TempPathFactory

from bench.measure import REPO_URL, make_baseline, page_bytes
from bench.synthetic import ROOT, make_project
from helpers import present
from ogi.records.content import load_site

N_MASSNAHMEN = 60
N_BEITRAEGE = 12


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("synthetisch") / "projekt", N_MASSNAHMEN, N_BEITRAEGE)


def _content_snapshot() -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(ROOT).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in (ROOT / "content").rglob("*")
        if p.is_file()
    }


def test_synthetic_records_load_without_errors(synthetic: Path) -> None:
    site = load_site(synthetic)
    assert site.errors == []
    assert site.warnings == []


def test_synthetic_counts_match_request(synthetic: Path) -> None:
    site = load_site(synthetic)
    assert len(site.massnahmen) == N_MASSNAHMEN
    assert len(present(site.veranstaltung("tagung-2020")).vortraege) == N_BEITRAEGE
    assert len(list((synthetic / "content/projects").glob("*.yml"))) == N_MASSNAHMEN


def test_synthetic_titles_say_synthetic(synthetic: Path) -> None:
    site = load_site(synthetic)
    titles = [m.record.titel for m in site.massnahmen] + [
        v.record.titel for v in present(site.veranstaltung("tagung-2020")).vortraege
    ]
    assert all(re.fullmatch(r"Synthetische Maßnahme \d{4}|Synthetischer Beitrag \d{4}", t) for t in titles)
    assert all(m.record.quellen[0].url is None for m in site.massnahmen)  # no invented addresses


def test_synthetic_geometry_kinds_all_present(synthetic: Path) -> None:
    site = load_site(synthetic)
    kinds = {m.record.lage.geometrie.type for m in site.massnahmen if m.record.lage.geometrie is not None}
    assert kinds == {"Point", "LineString", "Polygon"}
    ohne = [m for m in site.massnahmen if m.record.lage.genauigkeit == "Kommune"]
    assert ohne and all(m.record.lage.geometrie is None for m in ohne)


def test_synthetic_measures_spread_over_all_kommunen(tmp_path: Path) -> None:
    kommunen = yaml.safe_load((ROOT / "content/kommunen.yml").read_text(encoding="utf-8"))["kommunen"]
    site = load_site(make_project(tmp_path / "p", len(kommunen), 0))
    assert {ort.name for m in site.massnahmen for ort in m.kommunen} == {k["name"] for k in kommunen}


def test_synthetic_generator_writes_nothing_into_content(tmp_path: Path) -> None:
    before = _content_snapshot()
    project = make_project(tmp_path / "p", 8, 3)
    assert _content_snapshot() == before
    assert not any(p.name.startswith("synthetisch-") for p in (ROOT / "content").rglob("*"))
    # Only synthetic measures: none of the shipped records is copied along.
    assert sorted(p.name for p in (project / "content/projects").glob("*.yml")) == [
        f"synthetisch-{i:04d}.yml" for i in range(1, 9)
    ]


def test_baseline_has_generated_markdown_and_no_hooks(synthetic: Path, tmp_path: Path) -> None:
    baseline = make_baseline(synthetic, tmp_path / "baseline")
    config = (baseline / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^hooks:", config, re.MULTILINE)
    assert re.search(r"^theme:", config, re.MULTILINE)
    page = (baseline / "docs/massnahmen/synthetisch-0001.md").read_text(encoding="utf-8")
    assert "Synthetische Maßnahme 0001" in page
    assert (baseline / "docs/massnahmen/index.md").is_file()
    assert "<!-- ogi:" not in (baseline / "docs/impressum.md").read_text(encoding="utf-8")
    # Markers filled as the hook fills them: with the benchmark's repository, "Was noch fehlt" links each file.
    gaps = (baseline / "docs/redaktion/was-noch-fehlt.md").read_text(encoding="utf-8")
    assert f"]({REPO_URL}/edit/main/content/projects/synthetisch-0001.yml)" in gaps
    # and, as the hook does, the editors' guide kept out of the search index.
    assert gaps.startswith("---\nsearch:\n  exclude: true\ntitle: Was noch fehlt\n")


def test_page_bytes_counts_local_assets_only(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/x.js").write_bytes(b"1" * 100)
    (tmp_path / "assets/x.css").write_bytes(b"2" * 50)
    (tmp_path / "daten.geojson").write_bytes(b"3" * 7)
    html = (
        '<html><head><link rel="stylesheet" href="../assets/x.css"><script src="../assets/x.js"></script>'
        '<script src="https://cdn.example.org/y.js"></script></head>'
        '<body><script>fetch("../daten.geojson")</script></body></html>'
    )
    (tmp_path / "a/index.html").write_text(html, encoding="utf-8")
    own, total = page_bytes(tmp_path, "a/index.html")
    assert own == len(html.encode())
    assert total == own + 100 + 50 + 7


@pytest.mark.slow
def test_generator_and_baseline_both_build_strictly(synthetic: Path, tmp_path: Path) -> None:
    # The benchmark compares the two builds; either failing would abort `make bench` halfway.
    from bench.measure import build

    baseline = make_baseline(synthetic, tmp_path / "baseline")
    for project, dest in ((synthetic, tmp_path / "site-gen"), (baseline, tmp_path / "site-base")):
        run = build(project, dest)
        assert run.seconds > 0
        assert (dest / "massnahmen" / "index.html").is_file()


def test_rich_text_benchmark_measures_allowed_texts_and_a_refused_attack() -> None:
    from bench.rich_text import ATTACK, WORST_ALLOWED
    from ogi.records.text import structure_problem
    from ogi.records.yamlfile import MAX_BYTES

    assert [name for name, text in WORST_ALLOWED.items() if structure_problem(text)] == []
    assert structure_problem(ATTACK) is not None and len(ATTACK) < MAX_BYTES


def test_weight_only_run_replaces_its_rows_and_keeps_the_others() -> None:
    from bench.__main__ import merged

    table = "# Benchmark\n\n| Messung | Wert | Läufe |\n| --- | ---: | ---: |\n| Build | 1,2 s | 5 |\n| Gewicht | 9 KB |  |\n"
    rows = merged(table, [("Gewicht", "3 KB", ""), ("Neu", "1 KB", "")])
    assert rows == [("Build", "1,2 s", "5"), ("Gewicht", "3 KB", ""), ("Neu", "1 KB", "")]


def test_weight_server_sends_text_gzip_compressed(tmp_path: Path) -> None:
    import gzip
    import urllib.request

    from bench.weight import served

    (tmp_path / "index.html").write_text("<p>" + "Grün " * 500 + "</p>", encoding="utf-8")
    with served(tmp_path) as base:
        request = urllib.request.Request(base, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            body = response.read()
            assert response.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body).decode() == "<p>" + "Grün " * 500 + "</p>"
    assert len(body) == len(gzip.compress(gzip.decompress(body), compresslevel=6, mtime=0))
