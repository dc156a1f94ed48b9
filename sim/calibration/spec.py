"""Calibration files: which parameters to fit (priors from the prior table), to which targets,
which target groups to hold out and predict, and how long ABC-SMC runs.

::

    [calibration]
    name = "kutim_calibration"
    parameters = ["grievance.legitimacy", "voting.base_turnout"]  # from the prior table
    groups = ["kutim", "kutim_worst", "kaltim"]                # sim.calibration.targets
    held_out = ["kaltim"]                                         # predicted, not fitted
    population_size = 40
    generations = 4

    [fixed]
    "population.scale" = 50

A function model (``model = "module:function"``) gives its own priors and
targets::

    [priors]
    x = { low = -5, high = 5, source = "estimate: a wide range" }

    [[targets]]
    name = "y"
    outcomes = ["y"]
    observed = 1.0
    tolerance = 0.2
    source = "a known answer"

Every error names the file, the field, the value and what was expected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from sim.calibration.priors import Prior, prior_table
from sim.calibration.targets import GROUPS, TRANSFORMS, Target
from sim.experiments.spec import KONDUSIF, ExperimentError, Meta, flatten, resolve_function
from sim.scenario import ScenarioError, load_scenario, read_toml
from sim.scenario.loading import format_errors


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Settings(Strict):
    name: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str = ""
    description: str = ""
    model: str = Field(KONDUSIF, description="'kondusif' or an importable 'module:function'")
    parameters: list[str] = Field(default_factory=list,
                                  description="prior-table names of the parameters to fit")
    groups: list[str] = Field(default_factory=list, description="target groups")
    held_out: list[str] = Field(default_factory=list,
                                description="target groups predicted, not fitted")
    population_size: Annotated[int, Field(ge=2)] = 40
    generations: Annotated[int, Field(ge=1)] = 4
    batch: Annotated[int, Field(ge=1)] = Field(
        40, description="candidate parameter sets run together (they share random numbers)")
    initial_epsilon: Annotated[float, Field(gt=0)] = Field(
        10.0, description="first acceptance threshold, in tolerances of the worst target")
    min_epsilon: Annotated[float, Field(ge=0)] = Field(
        1.0, description="stop when every target is within this many tolerances")
    alpha: Annotated[float, Field(gt=0, lt=1)] = Field(
        0.5, description="quantile of accepted distances that sets the next threshold")
    quantile_multiplier: Annotated[float, Field(gt=0, le=1)] = Field(
        0.95, description="the next threshold is this times the quantile: below 1 it moves "
                          "past a value many particles share exactly (a yes/no target missed "
                          "is 1/tolerance), where the quantile alone would stay for ever")
    max_evaluations: Annotated[int, Field(ge=1)] = Field(
        20_000, description="candidates per generation, at most")
    predictive_draws: Annotated[int, Field(ge=1)] = Field(
        30, description="posterior draws run for the predictive checks")
    seed: Annotated[int, Field(ge=0)] = 0

    # the experiment file's own check of a model name
    _model_is_named = field_validator("model")(Meta._model_is_named.__func__)


class TargetEntry(Strict):
    name: str
    group: str = "custom"
    scenario: str = ""
    outcomes: list[str] = Field(min_length=1)
    observed: float
    tolerance: Annotated[float, Field(gt=0)]
    source: str = Field(min_length=3)
    role: Literal["fitted", "input"] = "fitted"
    transform: Literal[TRANSFORMS] = "none"  # type: ignore[valid-type]


class CalibrationFile(Strict):
    calibration: Settings
    fixed: dict[str, Any] = Field(default_factory=dict)
    priors: dict[str, Prior] = Field(default_factory=dict)
    targets: list[TargetEntry] = Field(default_factory=list)


class Calibration:
    """A validated calibration: its priors, fitted and held-out targets, and settings."""

    def __init__(self, file: CalibrationFile, path: Path):
        self.file, self.path = file, path
        self.settings = file.calibration
        self.fixed = file.fixed
        table = prior_table() | file.priors
        names = list(self.settings.parameters) + [n for n in file.priors
                                                   if n not in self.settings.parameters]
        self.priors: dict[str, Prior] = {n: table[n] for n in names}
        custom = [Target(t.name, t.group, t.scenario, tuple(t.outcomes), t.observed,
                         t.tolerance, t.source, t.role, t.transform) for t in file.targets]
        every = [t for g in self.settings.groups for t in GROUPS[g]] + custom
        self.fitted = [t for t in every if t.group not in self.settings.held_out]
        self.held_out = [t for t in every if t.group in self.settings.held_out]

    @property
    def name(self) -> str:
        return self.settings.name

    @property
    def is_function_model(self) -> bool:
        return self.settings.model != KONDUSIF

    @property
    def targets(self) -> list[Target]:
        return self.fitted + self.held_out

    def scenarios(self, targets: list[Target] | None = None) -> list[str]:
        """The scenarios the targets need, in order, each once."""
        return list(dict.fromkeys(t.scenario for t in (targets or self.targets) if t.scenario))


def load_calibration(path: str | Path) -> Calibration:
    """Read, validate and check a calibration file before any run.

    Examples
    --------
    >>> spec = load_calibration("experiments/kutim_calibration.toml")
    >>> spec.held_out[0].group
    'kaltim'
    """
    path = Path(path)
    data = read_toml(path)
    if isinstance(data.get("fixed"), dict):
        data["fixed"] = flatten(data["fixed"])
    try:
        file = CalibrationFile.model_validate(data)
    except ValidationError as exc:
        raise ExperimentError(str(path), format_errors(exc, data)) from None
    problems = _check(file, path)
    if problems:
        raise ExperimentError(str(path), problems)
    return Calibration(file, path)


def _check(file: CalibrationFile, path: Path) -> list[str]:
    s = file.calibration
    table = prior_table() | file.priors
    problems = [f"calibration.parameters: {n!r} has no prior; known: {', '.join(table)}"
                for n in s.parameters if n not in table]
    problems += [f"calibration.groups: {g!r}: no such target group; known: "
                 f"{', '.join(GROUPS)}" for g in s.groups + s.held_out if g not in GROUPS]
    problems += [f"calibration.held_out: {g!r} is not among calibration.groups"
                 for g in s.held_out if g not in s.groups and g in GROUPS]
    if not (s.parameters or file.priors):
        problems.append("calibration.parameters: nothing to calibrate; name parameters of "
                        "the prior table or give [priors]")
    if not (s.groups or file.targets):
        problems.append("calibration.groups: no targets; name target groups or give "
                        "[[targets]]")
    if problems:
        return problems
    if s.model != KONDUSIF:
        try:
            resolve_function(s.model)
        except ExperimentError as exc:
            return exc.problems
        return [f"targets.{t.name}.scenario: a function model takes no scenario"
                for t in file.targets if t.scenario]
    return _check_scenarios(Calibration(file, path))


def _check_scenarios(spec: Calibration) -> list[str]:
    """Every target scenario loads with every prior at both ends of its range."""
    from sim.experiments.spec import scenario_path

    ends = [{n: _as_drawn(p, p.extremes()[k]) for n, p in spec.priors.items()} for k in (0, 1)]
    problems = []
    for name in spec.scenarios():
        for end in ends:
            try:
                load_scenario(scenario_path(name, spec.path), spec.fixed | end)
            except ScenarioError as exc:
                problems += [f"{exc.source}: {p}" for p in exc.problems]
    return list(dict.fromkeys(problems))


def _as_drawn(prior: Prior, value: float) -> float | int:
    return round(value) if prior.integer else value
