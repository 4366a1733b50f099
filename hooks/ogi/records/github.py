"""GitHub Actions workflow commands (`::error file=…,line=…::text`), escaped as the runner expects.

The runner splits a command at `::`, its properties at `,` and each property at `=`/`:`; a path or
message that contains these characters or a line break would cut the command short or inject another
one. The rules are those of the Actions toolkit (`escapeData`, `escapeProperty` in @actions/core).
"""

from __future__ import annotations


def escape_data(text: str) -> str:
    """The message part of a workflow command: `%`, CR and LF are encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (`file=`, `title=` …): like the message, plus `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, message: str, **properties: str | int) -> str:
    """One line such as `::warning file=a.yml,line=3,title=…::message`, every part escaped."""
    props = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties.items())
    return f"::{command}{' ' + props if props else ''}::{escape_data(message)}"
