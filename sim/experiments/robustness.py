"""Robustness: the leading options across plausible worlds, by regret and by satisficing.

The parameters the model is least sure of are drawn from a **parameter
source**: the documented ranges (a Latin hypercube over uniform ranges) or a
file of draws such as a calibration posterior (Parquet or CSV, one column per
parameter path). Each draw is a world; every option runs in every world with
the same random numbers. Per world the option's measure is computed, and:

- **regret** (Savage 1951): how much worse the option is than the best option
  in that world; the mean and the largest regret over worlds (minimax regret);
- **best in most worlds**: the share of worlds in which the option is best
  (ties shared);
- **satisficing** (Starr's domain criterion): the share of worlds in which
  the option keeps the risk at or under a threshold the planner names.

Examples
--------
>>> import numpy as np, pandas as pd
>>> per_world = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [2.0, 1.0, 1.0]})
>>> robustness_table(per_world, lower_is_better=True, satisficing=1.5)[
...     ["option", "mean_regret", "max_regret", "best_share", "satisficing_share"]]
  option  mean_regret  max_regret  best_share  satisficing_share
0      b     0.333333         1.0    0.666667           0.666667
1      a     1.000000         2.0    0.333333           0.333333
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import pandas as pd

from sim.experiments.design import latin_hypercube
from sim.experiments.measures import Measure
from sim.experiments.plan_spec import Robustness
from sim.experiments.spec import ExperimentError


class ParameterSource(Protocol):
    """Where plausible worlds come from: `draw` gives `size` parameter sets."""

    description: str
    names: list[str]

    def draw(self, size: int, seed: int) -> list[dict[str, Any]]: ...


@dataclass
class Ranges:
    """Uniform ranges (the documented ones), drawn as a Latin hypercube."""

    ranges: dict[str, tuple[float, float]]
    description: str = "documented ranges, Latin hypercube"

    @property
    def names(self) -> list[str]:
        return list(self.ranges)

    def draw(self, size: int, seed: int) -> list[dict[str, Any]]:
        return latin_hypercube(self.ranges, size, seed)


@dataclass
class SampleFile:
    """Draws kept in a file (a calibration posterior): `size` rows picked without replacement."""

    path: Path
    description: str = "draws from a file"

    def table(self) -> pd.DataFrame:
        try:
            if self.path.suffix == ".csv":
                return pd.read_csv(self.path)
            return pd.read_parquet(self.path)
        except (OSError, ValueError) as exc:
            raise ExperimentError(str(self.path), [f"cannot read parameter draws: {exc}"]) \
                from None

    @property
    def names(self) -> list[str]:
        return [c for c in self.table().columns if c not in ("weight", "w")]

    def draw(self, size: int, seed: int) -> list[dict[str, Any]]:
        table = self.table()
        weights = table.get("weight", table.get("w"))
        probabilities = None if weights is None else (weights / weights.sum()).to_numpy()
        rng = np.random.default_rng(seed)
        rows = rng.choice(len(table), size=size, replace=len(table) < size, p=probabilities)
        return [{n: float(table[n].iloc[i]) for n in self.names} for i in rows]


def parameter_source(settings: Robustness, experiment_file: Path) -> ParameterSource:
    """The source ``[plan.robustness]`` names: a file of draws if given, else the ranges."""
    if settings.samples is not None:
        path = settings.samples if settings.samples.is_absolute() else \
            experiment_file.parent / settings.samples
        return SampleFile(path, f"draws from {settings.samples.name}")
    if not settings.parameters:
        raise ExperimentError("plan.robustness", [
            "parameters: missing; give the uncertain parameters' ranges or a samples file"])
    bad = [f"plan.robustness.parameters.{n} = [{r.low}, {r.high}]: low must be below high"
           for n, r in settings.parameters.items() if not r.low < r.high]
    if bad:
        raise ExperimentError("plan.robustness", bad)
    return Ranges({n: (r.low, r.high) for n, r in settings.parameters.items()})


def per_world(runs: pd.DataFrame, measure: Measure, options: list[str]) -> pd.DataFrame:
    """The measure of each option in each world: a row per world, a column per option."""
    values = runs.assign(_v=measure.per_run(runs))
    table = values.groupby(["world", "option"])["_v"].apply(
        lambda v: float(measure.statistic(v.to_numpy()))).unstack("option")
    return table.reindex(columns=[o for o in options if o in table.columns]).sort_index()


def regret(worlds: pd.DataFrame, lower_is_better: bool = True) -> pd.DataFrame:
    """How far each option (a column) is behind the best option of each world (a row).

    Examples
    --------
    >>> worlds = pd.DataFrame({"a": [1.0, 4.0], "b": [3.0, 2.0]})
    >>> regret(worlds)
         a    b
    0  0.0  2.0
    1  2.0  0.0
    """
    values = worlds.to_numpy(dtype=float)
    signed = values if lower_is_better else -values
    behind = signed - np.nanmin(signed, axis=1, keepdims=True)
    return pd.DataFrame(behind, index=worlds.index, columns=worlds.columns)


def robustness_table(worlds: pd.DataFrame, lower_is_better: bool = True,
                     satisficing: float | None = None) -> pd.DataFrame:
    """Regret, best share and satisficing share of each option (columns of `worlds`), best first.

    Sorted by mean regret, then largest regret.
    """
    values = worlds.to_numpy(dtype=float)
    behind = regret(worlds, lower_is_better).to_numpy()
    winners = np.isclose(behind, 0, atol=1e-12)
    best_share = (winners / winners.sum(axis=1, keepdims=True)).mean(axis=0)
    table = pd.DataFrame({
        "option": list(worlds.columns), "mean_risk": np.nanmean(values, axis=0),
        "mean_regret": np.nanmean(behind, axis=0), "max_regret": np.nanmax(behind, axis=0),
        "best_share": best_share, "worlds": len(worlds)})
    if satisficing is not None:
        good = values <= satisficing if lower_is_better else values >= satisficing
        table["satisficing_share"] = good.mean(axis=0)
    table = table.sort_values(["mean_regret", "max_regret"], kind="stable")
    return table.reset_index(drop=True)
