"""Messages cannot speak for CI: content quoted in any printed message stays on its line.

On GitHub Actions a printed line such as `::error::…`, `::stop-commands::…` or `::add-mask::…` is a command
to the runner: a title or a key that breaks the message line could fake an error, hide the real annotations
or mask text. Each case feeds those forms, behind every kind of line break, through one message path and
reads the output as the runner would. Annotations are our own commands, escaped (test_github_commands.py).
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from pytest import CaptureFixture, MonkeyPatch

from helpers import FIXTURE_CONTENT, copy_project, mkdocs_build
from ogi.__main__ import run_check
from ogi.editors.citations import Citation
from ogi.editors.sources_report import BROKEN, Result, report
from ogi.records.errors import ContentError, ContentErrors, flat

FORMS = ["::error::gefälscht", "::stop-commands::ende", "::add-mask::geheim", "  ::warning title=x::y", "\t::notice::z"]
BREAKS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c"]
# Every form behind every break, in one value; the YAML reader refuses the control characters among the
# breaks (with a message of its own), the others reach the models.
INJECTION = "".join(b + f for b in BREAKS for f in FORMS)
ADMITTED = "".join(b + f for b in BREAKS[:5] for f in FORMS)
# For a file name, which has at most 255 bytes.
SHORT = "\n::stop-commands::e\r::error::x\u2028  ::add-mask::m"
# What the runner and a log viewer may take for the end of a line.
ANY_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Our own annotation: one escaped command per line (the runner splits lines at CR and LF only).
ANNOTATION = re.compile(r"^::(error|warning|notice) file=[^:\r\n]*,line=\d+,title=[^:\r\n]*::[^\r\n]*$")


def commands_in(output: str) -> list[str]:
    """Every line or line part that begins a workflow command and is not one of our annotations."""
    found = []
    for line in re.split("\r\n|[\r\n]", output):
        if ANNOTATION.match(line):
            continue
        found += [part for part in ANY_BREAK.split(line) if part.lstrip().startswith("::")]
    return found


def hostile_content(root: Path) -> Path:
    """The fixture content plus records that put the injection into a title, a key, a file name and values
    of every message kind: duplicate title, unknown field, unknown Kommune, value outside a list, pattern,
    date, file path, a name that is no address, and YAML syntax."""
    content = root / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    park = yaml.safe_load((content / "projects/test-herne-park.yml").read_text(encoding="utf-8"))

    def record(name: str, **changes: object) -> None:
        data = dict(park, **changes)
        (content / "projects" / name).write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )

    record("zeichen.yml", titel=f"Zeichen {INJECTION}")
    record("titel-eins.yml", titel=f"Doppelt {ADMITTED}")
    record("titel-zwei.yml", titel=f"Doppelt {ADMITTED}")
    record("feld.yml", **{f"feld{ADMITTED}": 1})
    record("kommune.yml", titel="Kommune", kommunen=[f"Herne{ADMITTED}"])
    record(
        "werte.yml",
        titel="Werte",
        status=f"fertig{ADMITTED}",
        kommunen=[f"Herne{ADMITTED}"],
        datenstand=f"2026{ADMITTED}",
        bilder=[{"datei": f"a{ADMITTED}.jpg", "alt": "x", "urheber": "x", "lizenz": "x"}],
    )
    record(f"Name{SHORT}.yml", titel="Name")
    (content / "projects/syntax.yml").write_text(f"titel: Grün: ein Test{ADMITTED}\n", encoding="utf-8")
    betreiber = yaml.safe_load((content / "betreiber.yml").read_text(encoding="utf-8"))
    betreiber["anschrift"]["plz"] = f"1{ADMITTED}"
    (content / "betreiber.yml").write_text(yaml.safe_dump(betreiber, allow_unicode=True), encoding="utf-8")
    return root


def test_flat_shows_every_line_break_as_a_sign() -> None:
    assert commands_in(flat(INJECTION)) == []
    assert flat("a\nb\u2028c") == "a↵b⟨U+2028, unsichtbares Zeichen⟩c"


def test_check_prints_no_workflow_command_from_content(
    tmp_path: Path, monkeypatch: MonkeyPatch, capsys: CaptureFixture[str]
) -> None:
    root = hostile_content(tmp_path)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run_check(root) == 1
    printed = capsys.readouterr()
    output = printed.out + printed.err
    assert "::stop-commands::" in output  # the content is quoted, on its message's line
    for kind in (
        "Steuerzeichen",
        "steht schon in",
        "unbekanntes Feld",
        "unbekannte Kommune",
        "ist nicht erlaubt",
        "Datum",
        "Adresse der Seite",
        "YAML",
        "nicht die erwartete Form",
    ):
        assert kind in output
    assert commands_in(output) == []
    assert [line for line in printed.out.split("\n") if line and not ANNOTATION.match(line)] == []


@pytest.mark.slow
def test_build_report_has_no_workflow_command_from_content(tmp_path: Path) -> None:
    # The strict build stops with the same messages (hooks/site.py: Abort with ContentErrors.report()).
    project = copy_project(tmp_path / "projekt")
    shutil.rmtree(project / "content")
    hostile_content(project)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Die Website wurde nicht gebaut." in output and "::stop-commands::" in output
    assert commands_in(output) == []


def test_plain_error_line_keeps_path_field_and_message_on_one_line() -> None:
    error = ContentError(f"content/projects/x{INJECTION}.yml", 3, f"feld{INJECTION}", f"Wert „{INJECTION}“")
    assert commands_in(str(error)) == [] and commands_in(ContentErrors([error]).report()) == []
    assert ANNOTATION.match(error.github_annotation())


def test_source_check_report_has_no_workflow_command_from_content() -> None:
    citation = Citation(f"docs/a{INJECTION}.md", 2, f"Link „{INJECTION}“", f"https://example.org/{INJECTION}")
    out = io.StringIO()
    report([(citation, Result(citation.url, BROKEN, f"404{INJECTION}"))], github=True, out=out)
    assert "::stop-commands::" in out.getvalue()
    assert commands_in(out.getvalue()) == []


@pytest.mark.parametrize("form", FORMS)
def test_every_form_is_caught_by_the_reader_of_this_test(form: str) -> None:
    # The test's own reader finds each form at the start of a line, so an empty result above means something.
    assert commands_in(f"content/a.yml:1: titel: x\n{form}") == [form]
