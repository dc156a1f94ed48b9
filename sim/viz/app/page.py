"""The page of the training app, laid out for a projector: a compact sidebar of controls
(as Mesa's SolaraViz has), and the difference banner with the map on the first screen.

Why not Mesa's SolaraViz as a whole: it shows one model and rebuilds it by
calling the model class with keyword parameters, while this app steps a
baseline and a strategy run together from one seed and builds them through
``sim.build_model`` (scenario, strategies, exercise). Its pattern is kept: a
sidebar of cards, a play loop in a thread that steps and then redraws, and a
reset that builds anew from the current settings.

Nothing is lost silently: a change of strategy or parameter starts the run
again with the trainer's events scheduled on their days and steps back to the
day the room had reached, and says so.
"""

from __future__ import annotations

import os
import threading
import time

import solara

from sim.viz.app.board import Board
from sim.viz.app.controls import (
    ExerciseTab,
    InjectTab,
    LanguageSwitch,
    ParameterTab,
    PlayControls,
    SessionTab,
    StrategyTab,
    Timeline,
)
from sim.viz.app.errors import AppError, report
from sim.viz.app.i18n import text
from sim.viz.app.keyboard import Shortcuts
from sim.viz.app.panels import (
    AboutPanel,
    CalmNote,
    ChartsPanel,
    DifferenceBanner,
    ErrorBanner,
    InjectedList,
    MapPanel,
    Notice,
    OutcomeTable,
    StatusBar,
    StopPrompt,
)
from sim.viz.app.results import repeat_differences
from sim.viz.app.server import EXERCISE_ENV, SCENARIO_ENV, app_overrides
from sim.viz.app.session import read_session, save_session, saved_sessions, session_json
from sim.viz.app.slide import slide_png, summary_html
from sim.viz.app.state import (
    Settings,
    TrainingRun,
    exercise_settings,
    read_exercise,
    read_scenario,
)

DEFAULT_SCENARIO = "desa_demo"
REPEATS = 10
TABS = ("exercise", "strategies", "parameters", "events", "session")
DRAWS_PER_SECOND = 3  # at the fastest speed the room sees this many pictures a second

CSS = """
.kondusif-shell { display: grid; grid-template-columns: 280px minmax(0, 1fr);
  grid-template-rows: auto minmax(0, 1fr); height: 100vh; overflow: hidden; }
.kondusif-top { grid-column: 1 / 3; display: flex; align-items: center; gap: 10px;
  padding: 2px 10px; border-bottom: 1px solid #ddd; min-height: 44px; flex-wrap: wrap; }
.kondusif-side { overflow-y: auto; padding: 4px 8px 40px; border-right: 1px solid #ddd; }
.kondusif-main { overflow-y: auto; padding: 4px 10px 20px; }
.kondusif-figs { display: flex; flex-direction: column; gap: 6px; }
.kondusif-side .v-btn:not(.v-btn--round) { height: 28px !important; min-width: 0 !important;
  padding: 0 8px !important; font-size: 0.72rem; letter-spacing: 0; }
.kondusif-tabs .v-btn-toggle { flex-wrap: wrap; height: auto !important; }
.kondusif-side .v-btn { text-transform: none; }
.kondusif-tabs .v-btn-toggle > .v-btn.v-btn { height: 26px !important; border-width: 1px; }
.kondusif-section { border-top: 1px solid #ddd; margin-top: 4px; padding-top: 4px; }
img.kondusif-map { max-height: calc(100vh - 205px); width: auto !important; max-width: 100%;
  display: block; }
.kondusif-top .v-btn { height: 30px !important; min-width: 0 !important;
  padding: 0 10px !important; }
@media (max-width: 1200px) { .kondusif-brand { display: none; }
  .kondusif-top .kondusif-status span { font-size: 1.0em !important; } }
.kondusif-side .v-input { margin-top: 2px; padding-top: 0; }
.kondusif-side .v-input__slot { margin-bottom: 0; }
.kondusif-side .v-messages { min-height: 0; }
.kondusif-present-view { height: 100vh; overflow: hidden; padding: 6px 14px;
  display: flex; flex-direction: column; gap: 6px; }
.kondusif-present-view img.kondusif-map { max-height: calc(100vh - 235px); }
@media (min-width: 1600px) {
  .kondusif-shell { grid-template-columns: 330px minmax(0, 1fr); }
  .kondusif-figs { display: grid; grid-template-columns: 1.15fr 1fr; align-items: start; }
}
"""


@solara.component
def Layout(children=[]):  # noqa: B006 - Solara's signature for a page's layout
    """No framework frame around the page: the page lays itself out."""
    solara.Column(children=children, style={"padding": "0", "margin": "0"})


def initial_settings() -> Settings:
    """The exercise or scenario the server was started with (``kondusif app ...``)."""
    exercise = os.environ.get(EXERCISE_ENV)
    if exercise:
        return exercise_settings(exercise)
    return Settings(os.environ.get(SCENARIO_ENV, DEFAULT_SCENARIO))


def start_run(settings: Settings) -> tuple[TrainingRun | None, AppError | None]:
    """Build the run, or say why it cannot be built (on the page and in the terminal)."""
    try:
        return TrainingRun.start(settings, app_overrides()), None
    except AppError as error:
        report(error)
        return None, error


def file_scenario(settings: Settings):
    """The scenario as its file has it (the sliders' starting values), or None if unusable."""
    try:
        return read_scenario(settings.scenario, app_overrides(),
                             read_exercise(settings.exercise))
    except AppError:
        return None


def current_stop(run):
    """The exercise's stop on the day the run has reached, if any."""
    if run is None or run.exercise is None or run.day == 0:
        return None
    return next((s for s in run.exercise.stops if s.date == run.date), None)


@solara.component
def Page():
    first = solara.use_memo(lambda: (initial_settings(), *start_run(initial_settings())), [])
    lang = solara.use_reactive("id")
    settings = solara.use_reactive(first[0])
    run_box = solara.use_reactive(first[1])
    error = solara.use_reactive(first[2])
    version = solara.use_reactive(0)
    playing = solara.use_reactive(False)
    speed = solara.use_reactive(4.0)
    problem = solara.use_reactive(None)
    notice = solara.use_reactive(None)
    presenting = solara.use_reactive(False)
    about = solara.use_reactive(False)
    tab = solara.use_reactive("exercise")
    shown_lane = solara.use_reactive(-1)
    spreads = solara.use_reactive(None)
    repeating = solara.use_reactive(None)
    session_text = solara.use_reactive(None)
    saved = solara.use_reactive(saved_sessions())
    # the measured speed, and the last version whose pictures were made: the play loop asks
    # for a new picture only when the last one is on its way (a room never waits on a queue)
    meter = solara.use_memo(lambda: {"rate": None, "drawn": -1}, [])
    run = run_box.value

    base = solara.use_memo(lambda: file_scenario(settings.value),
                           [settings.value.scenario, settings.value.exercise])

    def bump():
        version.set(version.value + 1)

    def install(new_run, new_settings):
        playing.set(False)
        spreads.set(None)
        shown_lane.set(-1)
        session_text.set(None)
        settings.set(new_settings)
        run_box.set(new_run)
        error.set(None)
        bump()

    def restart(new_settings: Settings, day: int | None = None, events=None, say=None):
        """Start `new_settings` anew, schedule `events` (the trainer's) and step to `day`."""
        old = run_box.value
        events = list(old.live_injections() if events is None and old is not None
                      else events or [])
        day = old.day if day is None and old is not None else (day or 0)
        try:
            fresh = TrainingRun.start(new_settings, app_overrides())
            kept = []
            for injection in events:
                try:
                    fresh.inject(injection.choice, injection.community, injection.magnitude,
                                 injection.day)
                    kept.append(injection)
                except AppError:
                    pass  # its place or phase is not in the new scenario; said below
            while fresh.day < min(day, fresh.n_days) and fresh.step():
                pass
        except AppError as exc:
            report(exc)
            problem.set(exc)
            return
        problem.set(None)
        dropped = len(events) - len(kept)
        if say is not None:
            notice.set(say)
        elif events or day:
            notice.set(("notice_restart", {"kept": len(kept), "dropped": dropped,
                                           "day": fresh.day}))
        install(fresh, new_settings)

    def change_settings(new: Settings):
        restart(new)

    def choose_exercise(name):
        if name is None:
            restart(Settings(settings.value.scenario, compare=settings.value.compare),
                    day=0, events=[])
            return
        try:
            new = exercise_settings(name)
        except AppError as exc:
            problem.set(exc)
            return
        dropped = len(run.live_injections()) if run is not None else 0
        restart(new, day=0, events=[], say=("notice_exercise", {"dropped": dropped}))

    def choose_scenario(new: Settings):
        dropped = len(run.live_injections()) if run is not None else 0
        restart(new, day=0, events=[], say=("notice_scenario", {"dropped": dropped}))

    def advance():
        notice.set(None)
        if run is not None and not run.stopped:
            run.step()
            if run.failure is not None:
                report(run.failure)
            bump()

    def reset():
        restart(settings.value, day=0)

    def seek(day: int):
        if run is None or day == run.day:
            return
        playing.set(False)
        if day > run.day:
            while run.day < day and run.step():
                pass
            bump()
        else:
            restart(settings.value, day=day, say=("notice_seek", {"day": day}))

    def inject(choice, community, magnitude):
        try:
            run.inject(choice, community, magnitude)
            problem.set(None)
        except AppError as exc:
            report(exc)
            problem.set(exc)
        bump()

    def clear_events():
        restart(settings.value, events=[], say=("notice_cleared", {}))

    def toggle_play():
        notice.set(None)
        if run is not None and (not run.stopped or playing.value):
            playing.set(not playing.value)

    def on_key(key: str):
        if key == " ":
            toggle_play()
        elif key == "ArrowRight":
            if not playing.value:
                advance()
        elif key in ("r", "R"):
            reset()
        elif key == "present":
            presenting.set(True)
        elif key in ("Escape", "fullscreen-exit"):
            presenting.set(False)

    def play_loop(cancel):
        if run is None:
            return
        began, first_day, drawn = time.perf_counter(), run.day, 0.0
        while playing.value and not cancel.is_set():
            started = time.perf_counter()
            if not run.step():
                playing.set(False)
                bump()
                return
            elapsed = time.perf_counter() - began
            meter["rate"] = (run.day - first_day) / elapsed if elapsed > 0 else None
            stop = current_stop(run) is not None
            fastest = speed.value == 0
            due = not fastest or time.perf_counter() - drawn >= 1.0 / DRAWS_PER_SECOND
            if stop or run.stopped or (due and meter["drawn"] >= version.value):
                bump()
                drawn = time.perf_counter()
            if stop or run.stopped:
                playing.set(False)
                bump()
                return
            if not fastest:
                time.sleep(max(0.0, 1.0 / speed.value - (time.perf_counter() - started)))

    solara.use_thread(play_loop, dependencies=[playing.value, run])

    def repeat():
        current = run_box.value
        if current is None:
            return
        events = current.live_injections()
        base_settings = settings.value
        repeating.set((0, REPEATS))

        def start(seed):
            fresh = TrainingRun.start(base_settings.with_changes(seed=seed), app_overrides())
            for i in events:
                fresh.inject(i.choice, i.community, i.magnitude, i.day)
            return fresh

        def work():
            try:
                found = repeat_differences(
                    start, range(base_settings.seed, base_settings.seed + REPEATS),
                    lambda done, total: repeating.set((done, total)))
                spreads.set({**found, "n": REPEATS})
            except AppError as exc:
                problem.set(exc)
            finally:
                repeating.set(None)

        threading.Thread(target=work, daemon=True).start()

    def save():
        try:
            path = save_session(run)
        except OSError as exc:
            problem.set(AppError("error_session", f"{exc}"))
            return
        session_text.set(session_json(run))
        saved.set(saved_sessions())
        notice.set(("notice_saved", {"file": path.name}))

    def load(name: str):
        folder = saved_sessions()
        path = next((p for p in folder if p.name == name), None)
        if path is None:
            return
        try:
            loaded, events, day = read_session(path)
        except AppError as exc:
            problem.set(exc)
            return
        restart(loaded, day=day, events=events, say=("notice_loaded", {"file": name,
                                                                       "day": day}))

    errors = [e for e in (error.value, run.failure if run else None, problem.value) if e]
    word = lang.value
    solara.Title(text("app_title", word))
    solara.Style(CSS)
    stop = current_stop(run)
    if presenting.value and run is not None:
        with solara.Column(classes=["kondusif-present-view"]):
            with solara.Row(style={"align-items": "center", "gap": "10px"}):
                StatusBar(run, word, version.value, big=True)
                solara.Button(text("pause" if playing.value else "play", word), small=True,
                              color="primary", classes=["kondusif-play"],
                              on_click=toggle_play)
                solara.Button(text("leave_presenter", word), small=True, outlined=True,
                              classes=["kondusif-leave"], on_click=lambda: presenting.set(False))
                Shortcuts(text("presenter", word), on_key)
            if stop is not None:
                StopPrompt(stop, word, toggle_play)
            DifferenceBanner(run, word, version.value, spreads.value, big=True)
            RunView(run, word, version.value, shown_lane.value, shown_lane.set, meter,
                    charts=False)
        return
    with solara.Div(classes=["kondusif-shell"]):
        with solara.Div(classes=["kondusif-top"]):
            solara.Text(text("app_short", word), classes=["kondusif-brand"],
                        style={"font-size": "1.15em", "font-weight": "bold"})
            if run is not None:
                StatusBar(run, word, version.value)
            solara.v.Spacer()
            Shortcuts(text("presenter", word), on_key)
            solara.Button(text("tab_simulation" if about.value else "tab_about", word),
                          small=True, text=True, classes=["kondusif-about"],
                          on_click=lambda: about.set(not about.value))
            LanguageSwitch(word, lang.set)
        with solara.Div(classes=["kondusif-side"]):
            PlayControls(playing.value, lambda on: toggle_play(), advance, reset, speed.value,
                         speed.set, run is None or run.stopped, meter["rate"], word)
            if run is not None:
                Timeline(run, seek, word, version.value)
            with solara.Div(classes=["kondusif-tabs"]):
                solara.ToggleButtonsSingle(
                    value=tab.value, on_value=tab.set, dense=True, mandatory=True,
                    children=[solara.Button(text(key, word), value=key,
                                            classes=[f"kondusif-tab-{key}"])
                              for key in TABS])
            with solara.Column(gap="2px", classes=["kondusif-section"]):
                if tab.value == "exercise":
                    if run is not None:
                        CalmNote(run, word)
                    ExerciseTab(settings.value, run, choose_exercise, choose_scenario, word,
                                version.value)
                elif tab.value == "strategies":
                    StrategyTab(settings.value, change_settings,
                                run.scenario if run else None, word)
                elif tab.value == "parameters":
                    if base is not None:
                        ParameterTab(settings.value, change_settings, base, word)
                elif tab.value == "events":
                    if run is not None:
                        InjectTab(run.scenario, inject, clear_events,
                                  bool(run.live_injections()), word)
                else:
                    SessionTab(run, word, repeat, repeating.value, save, saved.value, load,
                               (lambda: slide_png(run, word, spreads.value)) if run else None,
                               (lambda: summary_html(run, word, spreads.value).encode("utf-8"))
                               if run else None,
                               session_text.value.encode("utf-8")
                               if session_text.value else None)
        with solara.Div(classes=["kondusif-main"]):
            ErrorBanner(errors, word)
            Notice(notice.value, word)
            if about.value:
                AboutPanel(word)
                return
            if run is None:
                return
            if stop is not None:
                StopPrompt(stop, word, toggle_play)
            DifferenceBanner(run, word, version.value, spreads.value)
            RunView(run, word, version.value, shown_lane.value, shown_lane.set, meter)


@solara.component
def RunView(run: TrainingRun, lang: str, version: int, shown: int, on_shown, meter: dict,
            charts: bool = True):
    """Map, charts and results of the run, redrawn when `version` moves on; the version
    drawn is noted in `meter`."""
    lane = shown if -len(run.lanes) <= shown < len(run.lanes) else -1
    board = solara.use_memo(lambda: Board(run, lang, lane), [run, lang, lane])

    def pictures():
        try:
            board.update()
            made = board.map_png(), board.charts_png() if charts else None, None
            meter["drawn"] = version
            return made
        except Exception as exc:  # a picture that fails must not take the page down
            problem = AppError("error_drawing", f"{type(exc).__name__}: {exc}")
            report(problem)
            return None, None, problem

    map_png, charts_png, problem = solara.use_memo(pictures, [board, version, charts])
    if problem is not None:
        ErrorBanner([problem], lang)
        return
    with solara.Div(classes=["kondusif-figs"]):
        with solara.Column(gap="2px"):
            MapPanel(map_png, lang, run.lanes, lane % len(run.lanes), on_shown)
        if charts:
            with solara.Column(gap="2px"):
                ChartsPanel(charts_png)
                with solara.Row(style={"flex-wrap": "wrap", "gap": "12px"}):
                    OutcomeTable(run, lang, version)
                    InjectedList(run, lang, version)
