"""From an experiment to its runs: design points (grid, Latin hypercube), arms, replications, seeds.

Every run is a `RunTask`, whose `run_id` is a digest of what decides the run
(model, scenario, strategies, parameters, root seed, replication), so a
resumed sweep recognises the runs it has already stored.

Seeds: ``SeedSequence(root_seed, spawn_key=(key, replication))`` where key
names the scenario (or the function model); neither the strategy set nor the
design point is in the key, so arms and design points at the same
replication share their random numbers (common random numbers). With
``random_numbers = "per_point"`` each design point runs under a root seed of its
own (`point_seed`), so points are independent draws; arms still share.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import qmc

from sim.experiments.spec import (
    KONDUSIF,
    Experiment,
    arm_strategies,
    scenario_path,
)
from sim.simulation import RunSpec, stable_key


@dataclass(frozen=True)
class RunTask:
    """One run of an experiment: what to run, and where it sits in the design."""

    run_id: str
    arm: str
    point: int
    replication: int
    model: str
    scenario: str  # as the experiment names it
    scenario_file: str  # where it is read from
    strategies: tuple[str, ...]
    parameters: tuple[tuple[str, Any], ...]
    fixed: tuple[tuple[str, Any], ...]
    root_seed: int
    timeseries: tuple[str, ...]
    outcomes: tuple[str, ...] | None

    def run_spec(self) -> RunSpec:
        """The kondusif model's RunSpec for this run."""
        overrides = tuple(self.fixed) + tuple(self.parameters)
        return RunSpec(self.scenario_file, self.strategies, overrides, self.root_seed,
                       self.replication)

    def function_seed(self) -> int:
        """The integer seed a function model receives (32 bits from the run's SeedSequence)."""
        sequence = np.random.SeedSequence(self.root_seed,
                                          spawn_key=(stable_key(self.model), self.replication))
        return int(sequence.generate_state(1)[0])


def grid_points(grid: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """Every combination of the grid's values, in file order; one empty point if no grid."""
    names = list(grid)
    return [dict(zip(names, values, strict=True))
            for values in itertools.product(*(grid[n] for n in names))]


def latin_hypercube(ranges: dict[str, tuple[float, float]], size: int,
                    seed: int) -> list[dict[str, float]]:
    """`size` points of a Latin hypercube over uniform ranges (scipy.stats.qmc).

    Examples
    --------
    >>> pts = latin_hypercube({"x": (0.0, 1.0)}, 4, seed=1)
    >>> sorted(int(p["x"] * 4) for p in pts)
    [0, 1, 2, 3]
    """
    names = list(ranges)
    unit = qmc.LatinHypercube(d=len(names), seed=np.random.default_rng(seed)).random(size)
    low = np.array([ranges[n][0] for n in names])
    high = np.array([ranges[n][1] for n in names])
    values = qmc.scale(unit, low, high)
    return [{n: float(v) for n, v in zip(names, row, strict=True)} for row in values]


def design_points(spec: Experiment) -> list[dict[str, Any]]:
    """The experiment's design points: grid x sample (each alone if the other is absent)."""
    points = grid_points(spec.design_grid)
    if spec.sample is None:
        return points
    ranges = {n: (r.low, r.high) for n, r in spec.sample.parameters.items()}
    sampled = latin_hypercube(ranges, spec.sample.size, spec.experiment.root_seed)
    return [g | s for g in points for s in sampled]


def point_seed(root_seed: int, point: int) -> int:
    """The root seed of design point `point` when points do not share random numbers.

    >>> point_seed(7, 0) == point_seed(7, 0) != point_seed(7, 1)
    True
    """
    return int(np.random.SeedSequence(root_seed, spawn_key=(point,)).generate_state(1)[0])


def run_id(model: str, scenario: str, strategies: tuple[str, ...], overrides: dict[str, Any],
           root_seed: int, replication: int) -> str:
    """A stable digest of what decides one run."""
    key = [model, scenario, list(strategies), sorted(overrides.items()), root_seed, replication]
    text = json.dumps(key, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def expand(spec: Experiment, path: Path, points: list[dict[str, Any]] | None = None,
           arms: list[list[str]] | None = None) -> Iterator[RunTask]:
    """Every run of the experiment, replication by replication (so a stopped sweep is balanced).

    Parameters
    ----------
    spec, path : the experiment and its file (scenario paths are relative to it)
    points : design points to use instead of the experiment's own (sensitivity samples)
    arms : the arms run at each point (default every arm at every point)
    """
    from sim.calibration.posterior import posterior_draws

    points = design_points(spec) if points is None else points
    draws = posterior_draws(spec, path)  # one parameter set per replication, or None
    scenarios = spec.experiment.scenarios if spec.experiment.model == KONDUSIF else [""]
    fixed = tuple(sorted(spec.fixed.items()))
    keep = tuple(spec.keep.outcomes) if spec.keep.outcomes is not None else None
    columns = tuple(spec.keep.timeseries) if spec.experiment.model == KONDUSIF else ()
    for replication in range(spec.experiment.replications):
        for scenario in scenarios:
            where = str(scenario_path(scenario, path)) if scenario else ""
            for index, point in enumerate(points):
                if draws is not None:
                    point = draws[replication] | point
                parameters = tuple(point.items())
                root = (spec.experiment.root_seed if spec.experiment.random_numbers == "common"
                        else point_seed(spec.experiment.root_seed, index))
                for arm in spec.arms if arms is None else arms[index]:
                    strategies = arm_strategies(arm)
                    yield RunTask(
                        run_id=run_id(spec.experiment.model, scenario, strategies,
                                      dict(fixed) | point, root, replication),
                        arm=arm, point=index, replication=replication,
                        model=spec.experiment.model, scenario=scenario, scenario_file=where,
                        strategies=strategies, parameters=parameters, fixed=fixed,
                        root_seed=root, timeseries=columns, outcomes=keep)


def count_runs(spec: Experiment, points: list[dict[str, Any]] | None = None,
               arms: list[list[str]] | None = None) -> int:
    """How many runs `expand` gives, without building them."""
    n_points = len(design_points(spec) if points is None else points)
    n_scenarios = max(1, len(spec.experiment.scenarios))
    cells = n_points * len(spec.arms) if arms is None else sum(len(a) for a in arms)
    return spec.experiment.replications * n_scenarios * cells
