"""The ``[plan]`` table of an experiment: the risk the answer is about, the search, robustness.

::

    [plan]
    risk = "chance(riots > 0)"                 # the risk the answer is about (lower is better)
    measures = ["mean(riots)", "p90(incidents_total)"]   # also shown with intervals

    [plan.search]                              # the best subset of strategies under the budget
    strategies = []                            # default: the whole catalogue (511 subsets)
    first_replications = 1
    eta = 4                                    # keep a quarter each round, 4x the replications
    finalists = 3

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
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sim.experiments.measures import parse_measure

DEFAULT_RISK = "incidents_total"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Strict):
    """A uniform range of an uncertain parameter."""

    low: float
    high: float


class Search(_Strict):
    """Successive halving over every subset of `strategies`, each held to the budget."""

    strategies: list[str] = Field(default_factory=list,
                                  description="strategies to combine; default the catalogue")
    first_replications: Annotated[int, Field(ge=1)] = 1
    eta: Annotated[int, Field(ge=2)] = 4
    finalists: Annotated[int, Field(ge=1)] = 3


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
