"""Annotations on GitHub (`::error file=…::`) survive any path and message: properties and message are
escaped by the rules of the Actions runner, so a comma, colon or line break cannot cut them short."""

from __future__ import annotations

import re

import pytest

from ogi.records.errors import ContentError
from ogi.records.github import escape_data, escape_property, workflow_command

# The runner's own parsing: command, then properties up to the first `::`, then the message.
COMMAND = re.compile(r"^::(?P<command>\w+)(?: (?P<props>[^:]*))?::(?P<message>.*)$")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """Split a workflow command as the runner does, then undo the escaping."""
    match = COMMAND.match(line)
    assert match, line
    props = {}
    for part in (match["props"] or "").split(","):
        name, _, value = part.partition("=")
        props[name] = unescape(value)
    return match["command"], props, unescape(match["message"])


def unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


@pytest.mark.parametrize(
    "path",
    [
        "content/projects/park.yml",
        "content/projects/a,b.yml",
        "content/projects/c:d.yml",
        "content/projects/100%.yml",
        "content/projects/zeile\numbruch.yml",
        "content/projects/%2C.yml",
    ],
    ids=["plain", "comma", "colon", "percent", "newline", "already-encoded"],
)
def test_content_error_annotation_keeps_any_path_whole(path: str) -> None:
    error = ContentError(path, 7, "titel", "fehlt; einen Titel eintragen: z. B. „Park“, 100 %\nzweite Zeile")
    line = error.github_annotation()
    assert "\n" not in line
    command, props, message = parse(line)
    assert command == "error"
    assert props == {"file": path, "line": "7", "title": "Inhaltsfehler"}
    assert message == "titel: fehlt; einen Titel eintragen: z. B. „Park“, 100 %\nzweite Zeile"


def test_property_escaping_follows_the_runner_rules() -> None:
    assert escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"
    assert escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"


def test_workflow_command_without_properties() -> None:
    assert workflow_command("notice", "Fertig: 3, ok") == "::notice::Fertig: 3, ok"
