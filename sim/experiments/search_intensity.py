"""Search over strategy intensities with pymoo (GA, or NSGA-II for a Pareto front), run by run.

``[plan.search] method = "ga"`` or ``"nsga2"`` gives each strategy of the
search one decision variable in [0, 1], rounded to ``resolution``:

- a strategy with a budget knob (coverage, share trained) is off at 0 and
  otherwise runs with its knob at that value (``counter_hoax@0.35``);
- a strategy without one (a command post, a mapping survey) is on from 0.5;
- a function model's parameters are set to the values themselves.

The objectives are measures (`sim.experiments.measures`) with their declared
directions: pymoo minimises, so a measure where higher is better is negated.
A package that costs more than the budget is **infeasible**: pymoo's
inequality constraint ``(cost - budget) / budget <= 0``, compared on its
violation before any objective (Deb 2000, "An efficient constraint handling
method for genetic algorithms", Comput. Methods Appl. Mech. Eng. 186:311). It
is never shrunk to fit and, for the kondusif model, never run: its cost is
known beforehand from the strategies' declared costs. A function model's cost
is its ``cost`` outcome, so its candidates are run first.

Every generation is a stage (`sim.experiments.stages`): its own results
store under ``search/generation-N``, resumable and on any executor (Dask
too). pymoo is seeded with the experiment's root seed and draws only from its
own generator, so the same seed asks for the same candidates; a restarted
search asks again, finds every run it made in the stores (copied by run id,
never run twice) and goes on where it stopped. Candidates share their random
numbers at each replication (common random numbers).

The algorithms: a genetic algorithm and NSGA-II (Deb et al. 2002, "A fast and
elitist multiobjective genetic algorithm: NSGA-II", IEEE Trans. Evol. Comput.
6:182) from pymoo (Blank and Deb 2020, IEEE Access 8:89497).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from sim.experiments.measures import Measure, outcome_values, parse_measure
from sim.experiments.spec import BASELINE, Experiment, ExperimentError
from sim.experiments.stages import (
    INTENSITY,
    Runner,
    option_strategies,
    options_of,
    plan_budget,
    plan_scenario,
    read_stage,
    run_stage,
)
from sim.store_io import atomic_write_bytes

RESULT_FILE = "search.json"
GENERATION = re.compile(r"^generation-(\d+)$")
ON_WITHOUT_KNOB = 0.5  # a strategy with no intensity is on from this value of its variable


@dataclass
class IntensityResult:
    """Every candidate a pymoo search evaluated, and what it found.

    ``evaluations`` has one row per distinct candidate: ``option`` (its label),
    ``generation`` (where first asked), ``cost``, ``feasible``, ``runs`` and
    one column per objective (the measure's value, not negated).
    """

    method: str
    objectives: list[str]
    budget: float | None
    evaluations: pd.DataFrame
    generations: int
    finalists: list[str]

    @property
    def measures(self) -> list[Measure]:
        return [parse_measure(o) for o in self.objectives]

    @property
    def candidates(self) -> int:
        return len(self.evaluations)

    @property
    def runs(self) -> int:
        return int(self.evaluations["runs"].sum()) if len(self.evaluations) else 0

    @property
    def front(self) -> pd.DataFrame:
        """The feasible candidates no other feasible one beats on every objective."""
        table = self.evaluations[self.evaluations["feasible"]].reset_index(drop=True)
        if table.empty:
            return table
        on = non_dominated(signed_objectives(table, self.measures))
        return table[on].sort_values(self.objectives[0], kind="stable").reset_index(drop=True)

    @property
    def best(self) -> str | None:
        """The first finalist: the best feasible candidate on the first objective."""
        return self.finalists[0] if self.finalists else None

    def to_dict(self) -> dict[str, Any]:
        rows = self.evaluations.to_dict(orient="records")
        return {"method": self.method, "objectives": self.objectives,
                "budget_rupiah": self.budget, "generations": self.generations,
                "candidates": self.candidates, "runs": self.runs,
                "finalists": self.finalists,
                "front": list(self.front["option"]) if self.method == "nsga2" else [],
                "evaluations": [{k: _plain(v) for k, v in row.items()} for row in rows]}


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    return None if isinstance(value, float) and not math.isfinite(value) else value


def signed_objectives(table: pd.DataFrame, measures: list[Measure]) -> np.ndarray:
    """The objectives as pymoo minimises them: a measure where higher is better negated."""
    return np.column_stack([table[m.name].to_numpy(dtype=float) *
                            (1.0 if m.lower_is_better else -1.0) for m in measures])


def non_dominated(values: np.ndarray) -> np.ndarray:
    """True for the rows of `values` (all minimised) that no other row dominates.

    Examples
    --------
    >>> non_dominated(np.array([[1.0, 4.0], [2.0, 2.0], [3.0, 3.0]])).tolist()
    [True, True, False]
    """
    from pymoo.util.nds.non_dominated_sorting import NonDominatedSorting

    mask = np.zeros(len(values), dtype=bool)
    if len(values):
        mask[NonDominatedSorting().do(values, only_non_dominated_front=True)] = True
    return mask


def objectives_of(spec: Experiment) -> list[str]:
    """The measures the search optimises: ``[plan.search] objectives``, else the plan's risk."""
    chosen = spec.plan.search.objectives if spec.plan.search else []
    return [parse_measure(o).name for o in (chosen or [spec.plan.risk])]


def candidate_label(spec: Experiment, switches: list[str], x: np.ndarray,
                    resolution: float) -> str:
    """The option a vector of intensities stands for, as a label (``"a@0.35+b"``).

    Examples
    --------
    >>> from sim.experiments import load_experiment
    >>> spec, _ = load_experiment("experiments/quick.toml")
    >>> candidate_label(spec, ["counter_hoax", "joint_command_post"], np.array([0.348, 0.7]),
    ...                 0.01)
    'counter_hoax@0.35+joint_command_post'
    >>> candidate_label(spec, ["counter_hoax"], np.array([0.2]), 0.25)
    'counter_hoax@0.25'
    """
    from sim.strategies import CATALOGUE

    # as many decimals as the resolution has, so the label is the value run (0.25 -> 2)
    digits = len(f"{resolution:.10f}".rstrip("0").partition(".")[2])
    parts = []
    for name, value in zip(switches, _rounded(x, resolution), strict=True):
        knob = None if spec.is_function_model else CATALOGUE[name].budget_knob
        if not spec.is_function_model and knob is None:
            if value >= ON_WITHOUT_KNOB:
                parts.append(name)
        elif value > 0:
            parts.append(f"{name}{INTENSITY}{value:.{digits}f}")
    return "+".join(parts) or BASELINE


def _rounded(x: np.ndarray, resolution: float) -> np.ndarray:
    return np.clip(np.round(np.asarray(x, dtype=float) / resolution) * resolution, 0.0, 1.0)


def option_costs(spec: Experiment, path: Path, labels: list[str]) -> dict[str, float]:
    """What each kondusif option costs at its intensities (rupiah), none shrunk to a budget."""
    from sim.strategies import total_cost

    scenario = plan_scenario(spec, path)
    return {label: total_cost(option_strategies(label, scenario), scenario).rupiah
            for label in labels}


def score_candidates(spec: Experiment, runs: pd.DataFrame, labels: list[str],
                     objectives: list[str], costs: dict[str, float] | None,
                     budget: float | None) -> pd.DataFrame:
    """Each candidate's objectives over its runs, its cost, and whether it fits the budget."""
    rows = []
    for label in labels:
        mine = runs[runs["option"] == label] if len(runs) else runs
        row: dict[str, Any] = {"option": label, "runs": len(mine)}
        for name in objectives:
            measure = parse_measure(name)
            row[measure.name] = float(measure.statistic(measure.per_run(mine))) \
                if len(mine) else math.nan
        if costs is not None:
            row["cost"] = costs[label]
        elif len(mine) and "out.cost" in mine.columns:
            row["cost"] = float(np.mean(outcome_values(mine, "cost")))
        else:
            row["cost"] = math.nan
        row["feasible"] = bool(budget is None or row["cost"] <= budget)
        rows.append(row)
    return pd.DataFrame(rows, columns=["option", "runs", *objectives, "cost", "feasible"])


class _Search:
    """The search's state between pymoo's calls: which generation, every candidate scored."""

    def __init__(self, spec: Experiment, path: Path, folder: Path, runner: Runner,
                 switches: list[str]):
        self.spec, self.path, self.folder, self.runner = spec, path, Path(folder), runner
        self.settings = spec.plan.search
        self.switches = switches
        self.objectives = objectives_of(spec)
        self.measures = [parse_measure(o) for o in self.objectives]
        self.budget = plan_budget(spec)
        self.scored: dict[str, dict[str, Any]] = {}
        self.generation = 0

    def evaluate(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        """The signed objectives and the budget constraint of each row of `x` (one generation)."""
        labels = [candidate_label(self.spec, self.switches, row, self.settings.resolution)
                  for row in x]
        new = [label for label in dict.fromkeys(labels) if label not in self.scored]
        if new:
            self._run_generation(new)
        table = pd.DataFrame([self.scored[label] for label in labels])
        values = signed_objectives(table, self.measures)
        # an infeasible candidate is compared on its constraint only (never run: no values)
        values = np.where(np.isnan(values), np.inf, values)
        if self.budget is None:
            return values, None
        scale = max(self.budget, 1.0)
        return values, ((table["cost"].to_numpy(dtype=float) - self.budget) / scale)[:, None]

    def _run_generation(self, labels: list[str]) -> None:
        number = self.generation
        self.generation += 1
        costs = None if self.spec.is_function_model else option_costs(self.spec, self.path,
                                                                      labels)
        # the kondusif model's over-budget packages are known before a run: not run
        runnable = labels if costs is None else [
            label for label in labels if self.budget is None or costs[label] <= self.budget]
        runs = pd.DataFrame(columns=["option"])
        if runnable:
            earlier = [where for _, where in generation_folders(self.folder)]
            runs = run_stage(self.spec, self.path, self.folder / f"generation-{number}",
                             f"search-generation-{number}",
                             options_of(self.spec, runnable, self.switches), [{}],
                             self.settings.replications, self.runner, reuse=earlier)
        table = score_candidates(self.spec, runs, labels, self.objectives, costs, self.budget)
        for row in table.to_dict(orient="records"):
            self.scored[row["option"]] = row | {"generation": number}


def generation_folders(folder: Path) -> list[tuple[int, Path]]:
    """The stores of a search's generations with their numbers, in order.

    A generation whose candidates were all over the budget has no store.
    """
    if not Path(folder).is_dir():
        return []
    return sorted((int(m.group(1)), p) for p in Path(folder).iterdir()
                  if (m := GENERATION.match(p.name)) and p.is_dir())


def _problem(search: _Search):
    from pymoo.core.problem import Problem

    class Evaluations(Problem):
        """One pymoo evaluation call is one generation of stored runs."""

        def __init__(self):
            super().__init__(n_var=len(search.switches), n_obj=len(search.objectives),
                             n_ieq_constr=0 if search.budget is None else 1,
                             xl=0.0, xu=1.0)

        def _evaluate(self, x, out, *args, **kwargs):
            out["F"], constraint = search.evaluate(x)
            if constraint is not None:
                out["G"] = constraint

    return Evaluations()


def _algorithm(settings):
    from pymoo.algorithms.moo.nsga2 import NSGA2
    from pymoo.algorithms.soo.nonconvex.ga import GA
    from pymoo.core.repair import Repair

    resolution = settings.resolution

    class ToResolution(Repair):
        """Intensities on the search's grid, so a candidate asked twice is run once."""

        def _do(self, problem, x, **kwargs):
            return _rounded(x, resolution)

    kind = NSGA2 if settings.method == "nsga2" else GA
    return kind(pop_size=settings.population, repair=ToResolution(),
                eliminate_duplicates=True)


def intensity_search(spec: Experiment, path: Path, folder: Path,
                     runner: Runner) -> IntensityResult:
    """Run the pymoo search of ``[plan.search]`` into `folder` and return what it evaluated.

    Examples
    --------
    >>> from sim.experiments import load_experiment
    >>> spec, path = load_experiment("experiments/search_front.toml")          # doctest: +SKIP
    >>> found = intensity_search(spec, path, Path("out/x/plan/search"), Runner())  # doctest: +SKIP
    >>> found.front[["option", *found.objectives]]                             # doctest: +SKIP
    """
    from pymoo.optimize import minimize

    from sim.experiments.search import search_strategies

    settings = spec.plan.search
    search = _Search(spec, path, folder, runner, search_strategies(spec))
    minimize(_problem(search), _algorithm(settings), ("n_gen", settings.generations),
             seed=spec.experiment.root_seed % 2**32, verbose=False)
    result = _result(spec, search.objectives, search.budget,
                     pd.DataFrame(list(search.scored.values())), settings.generations)
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(Path(folder) / RESULT_FILE, (json.dumps(
        result.to_dict(), indent=1, sort_keys=True) + "\n").encode())
    return result


def _result(spec: Experiment, objectives: list[str], budget: float | None,
            evaluations: pd.DataFrame, generations: int) -> IntensityResult:
    settings = spec.plan.search
    columns = ["option", "generation", "runs", *objectives, "cost", "feasible"]
    evaluations = evaluations.reindex(columns=columns)
    result = IntensityResult(settings.method, objectives, budget, evaluations, generations, [])
    if evaluations.empty:
        raise ExperimentError("plan.search", ["the search evaluated no candidate"])
    feasible = evaluations[evaluations["feasible"] & (evaluations["runs"] > 0)]
    if feasible.empty:
        raise ExperimentError("plan.search", [
            f"no candidate of the search fits the budget Rp {budget:,.0f}; expected a budget "
            "at least the fixed cost of one strategy, or fewer strategies"])
    if settings.method == "nsga2":
        front = result.front
        picks = np.unique(np.linspace(0, len(front) - 1, settings.finalists).round().astype(int))
        result.finalists = list(front["option"].iloc[picks])
    else:
        ordered = feasible.assign(_key=signed_objectives(feasible, result.measures)[:, 0])
        ordered = ordered.sort_values(["_key", "cost", "option"], kind="stable")
        result.finalists = list(ordered["option"].iloc[:settings.finalists])
    return result


def read_intensity_search(spec: Experiment, path: Path, folder: Path) -> IntensityResult | None:
    """A pymoo search scored again from its stored generations, or None if none is stored."""
    folders = generation_folders(folder)
    if not folders:
        return None
    objectives, budget = objectives_of(spec), plan_budget(spec)
    rows: dict[str, dict[str, Any]] = {}
    for number, where in folders:
        info, runs = read_stage(where)
        labels = [o["label"] for o in info["options"] if o["label"] not in rows]
        costs = None if spec.is_function_model else option_costs(spec, path, labels)
        table = score_candidates(spec, runs, labels, objectives, costs, budget)
        rows |= {r["option"]: r | {"generation": number} for r in table.to_dict("records")}
    return _result(spec, objectives, budget, pd.DataFrame(list(rows.values())),
                   spec.plan.search.generations)

