"""Content text at the boundary to Markdown, HTML and front matter.

Content comes from many hands through pull requests, so its text is untrusted. Every value a page
template prints becomes inert text by default (`markdown_text`, installed as the Jinja environment's
`finalize`); rich text is a fixed Markdown subset rendered here and cleaned by an allow-list sanitiser
(`rich_text`); URLs pass only through `href`. Nothing else turns content into markup.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote, urlsplit

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options
from markupsafe import Markup, escape

from .kontakt import is_address

# Characters that start Markdown syntax anywhere in a line (links, emphasis, code, attr_list braces,
# tables, escapes, headings, admonitions). As numeric character references they are shown as typed.
_INLINE = {c: f"&#{ord(c)};" for c in "\\`*_[]{}|#!~^$"} | {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&#34;",
    "'": "&#39;",
}
_INLINE_TABLE = str.maketrans(_INLINE)
_INLINE_ANY = re.compile("[" + re.escape("".join(_INLINE)) + "]")  # finds one far faster than translate() runs
# Characters that start a block only at the beginning of a line: lists, quotes, definition lists,
# setext underlines, details, footnotes.
_LINE_START = re.compile(r"^ *(?:[-+=:>?%]|\d+[.)])")
# Every kind of line break or other whitespace run: a value never starts a new Markdown block.
_WHITESPACE = re.compile(r"[\s\u2028\u2029\x85]+")

_HEADING = re.compile(r"<(/?)h([1-6])")
# Limits on the shape of rich text, checked before anything renders it for a page (models.py): the sanitiser
# (html5ever inside nh3) takes time that grows with the square of the nesting, so 500.000 nested quotes in a
# 1-MB file kept a build busy for minutes. No description needs more than a few levels or a few hundred parts;
# at these limits the worst text renders in a few hundredths of a second (make bench, bench/rich_text.py).
MAX_NESTING = 5
MAX_ELEMENTS = 2000
_NESTING_TAGS = {"blockquote", "ul", "ol"}
# A tag in cmark's output: its own elements (with data-sourcepos) and raw HTML from the text alike. `[^<>]*`
# stops at the next bracket, so a text full of unclosed "<a" is still scanned in one pass.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)")
_SOURCE_LINE = re.compile(r'data-sourcepos="(\d+):')
RICH_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "h5", "code"}
RICH_SCHEMES = {"http", "https", "mailto"}
_HREF_SCHEMES = frozenset(RICH_SCHEMES | {"tel"})


def one_line(value: object) -> str:
    """The value as one line of text: whitespace runs (line breaks included) become one space.

    Not stripped: template literals such as ", " keep their space; one space never makes code.
    """
    text = str(value)
    # Most values have no whitespace but single spaces (isprintable() is False for every other whitespace
    # character): nothing to replace, and this check is cheaper than the substitution.
    if text.isprintable() and "  " not in text:
        return text
    return _WHITESPACE.sub(" ", text)


def markdown_text(value: object) -> Markup:
    """Plain text that Markdown and HTML show literally, whatever it contains.

    Markup (already safe HTML from a macro, a filter or the map renderer) passes unchanged.
    """
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    text = one_line(value)
    if _INLINE_ANY.search(text):
        text = text.translate(_INLINE_TABLE)
    match = _LINE_START.match(text)
    if match:  # the marker's last character as a reference: "1&#46; Preis", "&#45; Liste"
        end = match.end() - 1
        text = text[:end] + f"&#{ord(text[end])};" + text[end + 1 :]
    return Markup(text)


def code_spans(value: object) -> Markup:
    """Trusted help text from the models: inert like any text, with `Feld` shown as code."""
    # str(): re.sub on Markup would escape the replacement's tags.
    return Markup(re.sub(r"&#96;(.+?)&#96;", r"<code>\1</code>", str(markdown_text(value))))


def meta_text(value: object) -> Markup:
    """A front matter value: HTML-escaped one-line text as a JSON (= YAML) string.

    Material prints `page.meta.title` and `description` without escaping into <title>, the header,
    the navigation and <meta>; the value therefore arrives escaped (hooks/site.py marks it as such).
    """
    return Markup(json.dumps(str(escape(one_line(value).strip())), ensure_ascii=True))


def href(value: object) -> Markup:
    """A link target for Markdown or HTML: an http(s)/mailto/tel address or a relative path, percent-encoded.

    Any other scheme (javascript:, data:, …) is refused: models admit only http(s) URLs, so this is a
    second wall, not the first.
    """
    url = str(value)
    # Without a colon there is no scheme, and these prefixes are their own: most links (a few thousand per build)
    # need no parsing.
    if ":" in url and not url.startswith(("https://", "http://")):
        scheme = urlsplit(url).scheme.lower()
        if scheme and scheme not in _HREF_SCHEMES:
            raise ValueError(f"Linkziel mit unerlaubtem Schema: {url!r}")
    # quote() keeps letters, digits and "_.-~"; brackets, quotes and spaces are encoded, so the
    # target can close neither a Markdown link nor an HTML attribute.
    return Markup(quote(url, safe="/:?#&=%,;@+!$*"))


def structure_problem(value: str) -> str | None:
    """What makes rich text too deeply nested or too big to render quickly, in German; None if nothing.

    Counted in the HTML that cmark makes of the text, before the sanitiser sees it: every start tag is an
    element (raw HTML included), and quotes and lists, cmark's or raw, each open one level of nesting.
    """
    html = cmarkgfm.markdown_to_html(value, options=Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_SOURCEPOS)
    depth, elements, line = 0, 0, 1
    for match in _TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        source = _SOURCE_LINE.search(match.group(3))
        if source:
            line = int(source.group(1))
        if closing:
            if name in _NESTING_TAGS:
                depth = max(depth - 1, 0)
            continue
        elements += 1
        if elements > MAX_ELEMENTS:
            limit = f"{MAX_ELEMENTS:_}".replace("_", ".")
            return (
                f"der Text hat mehr als {limit} Teile (Absätze, Listenpunkte, Zitate, Links, Hervorhebungen …) "
                f"und wäre zu aufwendig darzustellen; höchstens {limit}: kürzen oder auf mehrere Datensätze "
                "verteilen"
            )
        if name in _NESTING_TAGS:
            depth += 1
            if depth > MAX_NESTING:
                return (
                    f"Zitate („>“) und Listen sind in Zeile {line} des Textes mehr als {MAX_NESTING} Ebenen "
                    f"tief ineinander verschachtelt; höchstens {MAX_NESTING} Ebenen (z. B. eine Liste in einem "
                    "Zitat sind zwei): die Verschachtelung auflösen"
                )
    return None


def _allowed_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        scheme = urlsplit(value).scheme.lower()
        if scheme == "mailto":  # one plain address: a ?cc= or a second address would copy readers' mail
            return value if is_address(value[len("mailto:") :]) else None
        return value if scheme in RICH_SCHEMES else None
    return value


# The allow-list, built once: nh3.clean() would build the same sanitiser anew for every text (two thirds of its time).
_SANITISER = nh3.Cleaner(
    tags=RICH_TAGS,
    clean_content_tags={"script", "style", "iframe", "object", "template", "noscript", "textarea"},
    attributes={"a": {"href"}},
    attribute_filter=_allowed_attribute,
    url_schemes=RICH_SCHEMES,
    link_rel="noopener noreferrer",
)


def rich_text(value: object, section_level: int = 2) -> Markup:
    """Rich text of a record (e.g. `beschreibung`): the documented Markdown subset, sanitised HTML.

    Allowed: paragraphs, line breaks, **fett**, *kursiv*, `Code`, links to http(s)/mailto addresses,
    lists, quotes and headings (shown as sub-headings of the section). Raw HTML, images, attributes
    and everything else are removed; the result is one raw HTML block that the page's Markdown leaves
    alone.
    """
    if value is None:
        return Markup("")
    # CommonMark by GitHub's own renderer: a description reads as Markdown does on GitHub, where editors write
    # it. Raw HTML is passed on (UNSAFE) so that nh3 alone decides what stays: its text, never its tags.
    html = cmarkgfm.markdown_to_html(str(value), options=Options.CMARK_OPT_UNSAFE).rstrip("\n")
    # "# Titel" in a description becomes a sub-heading of the section the text stands in (section_level 2:
    # below a "##" heading, h1 -> h3 and deeper -> h4; 1: right below the page's title, h1 -> h2, deeper -> h3),
    # so headings never skip a level.
    top, below = section_level + 1, section_level + 2
    html = _HEADING.sub(lambda m: f"<{m.group(1)}h{top if m.group(2) == '1' else below}", html)
    return Markup(f'<div class="ogi-text">\n{_SANITISER.clean(html)}\n</div>')
