"""Ranking options on common random numbers: chance of being best, every pair, and runs needed.

All options ran at the same replications with the same random numbers, so
each replication is one draw of "the world" seen under every option. The
ranking keeps that pairing throughout:

- **estimates**: each option's measure with its interval (Wilson score
  interval for a chance, percentile bootstrap for a mean or a percentile);
- **chance of being best**: replications are resampled together (a bootstrap
  over worlds, Efron and Tibshirani 1993), the measure computed for every
  option in each resample, and the share of resamples in which an option is
  best counted (ties shared);
- **every pair**: the paired difference with its bootstrap interval and a
  p-value (paired t-test for a mean, exact McNemar test for a chance,
  bootstrap for a percentile); the p-values of all pairs are adjusted with
  Holm's step-down method (Holm 1979, Scand. J. Statist. 6:65), which holds
  the chance of any false "better" at `alpha` over the whole table;
- **cannot be told apart**: a pair whose adjusted p-value is above `alpha`;
  with the difference as estimated and the spread of the paired differences,
  the replications that would tell it apart at `power` (normal approximation,
  Bonferroni level alpha / pairs, so as strict as Holm's first step);
- **rank**: 1 + the number of options clearly better; options sharing rank 1
  are the ones no other option beats.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from sim.experiments.measures import Measure


@dataclass
class Ranking:
    """The options ranked on one measure, with every pair compared."""

    measure: Measure
    options: list[str]
    replications: int
    table: pd.DataFrame  # option, estimate, low, high, chance_best, rank
    pairs: pd.DataFrame  # better, worse, difference, low, high, p, p_holm, told_apart, ...
    alpha: float
    confidence: float
    notes: list[str] = field(default_factory=list)

    @property
    def best(self) -> str:
        """The option most often best (the first listed among equals)."""
        table = self.table.sort_values(["chance_best", "order"], ascending=[False, True],
                                       kind="stable")
        return str(table["option"].iloc[0])

    def row(self, option: str) -> pd.Series:
        return self.table.set_index("option").loc[option]

    def tied_with(self, option: str) -> list[str]:
        """Options this one cannot be told apart from with the runs made."""
        pairs = self.pairs[~self.pairs["told_apart"]]
        found = [*pairs.loc[pairs["first"] == option, "second"],
                 *pairs.loc[pairs["second"] == option, "first"]]
        return [o for o in self.options if o in found]

    def pair(self, first: str, second: str) -> pd.Series:
        """The comparison of two options, oriented as ``first - second``."""
        rows = self.pairs
        hit = rows[(rows["first"] == first) & (rows["second"] == second)]
        if not hit.empty:
            return hit.iloc[0]
        row = rows[(rows["first"] == second) & (rows["second"] == first)].iloc[0].copy()
        row["first"], row["second"] = first, second
        row["difference"], row["low"], row["high"] = -row["difference"], -row["high"], \
            -row["low"]
        row["first_better"] = not row["first_better"]
        return row

    def to_dict(self) -> dict[str, Any]:
        clean = {"table": self.table, "pairs": self.pairs}
        return {"measure": self.measure.name, "replications": self.replications,
                "alpha": self.alpha, "confidence": self.confidence, "best": self.best,
                "notes": self.notes,
                **{k: v.replace({np.nan: None}).to_dict(orient="records")
                   for k, v in clean.items()}}


def paired_matrix(runs: pd.DataFrame, measure: Measure, options: list[str],
                  key: str = "arm") -> pd.DataFrame:
    """Per-run values of `measure`: one row per replication, one column per option.

    Only replications where every option has a value are kept (the pairs).
    """
    table = runs.assign(_value=measure.per_run(runs))
    wide = table.pivot_table(index="replication", columns=key, values="_value",
                             aggfunc="first")
    wide = wide.reindex(columns=[o for o in options if o in wide.columns])
    return wide.dropna()


def wilson(successes: float, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval of a proportion (Wilson 1927); sensible at 0 and n successes.

    Examples
    --------
    >>> low, high = wilson(0, 20)
    >>> low, round(high, 3)
    (0.0, 0.161)
    """
    if n == 0:
        return math.nan, math.nan
    z = stats.norm.ppf(1 - (1 - confidence) / 2)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return float(max(0.0, centre - half)), float(min(1.0, centre + half))


def holm(p_values: np.ndarray) -> np.ndarray:
    """Holm's step-down adjusted p-values (monotone, at most 1).

    Examples
    --------
    >>> holm(np.array([0.01, 0.04, 0.03])).round(3).tolist()
    [0.03, 0.06, 0.06]
    """
    p = np.asarray(p_values, dtype=float)
    order = np.argsort(p, kind="stable")
    m = len(p)
    adjusted = np.maximum.accumulate((m - np.arange(m)) * p[order])
    out = np.empty(m)
    out[order] = np.minimum(adjusted, 1.0)
    return out


def _pair_p(measure: Measure, a: np.ndarray, b: np.ndarray, boot: np.ndarray) -> float:
    diff = a - b
    if np.allclose(diff, 0):
        return 1.0
    if measure.kind == "chance":
        # exact McNemar: only the discordant replications carry information
        only_a, only_b = int(((a == 1) & (b == 0)).sum()), int(((a == 0) & (b == 1)).sum())
        return float(stats.binomtest(only_a, only_a + only_b, 0.5).pvalue)
    if measure.kind == "mean":
        if np.std(diff) <= 1e-9 * max(1.0, abs(float(np.mean(diff)))):
            return 0.0  # the same difference in every world: certain
        return float(stats.ttest_rel(a, b).pvalue)
    share_above = float(np.mean(boot > 0)), float(np.mean(boot < 0))
    return min(1.0, 2 * min(share_above))


def replications_needed(difference: float, standard_error: float, n: int, alpha: float,
                        power: float) -> float:
    """Replications that would tell a difference apart, given its standard error at `n`.

    ``n_needed = n * ((z_{1-alpha/2} + z_power) * se / |difference|)^2``: the
    standard error shrinks as 1/sqrt(n). Infinite when the difference is zero.

    Examples
    --------
    >>> round(replications_needed(1.0, 0.5, 10, 0.05, 0.8))
    20
    """
    if difference == 0 or not np.isfinite(standard_error):
        return math.inf
    z = stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(power)
    return n * (z * standard_error / abs(difference)) ** 2


def rank_options(matrix: pd.DataFrame, measure: Measure, confidence: float = 0.95,
                 n_boot: int = 2000, alpha: float = 0.05, power: float = 0.8,
                 seed: int = 0) -> Ranking:
    """Rank the columns of a paired matrix (replications x options) on `measure`.

    Parameters
    ----------
    matrix : DataFrame
        Per-run values (``paired_matrix``): a row per replication, a column per option.
    measure : Measure
        What is ranked and which direction is better.
    confidence : float
        Level of the intervals.
    n_boot : int
        Bootstrap resamples of the replications.
    alpha : float
        Family-wise error of the pairwise comparisons (Holm).
    power : float
        Power at which "runs needed to tell apart" is computed.
    seed : int
        Seed of the bootstrap (the same seed gives the same ranking).

    Returns
    -------
    Ranking

    Examples
    --------
    >>> from sim.experiments.measures import parse_measure
    >>> rng = np.random.default_rng(1)
    >>> world = rng.normal(10, 3, 40)
    >>> m = pd.DataFrame({"a": world, "b": world - 2 + rng.normal(0, .5, 40), "c": world + 3})
    >>> r = rank_options(m, parse_measure("mean(x)"))
    >>> r.best, r.table.set_index("option")["rank"].tolist()
    ('b', [2, 1, 3])
    """
    options = list(matrix.columns)
    values = matrix.to_numpy(dtype=float)
    n = values.shape[0]
    sign = 1.0 if measure.lower_is_better else -1.0
    rng = np.random.default_rng(seed)
    index = rng.integers(0, n, size=(n_boot, n))
    boot = measure.statistic(values[index], axis=1)  # (n_boot, options)
    point = measure.statistic(values, axis=0)
    chance_best = _chance_best(sign * boot)
    tail = 100 * (1 - confidence) / 2
    rows = []
    for k, option in enumerate(options):
        if measure.kind == "chance":
            low, high = wilson(float(values[:, k].sum()), n, confidence)
        else:
            low, high = np.percentile(boot[:, k], [tail, 100 - tail])
        rows.append({"option": option, "order": k, "estimate": float(point[k]),
                     "low": float(low), "high": float(high),
                     "chance_best": float(chance_best[k])})
    pairs = _pairs(options, values, boot, point, measure, confidence, alpha, power, sign)
    table = pd.DataFrame(rows)
    better_than = {o: 0 for o in options}
    for _, pair in pairs[pairs["told_apart"]].iterrows():
        worse = pair["second"] if pair["first_better"] else pair["first"]
        better_than[worse] += 1
    table["rank"] = [1 + better_than[o] for o in options]
    notes = [] if n >= 10 else [f"only {n} replications: intervals and chances are rough"]
    return Ranking(measure, options, n, table, pairs, alpha, confidence, notes)


def _chance_best(signed_boot: np.ndarray) -> np.ndarray:
    best = signed_boot.min(axis=1, keepdims=True)
    winners = np.isclose(signed_boot, best, rtol=0, atol=1e-12)
    return (winners / winners.sum(axis=1, keepdims=True)).mean(axis=0)


def _pairs(options, values, boot, point, measure, confidence, alpha, power, sign):
    n = values.shape[0]
    tail = 100 * (1 - confidence) / 2
    rows = []
    for i, j in combinations(range(len(options)), 2):
        diff_boot = boot[:, i] - boot[:, j]
        difference = float(point[i] - point[j])
        if measure.kind == "percentile":
            se = float(np.std(diff_boot, ddof=1))
        else:
            se = float(np.std(values[:, i] - values[:, j], ddof=1) / math.sqrt(n)) if n > 1 \
                else math.inf
        low, high = np.percentile(diff_boot, [tail, 100 - tail])
        rows.append({"first": options[i], "second": options[j], "difference": difference,
                     "low": float(low), "high": float(high), "standard_error": se,
                     "p": _pair_p(measure, values[:, i], values[:, j], diff_boot),
                     "first_better": bool(sign * difference < 0)})
    pairs = pd.DataFrame(rows, columns=["first", "second", "difference", "low", "high",
                                        "standard_error", "p", "first_better"])
    if pairs.empty:
        return pairs.assign(p_holm=[], told_apart=[], replications_needed=[],
                            more_replications=[])
    pairs["p_holm"] = holm(pairs["p"].to_numpy())
    pairs["told_apart"] = (pairs["p_holm"] <= alpha) & (pairs["difference"] != 0)
    level = alpha / len(pairs)
    needed = [replications_needed(d, se, n, level, power)
              for d, se in zip(pairs["difference"], pairs["standard_error"], strict=True)]
    pairs["replications_needed"] = [math.ceil(x) if np.isfinite(x) else None for x in needed]
    pairs["more_replications"] = [
        None if told or not np.isfinite(x) else max(1, math.ceil(x) - n)
        for told, x in zip(pairs["told_apart"], needed, strict=True)]
    return pairs
