"""Search keywords of a page: words readers type that the page's text does not contain as such.

Material's search appends `*` to every query word, and lunr runs no stemmer on such words; a query
matches a word of the index that starts with it. "Fledermaus" therefore never finds "Fledermäuse".
The page's keywords (indexed as `tags`, never shown) add each word with one umlaut at a time
written plain, and with all of them plain: "Fledermäuse" → "Fledermause", so "Fledermaus" finds it;
"Lückenschlüsse" → "Lückenschlusse", "Luckenschlüsse", "Luckenschlusse". Editors name further
words a page is to be found by in its front matter as `suchwoerter` (a measure: its `stichworte`).

A query word finds only the start of a word, so the parts of compounds are keywords too, and the place
a place-name adjective comes from. Both from a small rule set over the words of the page's title,
description and `suchwoerter` (where names of places and things stand), not its whole text:
- a hyphenated compound gives its parts: "Schwamm-Metropole" → "Schwamm", "Metropole";
- a closed compound ending in one of the common heads of this site (HEADS) gives its two parts:
  "Quartierpark" → "Quartier", "Park"; a linking "s" after -ung, -schaft … is dropped
  ("Landschaftsschutz" → "Landschaft", "Schutz");
- a capitalised word ending in "-er" before a capitalised noun is read as a place-name adjective:
  "Holsterhauser Markt" → "Holsterhausen", "Holsterhaus"; "Mülheimer Bodenschätze" → "Mülheimen", "Mülheim"
  (the form with -en and the one without: which is the place's name the rule cannot know, and a wrong one
  costs one unused keyword).
No decompounding library is used: the ones on PyPI are unmaintained since 2020 (compound-split), need a
compiled extension (charsplit-fst) or ship a 100.000-noun list (german-nouns).
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


_EXCLUDED = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\bdata-search-exclude\b[^>]*>")
_HEADING = re.compile(r"<h[1-6]\b", re.I)


def indexed_part(html: str) -> str:
    """`html` without what Material's search leaves out (`data-search-exclude`): such an element up to its
    end tag, such a heading with its section (up to the next heading). Its words are not on the page as far
    as search is concerned, so they give no keywords either: the overview's table would otherwise add a
    keyword for nearly every word of every measure."""
    if "data-search-exclude" not in html:
        return html
    kept, pos = [], 0
    while start := _EXCLUDED.search(html, pos):
        kept.append(html[pos : start.start()])
        name = start.group(1).lower()
        if _HEADING.match(start.group(0)):
            following = _HEADING.search(html, start.end())
            pos = following.start() if following else len(html)
            continue
        same = re.compile(rf"<(/?){name}\b[^>]*>", re.I)
        depth, pos = 1, start.end()
        while depth and (tag := same.search(html, pos)):
            depth += -1 if tag.group(1) else 1
            pos = tag.end()
        if depth:  # no end tag: the rest belongs to the element
            pos = len(html)
    kept.append(html[pos:])
    return "".join(kept)


def word_variants(word: str) -> list[str]:
    """The spellings of `word` with one umlaut plain each, then all plain; [] for a word without."""
    places = [i for i, ch in enumerate(word) if ch in PLAIN]
    variants = [word[:i] + PLAIN[word[i]] + word[i + 1 :] for i in places]
    if len(places) > 1:
        variants.append("".join(PLAIN.get(ch, ch) for ch in word))
    if "ß" in word:
        variants.append(word.replace("ß", "ss"))
    return variants


# Heads of closed compounds common in this site's titles; a head must leave a body of four letters or more.
HEADS = (
    "stadt",
    "park",
    "markt",
    "platz",
    "garten",
    "gärten",
    "wald",
    "wiese",
    "wiesen",
    "bach",
    "weg",
    "wege",
    "route",
    "korridor",
    "quartier",
    "dach",
    "dächer",
    "fassade",
    "fassaden",
    "fläche",
    "flächen",
    "raum",
    "räume",
    "schutz",
    "netz",
    "gewässer",
    "teich",
    "programm",
    "förderung",
    "bäume",
    "baum",
)
# Endings after which an "s" links the parts ("Landschaftsschutz"); "Erlebnisroute" keeps its "s".
LINKING_S = ("ungs", "heits", "keits", "schafts", "tions", "täts", "ings")
_PLACE_ADJECTIVE = re.compile(r"\b([A-ZÄÖÜ][a-zäöüß]{3,}er)\s+[A-ZÄÖÜ]")


def compound_parts(word: str) -> list[str]:
    """The parts of a hyphenated or closed compound (see the module's rules); [] for other words."""
    if "-" in word:
        return [p for p in word.split("-") if len(p) >= 3 and not p.isdigit()]
    lower = word.casefold()
    if not lower.endswith(HEADS):  # most words: one C-level test instead of a loop over every head
        return []
    for head in HEADS:
        body = word[: -len(head)]
        if lower.endswith(head) and len(body) >= 4:
            if body.endswith(LINKING_S):
                body = body[:-1]
            return [body[0].upper() + body[1:], head[0].upper() + head[1:]]
    return []


def place_names(text: str) -> list[str]:
    """The places of the place-name adjectives in `text`: 'Holsterhauser Markt' -> Holsterhausen, Holsterhaus."""
    names = []
    for adjective in _PLACE_ADJECTIVE.findall(text):
        stem = adjective[:-2]
        if stem.endswith("häus"):  # Recklinghäuser -> Recklinghausen
            stem = stem[:-4] + "haus"
        names += [stem + "en", stem]
    return names


def reader_words(text: str) -> list[str]:
    """Compound parts and place names from the words of a page's title, description and keywords."""
    words = []
    for word in re.findall(r"[^\W\d_]+(?:-[^\W_]+)*", text):
        words += compound_parts(word)
    return words + place_names(text)


def search_keywords(html: str, suchwoerter: object = None, titel: str = "") -> list[str]:
    """The keywords for the search index: the editors' `suchwoerter` first, then the compound parts and
    place names from `titel` (the page's title and description) and the `suchwoerter`, then umlaut variants
    of the words of the page's indexed part; each once, in a stable order."""
    words = [str(w) for w in suchwoerter if isinstance(w, (str, int))] if isinstance(suchwoerter, list) else []
    seen = {w.casefold() for w in words}
    for word in reader_words(" ".join([titel, *words])):
        if word.casefold() not in seen:
            seen.add(word.casefold())
            words.append(word)
    for word in dict.fromkeys(WORD.findall(text_of(indexed_part(html)))):  # each word once: pages repeat many
        if word.isascii() or not VARIANT_LETTERS.intersection(word):  # isascii: most words, cheaply
            continue
        for variant in word_variants(word):
            if variant.casefold() not in seen:
                seen.add(variant.casefold())
                words.append(variant)
    return words
