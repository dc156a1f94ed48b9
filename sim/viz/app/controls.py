"""The trainer's controls in the sidebar: play, the timeline, and one tab each for the
exercise, the strategies, the key parameters, live events and the session.

Each control is a small Solara component that reads the current value and
reports a change through a callback; the page owns the state.
"""

from __future__ import annotations

import solara

from sim.exercises import describe_exercises
from sim.scenario.registry import describe_bundled
from sim.strategies import CATALOGUE, PACKAGE_TITLES, PACKAGES
from sim.viz.app.errors import AppError
from sim.viz.app.i18n import rupiah, short_date, text
from sim.viz.app.injection import INJECTABLE
from sim.viz.app.state import Settings, cost_of, scenario_personnel
from sim.viz.labels import number
from sim.viz.labels.cost_basis import basis_text

SMALL = {"font-size": "0.8em", "color": "#555", "line-height": "1.2"}
SPEEDS = (1.0, 2.0, 4.0, 8.0, 0.0)  # days per second; 0 = as fast as the machine goes


@solara.component
def LanguageSwitch(lang: str, on_lang):
    """Bahasa Indonesia / English."""
    solara.ToggleButtonsSingle(value=lang, on_value=on_lang, dense=True,
                               classes=["kondusif-lang"],
                               children=[solara.Button("ID", value="id", small=True),
                                         solara.Button("EN", value="en", small=True)])


@solara.component
def Help(key: str, lang: str, **params):
    """A line of help under a control."""
    solara.Text(text(key, lang, **params), style=SMALL)


def speed_label(speed: float, lang: str) -> str:
    if speed == 0:
        return text("speed_fastest", lang)
    return text("speed_days", lang, days=number(speed, lang, 0))


@solara.component
def PlayControls(playing: bool, on_playing, on_step, on_reset, speed: float, on_speed,
                 stopped: bool, measured: float | None, lang: str):
    """Play or pause, one day, start again, and the speed (with the speed measured)."""
    with solara.Row(gap="4px", style={"flex-wrap": "wrap"}):
        solara.Button(text("pause" if playing else "play", lang), color="primary", small=True,
                      disabled=stopped and not playing, classes=["kondusif-play"],
                      on_click=lambda: on_playing(not playing))
        solara.Button(text("step", lang), disabled=playing or stopped, small=True,
                      classes=["kondusif-step"], on_click=on_step)
        solara.Button(text("reset", lang), small=True, classes=["kondusif-reset"],
                      on_click=on_reset)
    labels = {speed_label(s, lang): s for s in SPEEDS}
    solara.Select(label=text("speed", lang), values=list(labels), dense=True,
                  value=speed_label(speed, lang), on_value=lambda v: on_speed(labels[v]),
                  classes=["kondusif-speed"])
    if measured is not None:
        Help("speed_measured", lang, days=number(measured, lang, 1))
    Help("help_keys", lang)


@solara.component
def Timeline(run, on_seek, lang: str, version: int = 0):
    """A scrubber over the calendar with its phases drawn beneath, and jumps to key days.

    The run changes in place: `version` tells the component that it moved on.
    """
    from sim.viz.app.panels import PHASE_COLOURS

    days = run.n_days
    with solara.Div(classes=["kondusif-scrub"]):
        solara.SliderInt(text("timeline", lang), value=run.day, min=0, max=days,
                         on_value=on_seek, thumb_label=False)
    phases = run.model.timeline.phases
    spans = []
    for phase in phases:
        if spans and spans[-1][0] == phase:
            spans[-1][1] += 1
        else:
            spans.append([phase, 1])
    cells = "".join(
        f"<div title='{text(str(p), lang)}' style='flex:{n};background:{PHASE_COLOURS[p]};"
        f"height:10px'></div>" for p, n in spans)
    solara.HTML(unsafe_innerHTML=f"<div style='display:flex;margin:-14px 8px 4px'>{cells}</div>")
    with solara.Row(gap="4px", style={"flex-wrap": "wrap"}):
        for key, target in jump_days(run).items():
            solara.Button(text(key, lang), small=True, outlined=True,
                          classes=[f"kondusif-jump-{key}"],
                          on_click=lambda target=target: on_seek(target))


def jump_days(run) -> dict[str, int]:
    """Day counts (days stepped) at which voting day, recapitulation and dispute begin."""
    cal = run.scenario.calendar
    voting, recap_end = cal.step_of(cal.voting_day) + 1, cal.step_of(cal.recap_end) + 1
    return {"voting": voting, "recapitulation": voting + 1, "dispute": recap_end + 1}


@solara.component
def ExerciseTab(settings: Settings, run, on_exercise, on_scenario, lang: str, version: int = 0):
    """The exercises with their titles and descriptions, the scenario, and what comes next."""
    rows = describe_exercises()
    titles = {row[f"title_{lang}"]: row["name"] for row in rows}
    none = text("no_exercise", lang)
    current = next((t for t, n in titles.items() if n == settings.exercise), none)
    solara.Select(label=text("exercise", lang), values=[none, *titles], value=current,
                  on_value=lambda t: on_exercise(titles.get(t)), classes=["kondusif-exercise"])
    if run is not None and run.exercise is not None:
        solara.Text(run.exercise.description(lang), style={"font-size": "0.85em"})
        coming = [s for s in run.exercise.stops if s.date > run.date or run.day == 0]
        if coming:
            Help("next_stop", lang, date=short_date(coming[0].date, lang))
    else:
        ScenarioPicker(settings, on_scenario, lang)


def scenario_titles(lang: str) -> dict[str, str]:
    """Title -> name of the bundled regency scenarios, each listed once."""
    rows = [row for row in describe_bundled() if row["kind"] == "regency"]
    return {row["title"] or row["name"]: row["name"] for row in rows}


@solara.component
def ScenarioPicker(settings: Settings, on_settings, lang: str):
    """Bundled scenarios by title (and the one the app was started with), and the seed."""
    titles = scenario_titles(lang)
    names = {v: k for k, v in titles.items()}
    if settings.scenario not in names:
        names[settings.scenario] = settings.scenario
        titles[settings.scenario] = settings.scenario

    def choose(title):
        on_settings(Settings(titles[title], settings.strategies, settings.seed,
                             compare=settings.compare))

    solara.Select(label=text("scenario", lang), values=list(titles),
                  value=names[settings.scenario], on_value=choose, dense=True,
                  classes=["kondusif-scenario"])
    solara.InputInt(label=text("seed", lang), value=settings.seed, dense=True,
                    on_value=lambda seed: on_settings(settings.with_changes(seed=seed or 0)))
    Help("help_seed", lang)


def cost_text(choice: str, scenario, lang: str) -> tuple[str, str]:
    """The cost line and its basis, in `lang`."""
    try:
        cost = cost_of(choice, scenario)
    except AppError as exc:
        return text("cost_unknown", lang, detail=exc.detail), ""
    return (text("cost_line", lang, rupiah=rupiah(cost.rupiah, lang),
                 days=number(cost.personnel_days, lang)), basis_text(cost.basis, lang))


@solara.component
def StrategyTab(settings: Settings, on_settings, scenario, lang: str):
    """A box per strategy with its cost and how it was reckoned; packages in one list."""
    chosen = set(settings.strategies)

    def toggle(choice, on):
        names = [c for c in settings.strategies if c != choice] + ([choice] if on else [])
        on_settings(settings.with_changes(strategies=tuple(names)))

    solara.Switch(label=text("compare_on" if settings.compare else "compare_off", lang),
                  value=settings.compare, classes=["kondusif-compare"],
                  on_value=lambda on: on_settings(settings.with_changes(compare=on)))
    packages = {PACKAGE_TITLES[name][lang]: f"package:{name}" for name in PACKAGES}
    none = text("no_package", lang)
    current = next((t for t, c in packages.items() if c in chosen), none)

    def pick_package(title):
        rest = [c for c in settings.strategies if not c.startswith("package:")]
        extra = [packages[title]] if title in packages else []
        on_settings(settings.with_changes(strategies=tuple(rest + extra)))

    solara.Select(label=text("packages", lang), values=[none, *packages], value=current,
                  on_value=pick_package, dense=True, classes=["kondusif-package"])
    for name, cls in CATALOGUE.items():
        with solara.Div(classes=[f"kondusif-strategy-{name}"]):
            solara.Checkbox(label=cls.title[lang], value=name in chosen,
                            on_value=lambda on, name=name: toggle(name, on))
        if scenario is not None:
            line, basis = cost_text(name, scenario, lang)
            solara.Text(line, style={**SMALL, "margin-left": "30px", "display": "block"})
            if basis:
                solara.Text(basis, style={**SMALL, "margin-left": "30px", "display": "block",
                                          "font-size": "0.72em"})
    Help("help_strategies", lang)


@solara.component
def ParameterTab(settings: Settings, on_settings, base, lang: str):
    """Legitimacy, security personnel, response delay and hoax intensity.

    `base` is the scenario as its file has it: the sliders start there.
    """
    legitimacy = settings.legitimacy if settings.legitimacy is not None \
        else base.grievance.legitimacy
    personnel = settings.personnel if settings.personnel is not None \
        else scenario_personnel(base)
    delay = settings.response_delay_hours if settings.response_delay_hours is not None \
        else base.security.response_delay_hours
    most = max(10, 3 * scenario_personnel(base))

    def change(field):
        return lambda value: on_settings(settings.with_changes(**{field: value}))

    Slider("legitimacy", legitimacy, 0.3, 1.0, 0.01, change("legitimacy"), lang, digits=2)
    Slider("security_personnel", personnel, 0, most, max(1, most // 100), change("personnel"),
           lang, whole=True)
    Slider("response_delay", delay, 0.0, 24.0, 0.5, change("response_delay_hours"), lang,
           digits=1)
    Slider("hoax_intensity", settings.hoax_intensity, 0.25, 4.0, 0.25,
           change("hoax_intensity"), lang, digits=2)
    Help("help_parameters", lang)


@solara.component
def Slider(key: str, value, low, high, step, on_value, lang: str, digits: int = 0,
           whole: bool = False):
    """A labelled slider showing its value, with its help line (``help_<key>``) beneath."""
    solara.Text(f"{text(key, lang)}: {number(value, lang, digits)}",
                style={"font-size": "0.9em"})
    with solara.Div(classes=[f"kondusif-slider-{key}"]):
        if whole:
            solara.SliderInt("", value=int(value), min=int(low), max=int(high),
                             step=int(step), on_value=on_value)
        else:
            solara.SliderFloat("", value=value, min=low, max=high, step=step,
                               on_value=on_value)
    Help(f"help_{key}", lang)


@solara.component
def InjectTab(scenario, on_inject, on_clear, has_live: bool, lang: str):
    """Pick an event, a place and a size; it happens tomorrow in every run on screen."""
    kinds = {text(f"ev_{key}", lang): key for key in INJECTABLE}
    places = {text("all_communities", lang): "all"} | {c.name: c.name
                                                        for c in scenario.communities}
    kind = solara.use_reactive("hoax_wave")
    place = solara.use_reactive("all")
    magnitude = solara.use_reactive(1.0)
    by_key = {v: k for k, v in kinds.items()}
    place_label = {v: k for k, v in places.items()}.get(place.value, place.value)

    solara.Select(label=text("event_kind", lang), values=list(kinds), dense=True,
                  value=by_key[kind.value], on_value=lambda label: kind.set(kinds[label]),
                  classes=["kondusif-event-kind"])
    solara.Select(label=text("event_where", lang), values=list(places), value=place_label,
                  dense=True, on_value=lambda label: place.set(places.get(label, label)),
                  classes=["kondusif-event-where"])
    solara.Text(f"{text('magnitude', lang)}: {number(magnitude.value, lang, 1)}",
                style={"font-size": "0.9em"})
    with solara.Div(classes=["kondusif-magnitude"]):
        solara.SliderFloat("", value=magnitude, min=0.1, max=3.0, step=0.1)
    with solara.Row(gap="4px"):
        solara.Button(text("inject", lang), color="warning", small=True,
                      classes=["kondusif-inject"],
                      on_click=lambda: on_inject(kind.value, place.value, magnitude.value))
        solara.Button(text("clear_events", lang), small=True, outlined=True,
                      disabled=not has_live, classes=["kondusif-clear"], on_click=on_clear)
    Help("help_inject", lang)


@solara.component
def SessionTab(run, lang: str, on_repeat, repeating, on_save, saved, on_load, slide, summary,
               session_file):
    """Repeat over seeds, take-aways (slide, summary), and save or load the session."""
    solara.Button(text("repeat_10", lang), small=True, color="primary", outlined=True,
                  disabled=run is None or repeating is not None, classes=["kondusif-repeat"],
                  on_click=on_repeat)
    if repeating is not None:
        Help("repeat_progress", lang, done=repeating[0], total=repeating[1])
    Help("help_repeat", lang)
    if run is not None:
        with solara.Div(classes=["kondusif-slide"]):
            solara.FileDownload(slide, filename=f"kondusif-slide-{lang}-hari-{run.day}.png",
                                label=text("download_slide", lang), mime_type="image/png")
        with solara.Div(classes=["kondusif-summary"]):
            solara.FileDownload(summary,
                                filename=f"kondusif-ringkasan-{lang}-hari-{run.day}.html",
                                label=text("download_summary", lang), mime_type="text/html")
    solara.Button(text("save_session", lang), small=True, classes=["kondusif-save"],
                  disabled=run is None, on_click=on_save)
    if session_file is not None:
        with solara.Div(classes=["kondusif-session-file"]):
            solara.FileDownload(session_file, filename="kondusif-sesi.json",
                                label=text("download_session", lang),
                                mime_type="application/json")
    choice = solara.use_reactive(None)
    names = [p.name for p in saved]
    if names:
        solara.Select(label=text("saved_sessions", lang), values=names, dense=True,
                      value=choice.value if choice.value in names else names[0],
                      on_value=choice.set, classes=["kondusif-sessions"])
        solara.Button(text("load_session", lang), small=True, classes=["kondusif-load"],
                      on_click=lambda: on_load(choice.value if choice.value in names
                                               else names[0]))
    Help("help_session", lang)
