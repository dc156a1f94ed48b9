"""The Kutai Timur baseline resembles 2024; its stressed variant can escalate."""

from __future__ import annotations

import numpy as np
import pytest

import sim
from sim.scenario import load_scenario, missing_sources
from sim.scenario.registry import bundled_names, bundled_path

COARSE = {"population.scale": 10}


@pytest.fixture(scope="module")
def baseline():
    return [sim.run("kutim_2024", seed=s, overrides=COARSE).outcomes for s in range(4)]


def test_bundled_scenarios_cite_a_source_for_every_world_number():
    for name in bundled_names():
        assert missing_sources(load_scenario(bundled_path(name))) == [], name


def test_kutim_holds_the_real_registers():
    scenario = load_scenario(bundled_path("kutim_2024"))
    assert len(scenario.communities) == 18
    assert scenario.total_voters == 297_994
    assert sum(c.tps for c in scenario.communities) == 701
    assert sum(c.residents for c in scenario.communities) == 448_850


def test_baseline_turnout_is_near_the_real_68_percent(baseline):
    assert np.mean([o["turnout"] for o in baseline]) == pytest.approx(0.68, abs=0.02)


def test_baseline_gives_the_incumbent_pair_about_53_percent(baseline):
    assert np.mean([o["vote_shares"]["02"] for o in baseline]) == pytest.approx(0.5297, abs=0.02)


def test_baseline_has_no_riot_in_most_replications(baseline):
    assert sum(o["riots"] == 0 for o in baseline) >= 3


def test_stressed_variant_can_escalate(baseline):
    stressed = [sim.run("kutim_2024_stressed", seed=s, overrides=COARSE).outcomes
                for s in range(3)]
    assert max(o["riots"] for o in stressed) > 0
    assert max(o["communities_escalated"] for o in stressed) > max(
        o["communities_escalated"] for o in baseline)


@pytest.mark.slow
def test_full_scale_baseline_resembles_2024():
    runs = [sim.run("kutim_2024", seed=s).outcomes for s in range(6)]
    assert np.mean([o["turnout"] for o in runs]) == pytest.approx(0.68, abs=0.015)
    assert sum(o["riots"] == 0 for o in runs) >= 5
