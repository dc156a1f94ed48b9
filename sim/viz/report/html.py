"""Self-contained HTML: figures embedded as data URIs, inline CSS, no request leaves the page."""

from __future__ import annotations

import base64
import html
import io

import pandas as pd

STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 60rem; margin: 2rem auto;
       color: #1d1d1d; line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.7rem; border-bottom: 3px solid #b7094c; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; color: #5c0029; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .85rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: right; }
th { background: #f4eef1; }
td:first-child, th:first-child { text-align: left; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; }
figcaption { font-size: .85rem; color: #555; }
.note { background: #fff6e0; border-left: 4px solid #f2c14e; padding: .5rem .8rem; }
.missing { background: #fdecea; border-left: 4px solid #b7094c; padding: .5rem .8rem; }
pre { background: #f6f6f6; padding: .6rem; overflow-x: auto; font-size: .8rem; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; }
               figure, table { page-break-inside: avoid; } }
"""


def escape(text: str) -> str:
    return html.escape(str(text))


def figure_tag(fig, caption: str) -> str:
    """A matplotlib figure as an embedded PNG with a caption (the figure is closed)."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (f'<figure><img alt="{escape(caption)}" src="data:image/png;base64,{data}">'
            f"<figcaption>{escape(caption)}</figcaption></figure>")


def table_tag(frame: pd.DataFrame, formatters: dict | None = None) -> str:
    """A DataFrame as an HTML table, values formatted by column."""
    formatters = formatters or {}
    head = "".join(f"<th>{escape(c)}</th>" for c in frame.columns)
    rows = []
    for _, row in frame.iterrows():
        cells = "".join(f"<td>{escape(formatters.get(c, str)(row[c]))}</td>"
                        for c in frame.columns)
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def page(title: str, lang: str, sections: list[tuple[str, str]]) -> str:
    """The whole document: a title and (heading, body-html) sections."""
    body = "".join(f'<section><h2>{escape(h)}</h2>{b}</section>' for h, b in sections)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
            f"<body><h1>{escape(title)}</h1>{body}</body></html>")
