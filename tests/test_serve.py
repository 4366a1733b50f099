"""`mkdocs serve` with broken content: errors in the terminal and on the page, and recovery on save."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from helpers import copy_project, line_of


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(predicate, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.mark.slow
def test_serve_shows_errors_keeps_serving_and_recovers(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    record = project / "content/projects/test-herne-park.yml"
    good = record.read_text(encoding="utf-8")
    record.write_text(good.replace("status: abgeschlossen", "status: fertig"), encoding="utf-8")
    line = line_of(record, "status: fertig")
    # A second record names an image that is not there: the preview must keep answering.
    (project / "content/projects/ohne-bild.yml").write_text(
        (Path(__file__).parent / "corpus/betrag-als-text.yml").read_text(encoding="utf-8")
        .replace("betrag_eur: rund 150.000 Euro", "betrag_eur: 150000")
        .replace("titel: Testmaßnahme am Stadtpark", "titel: Maßnahme ohne Bild")
        .replace("quellen:", "bilder:\n  - datei: fehlt.jpg\n    alt: Ein Park\n    urheber: Test\n"
                              "    lizenz: CC BY 4.0\nquellen:"), encoding="utf-8")
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}",
         "--config-file", str(project / "mkdocs.yml")],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env,
    )
    try:
        url = f"http://127.0.0.1:{port}/massnahmen/"
        assert _wait_for(lambda: "Fehler in den Inhalten" in _get(url)), (tmp_path / "serve.log").read_text()
        page = _get(url)
        assert f"content/projects/test-herne-park.yml:{line}: status: „fertig“ ist nicht erlaubt" in page
        # The other records are still there to preview.
        assert "Testwiese in Herne" in page
        assert f"test-herne-park.yml:{line}: status" in (tmp_path / "serve.log").read_text()
        # The faulty record's own address shows its errors instead of a 404.
        own = _get(f"http://127.0.0.1:{port}/massnahmen/test-herne-park/")
        assert "Fehler in content/projects/test-herne-park.yml" in own
        assert "status: „fertig“ ist nicht erlaubt" in own
        # The record with the missing image is previewed without it; the error names the file.
        assert "Maßnahme ohne Bild" in _get(f"http://127.0.0.1:{port}/massnahmen/ohne-bild/")
        assert "die Datei „fehlt.jpg“ fehlt in content/projects/bilder/" in page

        record.write_text(good, encoding="utf-8")
        (project / "content/projects/ohne-bild.yml").unlink()
        assert _wait_for(lambda: "Fehler in den Inhalten" not in _get(url)), (tmp_path / "serve.log").read_text()
        assert "Testpark in Herne" in _get(url)
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def test_port_in_use_gets_one_german_line(tmp_path: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "ogi", "port-pruefen", str(port)], capture_output=True,
                                text=True, env=os.environ | {"PYTHONPATH": str(Path(__file__).parents[1] / "hooks")})
    assert result.returncode == 1
    assert result.stderr == (f"Port {port} ist schon belegt – läuft die Vorschau schon in einem anderen Fenster? "
                             f"Dann dort weiterarbeiten, oder einen anderen Port wählen: make serve PORT={port + 1}\n")
    free = subprocess.run([sys.executable, "-m", "ogi", "port-pruefen", str(port)], capture_output=True, text=True,
                          env=os.environ | {"PYTHONPATH": str(Path(__file__).parents[1] / "hooks")})
    assert free.returncode == 0 and free.stderr == ""
