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

    def __post_init__(self) -> None:
        # Like MkDocs' File.generated: exactly one of the two says what the file holds.
        if (self.content is None) == (self.path is None):
            raise ValueError(f"{self.uri}: content oder path angeben, nicht beides und nicht keins")
        # A page is Markdown text the generator wrote. A file (bytes, or from disk: images, attachments) is never
        # one, whatever its name: MkDocs would make a ".md" file a page of the site.
        if self.uri.endswith(".md") and not isinstance(self.content, str):
            raise ValueError(f"{self.uri}: eine Datei wird nie zur Seite; nur Text aus einer Vorlage endet auf .md")
