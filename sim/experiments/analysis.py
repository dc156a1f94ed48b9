"""Comparing strategies honestly: bootstrap intervals, paired effects, cost-effectiveness, Pareto.

Statistics come from the stored runs with ``status == "ok"``:

- per arm (strategy set) and design point, each outcome's mean and median
  with percentile bootstrap intervals (Efron and Tibshirani 1993, ch. 13);
- paired differences against the baseline: runs of an arm and of the
  baseline at the same replication share their random numbers (common random
  numbers), so the difference is taken pair by pair and bootstrapped over
  pairs, which removes the noise the two runs share (Law 2015, Simulation
  Modeling and Analysis, 5th ed., sec. 11.2);
- relative reduction (baseline mean - arm mean) / baseline mean, bootstrapped
  with the same pairs;
- cost-effectiveness: incidents and riots averted per Rp 1 billion (the
  strategies' own cost estimates);
- the cost-versus-risk Pareto front: arms no other arm beats on both cost and
  mean risk;
- what the views show and say: a difference is *clear* when its interval
  leaves out zero (`clear_direction`); the regency's level of a per-community
  quantity is its voter-weighted mean (`regency_mean`, `regency_daily`); the
  figures of an experiment with several design points show the first
  (`first_design_point`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from sim.experiments.spec import BASELINE
from sim.experiments.store import ResultStore

KEYS = ["scenario", "point"]
BILLION = 1e9
AVERTED = ("incidents_total", "riots")


@dataclass
class Summary:
    """The analysis of an experiment, as DataFrames (one per table)."""

    stats: pd.DataFrame
    effects: pd.DataFrame
    cost_effectiveness: pd.DataFrame
    pareto: pd.DataFrame
    runs_ok: int
    runs_failed: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: each table as a list of records."""
        tables = {name: getattr(self, name).replace({np.nan: None}).to_dict(orient="records")
                  for name in ("stats", "effects", "cost_effectiveness", "pareto")}
        return {"runs_ok": self.runs_ok, "runs_failed": self.runs_failed, **tables}


def _resample(n: int, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    return rng.integers(0, n, size=(n_boot, n))


def _interval(samples: np.ndarray, confidence: float) -> tuple[float, float]:
    tail = 100 * (1 - confidence) / 2
    low, high = np.percentile(samples, [tail, 100 - tail])
    return float(low), float(high)


def bootstrap_mean_median(values: np.ndarray, confidence: float = 0.95, n_boot: int = 2000,
                          seed: int = 0) -> dict[str, float]:
    """Mean and median of `values` with percentile bootstrap intervals.

    Examples
    --------
    >>> r = bootstrap_mean_median(np.arange(100.0))
    >>> r["mean"], r["mean_low"] < 49.5 < r["mean_high"]
    (49.5, True)
    """
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    if values.size == 0:
        return dict.fromkeys(("mean", "mean_low", "mean_high", "median", "median_low",
                              "median_high"), np.nan)
    samples = values[_resample(values.size, n_boot, np.random.default_rng(seed))]
    mean_low, mean_high = _interval(samples.mean(axis=1), confidence)
    median_low, median_high = _interval(np.median(samples, axis=1), confidence)
    return {"mean": float(values.mean()), "mean_low": mean_low, "mean_high": mean_high,
            "median": float(np.median(values)), "median_low": median_low,
            "median_high": median_high}


def paired_effect(arm: np.ndarray, baseline: np.ndarray, confidence: float = 0.95,
                  n_boot: int = 2000, seed: int = 0) -> dict[str, float]:
    """Mean paired difference (arm - baseline) and relative reduction, with bootstrap intervals.

    The two arrays are aligned pairs (same replication, so same random numbers).

    Examples
    --------
    >>> base = np.array([10.0, 12, 8, 11])
    >>> paired_effect(base - 2, base)["difference"]
    -2.0
    """
    arm, baseline = np.asarray(arm, dtype=float), np.asarray(baseline, dtype=float)
    keep = np.isfinite(arm) & np.isfinite(baseline)
    arm, baseline = arm[keep], baseline[keep]
    if arm.size == 0:
        return dict.fromkeys(("difference", "difference_low", "difference_high",
                              "relative_reduction", "reduction_low", "reduction_high"), np.nan)
    idx = _resample(arm.size, n_boot, np.random.default_rng(seed))
    diffs = (arm - baseline)[idx].mean(axis=1)
    base_means = baseline[idx].mean(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        reductions = -diffs / base_means
        reduction = -(arm - baseline).mean() / baseline.mean()
    low, high = _interval(diffs, confidence)
    finite = reductions[np.isfinite(reductions)]
    r_low, r_high = _interval(finite, confidence) if finite.size else (np.nan, np.nan)
    return {"difference": float((arm - baseline).mean()), "difference_low": low,
            "difference_high": high, "relative_reduction": float(reduction),
            "reduction_low": r_low, "reduction_high": r_high}


def pareto_front(cost: np.ndarray, risk: np.ndarray) -> np.ndarray:
    """True where no other option has cost <= and risk <= with one of them strictly lower.

    Examples
    --------
    >>> pareto_front(np.array([0, 1, 2, 3]), np.array([5, 3, 4, 1])).tolist()
    [True, True, False, True]
    """
    cost, risk = np.asarray(cost, dtype=float), np.asarray(risk, dtype=float)
    no_worse = (cost[None, :] <= cost[:, None]) & (risk[None, :] <= risk[:, None])
    better = (cost[None, :] < cost[:, None]) | (risk[None, :] < risk[:, None])
    return ~(no_worse & better).any(axis=1)


def outcome_columns(runs: pd.DataFrame, names: list[str] | None = None) -> list[str]:
    """Outcome names present in the runs table (columns ``out.<name>``), in asked order."""
    present = [c.removeprefix("out.") for c in runs.columns if c.startswith("out.")]
    if names is None:
        return present
    return [n for n in names if n in present]


def clear_direction(low: float, high: float) -> int:
    """-1 if a difference is clearly below zero, +1 if clearly above, 0 if its interval holds 0.

    Examples
    --------
    >>> clear_direction(-3.0, -0.5), clear_direction(0.2, 1.0), clear_direction(-1.0, 2.0)
    (-1, 1, 0)
    """
    return -1 if high < 0 else 1 if low > 0 else 0


def first_design_point(frame: pd.DataFrame, scenario: str | None = None) -> pd.DataFrame:
    """The rows of one scenario (default: the first in the frame) at its first design point.

    A table with several design points is shown whole; its figures show this one.

    Examples
    --------
    >>> frame = pd.DataFrame({"scenario": ["a", "a", "b"], "point": [1, 0, 0], "x": [1, 2, 3]})
    >>> first_design_point(frame)["x"].tolist()
    [2]
    """
    scenario = frame["scenario"].iloc[0] if scenario is None else scenario
    mine = frame[frame["scenario"] == scenario]
    return mine[mine["point"] == mine["point"].min()]


def spread(values) -> tuple[float, float, float]:
    """Lowest, median and highest of a few runs' values (the app's range over seeds).

    Examples
    --------
    >>> spread([3, -1, 2])
    (-1.0, 2.0, 3.0)
    """
    values = np.asarray(values, dtype=float)
    return float(values.min()), float(np.median(values)), float(values.max())


def regency_mean(values: np.ndarray, voters: np.ndarray) -> float:
    """The regency's level of a quantity measured per community: the mean weighted by voters.

    Examples
    --------
    >>> regency_mean(np.array([0.1, 0.5]), np.array([3000, 1000]))
    0.2
    """
    return float(np.average(values, weights=voters))


def regency_daily(series: pd.DataFrame, column: str, voters: dict[str, float]) -> pd.Series:
    """`regency_mean` of `column` on each day of each run of a stored series.

    The same definition grouped by (run_id, date): sum of value x voters over
    the sum of voters of the communities that day.
    """
    weight = series["community"].map(voters).astype(float)
    if weight.isna().any():
        unknown = sorted(set(series.loc[weight.isna(), "community"]))
        raise ValueError(f"voters unknown for communities {unknown}")
    keys = [series["run_id"], series["date"]]
    weighted = (series[column] * weight).groupby(keys, sort=False).sum()
    return weighted / weight.groupby(keys, sort=False).sum()


def _ok(runs: pd.DataFrame) -> pd.DataFrame:
    ok = runs[runs["status"] == "ok"].copy()
    for column in [c for c in ok.columns if c.startswith("out.")]:
        ok[column] = pd.to_numeric(ok[column], errors="coerce").astype(float)
    return ok


def arm_statistics(runs: pd.DataFrame, outcomes: list[str], confidence: float = 0.95,
                   n_boot: int = 2000) -> pd.DataFrame:
    """Mean and median with intervals, per scenario, design point, arm and outcome."""
    rows = []
    for (scenario, point, arm), group in runs.groupby(KEYS + ["arm"], sort=False):
        for k, outcome in enumerate(outcomes):
            stats = bootstrap_mean_median(group[f"out.{outcome}"].to_numpy(dtype=float),
                                          confidence, n_boot, seed=k)
            rows.append({"scenario": scenario, "point": point, "arm": arm, "outcome": outcome,
                         "n": int(group[f"out.{outcome}"].notna().sum()), **stats})
    return pd.DataFrame(rows)


def baseline_effects(runs: pd.DataFrame, outcomes: list[str], confidence: float = 0.95,
                     n_boot: int = 2000) -> pd.DataFrame:
    """Paired differences and relative reductions of each arm against the baseline."""
    rows = []
    for (scenario, point), group in runs.groupby(KEYS, sort=False):
        base = group[group["arm"] == BASELINE]
        for arm, rows_of_arm in group[group["arm"] != BASELINE].groupby("arm", sort=False):
            paired = rows_of_arm.merge(base, on="replication", suffixes=("", "_base"))
            for k, outcome in enumerate(outcomes):
                column = f"out.{outcome}"
                effect = paired_effect(paired[column].to_numpy(dtype=float),
                                       paired[f"{column}_base"].to_numpy(dtype=float),
                                       confidence, n_boot, seed=k)
                rows.append({"scenario": scenario, "point": point, "arm": arm,
                             "outcome": outcome, "pairs": len(paired),
                             "baseline_mean": float(paired[f"{column}_base"].mean()), **effect,
                             "clear": clear_direction(effect["difference_low"],
                                                      effect["difference_high"])})
    return pd.DataFrame(rows)


def cost_effectiveness(effects: pd.DataFrame, runs: pd.DataFrame) -> pd.DataFrame:
    """Incidents and riots averted (with intervals) and averted per Rp 1 billion, per arm."""
    if "out.cost" not in runs.columns or effects.empty:
        return pd.DataFrame()
    costs = runs.groupby(KEYS + ["arm"], sort=False)["out.cost"].mean().rename("cost_rupiah")
    table = costs.reset_index()
    table = table[table["arm"] != BASELINE]
    for outcome in AVERTED:
        rows = effects[effects["outcome"] == outcome].set_index(KEYS + ["arm"])
        if rows.empty:
            continue
        joined = table.join(rows[["difference", "difference_low", "difference_high"]],
                            on=KEYS + ["arm"])
        table[f"{outcome}_averted"] = -joined["difference"].to_numpy()
        table[f"{outcome}_averted_low"] = -joined["difference_high"].to_numpy()
        table[f"{outcome}_averted_high"] = -joined["difference_low"].to_numpy()
        with np.errstate(divide="ignore", invalid="ignore"):
            per = table[f"{outcome}_averted"] / (table["cost_rupiah"] / BILLION)
        table[f"{outcome}_averted_per_billion_rp"] = per.where(table["cost_rupiah"] > 0)
    return table.reset_index(drop=True)


def cost_risk(stats: pd.DataFrame, runs: pd.DataFrame, risk_outcome: str) -> pd.DataFrame:
    """Cost and mean risk (with interval) per arm, and whether the arm is on the Pareto front."""
    risk = stats[stats["outcome"] == risk_outcome]
    if risk.empty or "out.cost" not in runs.columns:
        return pd.DataFrame()
    costs = runs.groupby(KEYS + ["arm"], sort=False)["out.cost"].mean().rename("cost_rupiah")
    table = risk.join(costs, on=KEYS + ["arm"])[
        KEYS + ["arm", "cost_rupiah", "mean", "mean_low", "mean_high"]]
    table = table.rename(columns={"mean": "risk", "mean_low": "risk_low",
                                  "mean_high": "risk_high"})
    table.insert(3, "risk_outcome", risk_outcome)
    fronts = [pareto_front(g["cost_rupiah"].to_numpy(), g["risk"].to_numpy())
              for _, g in table.groupby(KEYS, sort=False)]
    table = pd.concat([g for _, g in table.groupby(KEYS, sort=False)])
    table["on_front"] = np.concatenate(fronts)
    return table.reset_index(drop=True)


def summarize(runs: pd.DataFrame, outcomes: list[str] | None = None,
              risk_outcome: str = "incidents_total", confidence: float = 0.95,
              n_boot: int = 2000) -> Summary:
    """Every table of the analysis from a runs table (as `ResultStore.runs()` gives).

    Examples
    --------
    >>> summary = summarize(ResultStore("out/quick").runs())   # doctest: +SKIP
    >>> summary.effects.query("outcome == 'incidents_total'")   # doctest: +SKIP
    """
    ok = _ok(runs)
    names = outcome_columns(ok, outcomes)
    stats = arm_statistics(ok, names, confidence, n_boot)
    effects = baseline_effects(ok, names, confidence, n_boot)
    return Summary(stats=stats, effects=effects,
                   cost_effectiveness=cost_effectiveness(effects, ok),
                   pareto=cost_risk(stats, ok, risk_outcome),
                   runs_ok=len(ok), runs_failed=int((runs["status"] != "ok").sum()))


def summarize_store(folder: str | Path) -> Summary:
    """`summarize` with the outcomes and settings of the experiment kept in the store."""
    store = ResultStore(folder)
    spec, _ = store.experiment()
    settings = spec.analysis
    return summarize(store.runs(), settings.outcomes, settings.risk_outcome,
                     settings.confidence, settings.bootstrap)


def envelopes(series: pd.DataFrame, runs: pd.DataFrame, column: str,
              voters: dict[str, float] | None = None, band: float = 0.90) -> pd.DataFrame:
    """Daily regency-wide value of `column` per run, then median and band over runs, per arm.

    With `voters` (community -> registered voters) the regency's value on a day is
    `regency_daily` (tension, belief); without, the sum over communities
    (incidents). Returns arm, date, median, low, high.
    """
    if voters is None:
        daily = series.groupby(["run_id", "date"], sort=False)[column].sum()
    else:
        daily = regency_daily(series, column, voters)
    daily = daily.rename("value").reset_index().merge(runs[["run_id", "arm"]], on="run_id")
    tail = (1 - band) / 2
    grouped = daily.groupby(["arm", "date"], sort=False)["value"]
    table = pd.DataFrame({"median": grouped.median(), "low": grouped.quantile(tail),
                          "high": grouped.quantile(1 - tail)}).reset_index()
    return table.sort_values(["arm", "date"], kind="stable").reset_index(drop=True)


def community_risk(series: pd.DataFrame, runs: pd.DataFrame, arm: str = BASELINE,
                   escalated_level: float = 0.3) -> pd.DataFrame:
    """Per community, over the runs of `arm`: mean incidents, mean peak tension, escalation share.

    Escalation share is the share of runs in which the community's tension
    passed `escalated_level` on some day.
    """
    chosen = runs.loc[(runs["arm"] == arm) & (runs["status"] == "ok"), "run_id"]
    rows = series[series["run_id"].isin(chosen)].copy()
    severities = [c for c in ("friction", "clash", "riot") if c in rows.columns]
    rows["incidents"] = rows[severities].sum(axis=1)
    per_run = rows.groupby(["community", "run_id"]).agg(incidents=("incidents", "sum"),
                                                        peak_tension=("tension", "max"))
    per_run["escalated"] = per_run["peak_tension"] > escalated_level
    return per_run.groupby("community").agg(
        mean_incidents=("incidents", "mean"), mean_peak_tension=("peak_tension", "mean"),
        escalation_share=("escalated", "mean"), runs=("incidents", "size")).reset_index()
