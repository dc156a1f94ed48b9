"""What a session plays: an exercise file's scenario, rounds, prompts and the package to compare.

The exercise file (``sim.exercises``) gives the scenario, its events, the
stops with their prompts, and the rounds (a phase, or start and end dates).
An exercise without rounds is played one round per phase. The days before
the first round are played before anyone decides (the prologue); the days
after the last round are played at the debrief.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sim.exercises import bundled_exercise_path, exercise_scenario, load_exercise
from sim.exercises.loading import round_span
from sim.exercises.schema import Round
from sim.scenario.schema import Phase, Scenario
from sim.simulation import stable_key
from sim.viz.labels import LANGUAGES, label


@dataclass(frozen=True)
class RoundPlan:
    """One round: its days (inclusive), its title, and the room's prompts in it."""

    index: int
    name: str
    title: dict[str, str]
    start: dt.date
    end: dt.date
    prompts: tuple[dict[str, str], ...] = ()

    def as_dict(self) -> dict:
        return {"index": self.index, "name": self.name, "title": self.title,
                "start": self.start.isoformat(), "end": self.end.isoformat(),
                "prompts": list(self.prompts)}


@dataclass(frozen=True)
class Plan:
    """Everything a session needs from its exercise, with the seed and any overrides."""

    name: str
    path: str
    digest: str  # sha256 of the exercise file: a replay checks it is the same file
    title: dict[str, str]
    description: dict[str, str]
    scenario: Scenario
    scenario_name: str
    rounds: tuple[RoundPlan, ...]
    compare: tuple[str, ...]
    seed: int
    overrides: tuple[tuple[str, object], ...] = ()

    def seed_sequence(self) -> np.random.SeedSequence:
        """The session's randomness: the same as ``RunSpec(scenario, seed).seed_sequence()``,
        so the plain run of the scenario shares its random numbers with the room."""
        return np.random.SeedSequence(self.seed, spawn_key=(
            stable_key(Path(self.scenario_name).stem), 0))


def plan_of(exercise: str | Path, overrides: dict | None = None,
            seed: int | None = None) -> Plan:
    """The plan of a bundled exercise (by name) or an exercise file.

    Parameters
    ----------
    exercise : str or Path
        A bundled exercise's name or a path to its TOML file.
    overrides : dict, optional
        Dotted-path overrides of the scenario (``{"population.scale": 50}``).
    seed : int, optional
        The exercise's own seed if not given.

    Raises
    ------
    ExerciseError
        If the exercise file or its scenario cannot be used.

    Examples
    --------
    >>> plan = plan_of("hoaks_masa_tenang", {"population.scale": 50})
    >>> [r.name for r in plan.rounds]
    ['sebelum_hoaks', 'hoaks', 'sesudah']
    """
    path = bundled_exercise_path(str(exercise))
    spec = load_exercise(path)
    scenario = exercise_scenario(spec, overrides)
    rounds = spec.rounds or [Round(name=p.value, title=PHASE_TITLES[p], phase=p) for p in Phase]
    plans = []
    for k, chosen in enumerate(rounds):
        start, end = round_span(chosen, scenario)
        prompts = tuple(s.prompt.model_dump() for s in spec.stops if start <= s.date <= end)
        plans.append(RoundPlan(k, chosen.name, chosen.title.model_dump(), start, end, prompts))
    return Plan(
        name=spec.name, path=str(path), digest=hashlib.sha256(path.read_bytes()).hexdigest(),
        title=spec.exercise.title.model_dump(), description=spec.exercise.description.model_dump(),
        scenario=scenario, scenario_name=spec.exercise.scenario, rounds=tuple(plans),
        compare=tuple(spec.strategies), seed=spec.exercise.seed if seed is None else seed,
        overrides=tuple(sorted((overrides or {}).items())))


# a round per phase when the exercise names none: titled with the phase's shared words
PHASE_TITLES = {phase: {lang: label(str(phase), lang) for lang in LANGUAGES} for phase in Phase}
