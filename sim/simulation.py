"""The single door into a simulation: `run_one(RunSpec) -> RunResult`, and `run(...)`.

Every caller (CLI, experiment executors, training app, tests) goes through
here. It is pure: the same spec gives the same bytes.

Randomness: one SeedSequence per run, ``SeedSequence(root_seed,
spawn_key=(scenario_key, replication))``. The strategy set is deliberately not
in the key, so runs of different strategies at the same replication share
their random numbers (common random numbers) and strategy effects are
measured with less noise.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mesa
import numpy as np
import pandas as pd

from sim.model.model import ElectionConflictModel
from sim.outcomes import events_of, incidents_of, outcomes_of, timeseries_of
from sim.scenario import Scenario, ScenarioError, bundled_path, load_scenario
from sim.scenario.memory import memory_problem
from sim.strategies import resolve_strategies, with_parameter_changes
from sim.strategies.base import Strategy


@dataclass(frozen=True)
class RunSpec:
    """Everything that determines one run."""

    scenario: str  # path or bundled name
    strategies: tuple[str, ...] = ()
    overrides: tuple[tuple[str, Any], ...] = ()
    root_seed: int = 0
    replication: int = 0

    def seed_sequence(self) -> np.random.SeedSequence:
        return np.random.SeedSequence(self.root_seed,
                                      spawn_key=(stable_key(Path(self.scenario).stem),
                                                 self.replication))


@dataclass
class RunResult:
    """What one run gives: outcomes, the daily series per community, and logs."""

    outcomes: dict[str, Any]
    timeseries: pd.DataFrame
    incidents: pd.DataFrame
    events: pd.DataFrame
    seconds: float = 0.0
    model: ElectionConflictModel | None = field(default=None, repr=False)


def stable_key(text: str) -> int:
    """A process-independent 32-bit key for a name (Python's hash() is salted)."""
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "little")


def clone(strategy: Strategy) -> Strategy:
    """A fresh strategy with the same parameters and none of a run's state.

    As scikit-learn clones an estimator before fitting it, every run gets its
    own copy of each strategy, so a strategy object given to several runs
    carries nothing from one into the next. A strategy built from more than
    its parameters says how it is cloned with a ``clone()`` method.

    Examples
    --------
    >>> from sim.strategies.policing import EarlyWarning
    >>> warning = EarlyWarning(coverage=0.5)
    >>> copy = clone(warning)
    >>> copy is warning, copy.params == warning.params
    (False, True)
    """
    own = getattr(strategy, "clone", None)
    if own is not None:
        return own()
    return type(strategy)(**strategy.params.model_dump())


def build_model(scenario: Scenario | str | Path, strategies=(), seed=0,
                overrides: dict[str, Any] | None = None) -> ElectionConflictModel:
    """Load, apply strategies' parameter changes, and build a model ready to step.

    Each strategy in the model is a `clone` of the one given: a run never
    changes the caller's strategy objects, and never sees another run's state.
    """
    source = None
    if not isinstance(scenario, Scenario):
        source = bundled_path(str(scenario))
        scenario = load_scenario(source, overrides)
    elif overrides:
        from sim.scenario import apply_overrides, validate_data
        scenario = validate_data(apply_overrides(scenario.model_dump(mode="json"), overrides),
                                 "--set")
    try:
        chosen = [clone(s) for s in resolve_strategies(strategies, scenario)]
    except ScenarioError as exc:
        # A [strategies.*] table is part of the scenario file: name the file too.
        if source is None or not exc.source.startswith("strategies"):
            raise
        raise ScenarioError(f"{source}: {exc.source}", exc.problems) from None
    scenario = with_parameter_changes(scenario, chosen)
    too_big = memory_problem(scenario)
    if too_big:
        raise ScenarioError(str(source or "scenario"), [too_big])
    if isinstance(seed, int | np.integer):
        seed = np.random.SeedSequence(int(seed))
    return ElectionConflictModel(scenario, chosen, rng=seed)


def run(scenario: Scenario | str | Path, strategies=(), seed=0,
        overrides: dict[str, Any] | None = None, keep_model: bool = False) -> RunResult:
    """Run a scenario through its whole calendar.

    Parameters
    ----------
    scenario : Scenario, path, or bundled name
    strategies : names (``"counter_hoax"``, ``"package:kutim_2024_actual"``) or Strategy objects
    seed : int or numpy SeedSequence
    overrides : dotted paths to values, e.g. ``{"grievance.legitimacy": 0.8}``

    Examples
    --------
    >>> import sim
    >>> result = sim.run("desa_demo", seed=1)
    >>> sorted(result.outcomes)[:3]
    ['any_riot', 'arrests', 'backlash_events']
    >>> list(result.timeseries.columns[:4])
    ['step', 'date', 'phase', 'community']
    """
    started = time.perf_counter()
    model = build_model(scenario, strategies, seed, overrides)
    model.run()
    seconds = time.perf_counter() - started
    result = RunResult(
        outcomes=outcomes_of(model),
        timeseries=timeseries_of(model),
        incidents=incidents_of(model),
        events=events_of(model),
        seconds=seconds,
        model=model if keep_model else None,
    )
    if not keep_model:
        release(model)
    return result


def release(model) -> None:
    """Let a finished model be garbage-collected.

    Mesa 3.3 keeps every model in a class-level counter of agent ids
    (``mesa.Agent._ids``), so a process that runs thousands of models (an
    experiment worker) grows by megabytes a run. Fixed in later Mesa (issue
    3179, pull request 3180); on those versions there is nothing to forget.
    """
    ids = getattr(mesa.Agent, "_ids", None)
    if isinstance(ids, dict):
        ids.pop(model, None)


def run_one(spec: RunSpec) -> RunResult:
    """Run one RunSpec: the function every executor calls."""
    return run(spec.scenario, strategies=spec.strategies, seed=spec.seed_sequence(),
               overrides=dict(spec.overrides))
