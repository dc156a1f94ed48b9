"""A stage of the planner's pipeline: options in worlds, run through the runner into a store.

A stage is the experiment narrowed to a list of options (strategy sets, or a
function model's on/off parameters), a list of worlds (parameter values drawn
for robustness, or the one nominal world) and a number of replications. It is
run with `run_experiment` into its own results store, so it is resumable and
runs on any executor (Dask too). Runs another stage (or the sweep) already
made are copied in by `run_id` rather than run again: a run's id depends only
on what decides it, so the same option at the same replication is the same run.

Every stage runs at the experiment's plan point: its fixed overrides, the
plan's budget, and the first grid value of any grid parameter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from sim.experiments.design import design_points, expand
from sim.experiments.runner import run_experiment
from sim.experiments.spec import (
    BASELINE,
    Experiment,
    ExperimentError,
    Keep,
    arm_strategies,
    scenario_path,
)
from sim.experiments.store import ResultStore
from sim.experiments.worker import RunRecord
from sim.store_io import atomic_write_bytes

STAGE_FILE = "stage.json"
INTENSITY = "@"  # "counter_hoax@0.6": the strategy with its budget knob at 0.6
COPY_CHUNK = 2000


@dataclass(frozen=True)
class Option:
    """One option the planner may choose: how it is named, which arm runs it, its parameters."""

    label: str
    arm: str
    params: tuple[tuple[str, float], ...] = ()


@dataclass
class Runner:
    """How stages run: the executor settings handed to `run_experiment`."""

    executor: str = "local"
    workers: int | None = None
    scheduler: str | None = None
    progress: bool = True
    reports: list[Any] = field(default_factory=list)


def plan_budget(spec: Experiment) -> float | None:
    """The budget of the plan's stages: the plan's own, or the experiment's single budget."""
    if spec.plan.budget is not None:
        return spec.plan.budget
    if len(spec.budgets) > 1:
        raise ExperimentError("plan.budget", [
            f"experiment.budget = {spec.experiment.budget}: several budgets; set plan.budget "
            "to the one the search and robustness stages use"])
    return spec.budgets[0] if spec.budgets else None


def plan_point(spec: Experiment) -> dict[str, Any]:
    """The design point the stages run at: the plan's budget, the grid's first values."""
    budget = plan_budget(spec)
    for point in design_points(spec):
        if budget is None or point.get(spec.budget_path) == budget:
            return point
    return {spec.budget_path: budget}  # a plan budget the sweep does not have


def intensities(label: str) -> dict[str, float | None]:
    """An option's strategies and their intensities: ``"a@0.6+b"`` -> ``{"a": 0.6, "b": None}``.

    ``name@x`` runs the strategy with its budget knob (its coverage, share
    trained) at x; a bare name runs it as the scenario sets it.

    Examples
    --------
    >>> intensities("counter_hoax@0.35+joint_command_post")
    {'counter_hoax': 0.35, 'joint_command_post': None}
    """
    chosen: dict[str, float | None] = {}
    for part in arm_strategies(label):
        name, mark, value = part.partition(INTENSITY)
        chosen[name] = float(value) if mark else None
    return chosen


def knob_of(name: str) -> str:
    """The budget knob of a catalogue strategy: the parameter an intensity sets."""
    from sim.strategies import CATALOGUE

    knob = CATALOGUE[name].budget_knob if name in CATALOGUE else None
    if knob is None:
        raise ExperimentError("plan.search", [
            f"{name}{INTENSITY}...: {name} has no intensity (no budget knob); name it bare"])
    return knob


def options_of(spec: Experiment, labels: list[str], switches: list[str]) -> list[Option]:
    """Options named by their strategies ("a+b", "a@0.6+b"); for a function model, parameters.

    A function model's option sets each of `switches` to its intensity (1 when
    named bare, 0 when not named); a kondusif option runs the named
    strategies, each ``name@x`` with its budget knob at x.
    """
    options = []
    for label in labels:
        chosen = intensities(label)
        if spec.is_function_model:
            options.append(Option(label, BASELINE, tuple(
                (name, 1.0 if chosen.get(name, 0.0) is None else chosen.get(name, 0.0))
                for name in switches)))
            continue
        knobs = tuple(sorted((f"strategies.{name}.{knob_of(name)}", value)
                             for name, value in chosen.items() if value is not None))
        options.append(Option(label, "+".join(chosen) if knobs else label, knobs))
    return options


def plan_scenario(spec: Experiment, path: Path):
    """The first scenario at the plan point, without its budget: what options are priced on."""
    from sim.scenario import load_scenario

    overrides = {k: v for k, v in (spec.fixed | plan_point(spec)).items()
                 if k != spec.budget_path}
    return load_scenario(scenario_path(spec.experiment.scenarios[0], path), overrides)


def option_strategies(label: str, scenario) -> list:
    """The strategy objects of an option on `scenario`, each at its intensity, none shrunk."""
    from sim.strategies import CATALOGUE, resolve_strategies

    chosen = intensities(label)
    bare = [name for name, value in chosen.items() if value is None]
    strategies = {s.name: s for s in resolve_strategies(bare, scenario)}
    for name, value in chosen.items():
        if value is not None:
            table = dict(scenario.strategies.get(name, {})) | {knob_of(name): value}
            strategies[name] = CATALOGUE[name](**table)
    return [strategies[name] for name in chosen if name in strategies] + [
        s for n, s in strategies.items() if n not in chosen]


def stage_experiment(spec: Experiment, name: str, options: list[Option],
                     replications: int) -> Experiment:
    """The experiment narrowed to a stage: these arms, at the plan point, nothing sampled."""
    arms = list(dict.fromkeys(o.arm for o in options))
    meta = spec.experiment.model_copy(update={
        "name": f"{spec.name}_{name.replace('-', '_')}", "strategies": arms,
        "replications": replications, "budget": None})
    return spec.model_copy(update={
        "experiment": meta, "fixed": spec.fixed | plan_point(spec), "grid": {}, "sample": None,
        "sensitivity": None, "keep": Keep(outcomes=spec.keep.outcomes, timeseries=[])})


def run_stage(spec: Experiment, path: Path, folder: Path, name: str, options: list[Option],
              worlds: list[dict[str, Any]], replications: int, runner: Runner,
              reuse: list[Path] = ()) -> pd.DataFrame:
    """Run a stage into `folder` (resuming it) and return its ok runs with option and world.

    Parameters
    ----------
    spec, path : the experiment and its file
    folder : the stage's results store
    name : the stage's name (``search-round-0``, ``robustness``)
    options : what is compared
    worlds : parameter values of each world (``[{}]`` for the nominal one)
    replications : runs per option and world
    runner : executor settings
    reuse : other stores whose runs with the same ids are copied instead of run again
    """
    stage = stage_experiment(spec, name, options, replications)
    groups = list(dict.fromkeys(o.params for o in options))
    points = [world | dict(group) for world in worlds for group in groups]
    cells = {(w * len(groups) + groups.index(o.params), o.arm): (w, o.label)
             for w in range(len(worlds)) for o in options}
    # each option runs only its own arm at its own parameters (never every arm at every point)
    arms = [list(dict.fromkeys(o.arm for o in options if o.params == group))
            for _ in worlds for group in groups]
    total = sum(len(a) for a in arms) * replications
    # copy earlier runs in under the store's lock, then let the runner take the lock itself
    with ResultStore.open_for(folder, stage, path, total) as store:
        atomic_write_bytes(folder / STAGE_FILE, json.dumps(
            {"stage": name, "options": [o.__dict__ | {"params": dict(o.params)}
                                        for o in options],
             "worlds": worlds, "replications": replications}, indent=1, default=str).encode())
        _copy_runs(store, stage, path, points, arms, reuse)
    report = run_experiment(stage, path, folder, runner.executor, runner.workers,
                            runner.scheduler, points=points, progress=runner.progress,
                            arms=arms)
    runner.reports.append(report)
    return label_runs(ResultStore(folder).runs(), cells)


def label_runs(runs: pd.DataFrame, cells: dict[tuple[int, str], tuple[int, str]]
               ) -> pd.DataFrame:
    """Stored runs of a stage with their ``world`` and ``option``; failed and unknown left out."""
    ok = runs[runs["status"] == "ok"]
    keys = list(zip(ok["point"].astype(int), ok["arm"], strict=True))
    found = [cells.get(k) for k in keys]
    ok = ok.assign(world=[f[0] if f else -1 for f in found],
                   option=[f[1] if f else "" for f in found])
    return ok[ok["world"] >= 0].reset_index(drop=True)


def read_stage(folder: Path) -> tuple[dict[str, Any], pd.DataFrame] | None:
    """A stage's description and labelled runs, or None when the folder holds no stage."""
    described = folder / STAGE_FILE
    if not described.is_file():
        return None
    info = json.loads(described.read_text(encoding="utf-8"))
    options = [Option(o["label"], o["arm"], tuple(o["params"].items())) for o in info["options"]]
    groups = list(dict.fromkeys(o.params for o in options))
    cells = {(w * len(groups) + groups.index(o.params), o.arm): (w, o.label)
             for w in range(len(info["worlds"])) for o in options}
    return info, label_runs(ResultStore(folder).runs(), cells)


def _copy_runs(store: ResultStore, stage: Experiment, path: Path,
               points: list[dict[str, Any]], arms: list[list[str]], reuse: list[Path]) -> None:
    done = store.finished_ids()
    wanted = {t.run_id: t for t in expand(stage, path, points, arms) if t.run_id not in done}
    for other in reuse:
        if not wanted or not (Path(other) / "manifest.json").is_file():
            continue
        rows = ResultStore(other).runs()
        rows = rows[rows["run_id"].isin(wanted.keys()) & (rows["status"] == "ok")]
        records = []
        for _, row in rows.iterrows():
            task = wanted.pop(row["run_id"])
            # the same run, placed in this stage's design: its point and parameters
            values = {k: v for k, v in row.dropna().items() if not k.startswith("param.")}
            values |= {"point": task.point} | {f"param.{k}": v for k, v in task.parameters}
            records.append(RunRecord(values, None))
        for start in range(0, len(records), COPY_CHUNK):
            store.append(records[start:start + COPY_CHUNK])
