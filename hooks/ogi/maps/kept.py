"""The Folium map of every page, rendered once and kept between builds.

Every page with a map carries the same Folium map (karten.ogi_map); what a page shows reaches it as JSON options.
Its div and script depend only on the map's settings, the code that renders it (elements.py) and the versions of
Folium, branca, Jinja and MarkupSafe; with all of them as the key it is kept beside the compiled templates
(ogi.pages.render). A build that finds it does not import Folium, branca and numpy: a third of a second, a tenth
of what the generator adds to Material's build at 1.000 measures. Any change of the key renders it anew, with
Folium, and the output is the same bytes either way.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from markupsafe import Markup

ELEMENTS = Path(__file__).with_name("elements.py")  # OgiMap and render_map: their code shapes the output
LIBRARIES = ("folium", "branca", "jinja2", "markupsafe")
FORMAT = "1"  # the stored file's layout (below); a new layout must not read an old file


@dataclass(frozen=True)
class RenderedMap:
    """The parts of a rendered Folium map that go into a page.

    Markup: the renderer's own output, made from the map's settings only (`karten.ogi_map`); what a page
    shows reaches its script as JSON options, never through here. Templates print it without `|safe`.
    """

    html: Markup
    script: Markup
    name: str  # the map's JavaScript variable, for scripts that follow `script`


def kept_map(settings: dict[str, Any], seed: str, directory: Path | None) -> RenderedMap:
    """The map `OgiMap(**settings)` rendered with ids from `seed`: from `directory` when kept there, else
    rendered with Folium and kept (None: always rendered). `settings` must be JSON (they are part of the key)."""
    if directory is None:
        return _render(settings, seed)
    path = directory / f"ogi-karte-{_key(settings, seed)}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return RenderedMap(html=Markup(data["html"]), script=Markup(data["script"]), name=str(data["name"]))
    except (OSError, ValueError, KeyError, TypeError):  # not kept yet, or unreadable: render it
        pass
    rendered = _render(settings, seed)
    text = json.dumps({"html": str(rendered.html), "script": str(rendered.script), "name": rendered.name})
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:  # written whole, then renamed: a parallel build reads the old state or the new, never half
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except OSError:  # a full or read-only disk: the next build renders it again
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return rendered


def _key(settings: dict[str, Any], seed: str) -> str:
    parts = [FORMAT, seed, json.dumps(settings, sort_keys=True), ELEMENTS.read_text(encoding="utf-8")]
    parts += [f"{name} {version(name)}" for name in LIBRARIES]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _render(settings: dict[str, Any], seed: str) -> RenderedMap:
    from .elements import OgiMap, render_map  # Folium and branca: only when the map is rendered anew

    return render_map(OgiMap(**settings), seed)
