"""The trainer's controls: language, scenario, strategies, key parameters, play, events.

Each control is a small Solara component that reads the current value and
reports a change through a callback; the page owns the state.
"""

from __future__ import annotations

import solara

from sim.scenario import bundled_names
from sim.strategies import CATALOGUE, PACKAGES
from sim.viz.app.errors import AppError
from sim.viz.app.i18n import rupiah, text
from sim.viz.app.injection import INJECTABLE
from sim.viz.app.state import Settings, cost_of, scenario_personnel, strategy_choices
from sim.viz.labels import number


@solara.component
def LanguageSwitch(lang: str, on_lang):
    """Bahasa Indonesia / English."""
    solara.ToggleButtonsSingle(value=lang, on_value=on_lang, classes=["kondusif-lang"],
                               children=[solara.Button(text("lang_id"), value="id"),
                                         solara.Button(text("lang_en"), value="en")])


@solara.component
def Help(key: str, lang: str):
    """A line of help under a control."""
    solara.Text(text(key, lang), style={"font-size": "0.85em", "color": "#555"})


@solara.component
def ScenarioPicker(settings: Settings, on_settings, lang: str):
    """Bundled scenarios (and the one the app was started with), and the seed."""
    names = bundled_names()
    if settings.scenario not in names:
        names = [settings.scenario, *names]

    def choose(name):
        on_settings(Settings(name, settings.strategies, settings.seed,
                             compare=settings.compare))

    solara.Select(label=text("scenario", lang), values=names, value=settings.scenario,
                  on_value=choose)
    solara.InputInt(label=text("seed", lang), value=settings.seed,
                    on_value=lambda seed: on_settings(settings.with_changes(seed=seed or 0)))
    Help("help_seed", lang)


def choice_title(choice: str, lang: str) -> str:
    """A strategy's title, or ``Paket: name (members)`` for a package."""
    if choice.startswith("package:"):
        name = choice.removeprefix("package:")
        return f"{text('packages', lang)}: {name} ({', '.join(PACKAGES[name])})"
    return CATALOGUE[choice].title[lang]


def cost_text(choice: str, scenario, lang: str) -> str:
    try:
        cost = cost_of(choice, scenario)
    except AppError as exc:
        return text("cost_unknown", lang, detail=exc.detail)
    return text("cost_line", lang, rupiah=rupiah(cost.rupiah, lang),
                days=number(cost.personnel_days, lang))


@solara.component
def StrategyPicker(settings: Settings, on_settings, scenario, lang: str):
    """A box per strategy and package, with its cost in the running scenario."""
    def toggle(choice, on):
        chosen = [c for c in settings.strategies if c != choice] + ([choice] if on else [])
        on_settings(settings.with_changes(strategies=tuple(chosen)))

    solara.Text(text("strategies_packages", lang), style={"font-weight": "bold"})
    for choice in strategy_choices():
        solara.Checkbox(label=choice_title(choice, lang), value=choice in settings.strategies,
                        on_value=lambda on, choice=choice: toggle(choice, on))
        if scenario is not None:
            solara.Text(cost_text(choice, scenario, lang),
                        style={"font-size": "0.85em", "color": "#555", "margin-left": "32px"})
    solara.Switch(label=text("compare", lang), value=settings.compare,
                  on_value=lambda on: on_settings(settings.with_changes(compare=on)))
    Help("help_strategies", lang)


@solara.component
def ParameterSliders(settings: Settings, on_settings, base, lang: str):
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

    solara.Text(text("parameters", lang), style={"font-weight": "bold"})
    Slider("legitimacy", legitimacy, 0.3, 1.0, 0.01, change("legitimacy"), lang, digits=2)
    Slider("security_personnel", personnel, 0, most, max(1, most // 100), change("personnel"),
           lang, whole=True)
    Slider("response_delay", delay, 0.0, 24.0, 0.5, change("response_delay_hours"), lang,
           digits=1)
    Slider("hoax_intensity", settings.hoax_intensity, 0.25, 4.0, 0.25,
           change("hoax_intensity"), lang, digits=2)


@solara.component
def Slider(key: str, value, low, high, step, on_value, lang: str, digits: int = 0,
           whole: bool = False):
    """A labelled slider showing its value, with its help line (``help_<key>``) beneath."""
    solara.Text(f"{text(key, lang)}: {number(value, lang, digits)}",
                style={"font-size": "0.95em"})
    if whole:
        solara.SliderInt("", value=int(value), min=int(low), max=int(high), step=int(step),
                         on_value=on_value)
    else:
        solara.SliderFloat("", value=value, min=low, max=high, step=step, on_value=on_value)
    Help(f"help_{key}", lang)


@solara.component
def PlayControls(playing: bool, on_playing, on_step, on_reset, speed: float, on_speed,
                 stopped: bool, lang: str):
    """Play or pause, one step, reset, and how many days pass each second."""
    with solara.Row():
        solara.Button(text("pause" if playing else "play", lang), color="primary",
                      disabled=stopped and not playing, classes=["kondusif-play"],
                      on_click=lambda: on_playing(not playing))
        solara.Button(text("step", lang), disabled=playing or stopped,
                      classes=["kondusif-step"], on_click=on_step)
        solara.Button(text("reset", lang), classes=["kondusif-reset"], on_click=on_reset)
    solara.Text(f"{text('speed', lang)}: {number(speed, lang, 1)}", style={"font-size": "0.95em"})
    solara.SliderFloat("", value=speed, min=0.5, max=10.0, step=0.5, on_value=on_speed)


@solara.component
def InjectPanel(scenario, on_inject, lang: str):
    """Pick an event, a place and a size; it happens tomorrow in every run on screen."""
    kinds = {text(f"ev_{key}", lang): key for key in INJECTABLE}
    places = {text("all_communities", lang): "all"} | {c.name: c.name
                                                        for c in scenario.communities}
    kind = solara.use_reactive("hoax_wave")
    place = solara.use_reactive("all")
    magnitude = solara.use_reactive(1.0)
    by_key = {v: k for k, v in kinds.items()}
    place_label = {v: k for k, v in places.items()}.get(place.value, place.value)

    solara.Text(text("inject_title", lang), style={"font-weight": "bold"})
    solara.Select(label=text("event_kind", lang), values=list(kinds),
                  value=by_key[kind.value], on_value=lambda label: kind.set(kinds[label]))
    solara.Select(label=text("event_where", lang), values=list(places), value=place_label,
                  on_value=lambda label: place.set(places.get(label, label)))
    solara.Text(f"{text('magnitude', lang)}: {number(magnitude.value, lang, 1)}",
                style={"font-size": "0.95em"})
    solara.SliderFloat("", value=magnitude, min=0.1, max=3.0, step=0.1)
    solara.Button(text("inject", lang), color="warning", classes=["kondusif-inject"],
                  on_click=lambda: on_inject(kind.value, place.value, magnitude.value))
    Help("help_inject", lang)
