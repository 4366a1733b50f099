"""The error messages quoted in the editors' guide are the loader's real wording, not a paraphrase."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs/redaktion/fehlermeldungen.md"
CORPUS = ROOT / "tests/corpus"


def real_messages() -> list[str]:
    """`field: message` of every broken file in the corpus (see test_content_errors.py) and of every refused file
    beside the records (test_dateien.py)."""
    from test_dateien import guide_messages

    messages = guide_messages()
    for path in sorted(CORPUS.glob("*.yml")):
        header = path.read_bytes().split(b"\n", 2)[1].decode().removeprefix("# fehler: ").strip()
        messages.append(re.sub(r"^[^:]+:\d+: ", "", header))
    return messages


def guide_examples() -> list[str]:
    """The first cell of every table row in the guide: the quoted example message."""
    return re.findall(r"^\| `([^`]+)` \|", GUIDE.read_text(encoding="utf-8"), re.M)


EXAMPLES = guide_examples()


def test_guide_quotes_many_kinds_of_messages() -> None:
    assert len(EXAMPLES) >= 25


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.split(":")[0] + "-" + str(i) for i, e in enumerate(EXAMPLES)])
def test_guide_example_is_a_real_message(example: str) -> None:
    # "…" in the guide shortens the rest of a message; everything before it must match exactly.
    pieces = [p.strip() for p in example.split("…") if p.strip(" ;()")]
    assert any(
        all(piece in message for piece in pieces) and message.startswith(pieces[0]) for message in real_messages()
    ), example
