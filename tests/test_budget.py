"""Holding strategies to a budget: spend within it, riskiest first, never below the fixed parts."""

from __future__ import annotations

import numpy as np
import pytest

import sim
from sim.scenario import ScenarioError, bundled_path, load_scenario
from sim.strategies import (
    CATALOGUE,
    PACKAGES,
    fit_to_budget,
    minimum_cost,
    resolve_strategies,
    total_cost,
    vulnerability_index,
)
from sim.strategies.policing import TpsSecurity


@pytest.fixture(scope="module")
def demo():
    return load_scenario(bundled_path("desa_demo"),
                         {"communities.Desa Hilir.conflict_history": 0.9})


def package(name, scenario):
    return [CATALOGUE[member].from_scenario(scenario) for member in PACKAGES[name]]


def test_a_budget_that_covers_everything_changes_nothing(demo):
    strategies = package("kutim_2024_actual", demo)
    full = total_cost(strategies, demo).rupiah
    assert fit_to_budget(strategies, demo, full + 1) == strategies


@pytest.mark.parametrize("name", list(PACKAGES))
def test_a_package_between_its_fixed_and_full_cost_spends_at_most_its_budget(demo, name):
    strategies = package(name, demo)
    floor, full = minimum_cost(strategies, demo).rupiah, total_cost(strategies, demo).rupiah
    budget = (floor + full) / 2
    held = fit_to_budget(strategies, demo, budget)
    assert total_cost(held, demo).rupiah <= budget
    assert total_cost(held, demo).rupiah > floor


def test_every_scalable_member_shrinks_by_the_same_fraction(demo):
    strategies = package("prevention_first", demo)
    budget = (minimum_cost(strategies, demo).rupiah + total_cost(strategies, demo).rupiah) / 2
    held = fit_to_budget(strategies, demo, budget)
    fractions = {getattr(h.params, h.budget_knob) / getattr(s.params, s.budget_knob)
                 for s, h in zip(strategies, held, strict=True) if s.budget_knob}
    assert len(fractions) == 1 and 0 < fractions.pop() < 1


def test_fixed_parts_are_kept_whole(demo):
    strategies = package("kutim_2024_actual", demo)
    budget = minimum_cost(strategies, demo).rupiah + 1
    held = fit_to_budget(strategies, demo, budget)
    assert minimum_cost(held, demo) == minimum_cost(strategies, demo)


def test_a_tight_budget_guards_the_riskiest_communities_first(demo):
    guards = TpsSecurity(coverage=1.0)
    [held] = fit_to_budget([guards], demo, guards.cost(demo).rupiah / 3)
    per_tps = held.guards_per_tps(demo)
    riskiest = vulnerability_index(demo)["total"].idxmax()
    assert per_tps[riskiest] == pytest.approx(guards.params.officers_per_tps)
    assert per_tps.sum() < guards.guards_per_tps(demo).sum()


def test_a_package_over_its_budget_is_a_clear_error(demo):
    strategies = package("kutim_2024_actual", demo)
    floor = minimum_cost(strategies, demo).rupiah
    with pytest.raises(ScenarioError, match=r"strategies.budget: rupiah = 1,000: below the "
                                            r"fixed minimum .*\(joint_command_post Rp "):
        fit_to_budget(strategies, demo, 1_000)
    assert floor > 1_000


def test_the_budget_is_read_from_the_scenario(demo):
    strategies = resolve_strategies(["package:prevention_first"], demo)
    budget = (minimum_cost(strategies, demo).rupiah + total_cost(strategies, demo).rupiah) / 2
    result = sim.run(demo, strategies=["package:prevention_first"], seed=1,
                     overrides={"strategies.budget.rupiah": budget})
    assert result.outcomes["cost"] <= budget


def test_a_negative_budget_says_what_was_expected(demo):
    with pytest.raises(ScenarioError, match=r"strategies.budget: rupiah = -5: must be >= 0"):
        sim.run(demo, strategies=["counter_hoax"], overrides={"strategies.budget.rupiah": -5})


def test_a_budget_with_no_scalable_member_is_all_or_nothing(demo):
    mapping = [CATALOGUE["conflict_mapping"]()]
    cost = total_cost(mapping, demo).rupiah
    assert fit_to_budget(mapping, demo, cost) == mapping
    with pytest.raises(ScenarioError, match="below the fixed minimum"):
        fit_to_budget(mapping, demo, cost - 1)


def test_scaled_strategies_act_with_less(demo):
    full = CATALOGUE["leaders_dialogue"]()
    half = full.scaled(0.5)
    assert np.sum(half.mediators(demo)) == pytest.approx(np.sum(full.mediators(demo)) / 2)
