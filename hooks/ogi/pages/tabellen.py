"""Tables readable on phones: each data cell of a Markdown table carries its column's heading as
`data-label`, so the phone stylesheet can show every row as a small card ("Kennzahl: …") instead of a
table wider than the screen; code in the cells may wrap after "/" and ":" (`<wbr>`), never inside a
word. Only tables as Python-Markdown writes them are touched (no attributes)."""

from __future__ import annotations

import html
import re

TABLE = re.compile(r"<table>\n<thead>\n(?P<head>.*?)</thead>\n<tbody>\n(?P<body>.*?)</tbody>\n</table>", re.S)
HEADING = re.compile(r"<th(?: [^>]*)?>(.*?)</th>", re.S)
ROW = re.compile(r"<tr>\n(.*?)</tr>", re.S)
CELL = re.compile(r"<td(?P<attrs>(?: [^>]*)?)>")
TAG = re.compile(r"<[^>]+>")
CODE = re.compile(r"<code>(.*?)</code>", re.S)
# Paths, messages and field names in code ("content/projects/x.yml:12:", "a.b.c") may wrap after / : . on a phone.
CODE_BREAK = re.compile(r"(?<=[/:.])(?=[^\s</:.])")


def label_cells(page_html: str) -> str:
    """The page with `data-label="<column heading>"` on every cell of its Markdown tables."""
    return TABLE.sub(_label_table, page_html)


def _label_table(match: re.Match[str]) -> str:
    # The heading's text, without tags and entities; escaped again for the attribute.
    labels = [
        html.escape(" ".join(html.unescape(TAG.sub("", h)).split()), quote=True) for h in HEADING.findall(match["head"])
    ]

    def label_row(row: re.Match[str]) -> str:
        cells = iter(labels)

        def label_cell(cell: re.Match[str]) -> str:
            label = next(cells, "")
            return f'<td{cell["attrs"]} data-label="{label}">' if label else cell.group(0)

        return "<tr>\n" + CELL.sub(label_cell, row.group(1)) + "</tr>"

    body = CODE.sub(
        lambda code: "<code>" + CODE_BREAK.sub("<wbr>", code.group(1)) + "</code>", ROW.sub(label_row, match["body"])
    )
    return f"<table>\n<thead>\n{match['head']}</thead>\n<tbody>\n{body}</tbody>\n</table>"
