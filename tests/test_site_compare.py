"""`make properdocs-vergleich` compares the MkDocs and the ProperDocs build: only the generator tag may differ."""

from __future__ import annotations

from pathlib import Path

from ogi.site_compare import compare_sites, run


def site(root: Path, generator: str, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text.replace("GEN", generator), encoding="utf-8")
    return root


PAGE = '<html><head><meta name="generator" content="GEN"></head><body>Park</body></html>\n'


def test_sites_that_differ_only_in_the_generator_are_equal(tmp_path: Path, capsys):
    first = site(tmp_path / "a", "mkdocs-1.6.1, mkdocs-material-9.8.1", {"index.html": PAGE, "x/y.json": "{}"})
    second = site(tmp_path / "b", "mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1", {"index.html": PAGE, "x/y.json": "{}"})
    assert compare_sites(first, second) == []
    assert run(first, second) == 0
    assert "Gleich: 2 Dateien" in capsys.readouterr().out


def test_missing_extra_and_changed_files_are_each_named(tmp_path: Path, capsys):
    first = site(tmp_path / "a", "m", {"index.html": PAGE, "nur-a.html": PAGE, "daten.json": '{"n": 1}\n'})
    second = site(tmp_path / "b", "p", {"index.html": PAGE.replace("Park", "Wald"), "nur-b.css": "", "daten.json": '{"n": 2}\n'})
    assert compare_sites(first, second) == [
        f"nur-a.html: nur in {first}",
        f"nur-b.css: nur in {second}",
        'daten.json: unterschiedlich (erste Abweichung: -{"n": 1})',
        'index.html: unterschiedlich (erste Abweichung: -<html><head></head><body>Park</body></html>)',
    ]
    assert run(first, second) == 1
    assert capsys.readouterr().out.splitlines()[-1] == f"4 Unterschiede zwischen {first} und {second}."


def test_a_missing_build_is_a_message_not_a_traceback(tmp_path: Path, capsys):
    assert run(tmp_path / "fehlt", tmp_path) == 1
    assert "Ordner fehlt" in capsys.readouterr().out
