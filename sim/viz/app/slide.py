"""What the room takes away: a 1920 x 1080 slide (map, difference, charts, results) and a
one-page HTML summary of the session, both in the session's language.
"""

from __future__ import annotations

import base64
import html
import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.cm import ScalarMappable
from matplotlib.figure import Figure

from sim.experiments.measures import outcome_label
from sim.strategies import CATALOGUE
from sim.viz.app.charts import ChartsView
from sim.viz.app.i18n import long_date, rupiah, short_date, text
from sim.viz.app.map import TENSION_CMAP, MapView
from sim.viz.app.results import banner_items, outcome_rows
from sim.viz.app.state import unique_strategies
from sim.viz.labels import number

SLIDE_SIZE = (19.2, 10.8)
SLIDE_DPI = 100
# the headline difference: green when the strategies did better, red when worse
VERDICT_COLOURS = {True: "#1a7f37", False: "#b7094c", None: "#000000"}


def run_title(run, lang: str) -> str:
    """The exercise's title, else the scenario's title."""
    if run.exercise is not None:
        return run.exercise.title(lang)
    return run.scenario.scenario.title


def strategies_line(run, lang: str) -> str:
    names = unique_strategies(run.settings.strategies)
    titles = ", ".join(CATALOGUE[name].title[lang] for name in names if name in CATALOGUE)
    return f"{text('strategies', lang)}: {titles or text('none', lang)}"


def when_line(run, lang: str) -> str:
    if run.day == 0:
        return text("not_started", lang)
    return (f"{text('day_of', lang, day=run.day, days=run.n_days)} · {long_date(run.date, lang)}"
            f" · {text(str(run.phase), lang)}")


def banner_texts(run, lang: str, spreads: dict | None = None) -> list[tuple[str, str, str]]:
    """(label, big number, small line) of each banner box, the cost last."""
    return [box[:3] for box in banner_boxes(run, lang, spreads)]


def banner_boxes(run, lang: str, spreads: dict | None = None) -> list[tuple]:
    """(label, big number, small line, better) of each banner box, the cost last.

    `better` says whether the strategies did better than the baseline on that
    outcome (its declared direction), None when there is nothing to compare.
    """
    boxes = []
    for item in banner_items(run, spreads):
        if item.delta is None:
            big, small = number(item.strategy, lang), ""
        else:
            big = ("+" if item.delta > 0 else "") + number(item.delta, lang)
            small = text("banner_pair", lang, baseline=number(item.baseline, lang),
                         strategy=number(item.strategy, lang))
        if item.spread is not None:
            low, middle, high = item.spread
            small += " · " + text("banner_range", lang, low=signed_number(low, lang),
                                  high=signed_number(high, lang), n=spreads.get("n", ""))
        boxes.append((outcome_label(item.key, lang), big, small, item.better))
    boxes.append((text("total_cost", lang), f"Rp {rupiah(run.cost.rupiah, lang)}",
                  text("cost_days", lang, days=number(run.cost.personnel_days, lang)), None))
    return boxes


def signed_number(value: float, lang: str) -> str:
    return ("+" if value > 0 else "") + number(value, lang)


def draw_results_table(ax, run, lang: str, fontsize: float = 13) -> None:
    """The results table (each run, and the difference) on `ax`, which it fills."""
    ax.axis("off")
    heads = [text(lane.key, lang) for lane in run.lanes]
    compare = len(run.lanes) > 1
    if compare:
        heads.append(text("difference", lang))
    rows = [[label, *values, *([delta] if compare else [])]
            for label, values, delta in outcome_rows(run, lang)]
    first = 0.34
    widths = [first] + [(1 - first) / len(heads)] * len(heads)
    table = ax.table(cellText=rows, colLabels=[text("so_far", lang), *heads], loc="center",
                     cellLoc="center", colLoc="center", colWidths=widths)
    table.auto_set_font_size(False)
    table.set_fontsize(fontsize)
    table.scale(1, 1.5)
    for (row, col), cell in table.get_celld().items():
        cell.set_edgecolor("#cccccc")
        if row == 0:
            cell.set_text_props(fontweight="bold")
            cell.set_facecolor("#eef3f8")
        if col == 0:
            cell.set_text_props(ha="left")


def slide_figure(run, lang: str = "id", spreads: dict | None = None) -> Figure:
    """The slide as a matplotlib figure (1920 x 1080 pixels)."""
    fig = Figure(figsize=SLIDE_SIZE, dpi=SLIDE_DPI)
    FigureCanvasAgg(fig)
    fig.text(0.015, 0.965, run_title(run, lang), fontsize=26, fontweight="bold", va="top")
    fig.text(0.015, 0.915, f"{when_line(run, lang)}   |   {strategies_line(run, lang)}",
             fontsize=15, va="top", color="#333333")
    boxes = banner_boxes(run, lang, spreads)
    width = 0.97 / len(boxes)
    for k, (label, big, small, better) in enumerate(boxes):
        x = 0.015 + k * width
        ax = fig.add_axes((x, 0.76, width - 0.01, 0.12))
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_facecolor("#f4f6f8")
        ax.text(0.04, 0.78, label, fontsize=15, transform=ax.transAxes, va="center")
        ax.text(0.04, 0.40, big, fontsize=30, fontweight="bold", transform=ax.transAxes,
                va="center", color=VERDICT_COLOURS[better])
        ax.text(0.04, 0.10, small, fontsize=11, transform=ax.transAxes, va="center",
                color="#444444")
    map_ax = fig.add_axes((0.005, 0.03, 0.52, 0.70))
    view = MapView(map_ax, run.lanes[-1].model, text(run.lanes[-1].key, lang), lang)
    view.update(run.lanes[-1].model)
    bar = fig.colorbar(ScalarMappable(norm=view.norm, cmap=TENSION_CMAP),
                       cax=fig.add_axes((0.528, 0.12, 0.008, 0.5)))
    bar.set_label(text("colorbar_tension", lang), fontsize=12)
    charts = ChartsView(fig, fig.add_gridspec(1, 1, left=0.57, right=0.985, top=0.72,
                                               bottom=0.36)[0],
                        run.model.timeline, [lane.key for lane in run.lanes], lang)
    charts.update(run.lanes)
    charts.mark_events(run.injections, run.model.timeline)
    draw_results_table(fig.add_axes((0.57, 0.02, 0.415, 0.29)), run, lang, fontsize=12)
    return fig


def slide_png(run, lang: str = "id", spreads: dict | None = None) -> bytes:
    """The slide as PNG bytes, 1920 x 1080.

    Examples
    --------
    >>> from PIL import Image
    >>> from sim.viz.app.state import Settings, TrainingRun
    >>> png = slide_png(TrainingRun.start(Settings("desa_demo", ("counter_hoax",))), "en")
    >>> Image.open(io.BytesIO(png)).size
    (1920, 1080)
    """
    buffer = io.BytesIO()
    with run.lock:
        slide_figure(run, lang, spreads).savefig(buffer, format="png", dpi=SLIDE_DPI)
    return buffer.getvalue()


def summary_html(run, lang: str = "id", spreads: dict | None = None) -> str:
    """One self-contained HTML page: what was played, the difference, the slide, the prompts."""
    e = html.escape
    boxes = "".join(f"<div class='box'><div>{e(label)}</div><b>{e(big)}</b>"
                    f"<small>{e(small)}</small></div>"
                    for label, big, small in banner_texts(run, lang, spreads))
    heads = [text(lane.key, lang) for lane in run.lanes]
    compare = len(run.lanes) > 1
    if compare:
        heads.append(text("difference", lang))
    head = "".join(f"<th>{e(h)}</th>" for h in [text("so_far", lang), *heads])
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in
                                    [label, *values, *([delta] if compare else [])]) + "</tr>"
                   for label, values, delta in outcome_rows(run, lang))
    events = "".join(
        f"<li>{e(short_date(i.day, lang))}: {e(text(f'ev_{i.choice}', lang))} "
        f"({e(text('all_communities', lang) if i.community == 'all' else i.community)}) - "
        f"{e(text(f'source_{i.source}', lang))}</li>" for i in run.injections)
    prompts = ""
    if run.exercise is not None:
        prompts = (f"<h2>{e(text('prompts', lang))}</h2><ol>" + "".join(
            f"<li><b>{e(short_date(s.date, lang))}</b>: {e(s.prompt(lang))}</li>"
            for s in run.exercise.stops) + "</ol>")
    picture = base64.b64encode(slide_png(run, lang, spreads)).decode("ascii")
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{e(run_title(run, lang))}</title>
<style>
body {{ font-family: sans-serif; max-width: 1100px; margin: 16px auto; color: #222; }}
.boxes {{ display: flex; gap: 8px; }} .box {{ flex: 1; background: #f4f6f8; padding: 8px; }}
.box b {{ display: block; font-size: 1.8em; }} .box small {{ color: #555; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #ccc; padding: 3px 8px; }}
img {{ width: 100%; }} .note {{ color: #555; font-size: 0.9em; }}
</style></head><body>
<h1>{e(run_title(run, lang))}</h1>
<p>{e(when_line(run, lang))}<br>{e(strategies_line(run, lang))}<br>
{e(text('seed', lang))}: {run.settings.seed}</p>
<div class="boxes">{boxes}</div>
<h2>{e(text('results', lang))}</h2><table><tr>{head}</tr>{body}</table>
<h2>{e(text('injected_list', lang))}</h2><ul>{events or '<li>-</li>'}</ul>
{prompts}
<img alt="{e(text('slide', lang))}" src="data:image/png;base64,{picture}">
<p class="note">{e(text('summary_note', lang))}</p>
</body></html>
"""
