"""What the room looks at: the status line, the difference banner, the exercise's question,
the map, the charts, the results table, the events and messages."""

from __future__ import annotations

import solara

from sim.scenario import bundled_names
from sim.scenario.schema import Phase
from sim.viz.app.about import about_markdown, doc_markdown, doc_pages
from sim.viz.app.errors import AppError
from sim.viz.app.i18n import long_date, short_date, text
from sim.viz.app.results import outcome_rows
from sim.viz.app.slide import banner_texts
from sim.viz.labels import label, number

PHASE_COLOURS = {Phase.CAMPAIGN: "#f6b26b", Phase.QUIET: "#b7b7b7", Phase.VOTING: "#6fa8dc",
                 Phase.RECAPITULATION: "#9fc5e8", Phase.DISPUTE: "#c27ba0"}


@solara.component
def StatusBar(run, lang: str, version: int, big: bool = False):
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
    size = "1.6em" if big else "1.15em"
    with solara.Row(style={"align-items": "center", "gap": "10px"}, classes=["kondusif-status"]):
        solara.Text(when, style={"font-size": size, "font-weight": "bold"})
        solara.Text(f"{text('phase', lang)}: {text(str(run.phase), lang)}",
                    style={"font-size": size, "padding": "1px 10px", "border-radius": "10px",
                           "background": PHASE_COLOURS[run.phase]})


@solara.component
def DifferenceBanner(run, lang: str, version: int, spreads, big: bool = False):
    """Incidents, riots, injuries and cost: the difference the strategies make, in large type."""
    boxes = banner_texts(run, lang, spreads)
    title = text("banner_title" if len(run.lanes) > 1 else "so_far", lang)
    if is_calm_real(run):
        title += " · " + text("calm_short", lang)
    with solara.Column(gap="2px", classes=["kondusif-banner"]):
        solara.Text(title, style={"font-weight": "bold", "font-size": "0.9em"})
        with solara.Row(gap="6px", style={"flex-wrap": "nowrap"}):
            for label, value, small in boxes:
                with solara.Column(gap="0px", style={
                        "flex": "1", "background": "#f4f6f8", "padding": "3px 8px",
                        "border-radius": "6px", "min-width": "0"}):
                    solara.Text(label, style={"font-size": "0.85em"})
                    solara.Text(value, style={"font-size": "2.0em" if big else "1.55em",
                                              "font-weight": "bold", "line-height": "1.1"})
                    solara.Text(small, style={"font-size": "0.75em", "color": "#444"})


@solara.component
def StopPrompt(stop, lang: str, on_continue):
    """The exercise's question for the room at this stop, with a button to go on."""
    with solara.Card(classes=["kondusif-prompt"], style={"background": "#fff8e1",
                                                         "padding": "6px 12px"}):
        solara.Text(stop.prompt(lang), style={"font-size": "1.35em", "font-weight": "bold"})
        solara.Button(text("continue", lang), color="primary", small=True,
                      classes=["kondusif-continue"], on_click=on_continue)


@solara.component
def CalmNote(run, lang: str):
    """On a real, calm scenario: why nothing happens, and where the stress is."""
    if not is_calm_real(run):
        return
    solara.Info(text("calm_note", lang), dense=True, classes=["kondusif-calm"])


def is_calm_real(run) -> bool:
    """A real scenario with a stressed twin: the real one is calm, the twin is for training."""
    name = run.scenario.scenario.name
    return run.exercise is None and f"{name}_stressed" in bundled_names()


@solara.component
def MapPanel(png: bytes, lang: str, lanes, shown: int, on_shown):
    with solara.Row(style={"align-items": "center", "gap": "8px"}):
        solara.Text(text("map_title", lang), style={"font-weight": "bold"})
        if len(lanes) > 1:
            solara.ToggleButtonsSingle(
                value=shown, on_value=on_shown, dense=True, classes=["kondusif-map-lane"],
                children=[solara.Button(text(lane.key, lang), value=k, small=True)
                          for k, lane in enumerate(lanes)])
    solara.Image(png, width="100%", classes=["kondusif-map"])


@solara.component
def ChartsPanel(png: bytes):
    solara.Image(png, width="100%", classes=["kondusif-charts"])


@solara.component
def OutcomeTable(run, lang: str, version: int):
    """Results so far for each run on screen, and the difference the strategies make."""
    heads = [text(lane.key, lang) for lane in run.lanes]
    compare = len(run.lanes) > 1
    if compare:
        heads.append(text("difference", lang))
    lines = [f"| {text('so_far', lang)} | " + " | ".join(heads) + " |",
             "|---" * (len(heads) + 1) + "|"]
    for name, values, delta in outcome_rows(run, lang):
        cells = values + ([delta] if compare else [])
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    solara.Markdown("\n".join(lines))


@solara.component
def InjectedList(run, lang: str, version: int):
    if not run.injections:
        return
    items = [text("injected", lang, kind=text(f"ev_{i.choice}", lang),
                  place=text("all_communities", lang) if i.community == "all" else i.community,
                  date=short_date(i.day, lang)) + f" (× {number(i.magnitude, lang, 1)}) · "
             + text(f"source_{i.source}", lang)
             for i in run.injections]
    with solara.Div(classes=["kondusif-events"]):
        solara.Markdown(f"**{text('injected_list', lang)}**\n\n" +
                        "\n".join(f"- {item}" for item in items))


@solara.component
def ErrorBanner(errors: list[AppError], lang: str):
    """Every current problem: its headline and exactly what was wrong."""
    for error in errors:
        solara.Error(error.headline(lang), dense=True, classes=["kondusif-error"])
        if error.detail:
            solara.Text(error.detail, style={"white-space": "pre-wrap", "font-family": "monospace",
                                             "font-size": "0.8em"})


@solara.component
def Notice(key_params, lang: str):
    """A message that something was done for the trainer (a restart, a save)."""
    if key_params is None:
        return
    key, params = key_params
    solara.Success(text(key, lang, **params), dense=True, classes=["kondusif-notice"])


@solara.component
def AboutPanel(lang: str):
    """The NetLogo-style Info text, then the installed documentation pages to open."""
    page = solara.use_reactive("")
    if page.value:
        solara.Button(f"← {label('about:docs_heading', lang)}", small=True, text=True,
                      classes=["kondusif-doc-back"], on_click=lambda: page.set(""))
        solara.Markdown(doc_markdown(page.value))
        return
    solara.Markdown(about_markdown(lang))
    solara.Markdown(f"### {label('about:docs_heading', lang)}\n\n"
                    f"{label('about:docs_hint', lang)}")
    with solara.Row(gap="6px", style={"flex-wrap": "wrap"}):
        for name, title in doc_pages().items():
            solara.Button(title, small=True, outlined=True, classes=[f"kondusif-doc-{name}"],
                          on_click=lambda name=name: page.set(name))
