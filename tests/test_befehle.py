"""Which command when: README and guide tell editors the same two commands before the developers' one, and
`make check` keeps the speed they promise — it reads and checks records, and never pays for the map libraries
(Folium and branca, about a second of imports) that only a build needs."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from helpers import FIXTURE_ROOT, ROOT


def test_check_imports_no_map_library() -> None:
    script = (
        "import sys; from ogi.__main__ import main; code = main(['check', '--root', sys.argv[1]]); "
        "print(sorted(m for m in ('folium', 'branca', 'numpy') if m in sys.modules)); sys.exit(code)"
    )
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | {"PYTHONPATH": str(ROOT / "hooks")}
    result = subprocess.run([sys.executable, "-c", script, str(FIXTURE_ROOT)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_maps_package_still_offers_its_map_makers() -> None:
    from ogi import maps

    assert maps.Karten.__name__ == "Karten" and callable(maps.render_map)


def test_readme_opens_with_the_editors_commands_before_the_developers() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^(make [a-z-]+)", readme, re.M)
    assert commands[:3] == ["make serve", "make check", "make test"]
    first_heading = readme.index("\n## ")
    assert readme.index("## Für die Redaktion") == first_heading + 1  # the editors' part before any developer part
    assert readme.index("## Für die Redaktion") < readme.index("## Für die Entwicklung") < readme.index("## Aufbau")
    assert "CI" in readme[:first_heading]


def test_guide_names_the_same_commands_for_the_same_moments() -> None:
    guide = (ROOT / "docs/redaktion/index.md").read_text(encoding="utf-8")
    table = guide[guide.index("{#befehle}") : guide.index("{#weg}")]
    rows = [line.split("|")[1:3] for line in table.splitlines() if line.startswith("| ") and "`" in line]
    assert [(when.strip(), command.strip()) for when, command in rows] == [
        ("beim Schreiben", "`make serve`"),
        ("vor jedem Commit", "`make check`"),
    ]
    assert "`make test` ist für die Entwicklung" in table
