"""`make check` keeps the speed the guide promises: it reads and checks records, and never pays for the map
libraries (Folium and branca, about a second of imports) that only a build needs."""

from __future__ import annotations

import os
import subprocess
import sys

from helpers import FIXTURE_ROOT, ROOT


def test_check_imports_no_map_library():
    script = ("import sys; from ogi.__main__ import main; code = main(['check', '--root', sys.argv[1]]); "
              "print(sorted(m for m in ('folium', 'branca', 'numpy') if m in sys.modules)); sys.exit(code)")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | {"PYTHONPATH": str(ROOT / "hooks")}
    result = subprocess.run([sys.executable, "-c", script, str(FIXTURE_ROOT)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_maps_package_still_offers_its_map_makers():
    from ogi import maps

    assert maps.Karten.__name__ == "Karten" and callable(maps.render_map)
