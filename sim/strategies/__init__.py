"""Mitigation strategies: a costed, composable catalogue acting through declared levers."""

from sim.strategies.base import Cost, Strategy, StrategyParams, with_parameter_changes
from sim.strategies.budget import fit_to_budget, minimum_cost, total_cost
from sim.strategies.registry import CATALOGUE, PACKAGE_TITLES, PACKAGES, resolve_strategies
from sim.strategies.vulnerability import vulnerability_index

__all__ = [
    "CATALOGUE",
    "PACKAGES",
    "PACKAGE_TITLES",
    "Cost",
    "Strategy",
    "StrategyParams",
    "fit_to_budget",
    "minimum_cost",
    "resolve_strategies",
    "total_cost",
    "vulnerability_index",
    "with_parameter_changes",
]
