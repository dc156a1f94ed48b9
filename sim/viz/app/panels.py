"""What the room looks at: date and phase, the map, the charts, results so far, messages."""

from __future__ import annotations

import solara

from sim.scenario.schema import Phase
from sim.viz.app.about import about_markdown
from sim.viz.app.errors import AppError
from sim.viz.app.i18n import long_date, rupiah, short_date, text
from sim.viz.labels import number, percent

PHASE_COLOURS = {Phase.CAMPAIGN: "#f6b26b", Phase.QUIET: "#b7b7b7", Phase.VOTING: "#6fa8dc",
                 Phase.RECAPITULATION: "#9fc5e8", Phase.DISPUTE: "#c27ba0"}


@solara.component
def StatusBar(run, lang: str, version: int):
    """Day n of N, the date and the phase, large enough to read from the back of the room.

    The run changes in place: `version` tells the component that it moved on.
    """
    if run.day == 0:
        when = text("not_started", lang)
    else:
        when = f"{text('day_of', lang, day=run.day, days=run.n_days)} · " \
               f"{long_date(run.date, lang)}"
    if run.finished:
        when = f"{when} · {text('finished', lang)}"
    with solara.Row(style={"align-items": "center", "gap": "16px"}, classes=["kondusif-status"]):
        solara.Text(when, style={"font-size": "1.4em", "font-weight": "bold"})
        solara.Text(f"{text('phase', lang)}: {text(str(run.phase), lang)}",
                    style={"font-size": "1.4em", "padding": "2px 12px",
                           "border-radius": "12px",
                           "background": PHASE_COLOURS[run.phase]})


@solara.component
def MapPanel(png: bytes, lang: str):
    solara.Text(text("map_title", lang), style={"font-weight": "bold"})
    solara.Image(png, width="100%", classes=["kondusif-map"])


@solara.component
def ChartsPanel(png: bytes):
    solara.Image(png, width="100%", classes=["kondusif-charts"])


def outcome_rows(run, lang: str) -> list[tuple[str, list[str], str]]:
    """(label, value per lane, difference strategy - baseline) for the results table."""
    rows = []
    totals = [lane.track.totals() for lane in run.lanes]
    for key in ("incidents_total", "friction", "clash", "riot"):
        values = [t[key] for t in totals]
        rows.append((text(key, lang), [str(v) for v in values], _difference(values, lang)))
    peaks = [float(lane.model.ledger.peak_tension_by_community.max()) for lane in run.lanes]
    rows.append((text("peak_tension", lang), [number(p, lang, 2) for p in peaks],
                 _difference(peaks, lang, 2)))
    beliefs = [float(lane.model.ledger.peak_belief) for lane in run.lanes]
    rows.append((text("peak_hoax_belief", lang), [percent(b, lang) for b in beliefs], ""))
    injuries = [float(lane.model.ledger.totals.injuries) for lane in run.lanes]
    rows.append((text("injuries", lang), [number(v, lang) for v in injuries],
                 _difference(injuries, lang)))
    return rows


def _difference(values: list[float], lang: str, digits: int = 0) -> str:
    if len(values) < 2:
        return ""
    delta = values[-1] - values[0]
    return ("+" if delta > 0 else "") + number(delta, lang, digits)


@solara.component
def OutcomeTable(run, lang: str, version: int):
    """Results so far for each run on screen, and the difference the strategies make."""
    heads = [text(lane.key, lang) for lane in run.lanes]
    compare = len(run.lanes) > 1
    if compare:
        heads.append(text("difference", lang))
    lines = [f"| {text('so_far', lang)} | " + " | ".join(heads) + " |",
             "|---" * (len(heads) + 1) + "|"]
    for label, values, delta in outcome_rows(run, lang):
        cells = values + ([delta] if compare else [])
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    if run.cost.rupiah or run.cost.personnel_days:
        lines.append(f"\n{text('total_cost', lang)}: " + text(
            "cost_line", lang, rupiah=rupiah(run.cost.rupiah, lang),
            days=number(run.cost.personnel_days, lang)))
    solara.Markdown("\n".join(lines))


@solara.component
def InjectedList(run, lang: str, version: int):
    if not run.injections:
        return
    items = [text("injected", lang, kind=text(f"ev_{i.choice}", lang),
                  place=text("all_communities", lang) if i.community == "all" else i.community,
                  date=short_date(i.day, lang)) + f" (× {number(i.magnitude, lang, 1)})"
             for i in run.injections]
    solara.Markdown(f"**{text('injected_list', lang)}**\n\n" +
                    "\n".join(f"- {item}" for item in items))


@solara.component
def ErrorBanner(errors: list[AppError], lang: str):
    """Every current problem: its headline and exactly what was wrong."""
    for error in errors:
        solara.Error(error.headline(lang), classes=["kondusif-error"])
        if error.detail:
            solara.Text(error.detail, style={"white-space": "pre-wrap", "font-family": "monospace",
                                             "font-size": "0.9em"})


@solara.component
def AboutPanel(lang: str):
    """The NetLogo-style Info text."""
    solara.Markdown(about_markdown(lang))
