"""The site's Folium map (local assets, ids derived from a seed) and rendering its div and script.

Every value that reaches the map scripts goes through JSON (`tojson`, or Folium's `tojavascript`, which
writes strings as escaped JSON), never into a JavaScript string.
"""

from __future__ import annotations

import hashlib
from typing import Any

import folium
from branca.element import Element, Figure
from folium.template import Template
from markupsafe import Markup

from .kept import RenderedMap

# Leaflet.GestureHandling: the page scrolls under the wheel and one finger; these are its German hints.
GESTEN_TEXT = {
    "touch": "Zum Verschieben der Karte zwei Finger benutzen",
    "scroll": "Zum Zoomen Strg + Mausrad benutzen",
    "scrollMac": "Zum Zoomen \u2318 + Mausrad benutzen",
}


class OgiMap(folium.Map):
    """A Folium map without tiles, without Folium's CDN files and without page-wide styles.

    The zoom buttons are added by assets/karte/karte.js with German labels; wheel and one-finger drag
    scroll the page (GestureHandling) so a map never traps the reader.
    """

    default_js: list[tuple[str, str]] = []  # the page's template links the local files (see Karten)
    default_css: list[tuple[str, str]] = []

    def __init__(self, **kwargs: Any):
        super().__init__(tiles=None, width="100%", height="100%", zoom_control=False, **kwargs)
        self.options["gestureHandling"] = True
        self.options["gestureHandlingOptions"] = {"text": GESTEN_TEXT, "duration": 1500}

    # Folium's own template also adds a viewport meta that blocks zooming and html/body styles.
    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <div class="folium-map ogi-karte__flaeche" id={{ this.get_name()|tojson }}></div>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.map({{ this.get_name()|tojson }}, {
        center: {{ this.location|tojson }}, crs: L.CRS.{{ this.crs }}, ...{{ this.options|tojavascript }}
        });
        {% endmacro %}
        """
    )


def stabilise_ids(root: Element, seed: str) -> None:
    """Replace branca's random ids by ids derived from `seed` and the element's place in the tree."""
    counter = 0

    def visit(element: Element) -> None:
        nonlocal counter
        element._id = hashlib.sha1(f"{seed}:{counter}".encode()).hexdigest()[:16]
        counter += 1
        children = list(element._children.values())
        element._children.clear()
        for child in children:
            visit(child)
            element._children[child.get_name()] = child

    visit(root)


def render_map(m: folium.Map, seed: str) -> RenderedMap:
    """Render the map's div and script only (not Folium's whole page), with deterministic ids.

    Calls each element's `html` and `script` macros in the order branca's MacroElement.render uses, without
    Folium's page around them (its viewport meta and page-wide styles). The map element has no render-time
    side effects beyond its macros.
    """
    figure = m.get_root()
    assert isinstance(figure, Figure)
    stabilise_ids(figure, seed)
    html: list[str] = []
    script: list[str] = []

    def collect(element: Element) -> None:
        module = element._template.module
        for name, parts in (("html", html), ("script", script)):
            macro = getattr(module, name, None)
            if macro is not None:
                parts.append(str(macro(element, {})))
        for child in element._children.values():
            collect(child)

    collect(m)
    return RenderedMap(html=Markup("".join(_lines(html))), script=Markup("\n".join(_lines(script))), name=m.get_name())


def _lines(parts: list[str]) -> list[str]:
    # Strip indentation and blank lines: the fragment sits in a Markdown raw HTML block.
    return [line.strip() for part in parts for line in part.splitlines() if line.strip()]
