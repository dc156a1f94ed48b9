"""Experiment files: the schema of an experiment, loading it, and checking it before any run.

An experiment names what to compare (scenarios, strategy sets, a parameter
grid or a Latin hypercube sample), how often (replications, root seed) and
what to keep (outcomes, time-series columns). It is validated on load; every
error names the file, the field path, the bad value and what was expected::

    ExperimentError: experiments/x.toml: experiment.replications = 0: must be >= 1

The model is either ``"kondusif"`` (the election-conflict model, one scenario
file per run) or any importable ``"module:function"`` called as
``function(params: dict, seed: int) -> dict`` (see ``sim.experiments.testfunctions``).
"""

from __future__ import annotations

import hashlib
import importlib
import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, field_validator

from sim import bundled
from sim.experiments.plan_spec import Plan
from sim.experiments.sensitivity_spec import Distribution, Sensitivity, check_sensitivity
from sim.outcomes import OUTCOME_DOCS
from sim.scenario import ScenarioError, bundled_path, load_scenario, read_toml
from sim.scenario.loading import format_errors, read_scenario_data
from sim.scenario.schema import Block

KONDUSIF = "kondusif"
BASELINE = "baseline"
NESTED_OUTCOMES = ("incidents_by_severity", "vote_shares")
DEFAULT_TIMESERIES = ("tension", "hoax_belief", "friction", "clash", "riot")
RANGE_KEYS = frozenset({"low", "high"})
DISTRIBUTION_KEYS = frozenset(Distribution.model_fields)
# a value inside a range that is not a whole number, to catch integer parameters early
PROBE_FRACTION = 0.37
# seeds are stored as 64-bit integers in the Parquet parts
MAX_SEED = 2**63 - 1
KIND = "experiments"


class ExperimentError(ScenarioError):
    """An experiment file (or store) that cannot be used, with every problem listed."""


class Strict(Block):
    """Unknown fields are errors; numbers are finite and never true/false or text."""


Rupiah = Annotated[float, Field(ge=0)]
# where a budget goes in a run: the scenario's budget table, or a function model's parameter
BUDGET_PATH = "strategies.budget.rupiah"
FUNCTION_BUDGET = "budget"


class Meta(Strict):
    name: str = Field(pattern=r"^[a-z0-9_]+$", description="short id, lower case")
    title: str = ""
    description: str = ""
    model: str = Field(KONDUSIF, description="'kondusif' or an importable 'module:function'")
    scenarios: list[str] = Field(default_factory=list,
                                 description="bundled names or paths relative to the file")
    strategies: list[str] = Field(
        default_factory=lambda: [BASELINE],
        description="strategy sets to compare: a name, 'package:NAME', or names joined by '+'",
    )
    replications: Annotated[int, Field(ge=1, le=1_000_000, strict=True)] = 1
    root_seed: Annotated[int, Field(ge=0, le=MAX_SEED, strict=True)] = 0
    random_numbers: Literal["common", "per_point"] = Field(
        "common", description="'common': design points and arms at one replication share "
        "their random numbers (sharp comparisons); 'per_point': each design point has its "
        "own (independent draws, as a sampler like ABC needs); arms still share theirs")
    budget: Rupiah | list[Rupiah] | None = Field(
        None, description="most each strategy set may cost, rupiah; a list sweeps budgets")

    @field_validator("model")
    @classmethod
    def _model_is_named(cls, value: str) -> str:
        if value != KONDUSIF and value.count(":") != 1:
            raise ValueError("must be 'kondusif' or 'module:function'")
        return value


class Range(Strict):
    """A uniform range for a sampled parameter."""

    low: float
    high: float


class Sample(Strict):
    method: Literal["latin_hypercube"] = "latin_hypercube"
    size: Annotated[int, Field(ge=1)]
    parameters: dict[str, Range] = Field(min_length=1)


class DrawnParameters(Strict):
    posterior: str = Field(description="a posterior.parquet of `kondusif calibrate`, relative "
                           "to this file; replication r runs with the r-th parameter set drawn")


class Keep(Strict):
    outcomes: list[str] | None = Field(None, description="outcomes to store; default all")
    timeseries: list[str] = Field(default_factory=lambda: list(DEFAULT_TIMESERIES),
                                  description="daily columns per community to store")


class Analysis(Strict):
    outcomes: list[str] | None = Field(None, description="outcomes to summarise")
    risk_outcome: str = Field("incidents_total", description="risk axis of the Pareto front")
    confidence: Annotated[float, Field(gt=0, lt=1)] = 0.95
    bootstrap: Annotated[int, Field(ge=100)] = 2000


class Experiment(Strict):
    """A validated experiment file."""

    experiment: Meta
    fixed: dict[str, Any] = Field(default_factory=dict,
                                  description="overrides applied to every run")
    grid: dict[str, list[Any]] = Field(default_factory=dict,
                                       description="values per parameter; all combinations run")
    sample: Sample | None = None
    parameters: DrawnParameters | None = None
    keep: Keep = Field(default_factory=Keep)
    analysis: Analysis = Field(default_factory=Analysis)
    sensitivity: Sensitivity | None = Field(
        None, description="a sensitivity study (see sim.experiments.sensitivity)")
    plan: Plan = Field(default_factory=Plan,
                       description="the planner's question: risk, search, robustness")

    @property
    def name(self) -> str:
        return self.experiment.name

    @property
    def is_function_model(self) -> bool:
        return self.experiment.model != KONDUSIF

    @property
    def budgets(self) -> list[float]:
        """The budgets compared, in rupiah (empty when the experiment sets none)."""
        budget = self.experiment.budget
        return [] if budget is None else [float(b) for b in
                                          (budget if isinstance(budget, list) else [budget])]

    @property
    def budget_path(self) -> str:
        """The override a budget becomes in a run."""
        return FUNCTION_BUDGET if self.is_function_model else BUDGET_PATH

    @property
    def design_grid(self) -> dict[str, list[Any]]:
        """The grid with the budgets as its first dimension (so points group by budget)."""
        budgets = {self.budget_path: self.budgets} if self.budgets else {}
        return budgets | self.grid

    @property
    def arms(self) -> list[str]:
        """The strategy sets compared, the baseline first."""
        arms = [a.strip() for a in self.experiment.strategies]
        return [BASELINE] + [a for a in dict.fromkeys(arms) if a != BASELINE]


def arm_strategies(arm: str) -> tuple[str, ...]:
    """``"counter_hoax+package:x"`` -> ``("counter_hoax", "package:x")``; baseline -> ()."""
    return () if arm == BASELINE else tuple(p.strip() for p in arm.split("+") if p.strip())


def flatten(table: dict[str, Any], leaf_keys: frozenset[str] = frozenset(),
            prefix: str = "") -> dict[str, Any]:
    """Nested TOML tables to dotted paths: ``{"a": {"b": 1}}`` -> ``{"a.b": 1}``.

    A table whose keys are all among `leaf_keys` (a range, a distribution) is a value.
    """
    flat: dict[str, Any] = {}
    for key, value in table.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and not (value and leaf_keys >= set(value)):
            flat.update(flatten(value, leaf_keys, f"{path}."))
        else:
            flat[path] = value
    return flat


def experiment_path(name: str | Path) -> Path:
    """An experiment argument: a path to a file, or the name of a bundled experiment.

    A path (with a folder or a .toml suffix) must exist; a bare name is a
    bundled experiment (`kondusif experiments` lists them).

    Examples
    --------
    >>> experiment_path("quick").name
    'quick.toml'
    """
    try:
        return bundled.resolve(KIND, str(name))
    except bundled.NotBundled as exc:
        known = ", ".join(bundled.bundled_names(KIND))
        hint = "" if "bundled:" in str(exc) else f"; bundled experiments: {known}"
        if str(name) in bundled.bundled_names("scenarios"):
            hint += (f"; {name} is a bundled scenario: run it with `kondusif run {name}`, or "
                     "name it in an experiment's experiment.scenarios")
        raise ExperimentError(str(name), [f"{exc}{hint} (see `kondusif experiments`)"]) from None


def refuse_scenario_file(path: Path, data: dict[str, Any]) -> None:
    """A scenario (or province) file where an experiment is expected: say which command runs it."""
    if "experiment" not in data and ("scenario" in data or "province" in data):
        raise ExperimentError(str(path), [
            "is a scenario file, not an experiment file (an experiment has an [experiment] "
            f"table); run it with `kondusif run {path}`, or name it in an experiment's "
            "experiment.scenarios"])


def load_experiment(path: str | Path) -> tuple[Experiment, Path]:
    """Read, validate and check an experiment file; return it with its resolved path.

    Checks everything that can be checked before a run: the schema, scenario
    files, strategy names, every parameter path at the ends of its range, and
    the outcome names.

    Examples
    --------
    >>> from sim.experiments import load_experiment
    >>> spec, path = load_experiment("experiments/quick.toml")
    >>> spec.arms
    ['baseline', 'counter_hoax']
    """
    path = experiment_path(path)
    data = read_toml(path)
    refuse_scenario_file(path, data)
    for section in ("fixed", "grid"):
        if isinstance(data.get(section), dict):
            data[section] = flatten(data[section])
    for section, leaves in (("sample", RANGE_KEYS), ("sensitivity", DISTRIBUTION_KEYS)):
        table = data.get(section)
        if isinstance(table, dict) and isinstance(table.get("parameters"), dict):
            table["parameters"] = flatten(table["parameters"], leaves)
    try:
        spec = Experiment.model_validate(data)
    except ValidationError as exc:
        raise ExperimentError(str(path), format_errors(exc, data)) from None
    problems = check_experiment(spec, path)
    if problems:
        raise ExperimentError(str(path), problems)
    return spec, path


def check_experiment(spec: Experiment, path: Path) -> list[str]:
    """Every problem that would stop a run, found before any run starts."""
    from sim.calibration.posterior import check_posterior_section

    problems = _check_design(spec) + _check_sensitivity(spec)
    problems += check_posterior_section(spec, path)
    if spec.is_function_model:
        return problems + _check_function_model(spec, path)
    if not spec.experiment.scenarios:
        return problems + ["experiment.scenarios: missing; the kondusif model needs a scenario"]
    for name in spec.experiment.scenarios:
        problems += _check_scenario(spec, name, path)
    return problems + _check_outcomes(spec) + _check_timeseries(spec)


def _check_design(spec: Experiment) -> list[str]:
    problems = []
    for name, values in spec.grid.items():
        if not values:
            problems.append(f"grid.{name} = []: give at least one value")
    if spec.sample is not None:
        for name, rng in spec.sample.parameters.items():
            if not rng.low < rng.high:
                problems.append(f"sample.parameters.{name} = [{rng.low}, {rng.high}]: "
                                f"low must be below high")
    if spec.budgets and any(p in spec.fixed or p in spec.grid for p in (spec.budget_path,)):
        problems.append(f"{spec.budget_path}: set in experiment.budget and in fixed/grid; "
                        "choose one")
    overlap = (set(spec.grid) & set(spec.sample.parameters if spec.sample else {}))
    problems += [f"{name}: set in both grid and sample; choose one" for name in sorted(overlap)]
    return problems


def _check_sensitivity(spec: Experiment) -> list[str]:
    if spec.sensitivity is None:
        return []
    problems = check_sensitivity(spec.sensitivity)
    if spec.grid or spec.sample is not None:
        problems.append("grid / sample: a sensitivity study samples its own points from "
                        "[sensitivity.parameters]; remove [grid] and [sample]")
    return problems


def _check_function_model(spec: Experiment, path: Path) -> list[str]:
    problems = []
    if spec.experiment.scenarios:
        problems.append("experiment.scenarios: a function model takes no scenario")
    if spec.arms != [BASELINE]:
        problems.append(f"experiment.strategies = {spec.experiment.strategies}: "
                        "a function model has no strategies")
    try:
        function = resolve_function(spec.experiment.model)
    except ExperimentError as exc:
        return problems + exc.problems
    return problems + _probe_function(spec, function, path)


def _probe_function(spec: Experiment, function, path: Path) -> list[str]:
    """Call a function model once inside its ranges: does it give the outcomes asked for?"""
    asked = set(spec.sensitivity.outcomes if spec.sensitivity else [])
    asked |= set(spec.keep.outcomes or []) | set(spec.analysis.outcomes or [])
    point = spec.fixed | _probe_points(spec)[-1]
    if spec.parameters is not None:  # the first replication's draw from the posterior
        from sim.calibration.posterior import posterior_draws
        point = point | (posterior_draws(spec, path) or [{}])[0]
    try:
        produced = function(point, 0)
    except Exception as exc:  # the model's own error, reported before any run
        return [f"experiment.model: {spec.experiment.model} raised {exc!r} at {point}"]
    problems = outcome_type_problems(spec.experiment.model, produced)
    if problems:
        return problems
    return [f"outcome {name!r}: {spec.experiment.model} gives no such outcome; it gives "
            f"{', '.join(sorted(produced))}" for name in sorted(asked - set(produced))]


def outcome_type_problems(model: str, produced: Any) -> list[str]:
    """What is wrong with a function model's return value: it must map names to numbers.

    Examples
    --------
    >>> outcome_type_problems("m:f", {"y": 1.5, "ok": True})
    []
    >>> outcome_type_problems("m:f", {"y": "high"})
    ["experiment.model: m:f returned y = 'high': each outcome must be a number (or true/false)"]
    """
    if not isinstance(produced, dict):
        return [f"experiment.model: {model} returned {type(produced).__name__} "
                f"{produced!r:.80}: it must return a dict of outcome names to numbers"]
    problems = []
    for name, value in produced.items():
        values = value.values() if isinstance(value, dict) else [value]
        if not all(isinstance(v, int | float | bool) for v in values):
            problems.append(f"experiment.model: {model} returned {name} = {value!r:.80}: each "
                            "outcome must be a number (or true/false)")
    return problems


def resolve_function(name: str):
    """Import ``module:function`` and return the function."""
    module_name, _, attribute = name.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ExperimentError("experiment.model", [
            f"experiment.model = {name!r}: cannot import {module_name!r}: {exc}"]) from None
    function = getattr(module, attribute, None)
    if not callable(function):
        raise ExperimentError("experiment.model", [
            f"experiment.model = {name!r}: {module_name} has no function {attribute!r}"])
    return function


def scenario_path(name: str, experiment_file: Path) -> Path:
    """A scenario named in an experiment: a path relative to the file, or a bundled name."""
    return bundled_path(name, beside=experiment_file.parent)


def _probe_points(spec: Experiment) -> list[dict[str, Any]]:
    """Override sets putting every varied parameter at its low end, its high end, and between.

    The value between is not a whole number unless the parameter is declared
    ``integer``, so a whole-number parameter sampled as a float is caught here.
    """
    ranges = {name: (min(v), max(v)) if _numeric(v) else (v[0], v[-1])
              for name, v in spec.design_grid.items() if v}
    if spec.sample is not None:
        ranges |= {n: (r.low, r.high) for n, r in spec.sample.parameters.items()}
    points = [spec.fixed | {n: ends[k] for n, ends in ranges.items()} for k in (0, 1)]
    if spec.sensitivity is not None:
        laws = spec.sensitivity.parameters
        for k in (0, 1):
            points[k] |= {n: _as_drawn(d, d.extremes()[k]) for n, d in laws.items()}
        low_high = {n: d.extremes() for n, d in laws.items()}
        points.append(points[0] | {n: _as_drawn(laws[n], lo + PROBE_FRACTION * (hi - lo))
                                   for n, (lo, hi) in low_high.items()})
    return points


def _as_drawn(law: Distribution, value: float) -> float | int:
    return round(value) if law.integer else value


def _numeric(values: list) -> bool:
    return all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)


def _check_scenario(spec: Experiment, name: str, path: Path) -> list[str]:
    from sim.strategies import resolve_strategies

    try:
        file = scenario_path(name, path)
    except ScenarioError as exc:
        return [f"experiment.scenarios: {name!r}: {p}" for p in exc.problems]
    from sim.scenario.memory import memory_problem

    problems = []
    origin = _parameter_sections(spec)
    for overrides in _probe_points(spec):
        try:
            scenario = load_scenario(file, overrides)
            for arm in spec.arms:
                resolve_strategies(arm_strategies(arm), scenario)
        except ScenarioError as exc:
            problems += [_where(p, exc.source, origin, file) for p in exc.problems]
            continue
        too_big = memory_problem(scenario)
        if too_big:
            problems.append(f"{file}: {too_big}")
    return list(dict.fromkeys(problems))


def _parameter_sections(spec: Experiment) -> dict[str, str]:
    """Which table of the experiment file sets each varied or fixed parameter."""
    origin = {name: "fixed" for name in spec.fixed}
    origin |= {name: "grid" for name in spec.grid}
    if spec.sample is not None:
        origin |= {name: "sample.parameters" for name in spec.sample.parameters}
    if spec.sensitivity is not None:
        origin |= {name: "sensitivity.parameters" for name in spec.sensitivity.parameters}
    return origin


def _where(problem: str, source: str, origin: dict[str, str], file: Path) -> str:
    """A scenario problem caused by a parameter of the experiment, named by its table."""
    for name in sorted(origin, key=len, reverse=True):
        if problem.startswith((f"{name}:", f"{name} =", f"{name} ")):
            return f"{origin[name]}.{problem} (applied to {file})"
    if source in ("--strategy", "--package"):
        return f"experiment.strategies: {problem}"
    return f"{source}: {problem}"


def timeseries_columns() -> list[str]:
    """The daily columns per community a kondusif run records (what keep.timeseries may name)."""
    from sim.simulation import build_model

    model = build_model(bundled_path("desa_demo"))
    reporters = model.datacollector.agenttype_reporters
    return [name for table in reporters.values() for name in table if name != "community"]


def _check_timeseries(spec: Experiment) -> list[str]:
    known = timeseries_columns()
    return [f"keep.timeseries = {name!r}: a run records no such daily column; known: "
            f"{', '.join(known)}" for name in spec.keep.timeseries if name not in known]


def known_outcomes() -> set[str]:
    """Outcome names the kondusif model produces for this experiment (flattened too)."""
    from sim.model.mechanisms.clash import SEVERITIES

    names = set(OUTCOME_DOCS)
    names |= {f"incidents_by_severity.{s}" for s in SEVERITIES}
    return names


def _check_outcomes(spec: Experiment) -> list[str]:
    known = known_outcomes()
    asked = [("keep.outcomes", spec.keep.outcomes or []),
             ("sensitivity.outcomes", spec.sensitivity.outcomes if spec.sensitivity else []),
             ("analysis.outcomes", spec.analysis.outcomes or []),
             ("analysis.risk_outcome", [spec.analysis.risk_outcome])]
    problems = []
    for where, names in asked:
        for name in names:
            if name not in known and not name.startswith("vote_shares."):
                problems.append(f"{where} = {name!r}: the model has no such outcome; known: "
                                f"{', '.join(sorted(known))}")
    return problems


def resolved_scenarios(spec: Experiment, path: Path) -> dict[str, Any]:
    """Each scenario as a run reads it: its file with any `extends` base merged in, as JSON."""
    return {name: json.loads(json.dumps(read_scenario_data(scenario_path(name, path)),
                                        sort_keys=True, default=str))
            for name in spec.experiment.scenarios}


def experiment_definition(spec: Experiment, path: Path) -> dict[str, Any]:
    """Everything that decides the runs (titles and descriptions excluded), as JSON data.

    The scenarios are in it fully resolved, so an edited `extends` base changes it too;
    a posterior the runs draw from is in it by its digest. The plan decides no run of
    this experiment (its stages have their own stores).
    """
    definition = spec.model_dump(mode="json", exclude={"experiment": {"title", "description"},
                                                       "plan": True})
    if definition["experiment"]["budget"] is None:  # definitions of files made before budgets
        del definition["experiment"]["budget"]
    definition["scenarios"] = resolved_scenarios(spec, path)
    if spec.parameters is not None:
        from sim.calibration.posterior import posterior_digest
        definition["posterior_file"] = posterior_digest(spec, path)
    return definition


def definition_hash(definition: dict[str, Any]) -> str:
    text = json.dumps(definition, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def experiment_hash(spec: Experiment, path: Path) -> str:
    """A digest of `experiment_definition`: the identity of an experiment's store."""
    return definition_hash(experiment_definition(spec, path))


def definition_changes(old: Any, new: Any, prefix: str = "", limit: int = 8) -> list[str]:
    """What differs between two definitions, as ``path: old -> new`` lines (at most `limit`).

    Examples
    --------
    >>> definition_changes({"a": {"b": 1, "c": 2}}, {"a": {"b": 1, "c": 3}, "d": 4})
    ['a.c: 2 -> 3', 'd: (absent) -> 4']
    """
    changes: list[str] = []
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new), key=str):
            where = f"{prefix}{key}"
            if key not in old:
                changes.append(f"{where}: (absent) -> {_short(new[key])}")
            elif key not in new:
                changes.append(f"{where}: {_short(old[key])} -> (absent)")
            else:
                changes += definition_changes(old[key], new[key], f"{where}.", limit)
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            changes += definition_changes(a, b, f"{prefix}{i}.", limit)
    elif old != new:
        changes.append(f"{prefix.rstrip('.')}: {_short(old)} -> {_short(new)}")
    return changes[:limit]


def _short(value: Any) -> str:
    text = json.dumps(value, default=str)
    return text if len(text) <= 60 else text[:57] + "..."
