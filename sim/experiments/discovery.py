"""Scenario discovery: the conditions under which the chosen option still fails (PRIM).

PRIM, the Patient Rule Induction Method (Friedman and Fisher 1999, Statistics
and Computing 9:123), as EMA Workbench implements it (Kwakkel 2017,
Environmental Modelling & Software 96:239), peels the space of uncertain
parameters down to a box in which failures concentrate. Rows are the runs of
the chosen option in the robustness stage (each with its world's parameter
values); a run fails when the risk measure's event happens in it (a riot,
more than N serious incidents) or, for a mean or percentile, when its outcome
passes the satisficing threshold.

Of the boxes along the peeling trajectory, the one kept is the one covering
the most failures among those where failures make at least `min_density` of
the runs, restricting at most `max_dimensions` parameters (a box a person can
say in one sentence).

What the answer's views show of the failures is computed here too: the share
of runs failing (`failure_rate`) and each world's share (`world_failure_shares`).

Examples
--------
>>> rng = np.random.default_rng(0)
>>> x = pd.DataFrame({"a": rng.uniform(0, 1, 400), "b": rng.uniform(0, 1, 400)})
>>> box = discover(x, (x["a"] < 0.3).to_numpy(), min_density=0.8)
>>> list(box.limits), box.limits["a"][1] < 0.35, box.density >= 0.8
(['a'], True, True)
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

MAX_DIMENSIONS = 3


@dataclass
class Box:
    """A region of the uncertain parameters where the option fails often."""

    limits: dict[str, tuple[float, float]]  # restricted parameters only
    lower_open: dict[str, bool]  # True when the box reaches the bottom of the data's range
    upper_open: dict[str, bool]
    coverage: float  # share of all failures that fall in the box
    density: float  # share of runs in the box that fail
    mass: float  # share of runs in the box
    base_rate: float  # share of all runs that fail
    runs: int

    def to_dict(self) -> dict:
        return {"limits": {k: list(v) for k, v in self.limits.items()},
                "coverage": self.coverage, "density": self.density, "mass": self.mass,
                "base_rate": self.base_rate, "runs": self.runs}


def _prim():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # EMA Workbench warns about optional parallel back-ends
        from ema_workbench.analysis import prim
    logging.getLogger("EMA").setLevel(logging.WARNING)
    return prim


def discover(x: pd.DataFrame, failed: np.ndarray, min_density: float = 0.8,
             max_dimensions: int = MAX_DIMENSIONS, peel_alpha: float = 0.05) -> Box | None:
    """The PRIM box where failures concentrate, or None when there is none to find.

    Parameters
    ----------
    x : DataFrame
        One row per run, one column per uncertain parameter.
    failed : array of bool
        Whether each run failed.
    min_density : float
        Least share of failing runs inside the box.
    max_dimensions : int
        Most parameters the box may restrict.
    peel_alpha : float
        Share of runs peeled at each PRIM step.

    Returns
    -------
    Box or None
        None when nothing fails, when everything fails more often than `min_density`
        anyway, or when no box is dense enough.
    """
    failed = np.asarray(failed, dtype=bool)
    base = failure_rate(failed)
    if not failed.any() or base >= min_density or x.shape[1] == 0:
        return None
    prim = _prim()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas deprecations inside EMA Workbench
        algorithm = prim.Prim(x.reset_index(drop=True), failed, threshold=min_density,
                              peel_alpha=peel_alpha)
        found = algorithm.find_box()
    trajectory = found.peeling_trajectory
    usable = trajectory[(trajectory["density"] >= min_density)
                        & (trajectory["res_dim"] >= 1)
                        & (trajectory["res_dim"] <= max_dimensions)]
    if usable.empty:
        return None
    best = int(usable.sort_values(["coverage", "density"], ascending=False).index[0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        stats, limits = found.inspect(best, style="data")[0]
    bounds = {str(name): (float(limits.loc[name].iloc[0]), float(limits.loc[name].iloc[1]))
              for name in limits.index}
    lows, highs = x.min(), x.max()
    return Box(bounds,
               {n: bool(np.isclose(b[0], lows[n])) for n, b in bounds.items()},
               {n: bool(np.isclose(b[1], highs[n])) for n, b in bounds.items()},
               float(stats["coverage"]), float(stats["density"]), float(stats["mass"]),
               base, int(len(failed)))


def failure_rate(failed) -> float:
    """The share of runs that fail; 0 when there are no runs.

    Examples
    --------
    >>> failure_rate([True, False, False, False])
    0.25
    """
    failed = np.asarray(failed, dtype=bool)
    return float(failed.mean()) if failed.size else 0.0


def world_failure_shares(runs: pd.DataFrame, on: list[str]) -> pd.DataFrame:
    """Each world's share of failing runs, one row per world, placed by the parameters `on`.

    A world's replications share its parameter values, so they sit on one
    spot of a figure: the spot shows the share of them that fail.

    Parameters
    ----------
    runs : DataFrame
        One row per run: the world's parameter values and a boolean ``failed``.
    on : list of str
        The parameters that place a world (repeated names are taken once).

    Returns
    -------
    DataFrame
        The columns `on` and ``failed`` (the share, 0-1), worlds in their first order.

    Examples
    --------
    >>> runs = pd.DataFrame({"a": [0.1, 0.5, 0.1, 0.5], "b": [2.0, 4.0, 2.0, 4.0],
    ...                      "failed": [True, True, False, True]})
    >>> world_failure_shares(runs, ["a", "b"])
         a    b  failed
    0  0.1  2.0     0.5
    1  0.5  4.0     1.0
    """
    on = list(dict.fromkeys(on))
    return runs.groupby(on, sort=False)["failed"].mean().reset_index()


def in_box(x: pd.DataFrame, box: Box) -> np.ndarray:
    """True for the rows of `x` inside the box."""
    inside = np.ones(len(x), dtype=bool)
    for name, (low, high) in box.limits.items():
        inside &= (x[name].to_numpy() >= low) & (x[name].to_numpy() <= high)
    return inside
