"""Search keywords of a page: words readers type that the page's text does not contain as such.

Material's search appends `*` to every query word, and lunr runs no stemmer on such words; a query
matches a word of the index that starts with it. "Fledermaus" therefore never finds "Fledermäuse".
The page's keywords (indexed as `tags`, never shown) add each word with one umlaut at a time
written plain, and with all of them plain: "Fledermäuse" → "Fledermause", so "Fledermaus" finds it;
"Lückenschlüsse" → "Lückenschlusse", "Luckenschlüsse", "Luckenschlusse". Editors name further
words a page is to be found by in its front matter as `suchwoerter`.
"""

from __future__ import annotations

import re
from html import unescape

PLAIN = {"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U"}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
VARIANT_LETTERS = frozenset("äöüÄÖÜß")  # only words with one of these have variants


# Regular expressions instead of an HTML parser: the same text, six times faster at 1.000 pages.
_SKIPPED = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")


def text_of(html: str) -> str:
    """The visible text of an HTML fragment (without scripts and styles)."""
    return unescape(_TAG.sub(" ", _SKIPPED.sub(" ", html)))


def word_variants(word: str) -> list[str]:
    """The spellings of `word` with one umlaut plain each, then all plain; [] for a word without."""
    places = [i for i, ch in enumerate(word) if ch in PLAIN]
    variants = [word[:i] + PLAIN[word[i]] + word[i + 1:] for i in places]
    if len(places) > 1:
        variants.append("".join(PLAIN.get(ch, ch) for ch in word))
    if "ß" in word:
        variants.append(word.replace("ß", "ss"))
    return variants


def search_keywords(html: str, suchwoerter: object = None) -> list[str]:
    """The keywords for the search index: the editors' `suchwoerter` first, then umlaut variants of
    the page's words, each once, in a stable order."""
    words = [str(w) for w in suchwoerter if isinstance(w, (str, int))] if isinstance(suchwoerter, list) else []
    seen = {w.casefold() for w in words}
    for word in dict.fromkeys(WORD.findall(text_of(html))):  # each word once: pages repeat many
        if word.isascii() or not VARIANT_LETTERS.intersection(word):  # isascii: most words, cheaply
            continue
        for variant in word_variants(word):
            if variant.casefold() not in seen:
                seen.add(variant.casefold())
                words.append(variant)
    return words
