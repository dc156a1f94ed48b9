"""Holding a set of strategies to a budget: one common scale for what can shrink.

A user sets the budget in rupiah as ``[strategies.budget] rupiah = ...`` in a
scenario, ``--set strategies.budget.rupiah=...`` or ``kondusif run --budget``.

Each strategy's cost is a fixed part (what it costs with its budget knob at
zero: a command post, a mapping survey, monitoring tools) plus a part that
scales with its knob (coverage of voters, share of personnel trained). If the
whole set fits, nothing changes. Otherwise every fixed part is kept and the
scalable parts all shrink by one common fraction, the largest that fits;
inside its share each strategy spends where the vulnerability index is
highest (its coverage goes to the riskiest communities first). A budget below
the sum of the fixed parts is an error.
"""

from __future__ import annotations

from pydantic import Field, ValidationError

from sim.scenario.loading import ScenarioError, format_errors
from sim.strategies.base import NO_COST, Cost, Strategy, StrategyParams

BISECTION_STEPS = 30  # the common fraction to within 1e-9


class Budget(StrategyParams):
    """The ``[strategies.budget]`` table."""

    rupiah: float = Field(ge=0, description="most the strategies may cost, rupiah")


def budget_of(scenario) -> float | None:
    """The scenario's budget in rupiah, or None if it sets none."""
    table = scenario.strategies.get("budget")
    if table is None:
        return None
    try:
        return Budget(**table).rupiah
    except ValidationError as exc:
        raise ScenarioError("strategies.budget", format_errors(exc, table)) from None


def total_cost(strategies: list[Strategy], scenario) -> Cost:
    """What a set of strategies costs together."""
    return sum((s.cost(scenario) for s in strategies), start=NO_COST)


def minimum_cost(strategies: list[Strategy], scenario) -> Cost:
    """The fixed parts of a set's cost: the least any budget must hold."""
    return sum((s.minimum_cost(scenario) for s in strategies), start=NO_COST)


def fit_to_budget(strategies: list[Strategy], scenario, rupiah: float) -> list[Strategy]:
    """The strategies, their scalable parts shrunk by one common fraction to fit `rupiah`.

    Parameters
    ----------
    strategies : list of Strategy
    scenario : Scenario
        The scenario they are priced on.
    rupiah : float
        The budget.

    Returns
    -------
    list of Strategy
        The same strategies if they fit, otherwise scaled copies that do.

    Raises
    ------
    ScenarioError
        If the fixed parts alone exceed the budget.

    Examples
    --------
    >>> from sim.scenario import load_scenario, bundled_path
    >>> from sim.strategies.dialogue import LeadersDialogue
    >>> s = load_scenario(bundled_path("desa_demo"))
    >>> full = LeadersDialogue().cost(s).rupiah
    >>> [held] = fit_to_budget([LeadersDialogue()], s, full / 2)
    >>> round(held.params.coverage, 6)
    0.5
    """
    if total_cost(strategies, scenario).rupiah <= rupiah:
        return list(strategies)
    floor = minimum_cost(strategies, scenario).rupiah
    if floor > rupiah:
        parts = ", ".join(f"{s.name} Rp {s.minimum_cost(scenario).rupiah:,.0f}"
                          for s in strategies if s.minimum_cost(scenario).rupiah > 0)
        raise ScenarioError("strategies.budget", [
            f"rupiah = {rupiah:,.0f}: below the fixed minimum of the chosen strategies, "
            f"Rp {floor:,.0f} ({parts}); expected at least Rp {floor:,.0f}, or fewer "
            f"strategies"])
    fits, too_much = 0.0, 1.0
    for _ in range(BISECTION_STEPS):
        middle = (fits + too_much) / 2
        trial = [s.scaled(middle) for s in strategies]
        if total_cost(trial, scenario).rupiah <= rupiah:
            fits = middle
        else:
            too_much = middle
    return [s.scaled(fits) for s in strategies]
