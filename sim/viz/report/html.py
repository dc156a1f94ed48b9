"""Self-contained HTML: figures embedded as data URIs, inline CSS, no request leaves the page."""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass

import pandas as pd

STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 62rem; margin: 2rem auto;
       color: #1d1d1d; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.7rem; border-bottom: 3px solid #b7094c; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; color: #5c0029; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
.subtitle { color: #555; margin-top: -.6rem; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .85rem; display: block;
        max-width: 100%; overflow-x: auto; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: right;
         vertical-align: top; white-space: pre-line; }
th { background: #f4eef1; }
td:first-child, th:first-child { text-align: left; }
td.text, th.text { text-align: left; overflow-wrap: anywhere; }
.answer { background: #f4eef1; border-left: 6px solid #b7094c; padding: .6rem 1rem;
          margin: .6rem 0 1rem; }
.answer p { margin: .3rem 0; }
.answer .recommended { font-size: 1.25rem; }
.answer .what { color: #555; font-size: .9rem; }
.answer ul.facts { margin: .4rem 0 .2rem 1.1rem; padding: 0; }
.answer ul.facts li { margin: .2rem 0; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; }
figcaption { font-size: .85rem; color: #555; }
.note { background: #fff6e0; border-left: 4px solid #f2c14e; padding: .5rem .8rem; }
.missing { background: #fdecea; border-left: 4px solid #b7094c; padding: .5rem .8rem; }
pre { background: #f6f6f6; padding: .6rem; overflow-x: auto; font-size: .8rem;
      white-space: pre-wrap; }
@media print { body { margin: 0; max-width: none; } h2, h3 { page-break-after: avoid; }
               figure, table { page-break-inside: avoid; } }
"""


@dataclass(frozen=True)
class Section:
    """One part of the report: an anchor id, a heading and its body (HTML)."""

    ident: str
    heading: str
    body: str


def escape(text: object) -> str:
    """Text made safe to place in HTML."""
    return html.escape(str(text))


def paragraph(text: str) -> str:
    """A paragraph of plain text."""
    return f"<p>{escape(text)}</p>"


def bullets(items: list[str]) -> str:
    """A bulleted list of plain-text items."""
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def note(text: str, kind: str = "note") -> str:
    """A highlighted box: ``note`` for advice, ``missing`` for what the report cannot show."""
    return f'<div class="{kind}">{escape(text)}</div>'


def preformatted(text: str) -> str:
    """Text kept as written (commands, the experiment file)."""
    return f"<pre>{escape(text)}</pre>"


def figure_tag(fig, caption: str, ident: str) -> str:
    """A matplotlib figure as an embedded PNG with a caption (the figure is closed)."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (f'<figure id="fig-{escape(ident)}"><img alt="{escape(caption)}" '
            f'src="data:image/png;base64,{data}"><figcaption>{escape(caption)}</figcaption>'
            f"</figure>")


def table_tag(frame: pd.DataFrame, text_columns: tuple[str, ...] = (),
              markup_columns: tuple[str, ...] = ()) -> str:
    """A DataFrame of already formatted values as an HTML table.

    Columns named in `text_columns` are aligned left (words), the rest right (numbers).
    Cells of `markup_columns` are HTML already (a link, code) and are not escaped again.
    """
    def cell(tag: str, column: str, value: object, markup: bool = False) -> str:
        kind = ' class="text"' if column in text_columns else ""
        return f"<{tag}{kind}>{value if markup else escape(value)}</{tag}>"

    head = "".join(cell("th", c, c) for c in frame.columns)
    rows = ["<tr>" + "".join(cell("td", c, row[c], c in markup_columns)
                             for c in frame.columns) + "</tr>"
            for _, row in frame.iterrows()]
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def wide_table_tags(frame: pd.DataFrame, keep: int = 1, most: int = 5,
                    text_columns: tuple[str, ...] = ()) -> str:
    """Tables of at most `most` value columns, split evenly, each repeating the first `keep`."""
    head, values = list(frame.columns[:keep]), list(frame.columns[keep:])
    tables = max(1, -(-len(values) // most))
    size = max(1, -(-len(values) // tables))
    chunks = [values[i:i + size] for i in range(0, len(values), size)] or [[]]
    return "".join(table_tag(frame[head + chunk], text_columns) for chunk in chunks)


def page(title: str, subtitle: str, lang: str, sections: list[Section]) -> str:
    """The whole document: a title, a subtitle line and the sections in order."""
    body = "".join(f'<section id="{escape(s.ident)}"><h2>{escape(s.heading)}</h2>{s.body}'
                   f"</section>" for s in sections)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
            f'<body><h1>{escape(title)}</h1><p class="subtitle">{escape(subtitle)}</p>'
            f"{body}</body></html>")
