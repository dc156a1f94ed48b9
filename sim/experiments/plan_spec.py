"""The ``[plan]`` table of an experiment: the risk the answer is about, the search, robustness.

::

    [plan]
    risk = "chance(riots > 0)"                 # the risk the answer is about (lower is better)
    measures = ["mean(riots)", "p90(incidents_total)"]   # also shown with intervals

    [plan.search]                              # the best subset of strategies under the budget
    method = "successive_halving"              # or "ga" / "nsga2": intensities, with pymoo
    strategies = []                            # default: the whole catalogue (511 subsets)
    first_replications = 1
    eta = 4                                    # keep a quarter each round, 4x the replications
    finalists = 3
    # method = "nsga2": objectives = ["chance(riots > 0)", "mean(injuries)"], population = 20,
    # generations = 10, replications = 4 (per candidate), resolution = 0.01 (of an intensity)

    [plan.robustness]                          # the best options across plausible worlds
    options = 3
    worlds = 20
    replications = 5
    satisficing = 0.5                          # an option is good enough when risk <= this
    [plan.robustness.parameters]
    "grievance.legitimacy" = { low = 0.75, high = 0.95 }

Measures are written as ``mean(x)`` (or just ``x``), ``chance(x > N)`` or
``pNN(x)`` (see `sim.experiments.measures`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from sim.experiments.measures import parse_measure

DEFAULT_RISK = "incidents_total"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Strict):
    """A uniform range of an uncertain parameter."""

    low: float
    high: float


METHODS = ("successive_halving", "ga", "nsga2")
# fields that only one kind of search reads: naming them for the other is a mistake
HALVING_ONLY = ("first_replications", "eta")
OPTIMISER_ONLY = ("objectives", "population", "generations", "replications", "resolution")


class Search(_Strict):
    """The search under the budget: successive halving over subsets, or pymoo over intensities.

    ``method = "successive_halving"`` screens every subset of `strategies`,
    each held to the budget. ``"ga"`` (one objective) and ``"nsga2"`` (a
    Pareto front of two or more) search each strategy's intensity in [0, 1]
    with pymoo; a package over the budget is infeasible (a constraint), never
    shrunk (`sim.experiments.search_intensity`).
    """

    method: Literal["successive_halving", "ga", "nsga2"] = "successive_halving"
    strategies: list[str] = Field(default_factory=list,
                                  description="strategies to combine; default the catalogue")
    first_replications: Annotated[int, Field(ge=1)] = 1
    eta: Annotated[int, Field(ge=2)] = 4
    finalists: Annotated[int, Field(ge=1)] = 3
    objectives: list[str] = Field(default_factory=list,
                                  description="measures optimised (ga: one, nsga2: two or "
                                              "more); default the plan's risk")
    population: Annotated[int, Field(ge=4, le=10_000)] = 20
    generations: Annotated[int, Field(ge=1, le=10_000)] = 10
    replications: Annotated[int, Field(ge=1, le=10_000)] = 4
    resolution: Annotated[float, Field(gt=0, le=0.5)] = 0.01

    @field_validator("objectives")
    @classmethod
    def _objectives_fit_the_method(cls, values: list[str], info: ValidationInfo) -> list[str]:
        for value in values:
            parse_measure(value)
        method = info.data.get("method")
        if len(set(values)) != len(values):
            raise ValueError(f"{values}: each objective once")
        if method == "ga" and len(values) > 1:
            raise ValueError(f"{values}: method 'ga' optimises one objective; expected one "
                             "measure, or method = 'nsga2' for a Pareto front")
        if method == "nsga2" and len(values) < 2:
            raise ValueError(f"{values}: method 'nsga2' finds a Pareto front of two or more "
                             "objectives; expected at least two measures, or method = 'ga'")
        return values

    @model_validator(mode="after")
    def _fields_of_the_method(self) -> Search:
        if self.method == "nsga2" and not self.objectives:
            raise ValueError("objectives: missing; method 'nsga2' finds a Pareto front of two "
                             "or more objectives; expected e.g. objectives = "
                             "[\"chance(riots > 0)\", \"mean(injuries)\"]")
        unread = HALVING_ONLY if self.method != "successive_halving" else OPTIMISER_ONLY
        wrong = [name for name in unread if name in self.model_fields_set]
        if wrong:
            kind = "successive halving" if self.method != "successive_halving" else \
                "method 'ga' or 'nsga2'"
            raise ValueError("; ".join(
                f"{name} = {getattr(self, name)!r} is only read by {kind}; method = "
                f"{self.method!r} ignores it: remove it or change the method" for name in wrong))
        return self


class Robustness(_Strict):
    """The leading options across worlds drawn from the uncertain parameters."""

    options: Annotated[int, Field(ge=1)] = 3
    worlds: Annotated[int, Field(ge=2)] = 20
    replications: Annotated[int, Field(ge=1)] = 5
    satisficing: float | None = Field(
        None, description="risk an option must stay at or under to count as good enough")
    parameters: dict[str, Span] = Field(default_factory=dict,
                                        description="uniform ranges (documented ranges)")
    samples: Path | None = Field(
        None, description="a Parquet or CSV file of parameter draws (a calibration "
                          "posterior), relative to the experiment file; replaces the ranges")
    root_seed: Annotated[int, Field(ge=0)] = 0


class Plan(_Strict):
    """The planner's question beyond the sweep (see the module's docstring)."""

    risk: str = Field(DEFAULT_RISK, description="the risk measure the answer is about")
    measures: list[str] = Field(default_factory=list, description="other measures shown")
    budget: float | None = Field(None, ge=0, description="budget of the search and robustness "
                                                         "stages when the experiment sweeps "
                                                         "several")
    alpha: Annotated[float, Field(gt=0, lt=1)] = 0.05
    power: Annotated[float, Field(gt=0, lt=1)] = 0.8
    search: Search | None = None
    robustness: Robustness | None = None

    @field_validator("risk")
    @classmethod
    def _risk_parses(cls, value: str) -> str:
        parse_measure(value)
        return value

    @field_validator("measures")
    @classmethod
    def _measures_parse(cls, values: list[str]) -> list[str]:
        for value in values:
            parse_measure(value)
        return values

    def all_measures(self) -> list[str]:
        """The risk first, then the other measures, each once."""
        return list(dict.fromkeys([self.risk, *self.measures]))
