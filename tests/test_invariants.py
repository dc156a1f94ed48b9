"""Invariants that hold for any valid scenario (Hypothesis)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sim
from sim.model.population import NO_CANDIDATE
from tests.factories import community, make_scenario


@st.composite
def scenarios(draw):
    n = draw(st.integers(1, 4))
    names = [f"C{i}" for i in range(n)]
    communities = []
    for i, name in enumerate(names):
        voters = draw(st.integers(1, 3000))
        s1 = draw(st.floats(0, 0.6))
        s2 = draw(st.floats(0, 1 - s1))
        neighbours = [{"name": other, "travel_hours": 1.0 + abs(i - j)}
                      for j, other in enumerate(names) if j != i and abs(i - j) == 1]
        communities.append(community(
            name, voters, residents=voters + draw(st.integers(0, 2000)),
            tps=draw(st.integers(1, 12)), hardship=draw(st.floats(0, 1)),
            support={"01": s1, "02": s2}, neighbours=neighbours,
            groups={"ethnic": {"a": 0.5, "b": 0.5}, "patch_voters": draw(st.floats(1, 2000))}))
    forces = [{"kind": "police", "personnel": draw(st.integers(0, 60)), "unit_size": 5},
              {"kind": "linmas", "personnel": draw(st.integers(0, 60)), "unit_size": 2}]
    events = draw(st.lists(st.sampled_from([
        {"date": "2024-10-05", "kind": "hoax_wave", "magnitude": 0.5},
        {"date": "2024-10-10", "kind": "provocation", "magnitude": 2.0},
        {"date": "2024-11-28", "kind": "disputed_count"},
        {"date": "2024-10-01", "kind": "legitimacy_shock", "magnitude": 3.0},
    ]), max_size=3))
    return make_scenario(
        communities, security={"forces": forces}, events=events,
        grievance={"legitimacy": draw(st.floats(0.5, 1.0))},
        population={"scale": draw(st.sampled_from([1.0, 2.0, 7.0]))},
    )


FAST = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(scenarios(), st.integers(0, 2**32 - 1))
def test_no_resident_is_lost_or_double_counted(scenario, seed):
    model = sim.build_model(scenario, seed=seed)
    model.run()
    pop = model.population
    floor = scenario.population.min_residents
    expected = [max(min(c.voters, floor), round(c.voters / scenario.population.scale))
                for c in scenario.communities]
    assert np.bincount(pop.community, minlength=len(expected)).tolist() == expected
    assert (pop.stop - pop.start).tolist() == expected
    assert np.all(np.diff(pop.community) >= 0)
    assert np.all(pop.nb_community[pop.neighbourhood] == pop.community)
    assert set(np.unique(pop.support)) <= {NO_CANDIDATE, 0, 1}


@FAST
@given(scenarios(), st.integers(0, 2**32 - 1))
def test_counts_are_never_negative_and_shares_stay_in_range(scenario, seed):
    result = sim.run(scenario, seed=seed)
    table, o = result.timeseries, result.outcomes
    counts = ["friction", "clash", "riot", "injuries", "arrests", "backlash"]
    assert (table[counts] >= 0).all().all()
    for share in ("tension", "active_share", "hoax_belief", "legitimacy_deficit"):
        assert table[share].between(0, 1).all()
    assert 0 <= o["turnout"] <= 1
    assert o["incidents_total"] == sum(o["incidents_by_severity"].values())
    assert o["arrests"] == pytest.approx(table["arrests"].sum(), abs=1e-6)  # one account


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(), st.integers(0, 2**32 - 1))
def test_the_same_seed_gives_the_same_run(scenario, seed):
    a, b = sim.run(scenario, seed=seed), sim.run(scenario, seed=seed)
    assert json.dumps(a.outcomes) == json.dumps(b.outcomes)  # same bytes, a NaN included
    assert a.timeseries.equals(b.timeseries)
