"""The catalogue of strategies and packages, and turning names into strategy objects."""

from __future__ import annotations

from sim.scenario.loading import ScenarioError
from sim.strategies.base import Strategy
from sim.strategies.communication import CounterHoaxCampaign

CATALOGUE: dict[str, type[Strategy]] = {
    cls.name: cls for cls in (CounterHoaxCampaign,)
}

PACKAGES: dict[str, tuple[str, ...]] = {}


def resolve_strategies(items, scenario) -> list[Strategy]:
    """Names (``counter_hoax``, ``package:NAME``) or Strategy objects -> Strategy objects.

    Parameters come from the scenario's ``[strategies.<name>]`` table.
    """
    unknown_tables = sorted(set(scenario.strategies) - set(CATALOGUE))
    if unknown_tables:
        raise ScenarioError("strategies", [f"parameters given for unknown strategy {n!r}; "
                                           f"known: {', '.join(sorted(CATALOGUE))}"
                                           for n in unknown_tables])
    chosen: list[Strategy] = []
    for item in items:
        if isinstance(item, Strategy):
            chosen.append(item)
            continue
        names = PACKAGES.get(item.removeprefix("package:")) if item.startswith("package:") \
            else (item,)
        if names is None:
            raise ScenarioError("--package", [f"unknown package {item!r}; known: "
                                              f"{', '.join(sorted(PACKAGES)) or 'none'}"])
        for name in names:
            if name not in CATALOGUE:
                raise ScenarioError("--strategy", [f"unknown strategy {name!r}; known: "
                                                   f"{', '.join(sorted(CATALOGUE))}"])
            chosen.append(CATALOGUE[name].from_scenario(scenario))
    return chosen
