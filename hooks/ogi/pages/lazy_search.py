"""What Material's script loads on a first visit: the search index only once search opens, no sitemap (issue 24).

Material 9.8 fetches search/search_index.json as soon as any page loads on http(s) (8,7 MB raw at 5.000
measures, bench/results.md), before anyone searches. Its own lazy path exists: on file:// the search waits
until the search toggle opens (a click into the field, focusing it, or the keys `/`, `s`, `f`). Material has no
setting for it, so the build ships a copy of Material's script bundle, under the same name, in which these
places wait as well:
- the search setup treats every address like file:// and subscribes to the index once search opens;
- the highlighting of a followed result (`search.highlight`) subscribes to the index only when the address
  has `?h=`, instead of at once for every page;
- the language selector fetches the sitemap.xml of every `<link rel="alternate">` (one per page and measure:
  the largest file of a first visit after the index) only for language versions (`hreflang`), not for the
  feed every page links;
- the search worker (~12 KB gzip) starts with the first message Material posts to it, the index, instead of
  with every page.
Each place must occur exactly once in the installed bundle; otherwise the build stops, naming the Material
version and what to check, so that an upgrade can never silently bring the eager load back. The bundle's
hash is recorded in tests/test_upstream_copies.py, so an upgrade is looked at even when every place survives.
"""

from __future__ import annotations

import importlib.metadata
import re
from dataclasses import dataclass

BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")


@dataclass(frozen=True)
class Patch:
    what: str  # German: what the place does, for the error message
    without: str  # German: what every first visit loads without the change
    upstream: str  # the exact minified text of the installed bundle
    replacement: str


PATCHES = (
    Patch(
        "Suche: den Suchindex abonnieren, auf http(s) sofort, auf file:// erst beim Öffnen der Suche",
        "den ganzen Suchindex (search/search_index.json)",
        'L($(location.protocol!=="file:"),Je("search"))',
        'L($(!1),Je("search"))',  # of(false): only the search toggle starts the index
    ),
    Patch(
        "Hervorhebung eines Suchtreffers (search.highlight): Suchindex mit der Adresse verbinden",
        "den ganzen Suchindex (search/search_index.json)",
        'z([t,r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))])',
        # combineLatest([index$, location with ?h=]) subscribes to the index at once; switchMap does only on ?h=
        'r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")),b(n=>t.pipe(m(o=>[o,n]))))',
    ),
    Patch(
        "Such-Worker: beim Laden jeder Seite starten",
        "das Skript des Such-Workers (assets/javascripts/workers/search.*.min.js)",
        "function Mn(e,t=new Worker(e)){",
        # A stand-in that keeps the listeners and starts the worker with the first message (the index, once
        # search opened): Material's queries wait for the worker's answer to it.
        "function Mn(e,t=function(u){let w,l=[];return{addEventListener(n,f){l.push([n,f]),w&&w.addEventListener(n,f)},"
        "removeEventListener(n,f){l=l.filter(a=>a[1]!==f),w&&w.removeEventListener(n,f)},"
        "postMessage(m){w||(w=new Worker(u),l.forEach(a=>w.addEventListener(a[0],a[1]))),w.postMessage(m)}}}(e)){",
    ),
    Patch(
        "Sprachauswahl: die sitemap.xml jeder alternativen Fassung einer Seite laden (link rel=alternate)",
        "die sitemap.xml (ein Eintrag je Seite)",
        'M("link[rel=alternate]")',
        'M("link[rel=alternate][hreflang]")',  # language versions only; the Atom feed is no site of its own
    ),
)


class BundleChanged(Exception):
    """The installed Material bundle lacks a place to change: the build stops (German message)."""


def is_bundle(uri: str) -> bool:
    """Whether `uri` (a path inside the site) is Material's script bundle."""
    return BUNDLE.fullmatch(uri) is not None


def lazy_search_bundle(bundle: str, name: str) -> str:
    """Material's bundle `bundle` (file `name`) with the search index loaded only once search opens."""
    for patch in PATCHES:
        count = bundle.count(patch.upstream)
        if count != 1:
            version = importlib.metadata.version("mkdocs-material")
            raise BundleChanged(
                f"Material for MkDocs {version}: {name} enthält die Stelle „{patch.upstream}“ {count}-mal statt "
                f"genau einmal ({patch.what}). Ohne die Änderung lädt jede Seite beim ersten Aufruf {patch.without}. "
                "Zu prüfen: Wo lädt das neue Bundle search/search_index.json, den Such-Worker und sitemap.xml, und "
                "warten sie auf das Öffnen der Suche? Die Stelle in hooks/ogi/pages/lazy_search.py anpassen und die "
                "Prüfsumme in tests/test_upstream_copies.py erneuern."
            )
        bundle = bundle.replace(patch.upstream, patch.replacement)
    return bundle
