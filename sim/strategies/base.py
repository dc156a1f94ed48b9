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

A strategy that can be run at a smaller scale names its ``budget_knob``: a
0-1 parameter (usually ``coverage``) that scales both its effect and the
variable part of its cost; ``scaled(fraction)`` is the same strategy with the
knob multiplied by `fraction`, and ``minimum_cost`` is its cost at knob 0 (the
fixed part). ``sim.strategies.budget`` uses these to hold a set to a budget.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationError

from sim.scenario.loading import ScenarioError, apply_overrides, format_errors, validate_data
from sim.scenario.schema import Scenario


class StrategyParams(BaseModel):
    """Base of every strategy's parameters: strict, so typos are errors."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


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


def calendar_days(scenario: Scenario) -> int:
    """Days from the first campaign day to the end of the dispute period."""
    return scenario.calendar.n_days


class Strategy:
    """A mitigation strategy. Subclasses set the class attributes and override the hooks."""

    name: ClassVar[str]
    title: ClassVar[dict[str, str]]  # {"id": ..., "en": ...}
    practice: ClassVar[dict[str, str]]  # what it is in real practice, in both languages
    effect: ClassVar[dict[str, str]]  # what it changes in the model, in both languages
    mechanisms: ClassVar[tuple[str, ...]]  # mechanism modules it acts on
    levers: ClassVar[tuple[str, ...]]  # "parameters", "placement", "schedule", "daily policy"
    sources: ClassVar[tuple[str, ...]] = ()
    budget_knob: ClassVar[str | None] = None
    Params: ClassVar[type[StrategyParams]] = StrategyParams

    def __init__(self, **params: Any):
        try:
            self.params = self.Params(**params)
        except ValidationError as exc:
            raise ScenarioError(f"strategies.{self.name}",
                                _parameter_problems(exc, params, self.Params)) from None

    @classmethod
    def from_scenario(cls, scenario: Scenario) -> Strategy:
        """The strategy with parameters from the scenario's ``[strategies.<name>]`` table."""
        return cls(**scenario.strategies.get(cls.name, {}))

    def parameter_changes(self, scenario: Scenario) -> dict[str, Any]:
        return {}

    def prepare(self, levers) -> None:
        """Place units and mediators, put actions on the calendar; reset per-run state."""

    def on_day(self, levers) -> None:
        """A daily policy; most strategies have none."""

    def cost(self, scenario: Scenario) -> Cost:
        return NO_COST

    def scaled(self, fraction: float) -> Strategy:
        """The same strategy with its budget knob times `fraction` (itself if it has none)."""
        if self.budget_knob is None or fraction == 1.0:
            return self
        values = self.params.model_dump()
        values[self.budget_knob] *= fraction
        return type(self)(**values)

    def minimum_cost(self, scenario: Scenario) -> Cost:
        """The fixed part of the cost: what it costs with its budget knob at zero."""
        return self.scaled(0.0).cost(scenario)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.params!r})"


def _parameter_problems(exc: ValidationError, params: dict, model) -> list[str]:
    """Pydantic's errors for people; an unknown parameter gets the nearest known name."""
    known = list(model.model_fields)
    problems = []
    for line in format_errors(exc, params):
        name, _, rest = line.partition(": ")
        if rest != "unknown field":
            problems.append(line)
            continue
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        problems.append(f"{name}: unknown parameter; {hint}known: {', '.join(known)}")
    return problems


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
