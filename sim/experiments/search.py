"""Search under the budget: every subset of the strategies, screened by successive halving.

Nine strategies make 511 non-empty subsets; each is held to the budget the
way `sim.strategies.budget` does (fixed parts kept, the scalable parts shrunk
by one common fraction), so "strategies and intensities that fit" is a choice
of subset: the intensities follow from the budget. Subsets whose fixed parts
alone exceed the budget are left out before any run.

Successive halving (Jamieson and Talwalkar 2016, "Non-stochastic best arm
identification and hyperparameter optimization", AISTATS; Karnin et al. 2013)
spends few replications on many candidates and many on few: every candidate
runs `first_replications` times; the best 1/eta go on with eta times the
replications; and so on until `finalists` remain or the replications reach the
experiment's own (the comparison stage runs the finalists that often anyway).
All candidates meet the same random numbers at each replication, so a round
compares them fairly, and the replications of an earlier round are reused,
never run again. Each round is a
stage (`sim.experiments.stages`): its own results store, resumable, on any
executor. Ties on the measure (frequent for a chance over few runs) are broken
by the mean of the measure's outcome, then by fewer strategies.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import pandas as pd

from sim.experiments.measures import Measure, parse_measure
from sim.experiments.spec import Experiment, ExperimentError, arm_strategies
from sim.experiments.stages import (
    Runner,
    options_of,
    plan_budget,
    plan_scenario,
    read_stage,
    run_stage,
)


@dataclass
class Round:
    """One round of successive halving: its candidates, scored, best first."""

    number: int
    replications: int
    scores: pd.DataFrame  # option, value, tiebreak, strategies, kept


@dataclass
class SearchResult:
    """Every round and the finalists."""

    rounds: list[Round]
    finalists: list[str]
    candidates: int
    left_out: list[str]  # subsets whose fixed parts exceed the budget

    @property
    def runs(self) -> int:
        """Runs the search made (a later round reuses the replications of the one before)."""
        before = [0] + [r.replications for r in self.rounds[:-1]]
        return sum(len(r.scores) * (r.replications - b)
                   for r, b in zip(self.rounds, before, strict=True))

    def to_dict(self) -> dict:
        return {"candidates": self.candidates, "finalists": self.finalists,
                "left_out": self.left_out, "runs_in_rounds": self.runs,
                "rounds": [{"round": r.number, "replications": r.replications,
                            "candidates": len(r.scores),
                            "scores": r.scores.to_dict(orient="records")} for r in self.rounds]}


def subsets(names: list[str]) -> list[str]:
    """Every non-empty subset of `names` as an arm, smallest first.

    Examples
    --------
    >>> subsets(["a", "b", "c"])
    ['a', 'b', 'c', 'a+b', 'a+c', 'b+c', 'a+b+c']
    >>> len(subsets(list("abcdefghi")))
    511
    """
    return ["+".join(c) for size in range(1, len(names) + 1) for c in combinations(names, size)]


def search_strategies(spec: Experiment) -> list[str]:
    """The strategies the search combines: the plan's list, or the whole catalogue."""
    from sim.strategies import CATALOGUE

    chosen = spec.plan.search.strategies if spec.plan.search else []
    if chosen:
        return list(chosen)
    if spec.is_function_model:
        raise ExperimentError("plan.search.strategies", [
            "missing: a function model's search needs the names of its 0/1 parameters"])
    return list(CATALOGUE)


def feasible(spec: Experiment, path: Path, arms: list[str]) -> tuple[list[str], list[str]]:
    """The arms whose fixed costs fit the plan's budget, and those left out."""
    budget = plan_budget(spec)
    if spec.is_function_model or budget is None:
        return arms, []
    from sim.strategies import minimum_cost, resolve_strategies

    scenario = plan_scenario(spec, path)
    fits, left = [], []
    for arm in arms:
        strategies = resolve_strategies(arm_strategies(arm), scenario)
        (fits if minimum_cost(strategies, scenario).rupiah <= budget else left).append(arm)
    return fits, left


def score(runs: pd.DataFrame, measure: Measure, options: list[str]) -> pd.DataFrame:
    """Each option's measure over its runs, best first (ties: outcome mean, then size)."""
    values = runs.assign(_per_run=measure.per_run(runs), _value=measure.values(runs))
    rows = []
    for option in options:
        mine = values[values["option"] == option]
        rows.append({"option": option, "runs": len(mine),
                     "value": float(measure.statistic(mine["_per_run"].to_numpy()))
                     if len(mine) else math.nan,
                     "tiebreak": float(mine["_value"].mean()) if len(mine) else math.nan,
                     "strategies": len(arm_strategies(option))})
    table = pd.DataFrame(rows)
    sign = 1 if measure.lower_is_better else -1
    table["_key"], table["_tie"] = sign * table["value"], sign * table["tiebreak"]
    table = table.sort_values(["_key", "_tie", "strategies"], kind="stable", na_position="last")
    return table.drop(columns=["_key", "_tie"]).reset_index(drop=True)


def successive_halving(spec: Experiment, path: Path, folder: Path,
                       runner: Runner) -> SearchResult:
    """Run the search of ``[plan.search]`` into `folder`/round-N and return its rounds.

    Examples
    --------
    >>> from sim.experiments import load_experiment
    >>> spec, path = load_experiment("experiments/kutim_budget.toml")     # doctest: +SKIP
    >>> result = successive_halving(spec, path, Path("out/x/search"), Runner())  # doctest: +SKIP
    >>> result.finalists                                                  # doctest: +SKIP
    """
    settings = spec.plan.search
    measure = parse_measure(spec.plan.risk)
    switches = search_strategies(spec)
    candidates, left_out = feasible(spec, path, subsets(switches))
    if not candidates:
        raise ExperimentError("plan.search", [f"no subset of {', '.join(switches)} fits the "
                                              f"budget Rp {plan_budget(spec):,.0f}"])
    total = len(candidates)
    # the compare stage runs the finalists at the experiment's replications anyway
    cap = max(spec.experiment.replications, settings.first_replications)
    replications, rounds, previous = settings.first_replications, [], []
    while True:
        where = folder / f"round-{len(rounds)}"
        runs = run_stage(spec, path, where, f"search-round-{len(rounds)}",
                         options_of(spec, candidates, switches), [{}], replications, runner,
                         reuse=previous)
        scores = score(runs, measure, candidates)
        last = len(candidates) <= settings.finalists or replications >= cap
        keep = settings.finalists if last else max(settings.finalists,
                                                   math.ceil(len(candidates) / settings.eta))
        scores["kept"] = scores.index < keep
        rounds.append(Round(len(rounds), replications, scores))
        if last:
            break
        candidates = list(scores["option"].iloc[:keep])
        previous, replications = [where], min(cap, replications * settings.eta)
    finalists = list(rounds[-1].scores["option"].iloc[:settings.finalists])
    return SearchResult(rounds, finalists, total, left_out)


def read_search(folder: Path, measure: Measure, finalists: int) -> SearchResult | None:
    """The rounds stored in `folder` (scored again from the runs), or None if there are none."""
    rounds = []
    while (stage := read_stage(folder / f"round-{len(rounds)}")) is not None:
        info, runs = stage
        options = [o["label"] for o in info["options"]]
        scores = score(runs, measure, options)
        rounds.append(Round(len(rounds), info["replications"], scores))
    if not rounds:
        return None
    for current, following in zip(rounds, rounds[1:], strict=False):
        current.scores["kept"] = current.scores["option"].isin(following.scores["option"])
    last = rounds[-1].scores
    last["kept"] = last.index < finalists
    return SearchResult(rounds, list(last["option"].iloc[:finalists]), len(rounds[0].scores),
                        [])
