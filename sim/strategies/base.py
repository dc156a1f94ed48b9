"""What a mitigation strategy is: named levers, validated parameters, a declared cost.

A strategy acts on a run in three declared ways, and no other:

1. ``parameter_changes(scenario)``: dotted-path changes to mechanism parameters,
   applied to the scenario before the model is built (validated like `--set`);
2. ``prepare(levers)``: placement of units and mediators, actions put on the
   calendar, at the start of the run;
3. ``on_day(levers)``: a daily policy that reads only what ``Levers`` lets it
   observe (e.g. early warning reacting to reported tension).

Its ``cost(scenario)`` is personnel-days and an estimated rupiah figure.
Parameters live in a pydantic model per strategy, set from the scenario's
``[strategies.<name>]`` table or ``--set strategies.<name>.<param>=value``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationError

from sim.scenario.loading import ScenarioError, apply_overrides, format_errors, validate_data
from sim.scenario.schema import Scenario


class StrategyParams(BaseModel):
    """Base of every strategy's parameters: strict, so typos are errors."""

    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class Cost:
    """What a strategy costs over one Pilkada."""

    personnel_days: float
    rupiah: float
    basis: str  # how the figure was reached; always says "estimate" where it is one

    def __add__(self, other: Cost) -> Cost:
        return Cost(self.personnel_days + other.personnel_days, self.rupiah + other.rupiah,
                    "; ".join(b for b in (self.basis, other.basis) if b))


NO_COST = Cost(0.0, 0.0, "")


class Strategy:
    """A mitigation strategy. Subclasses set the class attributes and override the hooks."""

    name: ClassVar[str]
    title: ClassVar[dict[str, str]]  # {"id": ..., "en": ...}
    practice: ClassVar[dict[str, str]]  # what it is in real practice, in both languages
    mechanisms: ClassVar[tuple[str, ...]]  # mechanism modules it acts on
    levers: ClassVar[tuple[str, ...]]  # "parameters", "placement", "schedule", "daily policy"
    sources: ClassVar[tuple[str, ...]] = ()
    Params: ClassVar[type[StrategyParams]] = StrategyParams

    def __init__(self, **params: Any):
        try:
            self.params = self.Params(**params)
        except ValidationError as exc:
            raise ScenarioError(f"strategy {self.name}", format_errors(exc, params)) from None

    @classmethod
    def from_scenario(cls, scenario: Scenario) -> Strategy:
        return cls(**scenario.strategies.get(cls.name, {}))

    def parameter_changes(self, scenario: Scenario) -> dict[str, Any]:
        return {}

    def prepare(self, levers) -> None:
        """Place units and mediators, put actions on the calendar."""

    def on_day(self, levers) -> None:
        """A daily policy; most strategies have none."""

    def cost(self, scenario: Scenario) -> Cost:
        return NO_COST

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.params!r})"


def with_parameter_changes(scenario: Scenario, strategies: list[Strategy]) -> Scenario:
    """The scenario with every strategy's parameter changes applied, validated again.

    Changes to the same path compose by taking the stronger one, so that a package
    does not depend on the order of its members: each strategy says in
    ``parameter_changes`` the value it wants, and where two strategies set the same
    path the value furthest from the scenario's own wins.
    """
    if not strategies:
        return scenario
    data = scenario.model_dump(mode="json")
    wanted: dict[str, Any] = {}
    for strategy in strategies:
        for path, value in strategy.parameter_changes(scenario).items():
            base = _value_at_path(data, path)
            if path not in wanted or abs(value - base) > abs(wanted[path] - base):
                wanted[path] = value
    if not wanted:
        return scenario
    return validate_data(apply_overrides(data, wanted), "strategies")


def _value_at_path(data: dict, path: str) -> Any:
    node: Any = data
    for key in path.split("."):
        node = node[key]
    return node
