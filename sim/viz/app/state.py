"""A training run: the trainer's settings, and one or two models stepped together.

Compare mode builds the baseline and the run with strategies from the same
seed, so both draw the same random numbers (common random numbers) and the
room sees the difference the strategies make, not noise. Both are stepped
day by day together; an injected event goes into both.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace

from sim.exercises import (
    Exercise,
    ExerciseError,
    bundled_exercise_path,
    exercise_scenario,
    load_exercise,
    phase_problem,
)
from sim.scenario import ScenarioError, bundled_path, load_scenario
from sim.scenario.schema import Phase, Scenario
from sim.simulation import build_model
from sim.strategies import CATALOGUE, PACKAGES, Cost, resolve_strategies
from sim.strategies.base import NO_COST
from sim.viz.app.errors import AppError
from sim.viz.app.guard import GuardedStrategy, StrategyFailure
from sim.viz.app.injection import live_events
from sim.viz.app.track import Track


@dataclass(frozen=True)
class Settings:
    """What the trainer chose. ``None`` keeps the scenario's own value.

    Parameters
    ----------
    scenario : str
        A bundled scenario's name or a path to a TOML file.
    strategies : tuple of str
        Strategy names and ``package:NAME`` entries.
    seed : int
        Root seed; both runs of compare mode use it.
    legitimacy, personnel, response_delay_hours : optional
        The key parameters (``grievance.legitimacy``, ``security.personnel``,
        ``security.response_delay_hours``).
    hoax_intensity : float
        Multiplier on ``rumor.seeds_per_wave``.
    compare : bool
        Run the baseline beside the strategies.
    exercise : str, optional
        A bundled exercise's name or a file: its scenario (with its events) is run.
    """

    scenario: str
    strategies: tuple[str, ...] = ()
    seed: int = 0
    legitimacy: float | None = None
    personnel: int | None = None
    response_delay_hours: float | None = None
    hoax_intensity: float = 1.0
    compare: bool = True
    exercise: str | None = None

    def overrides(self, scenario: Scenario) -> dict:
        """The dotted-path overrides these settings make to `scenario`."""
        changes = {"grievance.legitimacy": self.legitimacy,
                   "security.personnel": self.personnel,
                   "security.response_delay_hours": self.response_delay_hours}
        changes = {path: value for path, value in changes.items() if value is not None}
        if self.hoax_intensity != 1.0:
            changes["rumor.seeds_per_wave"] = max(
                1, round(scenario.rumor.seeds_per_wave * self.hoax_intensity))
        return changes

    def with_changes(self, **changes) -> Settings:
        return replace(self, **changes)


def scenario_personnel(scenario: Scenario) -> int:
    """Security personnel the scenario deploys (the slider's starting value)."""
    if scenario.security.personnel is not None:
        return scenario.security.personnel
    return sum(force.personnel for force in scenario.security.forces)


def read_scenario(name: str, overrides: dict | None = None,
                  exercise: Exercise | None = None) -> Scenario:
    """Load a bundled scenario or a file (or an exercise's scenario with its events);
    a problem becomes an AppError naming the file."""
    try:
        if exercise is not None:
            return exercise_scenario(exercise, overrides)
        return load_scenario(bundled_path(name), overrides)
    except ScenarioError as exc:
        raise AppError("error_scenario", str(exc)) from None


def read_exercise(name: str | None) -> Exercise | None:
    """A bundled exercise or an exercise file; a problem becomes an AppError naming the file."""
    if name is None:
        return None
    try:
        return load_exercise(bundled_exercise_path(name))
    except ExerciseError as exc:
        raise AppError("error_exercise", str(exc)) from None


def exercise_settings(name: str) -> Settings:
    """The settings an exercise starts with: its scenario, strategies and seed."""
    exercise = read_exercise(name)
    meta = exercise.exercise
    return Settings(meta.scenario, tuple(meta.strategies), meta.seed, exercise=name)


@dataclass
class Lane:
    """One of the runs on screen: its label key, its model and its daily track."""

    key: str  # "baseline" or "with_strategy"
    model: object
    track: Track
    strategies: tuple[str, ...] = ()


@dataclass
class Injection:
    """An event the trainer added (or the exercise scheduled), for the list and the markers."""

    choice: str
    community: str
    magnitude: float
    day: object
    source: str = "live"  # "live": the trainer's; "exercise": the exercise file's

    def as_dict(self) -> dict:
        return {"choice": self.choice, "community": self.community,
                "magnitude": self.magnitude, "day": self.day.isoformat(), "source": self.source}


@dataclass(eq=False)  # a run is itself: the page compares runs by identity, not contents
class TrainingRun:
    """The models on screen for one set of Settings.

    Examples
    --------
    >>> run = TrainingRun.start(Settings("desa_demo", ("counter_hoax",), seed=1))
    >>> [lane.key for lane in run.lanes]
    ['baseline', 'with_strategy']
    >>> run.step()
    True
    >>> run.day
    1
    """

    settings: Settings
    scenario: Scenario
    lanes: list[Lane]
    cost: Cost = NO_COST
    injections: list[Injection] = field(default_factory=list)
    exercise: Exercise | None = None
    failure: AppError | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def start(cls, settings: Settings, overrides: dict | None = None) -> TrainingRun:
        """Load the scenario with the settings applied and build the models (day 0).

        Parameters
        ----------
        settings : Settings
        overrides : dict, optional
            Further dotted-path overrides (``--set``), applied before the settings'.

        Raises
        ------
        AppError
            When the scenario, an override or a strategy cannot be used.
        """
        overrides = dict(overrides or {})
        exercise = read_exercise(settings.exercise)
        base = read_scenario(settings.scenario, overrides, exercise)
        scenario = read_scenario(settings.scenario, overrides | settings.overrides(base),
                                 exercise)
        names = unique_strategies(settings.strategies)
        wanted = [("with_strategy", names)] if names else []
        if settings.compare or not names:
            wanted.insert(0, ("baseline", ()))
        lanes = [cls._lane(key, scenario, chosen, settings.seed) for key, chosen in wanted]
        run = cls(settings=settings, scenario=scenario, lanes=lanes,
                  cost=cls._cost(lanes[-1], scenario), exercise=exercise)
        if exercise is not None:
            run.injections = [Injection(e.kind.value, e.community, e.magnitude, e.date,
                                        "exercise") for e in exercise.events]
        return run

    @staticmethod
    def _cost(lane: Lane, scenario: Scenario) -> Cost:
        try:
            return sum((s.cost(scenario) for s in lane.model.strategies), start=NO_COST)
        except StrategyFailure as exc:
            raise AppError("error_strategy", str(exc.cause), name=exc.name,
                           date=scenario.calendar.campaign_start.isoformat()) from None

    @staticmethod
    def _lane(key: str, scenario: Scenario, names: tuple[str, ...], seed: int) -> Lane:
        try:
            chosen = [GuardedStrategy(s) for s in resolve_strategies(names, scenario)]
            model = build_model(scenario, chosen, seed=seed)
        except ScenarioError as exc:
            raise AppError("error_scenario", str(exc)) from None
        except StrategyFailure as exc:
            raise AppError("error_strategy", str(exc.cause), name=exc.name,
                           date=scenario.calendar.campaign_start.isoformat()) from None
        return Lane(key, model, Track(len(model.timeline)), names)

    # --- where the run is ---------------------------------------------------

    @property
    def model(self):
        """The model whose calendar the screen follows (all lanes share it)."""
        return self.lanes[-1].model

    @property
    def day(self) -> int:
        """Days simulated so far (0 before the first step)."""
        return self.model.steps

    @property
    def n_days(self) -> int:
        return len(self.model.timeline)

    @property
    def date(self):
        """The last simulated date, or the first date of the calendar before the first step."""
        return self.model.timeline.date_of(max(self.day - 1, 0))

    @property
    def phase(self) -> Phase:
        return self.model.timeline.phase_of(max(self.day - 1, 0))

    @property
    def finished(self) -> bool:
        return self.day >= self.n_days

    @property
    def stopped(self) -> bool:
        """Finished, or halted by a failure: nothing more to step."""
        return self.finished or self.failure is not None

    # --- what the trainer does ----------------------------------------------

    def step(self) -> bool:
        """Move every lane one day; False if there was nothing to step or a failure stopped it."""
        with self.lock:
            if self.stopped:
                return False
            next_date = self.model.timeline.date_of(self.day)
            for lane in self.lanes:
                if not self._step_lane(lane, next_date):
                    return False
            return True

    def _step_lane(self, lane: Lane, date) -> bool:
        try:
            lane.model.step()
        except StrategyFailure as exc:
            self.failure = AppError("error_strategy", str(exc.cause), name=exc.name,
                                    date=date.isoformat())
            return False
        except Exception as exc:  # the room must see a message, not a dead page
            self.failure = AppError("error_model", f"{type(exc).__name__}: {exc}",
                                    date=date.isoformat())
            return False
        lane.track.record(lane.model)
        return True

    def inject(self, choice: str, community: str, magnitude: float, day=None) -> Injection:
        """Put an event on the calendar of every lane: tomorrow, or on `day` if not yet past.

        Raises
        ------
        AppError
            If the calendar has ended, the day has passed, the event does not fit
            the phase of its day, or it does not validate.
        """
        with self.lock:
            if self.stopped:
                raise AppError("error_event_after_end")
            tomorrow = self.model.timeline.date_of(self.day)
            day = tomorrow if day is None else day
            if day < tomorrow:
                raise AppError("error_event", f"date = {day}: already simulated; expected "
                                              f"{tomorrow} or later")
            events = live_events(self.scenario, choice, community, magnitude, day)
            for event in events:
                why = phase_problem(event.kind, day, self.scenario)
                if why:
                    raise AppError("error_event_phase", why, **phase_words(choice, event.kind,
                                                                           day, self.scenario))
            for lane in self.lanes:
                for event in events:
                    lane.model.inject(event)
            injection = Injection(choice, community, magnitude, day)
            self.injections.append(injection)
            return injection

    def live_injections(self) -> list[Injection]:
        """The events the trainer added (not the exercise's own)."""
        return [i for i in self.injections if i.source == "live"]

    def replay(self, injections, to_day: int) -> None:
        """Schedule `injections` on their days and step to `to_day` (a restarted run).

        Events whose day is past the calendar's end are dropped by ``inject``'s checks
        and raise; the caller keeps the old run then.
        """
        for injection in injections:
            self.inject(injection.choice, injection.community, injection.magnitude,
                        injection.day)
        while self.day < min(to_day, self.n_days) and self.step():
            pass


def phase_words(choice: str, kind, day, scenario: Scenario) -> dict:
    """The refused event, its day's phase and the phases it fits, in both languages."""
    from sim.exercises.phases import EVENT_PHASES
    from sim.viz.app.i18n import text

    return {key: {lang: value(lang) for lang in ("id", "en")} for key, value in {
        "kind": lambda lang: text(f"ev_{choice}", lang),
        "phase": lambda lang: text(str(scenario.phase_on(day)), lang),
        "allowed": lambda lang: ", ".join(text(str(p), lang) for p in EVENT_PHASES[kind]),
    }.items()}


def strategy_choices() -> list[str]:
    """Strategy names then ``package:NAME`` entries, as the catalogue has them today."""
    return list(CATALOGUE) + [f"package:{name}" for name in PACKAGES]


def unique_strategies(choices) -> tuple[str, ...]:
    """Packages opened into their members, each strategy once, in the order chosen.

    A package and one of its members both ticked must not run that strategy twice.
    Unknown names pass through, for ``resolve_strategies`` to report.
    """
    names = [name for choice in choices for name in members_of(choice)]
    return tuple(dict.fromkeys(names))


def members_of(choice: str) -> tuple[str, ...]:
    """The strategy names a choice stands for (a package stands for its members)."""
    package = choice.removeprefix("package:")
    if choice.startswith("package:") and package in PACKAGES:
        return tuple(PACKAGES[package])
    return (choice,)


def cost_of(choice: str, scenario: Scenario) -> Cost:
    """What a strategy or a package costs in `scenario`.

    Raises
    ------
    AppError
        If a strategy's parameters in the scenario do not validate.
    """
    try:
        strategies = [CATALOGUE[name].from_scenario(scenario) for name in members_of(choice)]
    except ScenarioError as exc:
        raise AppError("error_scenario", str(exc)) from None
    return sum((s.cost(scenario) for s in strategies), start=NO_COST)
