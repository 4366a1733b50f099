"""Hostile records that the loader accepts: every value tries to run a script, add markup or a link.

The project copy built from them must show each value literally and run nothing (tests/test_hostile*.py).
Each value sets `window.__pwned` if it ever runs, so a browser test can tell.
"""

from __future__ import annotations

from pathlib import Path

import yaml

SCRIPT = "<script>window.__pwned='script'</script>"
IMG = "<img src=x onerror=\"window.__pwned='img'\">"
LINK = "[klick](javascript:void(window.__pwned=1))"
ATTR = "{: onfocus=\"window.__pwned='attr'\" autofocus tabindex=1 }"
CLOSE = "</script><script>window.__pwned='close'</script>"
TEMPLATE = "${window.__pwned='tpl'}`+(window.__pwned='concat')+`"
RICH = (f"Text {SCRIPT} und {IMG}\n\n<iframe src=\"javascript:window.__pwned='iframe'\"></iframe>\n\n"
        f"[javascript](javascript:window.__pwned='rich-link') [data](data:text/html,{SCRIPT}) "
        "<a href=\"https://example.org\" onclick=\"window.__pwned='onclick'\">ok</a>\n\n"
        "<form action=\"https://example.org\"><input name=x></form><style>body{display:none}</style>\n\n"
        "{: onclick=\"window.__pwned='rich-attr'\" }\n\n# Überschrift mit *Betonung*")

HOSTILE_TITLE = f"Feindlich {SCRIPT}{IMG} {LINK} {ATTR}"
HOSTILE_SLUG = "herne-feindlich"
HOSTILE_TALK = "feindlicher-vortrag"

MEASURE = {
    "titel": HOSTILE_TITLE,
    "kommunen": ["Herne"],
    "traeger": f"- Liste\n\n## Überschrift {ATTR}\n\n<!-- ogi-karte --> {ATTR}",
    "programm": CLOSE,
    "status": "nicht bekannt",
    "foerderung": {"betrag_eur": 1000, "hinweis": f"<svg onload=\"window.__pwned='svg'\"></svg> {TEMPLATE}"},
    "kurzbeschreibung": f"=HYPERLINK(\"https://example.org\") {LINK} {ATTR}",
    "beschreibung": RICH,
    "stichworte": [f"Suchwort {SCRIPT}", "\"], titel: [x", CLOSE],  # into front matter and the search index
    "lage": {"genauigkeit": "ungefähr", "ort": TEMPLATE,
             "geometrie": {"type": "Point", "coordinates": [7.2, 51.54]}},
    "quellen": [{"titel": f"Quelle ](javascript:window.__pwned='q') {SCRIPT}",
                 "url": "https://example.org/a_b_(c)?x=\"y\"&z=<w>", "abgerufen": "2026-11",
                 "archiv_url": f"https://web.archive.org/web/2026/https://example.org/{SCRIPT}"}],
    "datenstand": "2026-11-26",
}

TALK = {
    "titel": f"Vortrag {CLOSE}",
    "art": "Vortrag",
    "tag": None,  # set to the event's first day
    "referierende": [{"name": f"Dr. {IMG}", "organisation": ATTR, "funktion": LINK}],
    "kurzbeschreibung": f"+SUM(A1) {SCRIPT}",
    "zusammenfassung": RICH,
    "quellen": [{"titel": TEMPLATE, "url": "https://example.org/", "abgerufen": "2026-11"}],
    "datenstand": "2026-11-26",
}


def write_hostile_content(project: Path) -> None:
    """Add the hostile measure and talk to a project copy; make the event, the timeline and the
    operator hostile too (their titles appear on every page)."""
    content = project / "content"
    (content / "projects" / f"{HOSTILE_SLUG}.yml").write_text(_dump(MEASURE), encoding="utf-8")
    quelle = {"titel": f"Summenquelle {SCRIPT}", "url": "https://example.org/summe", "abgerufen": "2026-11"}
    summen = {"hauptzahl": {"betrag_eur": 1000000, "umfasst": f"Summe {SCRIPT} {LINK} {ATTR}", "quelle": dict(quelle)},
              "weitere": [{"betrag_eur": 5, "rund": True, "umfasst": f"{IMG} {TEMPLATE}", "quelle": dict(quelle)}]}
    (content / "foerdersummen.yml").write_text(_dump(summen), encoding="utf-8")

    tagung_file = content / "tagung-2020" / "tagung.yml"
    tagung = yaml.safe_load(tagung_file.read_text(encoding="utf-8"))
    tagung["titel"] = f"Tagung {SCRIPT} {LINK}"
    tagung["beschreibung"] = RICH
    tagung_file.write_text(_dump(tagung), encoding="utf-8")

    talk = dict(TALK, tag=tagung["tage"][0]["datum"])
    (content / "tagung-2020" / f"{HOSTILE_TALK}.yml").write_text(_dump(talk), encoding="utf-8")

    timeline_file = content / "meilensteine.yml"
    timeline = yaml.safe_load(timeline_file.read_text(encoding="utf-8"))
    timeline["meilensteine"][0].update(titel=f"Meilenstein {IMG}", beschreibung=f"**fett** {LINK}")
    timeline_file.write_text(_dump(timeline), encoding="utf-8")

    operator_file = content / "betreiber.yml"
    operator = yaml.safe_load(operator_file.read_text(encoding="utf-8"))
    operator["name"] = f"Betreiber {SCRIPT}"
    operator_file.write_text(_dump(operator), encoding="utf-8")


def _dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
