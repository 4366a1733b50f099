"""Compile each of branca's element templates once per process instead of once per element, and
work out each element class's name in JavaScript once.

branca's `Element(template)` compiles its template string as a new Jinja template every time; every
Folium map's `Figure` adds such an element (its <meta> tag), which made compiling the largest single cost
of the per-measure maps (bench/: `build_outputs` at 1.000 measures went from 6,6 s to 4,1 s with this).
The strings repeat and compiled templates are immutable, so one compiled template per string is enough.
`Element.get_name()` turns the class name into snake case on every call, fourteen times per measure
map (a sixth of the map's rendering); the few class names give a tiny cache.
Importing this module installs both caches; the rendered output is byte-identical.
"""

from __future__ import annotations

import functools

import branca.element
import jinja2


@functools.lru_cache(maxsize=512)
def cached_template(source: str) -> jinja2.Template:
    """The compiled Jinja template of `source`, compiled on first use."""
    return jinja2.Template(source)


# branca only ever calls Template(source); the cached function answers that call with the same template.
branca.element.Template = cached_template  # type: ignore[misc,assignment]
branca.element._camelify = functools.lru_cache(maxsize=64)(branca.element._camelify)
