"""Mitigation strategies: a costed, composable catalogue acting through declared levers."""

from sim.strategies.base import Cost, Strategy, StrategyParams, with_parameter_changes
from sim.strategies.registry import CATALOGUE, PACKAGES, resolve_strategies

__all__ = [
    "CATALOGUE",
    "PACKAGES",
    "Cost",
    "Strategy",
    "StrategyParams",
    "resolve_strategies",
    "with_parameter_changes",
]
