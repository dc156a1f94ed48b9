"""The planner's pipeline and its answer: sweep, search, compare, robustness, discovery.

`run_plan` runs every stage an experiment's ``[plan]`` asks for, each into its
own results store under the output folder (resumable, on any executor)::

    OUT/                       the sweep: the experiment's own strategy sets
    OUT/plan/search/round-N/   successive halving over the subsets ([plan.search])
    OUT/plan/search/generation-N/  or pymoo's GA / NSGA-II over intensities (method)
    OUT/plan/compare/          the sweep's sets and the search's finalists, paired
    OUT/plan/robustness/       the leading options across plausible worlds

`planner_answer` reads them back and computes the answer: the ranking on the
risk measure (chance of being best, every pair, Holm), the recommended option
and how much it lowers the risk against the baseline, what each option costs
in full and how much of it the budget holds, robustness, and the PRIM box in
which the recommended option still fails. Nothing is computed in the stages
that is not recomputed from the stored runs here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from sim.experiments.design import design_points
from sim.experiments.discovery import Box, discover, failure_rate
from sim.experiments.measures import Measure, has_outcome, parse_measure
from sim.experiments.ranking import Ranking, paired_matrix, rank_options
from sim.experiments.robustness import parameter_source, per_world, robustness_table
from sim.experiments.runner import SweepReport, run_experiment
from sim.experiments.search import SearchResult, read_search, search_strategies, successive_halving
from sim.experiments.search_intensity import (
    IntensityResult,
    generation_folders,
    intensity_search,
    read_intensity_search,
)
from sim.experiments.spec import (
    BASELINE,
    Experiment,
    ExperimentError,
    scenario_path,
)
from sim.experiments.stages import (
    Runner,
    option_strategies,
    options_of,
    plan_budget,
    plan_point,
    plan_scenario,
    read_stage,
    run_stage,
)
from sim.experiments.store import ResultStore

PLAN = "plan"


def check_plan(spec: Experiment, path: Path) -> None:
    """Every problem of ``[plan]`` found before a run: budget, measures, strategies, ranges."""
    from sim.experiments.measures import OUTCOMES
    from sim.experiments.spec import known_outcomes

    problems = []
    try:
        plan_budget(spec)
    except ExperimentError as exc:
        problems += exc.problems
    if not spec.is_function_model:
        known = known_outcomes() | {n for n, o in OUTCOMES.items() if o.sum_of}
        objectives = spec.plan.search.objectives if spec.plan.search else []
        problems += [f"plan measure {m!r}: the model has no outcome {parse_measure(m).outcome!r};"
                     f" known: {', '.join(sorted(known))}"
                     for m in dict.fromkeys([*spec.plan.all_measures(), *objectives])
                     if parse_measure(m).outcome not in known]
        problems += _check_plan_scenario(spec, path)
    else:
        problems += _check_function_search(spec)
    if problems:
        raise ExperimentError(str(path), problems)


def _check_function_search(spec: Experiment) -> list[str]:
    """A function model's pymoo search: its parameters exist, it gives the objectives and cost."""
    from sim.experiments.search_intensity import objectives_of
    from sim.experiments.spec import resolve_function

    settings = spec.plan.search
    if settings is None or settings.method == "successive_halving" or not settings.strategies:
        return []
    point = spec.fixed | plan_point(spec) | {name: 0.5 for name in settings.strategies}
    produced = resolve_function(spec.experiment.model)(point, 0)
    wanted = [(f"plan.search.objectives: {m!r}", parse_measure(m).outcome)
              for m in objectives_of(spec)]
    if plan_budget(spec) is not None:
        wanted.append(("experiment.budget: a budget", "cost"))
    return [f"{where}: {spec.experiment.model} gives no outcome {name!r} (it gives "
            f"{', '.join(sorted(produced))}); expected a measure of one of them"
            for where, name in wanted if name not in produced]


def _check_plan_scenario(spec: Experiment, path: Path) -> list[str]:
    from sim.scenario import ScenarioError, load_scenario
    from sim.strategies import CATALOGUE

    problems = []
    if spec.plan.search is not None:
        problems += [f"plan.search.strategies: unknown strategy {n!r}; known: "
                     f"{', '.join(CATALOGUE)}" for n in spec.plan.search.strategies
                     if n not in CATALOGUE]
    settings = spec.plan.robustness
    if settings is None or settings.samples is not None:
        return problems
    file = scenario_path(spec.experiment.scenarios[0], path)
    for end in ("low", "high"):
        overrides = spec.fixed | {n: getattr(r, end) for n, r in settings.parameters.items()}
        try:
            load_scenario(file, overrides)
        except ScenarioError as exc:
            problems += [f"plan.robustness.parameters ({end} ends): {p}" for p in exc.problems]
    return list(dict.fromkeys(problems))


def stage_folder(out: Path, *parts: str) -> Path:
    return Path(out) / PLAN / Path(*parts)


def run_plan(spec: Experiment, path: Path, out: Path, runner: Runner) -> list[SweepReport]:
    """Run the sweep and every stage of ``[plan]`` into `out`; return what each run did.

    Examples
    --------
    >>> from sim.experiments import load_experiment
    >>> spec, path = load_experiment("experiments/kutim_budget.toml")   # doctest: +SKIP
    >>> run_plan(spec, path, Path("out/kutim_budget"), Runner())        # doctest: +SKIP
    """
    out = Path(out)
    runner.reports.append(run_experiment(spec, path, out, runner.executor, runner.workers,
                                         runner.scheduler, progress=runner.progress))
    finalists: list[str] = []
    if spec.plan.search is not None:
        folder = stage_folder(out, "search")
        if spec.plan.search.method == "successive_halving":
            found = successive_halving(spec, path, folder, runner)
            searched = [stage_folder(out, "search", f"round-{len(found.rounds) - 1}")]
        else:
            found = intensity_search(spec, path, folder, runner)
            searched = [where for _, where in generation_folders(folder)]
        finalists = found.finalists
        labels = list(dict.fromkeys([*spec.arms, *finalists]))
        switches = search_strategies(spec)
        run_stage(spec, path, stage_folder(out, "compare"), "compare",
                  options_of(spec, labels, switches), [{}], spec.experiment.replications,
                  runner, reuse=[out, *searched])
    if spec.plan.robustness is not None:
        settings = spec.plan.robustness
        ranking = nominal_ranking(spec, out)
        leading = [o for o in ranking.table.sort_values("chance_best", ascending=False,
                                                        kind="stable")["option"]
                   if o != BASELINE][:settings.options]
        switches = search_strategies(spec) if spec.is_function_model else []
        source = parameter_source(settings, path)
        worlds = source.draw(settings.worlds, settings.root_seed)
        run_stage(spec, path, stage_folder(out, "robustness"), "robustness",
                  options_of(spec, [BASELINE, *leading], switches), worlds,
                  settings.replications, runner)
    return runner.reports


def nominal_runs(spec: Experiment, out: Path) -> pd.DataFrame:
    """The ok runs the answer ranks: the compare stage's, else the sweep's at the plan point."""
    compared = read_stage(stage_folder(out, "compare"))
    if compared is not None:
        return compared[1]
    runs = ResultStore(out).runs()
    runs = runs[runs["status"] == "ok"]
    wanted = plan_point(spec)
    points = design_points(spec)
    index = points.index(wanted) if wanted in points else 0
    first = spec.experiment.scenarios[0] if spec.experiment.scenarios else ""
    runs = runs[(runs["point"] == index) & (runs["scenario"].fillna("") == first)]
    return runs.assign(option=runs["arm"], world=0)


def nominal_ranking(spec: Experiment, out: Path, measure: Measure | None = None) -> Ranking:
    """The options ranked on the plan's risk (or `measure`) in the nominal world."""
    runs = nominal_runs(spec, out)
    measure = measure or parse_measure(spec.plan.risk)
    options = list(dict.fromkeys(runs["option"]))
    return rank_options(paired_matrix(runs, measure, options, key="option"), measure,
                        spec.analysis.confidence, spec.analysis.bootstrap, spec.plan.alpha,
                        spec.plan.power)


@dataclass
class Answer:
    """The planner's answer, every part recomputed from the stored runs."""

    measure: Measure
    ranking: Ranking
    recommended: str
    versus_baseline: pd.Series | None
    budget: float | None
    costs: pd.DataFrame  # option, full_cost, held_cost, share_held, strategies
    others: dict[str, Ranking] = field(default_factory=dict)  # other measures
    search: SearchResult | None = None  # successive halving over subsets
    intensities: IntensityResult | None = None  # pymoo over intensities (ga, nsga2)
    robustness: pd.DataFrame | None = None
    robustness_source: str = ""
    worlds: list[dict[str, Any]] = field(default_factory=list)
    box: Box | None = None
    discovery_runs: pd.DataFrame | None = None  # parameters and "failed" of each run
    failure_rate: float | None = None  # share of those runs failing, with or without a box
    discovery_note: str = ""
    satisficing: float | None = None
    power: float = 0.8

    @property
    def front(self) -> list[str]:
        """Options no other beats on both cost within the budget and the risk (Pareto)."""
        from sim.experiments.analysis import pareto_front

        if self.costs.empty:
            return []
        table = self.ranking.table.merge(self.costs, on="option")
        sign = 1 if self.measure.lower_is_better else -1
        on = pareto_front(table["held_cost"].to_numpy(), sign * table["estimate"].to_numpy())
        return list(table.loc[on, "option"])

    def to_dict(self) -> dict[str, Any]:
        effect = None if self.versus_baseline is None else {
            k: (v.item() if hasattr(v, "item") else v)
            for k, v in self.versus_baseline.items()}
        return {
            "risk": self.measure.name, "recommended": self.recommended,
            "budget_rupiah": self.budget, "versus_baseline": effect,
            "ranking": self.ranking.to_dict(),
            "other_measures": {k: r.to_dict() for k, r in self.others.items()},
            "costs": self.costs.to_dict(orient="records"), "cost_risk_front": self.front,
            "search": None if self.search is None else self.search.to_dict(),
            "intensity_search": None if self.intensities is None else
            self.intensities.to_dict(),
            "robustness": None if self.robustness is None else {
                "source": self.robustness_source, "worlds": len(self.worlds),
                "satisficing": self.satisficing,
                "table": self.robustness.to_dict(orient="records")},
            "discovery": None if self.box is None else self.box.to_dict(),
            "discovery_note": self.discovery_note,
        }


def planner_answer(spec: Experiment, path: Path, out: Path) -> Answer:
    """The answer to the experiment's question from the stores in `out`.

    Examples
    --------
    >>> from sim.experiments import ResultStore
    >>> spec, path = ResultStore("out/kutim_budget").experiment()      # doctest: +SKIP
    >>> planner_answer(spec, path, Path("out/kutim_budget")).recommended  # doctest: +SKIP
    """
    out = Path(out)
    measure = parse_measure(spec.plan.risk)
    runs = nominal_runs(spec, out)
    ranking = nominal_ranking(spec, out, measure)
    others = {}
    for name in spec.plan.all_measures()[1:]:
        other = parse_measure(name)
        if has_outcome(runs, other.outcome):
            others[name] = nominal_ranking(spec, out, other)
    candidates = ranking.table[ranking.table["option"] != BASELINE]
    candidates = candidates.sort_values(["chance_best", "order"], ascending=[False, True],
                                        kind="stable")
    recommended = str(candidates["option"].iloc[0]) if not candidates.empty else BASELINE
    versus = ranking.pair(recommended, BASELINE) if (
        recommended != BASELINE and BASELINE in ranking.options) else None
    answer = Answer(measure, ranking, recommended, versus, plan_budget(spec),
                    budget_table(spec, path, ranking.options), others, power=spec.plan.power)
    if spec.plan.search is not None and spec.plan.search.method == "successive_halving":
        answer.search = read_search(stage_folder(out, "search"), measure,
                                    spec.plan.search.finalists)
    elif spec.plan.search is not None:
        answer.intensities = read_intensity_search(spec, path, stage_folder(out, "search"))
    _robustness(answer, spec, out)
    return answer


def _robustness(answer: Answer, spec: Experiment, out: Path) -> None:
    stage = read_stage(stage_folder(out, "robustness"))
    settings = spec.plan.robustness
    if stage is None or settings is None:
        return
    info, runs = stage
    measure = answer.measure
    options = [o["label"] for o in info["options"]]
    answer.worlds = info["worlds"]
    answer.satisficing = settings.satisficing
    answer.robustness_source = "samples" if settings.samples else "ranges"
    answer.robustness = robustness_table(per_world(runs, measure, options),
                                         measure.lower_is_better, settings.satisficing)
    chosen = answer.recommended if answer.recommended in options else options[-1]
    mine = runs[runs["option"] == chosen].reset_index(drop=True)
    names = list(answer.worlds[0]) if answer.worlds else []
    x = pd.DataFrame([answer.worlds[w] for w in mine["world"]], columns=names)
    if measure.kind == "chance":
        failed = measure.per_run(mine) == 1
    elif settings.satisficing is not None:
        values = measure.values(mine)
        failed = values > settings.satisficing if measure.lower_is_better else \
            values < settings.satisficing
    else:
        answer.discovery_note = "no_threshold"
        return
    answer.discovery_runs = x.assign(failed=failed)
    answer.failure_rate = failure_rate(failed)
    answer.box = discover(x, failed)
    if answer.box is None:
        answer.discovery_note = "never_fails" if not failed.any() else (
            "fails_everywhere" if answer.failure_rate >= 0.8 else "no_box")


def budget_table(spec: Experiment, path: Path, options: list[str]) -> pd.DataFrame:
    """Each option's full cost, what the budget holds of it, and the share of each strategy.

    The share is the common fraction of the scalable parts the budget keeps
    (`sim.strategies.budget`): 100% when the option fits whole.
    """
    columns = ["option", "full_cost", "held_cost", "share_held", "strategies"]
    if spec.is_function_model or not spec.experiment.scenarios:
        return pd.DataFrame(columns=columns)
    from sim.strategies import fit_to_budget, total_cost

    budget = plan_budget(spec)
    scenario = plan_scenario(spec, path)
    rows = []
    for option in options:
        full = option_strategies(option, scenario)
        held = full if budget is None else fit_to_budget(full, scenario, budget)
        shares = {}
        for whole, part in zip(full, held, strict=True):
            knob = whole.budget_knob
            value = getattr(whole.params, knob) if knob else 0
            shares[whole.name] = 1.0 if not knob or value == 0 else \
                getattr(part.params, knob) / value
        full_cost, held_cost = total_cost(full, scenario).rupiah, total_cost(held, scenario).rupiah
        scalable = [s for n, s in shares.items() if s < 1.0]
        rows.append({"option": option, "full_cost": full_cost, "held_cost": held_cost,
                     "share_held": min(scalable) if scalable else 1.0, "strategies": shares})
    return pd.DataFrame(rows, columns=columns)
