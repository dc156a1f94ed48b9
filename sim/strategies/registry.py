"""The catalogue of strategies and packages, and turning names into strategy objects."""

from __future__ import annotations

from sim.scenario.loading import ScenarioError
from sim.strategies.base import Strategy
from sim.strategies.budget import budget_of, fit_to_budget
from sim.strategies.communication import CounterHoaxCampaign, CyberPatrol
from sim.strategies.dialogue import LeadersDialogue, NeutralitySupervision
from sim.strategies.mapping import ConflictMapping
from sim.strategies.policing import EarlyWarning, JointCommandPost, TpsSecurity
from sim.strategies.training import BimtekTraining

CATALOGUE: dict[str, type[Strategy]] = {
    cls.name: cls for cls in (
        ConflictMapping, LeadersDialogue, CounterHoaxCampaign, CyberPatrol, JointCommandPost,
        EarlyWarning, BimtekTraining, NeutralitySupervision, TpsSecurity)
}

PACKAGES: dict[str, tuple[str, ...]] = {
    "kutim_2024_actual": ("tps_security", "joint_command_post", "leaders_dialogue",
                          "bimtek_training", "cyber_patrol", "counter_hoax",
                          "neutrality_supervision"),
    "prevention_first": ("conflict_mapping", "leaders_dialogue", "counter_hoax", "cyber_patrol",
                         "neutrality_supervision", "early_warning"),
    "response_first": ("tps_security", "joint_command_post", "bimtek_training"),
    "full_catalogue": tuple(CATALOGUE),
}

PACKAGE_TITLES: dict[str, dict[str, str]] = {
    "kutim_2024_actual": {
        "id": "Langkah yang dilaporkan Kutai Timur 2024: Operasi Mantap Praja dengan pengamanan "
              "TPS rawan, posko terpadu Forkopimda, dialog tokoh, Bimtek, patroli siber dan "
              "klarifikasi hoaks, pengawasan netralitas",
        "en": "What Kutai Timur reported in 2024: the Mantap Praja police operation guarding "
              "vulnerable TPS, the Forkopimda joint post, leaders' dialogue, Bimtek, cyber "
              "patrol and hoax clarification, neutrality supervision",
    },
    "prevention_first": {
        "id": "Pencegahan lebih dulu: memetakan, berdialog, melawan hoaks, mengawasi, "
              "memperingatkan dini",
        "en": "Prevention first: map, talk, counter hoaxes, supervise, warn early",
    },
    "response_first": {
        "id": "Penindakan lebih dulu: menjaga TPS, mempercepat respons, melatih aparat",
        "en": "Response first: guard polling stations, respond faster, train officers",
    },
    "full_catalogue": {"id": "Seluruh katalog strategi", "en": "The whole catalogue"},
}


def resolve_strategies(items, scenario) -> list[Strategy]:
    """Names (``counter_hoax``, ``package:NAME``) or Strategy objects -> Strategy objects.

    Parameters come from the scenario's ``[strategies.<name>]`` table. A strategy
    named twice (alone and in a package) runs once. If the scenario sets
    ``[strategies.budget]``, the set is held to it (see ``sim.strategies.budget``).

    Examples
    --------
    >>> from sim.scenario import load_scenario, bundled_path
    >>> s = load_scenario(bundled_path("desa_demo"))
    >>> [x.name for x in resolve_strategies(["counter_hoax", "package:response_first"], s)]
    ['counter_hoax', 'tps_security', 'joint_command_post', 'bimtek_training']
    """
    unknown_tables = sorted(set(scenario.strategies) - set(CATALOGUE) - {"budget"})
    if unknown_tables:
        raise ScenarioError("strategies", [f"parameters given for unknown strategy {n!r}; "
                                           f"known: {', '.join(CATALOGUE)}, budget"
                                           for n in unknown_tables])
    chosen: dict[str, Strategy] = {}
    for item in items:
        for strategy in _strategies_named(item, scenario):
            chosen.setdefault(strategy.name, strategy)
    budget = budget_of(scenario)
    if budget is None:
        return list(chosen.values())
    return fit_to_budget(list(chosen.values()), scenario, budget)


def _strategies_named(item, scenario) -> list[Strategy]:
    if isinstance(item, Strategy):
        return [item]
    if item.startswith("package:"):
        package = item.removeprefix("package:")
        if package not in PACKAGES:
            raise ScenarioError("--package", [f"unknown package {package!r}; known: "
                                              f"{', '.join(PACKAGES)}"])
        return [CATALOGUE[name].from_scenario(scenario) for name in PACKAGES[package]]
    if item not in CATALOGUE:
        raise ScenarioError("--strategy", [f"unknown strategy {item!r}; known: "
                                           f"{', '.join(CATALOGUE)}"])
    return [CATALOGUE[item].from_scenario(scenario)]
