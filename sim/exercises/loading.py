"""Reading exercise files: TOML in, an Exercise checked against its scenario out.

Every problem names the file, the field, the value and what was expected, all
at once, as scenario files' problems do::

    ExerciseError: exercises/x.toml: 2 problems
      events.0.community = 'Sangata': no such community in kutim_2024_stressed; ...
      events.1: kind = disputed_count on 2024-10-10 (campaign): a count can be ...
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import ValidationError

from sim.exercises.phases import phase_problem
from sim.exercises.schema import Exercise, Round
from sim.scenario.loading import (
    ScenarioError,
    apply_overrides,
    format_errors,
    read_scenario_data,
    read_toml,
    validate_data,
)
from sim.scenario.registry import bundled_path
from sim.scenario.schema import Scenario
from sim.strategies import CATALOGUE, PACKAGES


class ExerciseError(ScenarioError):
    """An exercise file that cannot be used, with every problem listed."""


def load_exercise(path: str | Path) -> Exercise:
    """Load and check an exercise file, its scenario included.

    Parameters
    ----------
    path : str or Path
        The exercise's TOML file.

    Raises
    ------
    ExerciseError
        Naming the file and, for each problem, the field, the value and what was expected.

    Examples
    --------
    >>> from sim.exercises import bundled_exercise_path
    >>> load_exercise(bundled_exercise_path("hoaks_masa_tenang")).title("en")
    'A hoax wave before the quiet days'
    """
    path = Path(path)
    try:
        data = read_toml(path)
    except ScenarioError as exc:
        raise ExerciseError(exc.source, exc.problems) from None
    try:
        exercise = Exercise.model_validate(data)
    except ValidationError as exc:
        raise ExerciseError(str(path), format_errors(exc, data)) from None
    exercise.exercise.scenario = _scenario_path(exercise.exercise.scenario, path)
    try:
        scenario = exercise_scenario(exercise, with_events=False)
    except ScenarioError as exc:
        problems = [f"exercise.scenario = {exercise.exercise.scenario!r}: {p}"
                    for p in exc.problems]
        raise ExerciseError(str(path), problems) from None
    problems = scenario_problems(exercise, scenario)
    if problems:
        raise ExerciseError(str(path), problems)
    return exercise


def _scenario_path(name: str, exercise_file: Path) -> str:
    """A scenario file named relative to the exercise file, else the name as given."""
    beside = exercise_file.parent / name
    if name.endswith(".toml") and beside.is_file():
        return str(beside.resolve())
    return name


def exercise_scenario(exercise: Exercise, overrides: dict | None = None,
                      with_events: bool = True) -> Scenario:
    """The exercise's scenario with its ``set`` overrides and its events added.

    Parameters
    ----------
    exercise : Exercise
    overrides : dict, optional
        Further dotted-path overrides, applied after the exercise's own.
    with_events : bool
        False gives the scenario without the exercise's events (to check them against it).

    Raises
    ------
    ScenarioError
        If the scenario or an override cannot be used.
    """
    source = bundled_path(exercise.exercise.scenario)
    data = read_scenario_data(source)
    changes = dict(exercise.exercise.set) | dict(overrides or {})
    if changes:
        data = apply_overrides(data, changes)
    if with_events:
        data = {**data, "events": [*data.get("events", []),
                                   *(e.to_event().model_dump() for e in exercise.events)]}
    return validate_data(data, str(source))


def scenario_problems(exercise: Exercise, scenario: Scenario) -> list[str]:
    """What in `exercise` does not fit `scenario`: places, candidates, days, phases, names."""
    problems = []
    known = [c.name for c in scenario.communities]
    ids = [c.id for c in scenario.candidates]
    name = scenario.scenario.name
    for k, event in enumerate(exercise.events):
        where = f"events.{k}"
        if event.community != "all" and event.community not in known:
            problems.append(f"{where}.community = {event.community!r}: no such community in "
                            f"{name}; expected 'all' or one of {', '.join(known)}")
        if event.candidate is not None and event.candidate not in ids:
            problems.append(f"{where}.candidate = {event.candidate!r}: no such candidate in "
                            f"{name}; expected one of {', '.join(ids)}")
        outside = _outside(event.date, scenario)
        if outside:
            problems.append(f"{where}.date = {event.date}: {outside}")
        else:
            why = phase_problem(event.kind, event.date, scenario)
            if why:
                problems.append(f"{where}: {why}")
    for k, stop in enumerate(exercise.stops):
        outside = _outside(stop.date, scenario)
        if outside:
            problems.append(f"stops.{k}.date = {stop.date}: {outside}")
    for k, choice in enumerate(exercise.strategies):
        package = choice.removeprefix("package:")
        if not (choice in CATALOGUE or (choice.startswith("package:") and package in PACKAGES)):
            problems.append(f"exercise.strategies.{k} = {choice!r}: no such strategy; "
                            f"expected one of {', '.join(CATALOGUE)} or package:NAME with "
                            f"NAME one of {', '.join(PACKAGES)}")
    previous_end = None
    for k, chosen in enumerate(exercise.rounds):
        if chosen.phase is None:
            for field in ("start", "end"):
                outside = _outside(getattr(chosen, field), scenario)
                if outside:
                    problems.append(f"rounds.{k}.{field} = {getattr(chosen, field)}: {outside}")
        start, end = round_span(chosen, scenario)
        if previous_end is not None and start <= previous_end:
            problems.append(f"rounds.{k} ({chosen.name}) starts on {start}, before the "
                            f"previous round ends ({previous_end}); rounds follow each other")
        previous_end = end
    return problems


def _outside(day: dt.date, scenario: Scenario) -> str | None:
    cal = scenario.calendar
    if cal.campaign_start <= day <= cal.dispute_end:
        return None
    return f"outside the calendar of {scenario.scenario.name}; expected a date from " \
           f"{cal.campaign_start} to {cal.dispute_end}"


def round_span(chosen: Round, scenario: Scenario) -> tuple[dt.date, dt.date]:
    """First and last day (inclusive) of a round on `scenario`'s calendar.

    Examples
    --------
    >>> from sim.scenario import bundled_path, load_scenario
    >>> from sim.exercises.schema import Round
    >>> s = load_scenario(bundled_path("kutim_2024"))
    >>> quiet = Round(name="tenang", title={"id": "Masa tenang", "en": "Quiet days"}, phase="quiet")
    >>> [d.isoformat() for d in round_span(quiet, s)]
    ['2024-11-24', '2024-11-26']
    """
    if chosen.phase is None:
        return chosen.start, chosen.end
    cal = scenario.calendar
    one = dt.timedelta(days=1)
    spans = {"campaign": (cal.campaign_start, cal.quiet_start - one),
             "quiet": (cal.quiet_start, cal.voting_day - one),
             "voting": (cal.voting_day, cal.voting_day),
             "recapitulation": (cal.voting_day + one, cal.recap_end),
             "dispute": (cal.recap_end + one, cal.dispute_end)}
    return spans[chosen.phase.value]
