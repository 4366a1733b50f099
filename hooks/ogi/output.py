"""One file the generator adds to the site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Output:
    """One file of the site: Markdown to render, or a file to publish as it is."""

    uri: str  # path inside the docs tree, e.g. "massnahmen/herne-goerresstrasse.md"
    content: str | bytes | None = None
    path: Path | None = None  # a file on disk to publish unchanged
    source: str | None = None  # the content file it comes from, for the edit link
