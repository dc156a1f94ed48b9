"""The page of the training app: controls on the left, the Pilkada unfolding on the right.

Why not Mesa's SolaraViz as a whole: it shows one model and rebuilds it by
calling the model class with keyword parameters, while this app steps a
baseline and a strategy run together from one seed and builds them through
``sim.build_model`` (scenario, strategies, overrides). Its pattern is kept:
a play loop in a thread that steps and then redraws, and a reset that builds
anew from the current settings.
"""

from __future__ import annotations

import os
import time

import solara

from sim.viz.app.board import Board
from sim.viz.app.controls import (
    InjectPanel,
    LanguageSwitch,
    ParameterSliders,
    PlayControls,
    ScenarioPicker,
    StrategyPicker,
)
from sim.viz.app.errors import AppError, report
from sim.viz.app.i18n import text
from sim.viz.app.panels import (
    AboutPanel,
    ChartsPanel,
    ErrorBanner,
    InjectedList,
    MapPanel,
    OutcomeTable,
    StatusBar,
)
from sim.viz.app.server import SCENARIO_ENV
from sim.viz.app.state import Settings, TrainingRun, read_scenario

DEFAULT_SCENARIO = "desa_demo"


def initial_settings() -> Settings:
    """The scenario the server was started with (``kondusif app SCENARIO``)."""
    return Settings(os.environ.get(SCENARIO_ENV, DEFAULT_SCENARIO))


def start_run(settings: Settings) -> tuple[TrainingRun | None, AppError | None]:
    """Build the run, or say why it cannot be built (on the page and in the terminal)."""
    try:
        return TrainingRun.start(settings), None
    except AppError as error:
        report(error)
        return None, error


def file_scenario(settings: Settings):
    """The scenario as its file has it (the sliders' starting values), or None if unusable."""
    try:
        return read_scenario(settings.scenario)
    except AppError:
        return None


@solara.component
def Page():
    lang = solara.use_reactive("id")
    settings = solara.use_reactive(initial_settings())
    generation = solara.use_reactive(0)
    version = solara.use_reactive(0)
    playing = solara.use_reactive(False)
    speed = solara.use_reactive(4.0)
    notice = solara.use_reactive(None)
    view = solara.use_reactive("simulation")

    run, error = solara.use_memo(lambda: start_run(settings.value),
                                 [settings.value, generation.value])
    base = solara.use_memo(lambda: file_scenario(settings.value), [settings.value.scenario])

    def change_settings(new: Settings):
        playing.set(False)
        notice.set(None)
        settings.set(new)

    def advance():
        if run is not None:
            run.step()
            if run.failure is not None:
                report(run.failure)
            version.set(version.value + 1)

    def reset():
        playing.set(False)
        notice.set(None)
        generation.set(generation.value + 1)

    def inject(choice, community, magnitude):
        try:
            run.inject(choice, community, magnitude)
            notice.set(None)
        except AppError as problem:
            report(problem)
            notice.set(problem)
        version.set(version.value + 1)

    def play_loop(cancel):
        while playing.value and run is not None and not cancel.is_set():
            started = time.perf_counter()
            advance()
            if run.stopped:
                playing.set(False)
                return
            time.sleep(max(0.0, 1.0 / speed.value - (time.perf_counter() - started)))

    solara.use_thread(play_loop, dependencies=[playing.value, run])

    errors = [e for e in (error, run.failure if run else None, notice.value) if e is not None]
    solara.Title(text("app_title", lang.value))
    with solara.Column(style={"padding": "8px 16px"}):
        with solara.Row(style={"align-items": "center", "justify-content": "space-between"}):
            solara.Text(text("app_title", lang.value),
                        style={"font-size": "1.6em", "font-weight": "bold"})
            LanguageSwitch(lang.value, lang.set)
        if run is not None:
            StatusBar(run, lang.value, version.value)
        ErrorBanner(errors, lang.value)
        ViewSwitch(view.value, view.set, lang.value)
        if view.value == "about":
            AboutPanel(lang.value)
            return
        with solara.Columns([1, 3]):
            with solara.Column():
                with solara.Card(text("controls", lang.value)):
                    PlayControls(playing.value, playing.set, advance, reset, speed.value,
                                 speed.set, run is None or run.stopped, lang.value)
                    ScenarioPicker(settings.value, change_settings, lang.value)
                SettingCards(settings.value, change_settings, run, base, inject, lang.value)
            with solara.Column():
                if run is not None:
                    RunView(run, lang.value, version.value)


@solara.component
def SettingCards(settings: Settings, on_settings, run, base, on_inject, lang: str):
    """Strategies, key parameters and live events, each on its card."""
    with solara.Card():
        StrategyPicker(settings, on_settings, run.scenario if run else None, lang)
    if base is not None:
        with solara.Card():
            ParameterSliders(settings, on_settings, base, lang)
    if run is not None:
        with solara.Card():
            InjectPanel(run.scenario, on_inject, lang)


@solara.component
def ViewSwitch(view: str, on_view, lang: str):
    """The simulation, or the About panel."""
    solara.ToggleButtonsSingle(value=view, on_value=on_view, classes=["kondusif-view"],
                               children=[solara.Button(text("tab_simulation", lang),
                                                       value="simulation"),
                                         solara.Button(text("tab_about", lang), value="about")])


@solara.component
def RunView(run: TrainingRun, lang: str, version: int):
    """Map, charts and results of the run, redrawn when `version` moves on."""
    board = solara.use_memo(lambda: Board(run, lang), [run, lang])

    def pictures():
        try:
            board.update()
            return board.map_png(), board.charts_png(), None
        except Exception as exc:  # a picture that fails must not take the page down
            problem = AppError("error_drawing", f"{type(exc).__name__}: {exc}")
            report(problem)
            return None, None, problem

    map_png, charts_png, problem = solara.use_memo(pictures, [board, version])
    if problem is not None:
        ErrorBanner([problem], lang)
        return
    MapPanel(map_png, lang)
    ChartsPanel(charts_png)
    with solara.Columns([2, 1]):
        OutcomeTable(run, lang, version)
        InjectedList(run, lang, version)
