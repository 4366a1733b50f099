"""`mkdocs serve` with broken content: errors in the terminal and on the page, and recovery on save."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import copy_project, get_text, line_of, mkdocs_serve, wait_for


@pytest.mark.slow
def test_serve_shows_errors_keeps_serving_and_recovers(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    record = project / "content/projects/test-herne-park.yml"
    good = record.read_text(encoding="utf-8")
    record.write_text(good.replace("status: abgeschlossen", "status: fertig"), encoding="utf-8")
    line = line_of(record, "status: fertig")
    # A second record names an image that is not there: the preview must keep answering.
    (project / "content/projects/ohne-bild.yml").write_text(
        (Path(__file__).parent / "corpus/betrag-als-text.yml")
        .read_text(encoding="utf-8")
        .replace("betrag_eur: rund 150.000 Euro", "betrag_eur: 150000")
        .replace("titel: Testmaßnahme am Stadtpark", "titel: Maßnahme ohne Bild")
        .replace(
            "quellen:",
            "bilder:\n  - datei: fehlt.jpg\n    alt: Ein Park\n    urheber: Test\n    lizenz: CC BY 4.0\nquellen:",
        ),
        encoding="utf-8",
    )
    with mkdocs_serve(project, tmp_path / "serve.log") as base:
        url = f"{base}massnahmen/"
        assert wait_for(lambda: "Fehler in den Inhalten" in get_text(url)), (tmp_path / "serve.log").read_text()
        page = get_text(url)
        assert f"content/projects/test-herne-park.yml:{line}: status: „fertig“ ist nicht erlaubt" in page
        # The other records are still there to preview.
        assert "Testwiese in Herne" in page
        assert f"test-herne-park.yml:{line}: status" in (tmp_path / "serve.log").read_text()
        # The faulty record's own address shows its errors instead of a 404.
        own = get_text(f"{base}massnahmen/test-herne-park/")
        assert "Fehler in content/projects/test-herne-park.yml" in own
        assert "status: „fertig“ ist nicht erlaubt" in own
        # The record with the missing image is previewed without it; the error names the file.
        assert "Maßnahme ohne Bild" in get_text(f"{base}massnahmen/ohne-bild/")
        assert "die Datei „fehlt.jpg“ fehlt in content/projects/bilder/" in page

        record.write_text(good, encoding="utf-8")
        (project / "content/projects/ohne-bild.yml").unlink()
        assert wait_for(lambda: "Fehler in den Inhalten" not in get_text(url)), (tmp_path / "serve.log").read_text()
        assert "Testpark in Herne" in get_text(url)


def test_port_in_use_gets_one_german_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "ogi", "port-pruefen", str(port)],
            capture_output=True,
            text=True,
            env=os.environ | {"PYTHONPATH": str(Path(__file__).parents[1] / "hooks")},
        )
    assert result.returncode == 1
    assert result.stderr == (
        f"Port {port} ist schon belegt – läuft die Vorschau schon in einem anderen Fenster? "
        f"Dann dort weiterarbeiten, oder einen anderen Port wählen: make serve PORT={port + 1}\n"
    )
    free = subprocess.run(
        [sys.executable, "-m", "ogi", "port-pruefen", str(port)],
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONPATH": str(Path(__file__).parents[1] / "hooks")},
    )
    assert free.returncode == 0 and free.stderr == ""
