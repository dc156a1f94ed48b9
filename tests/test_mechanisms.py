"""Each mechanism in its published special case, and the direction of each effect."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sim
from sim.model.mechanisms import clash, grievance, mediation, policing, rumor, voting
from sim.model.population import IGNORANT, SPREADER, STIFLER
from sim.scenario.schema import ClashParams, VotingParams
from tests.factories import community, make_scenario

# --- Epstein (2002) --------------------------------------------------------------


def test_arrest_probability_is_epsteins_calibration_at_one_cop_one_active():
    assert grievance.arrest_probability(1.0, 1.0, 2.3, "floor") == pytest.approx(0.9, abs=0.001)


def test_floor_makes_arrest_risk_vanish_once_actives_outnumber_cops():
    p = grievance.arrest_probability(np.array([3.0, 3.0, 3.0]), np.array([3.0, 4.0, 2.0]),
                                     2.3, "floor")
    assert p[1] == 0.0 and p[0] > 0.89 and p[2] > 0.89


def test_continuous_ratio_has_no_step():
    p = grievance.arrest_probability(3.0, 4.0, 2.3, "none")
    assert p == pytest.approx(1 - np.exp(-2.3 * 0.75))


def test_grievance_without_partisan_weight_is_epsteins():
    rng = np.random.default_rng(0)
    h, anger = rng.random(100), rng.random(100)
    assert np.allclose(grievance.grievance(h, 0.8, anger, 0.0), h * 0.2)


def test_active_when_grievance_minus_net_risk_exceeds_threshold():
    active = grievance.decide_active(np.array([0.5, 0.5]), np.array([0.2, 0.5]),
                                     np.array([1.0, 1.0]), 0.1)
    assert active.tolist() == [True, False]


def test_active_share_is_bounded_by_one_minus_threshold_over_illegitimacy():
    rng = np.random.default_rng(1)
    h = rng.random(200_000)
    g = grievance.grievance(h, 0.82, 0.0, 0.0)
    unpoliced = grievance.decide_active(g, rng.random(h.size), np.zeros(h.size), 0.1)
    bound = grievance.max_active_share(0.82, 0.1)
    assert bound == pytest.approx(1 - 0.1 / 0.18)
    assert unpoliced.mean() == pytest.approx(bound, abs=0.01)
    assert grievance.max_active_share(0.9, 0.1) == 0.0


# --- Maki-Thompson / Daley-Kendall ---------------------------------------------------


def test_classic_rumour_leaves_about_a_fifth_never_reached():
    assert rumor.final_ignorant_share(1.0) == pytest.approx(0.2032, abs=1e-4)


def test_lower_transmission_leaves_more_unreached():
    assert rumor.final_ignorant_share(0.5) > rumor.final_ignorant_share(1.0)


def one_mixed_community(voters: int, **rumour):
    params = {"transmission": 1.0, "stifling": 1.0, "contacts_per_day": 4,
              "seeds_per_wave": 5, "belief_probability": 1.0} | rumour
    return make_scenario(
        [community("Mixed", voters, tps=max(1, voters // 400))],
        rumor=params, events=[{"date": "2024-09-26", "kind": "hoax_wave"}],
        grievance={"partisan_weight": 0.0, "legitimacy": 0.99},
    )


def test_model_rumour_in_one_well_mixed_community_reproduces_maki_thompson():
    never = []
    for seed in range(4):
        model = sim.build_model(one_mixed_community(20_000), seed=seed)
        model.run()
        never.append(float((model.population.hoax == 0).mean()))
    assert np.mean(never) == pytest.approx(rumor.final_ignorant_share(1.0), abs=0.01)


def test_daley_kendall_leaves_the_same_fifth_unreached_as_maki_thompson():
    # Both processes share the mean-field limit x = exp(-2(1 - x)), x ~ 0.2032; stopping
    # both spreaders at every contact between them (a wrong reading) leaves about 0.27.
    never = []
    for seed in range(4):
        model = sim.build_model(one_mixed_community(20_000, variant="daley_kendall"), seed=seed)
        model.run()
        never.append(float((model.population.hoax == 0).mean()))
    assert np.mean(never) == pytest.approx(rumor.final_ignorant_share(1.0), abs=0.01)


def test_contacts_taken_all_at_once_overshoot_the_published_rumour():
    never = {}
    for order in ("random_sequential", "synchronous"):
        scenario = one_mixed_community(20_000, order=order, substeps=1)
        models = [sim.build_model(scenario, seed=seed) for seed in range(3)]
        for model in models:
            model.run()
        never[order] = np.mean([(m.population.hoax == 0).mean() for m in models])
    assert never["random_sequential"] == pytest.approx(rumor.final_ignorant_share(1.0), abs=0.01)
    assert never["synchronous"] < never["random_sequential"] - 0.02


def one_turn_at_a_time(state, actors, targets, passes, stops, halves, variant):
    """The published processes' contacts, one after another: the reference for the passes."""
    for a, t, p, s, h in zip(actors, targets, passes, stops, halves, strict=True):
        if state[a] != SPREADER:
            continue
        if state[t] == IGNORANT:
            state[t] = SPREADER if p else IGNORANT
        elif s and variant == "daley_kendall" and state[t] == SPREADER:
            if h:
                state[a] = state[t] = STIFLER
        elif s:
            state[a] = STIFLER


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), size=st.integers(2, 40),
       variant=st.sampled_from(["maki_thompson", "daley_kendall"]),
       transmission=st.floats(0, 1), stifling=st.floats(0, 1))
def test_a_sub_round_in_passes_equals_its_contacts_one_at_a_time(seed, size, variant,
                                                                 transmission, stifling):
    rng = np.random.default_rng(seed)
    state = rng.integers(0, 3, size).astype(np.int8)
    actors = rng.permutation(np.flatnonzero(state == SPREADER))
    targets = rng.integers(0, size, actors.size)
    draws = [rng.random(actors.size) < q for q in (transmission, stifling, 0.5)]
    expected = state.copy()
    one_turn_at_a_time(expected, actors, targets, *draws, variant)
    for turns in rumor.sequential_passes(actors, targets, state):
        rumor.contact(state, actors[turns], targets[turns], *(d[turns] for d in draws),
                      variant)
    assert np.array_equal(state, expected)


def test_counter_measures_shrink_a_rumour():
    base = sim.build_model(one_mixed_community(5_000, transmission=0.6), seed=2)
    fought = sim.build_model(one_mixed_community(5_000, transmission=0.6,
                                                 takedown_per_day=0.5), seed=2)
    for model in (base, fought):
        model.run()
    assert (fought.population.hoax == 0).mean() > (base.population.hoax == 0).mean()


# --- Davies et al. (2013): clashes and policing ---------------------------------------


def test_more_officers_turn_riots_into_clashes():
    params = ClashParams()
    first, pool, delay = np.full(2, 60.0), np.full(2, 2_000.0), np.full(2, 3.0)
    _, few = clash.resolve(first, pool, np.array([1.0, 1.0]), delay, params)
    _, many = clash.resolve(first, pool, np.array([60.0, 60.0]), delay, params)
    assert (few == clash.RIOT).all() and (many == clash.CLASH).all()


def test_faster_response_means_smaller_crowds():
    params = ClashParams()
    crowd, _ = clash.resolve(np.full(3, 10.0), np.full(3, 5_000.0), np.ones(3),
                             np.array([1.0, 3.0, 8.0]), params)
    assert crowd[0] < crowd[1] < crowd[2]


def test_a_crowd_never_outgrows_the_actives_it_draws_on():
    crowd, _ = clash.resolve(np.array([10.0, 500.0]), np.array([40.0, 40.0]), np.zeros(2),
                             np.array([48.0, 48.0]), ClashParams())
    assert crowd.tolist() == [40.0, 40.0]


def test_first_crowds_are_heavy_tailed_above_the_smallest_crowd():
    params = ClashParams()
    sizes = clash.first_crowds(200_000, params, np.random.default_rng(0))
    assert sizes.min() >= params.min_crowd_voters
    # Pareto: P(S > s) = (s_min / s)^tail at any s, so the tail is a power law.
    for s in (20.0, 100.0):
        assert (sizes > s).mean() == pytest.approx((params.min_crowd_voters / s)
                                                   ** params.crowd_tail, rel=0.1)


def test_spread_decays_with_travel_time():
    hours = np.array([[0.0, 1.0, 8.0], [1.0, 0.0, 7.0], [8.0, 7.0, 0.0]])
    kernel = clash.spread_kernel(hours, 6.0, 0.15)
    assert kernel[0, 0] == 1.0 and kernel[0, 1] > kernel[0, 2] > 0.0


def test_an_incidents_offspring_add_up_to_its_branching_ratio():
    hours = np.array([[0.0, 1.0, 8.0], [1.0, 0.0, 7.0], [8.0, 7.0, 0.0]])
    kernel = clash.offspring_kernel(hours, 6.0, 0.15)
    rate = np.zeros(3)
    expected = 0.0
    clash.excite(rate, np.array([0.6, 0.0, 0.0]), kernel, 2.0)
    for _ in range(200):
        expected += rate.sum()
        clash.excite(rate, np.zeros(3), kernel, 2.0)
    assert expected == pytest.approx(0.6, rel=1e-6)
    assert rate.sum() < 1e-12  # every cascade ends


def test_incidents_need_rival_actives_or_unaligned_protesters():
    params = ClashParams()
    rates = clash.incident_rates(np.array([[100.0, 0.0, 0.0], [100.0, 100.0, 0.0]]),
                                 np.ones(2), params, np.zeros(2))
    assert rates[0] == 0.0 and rates[1] > 0.0


# --- Lim, Metzler and Bar-Yam (2007): identity exposure ---------------------------------


def exposure_for_patch(patch: int) -> float:
    n, nb_size = 40_000, 100
    group = (np.arange(n) // patch) % 2
    neighbourhood = np.arange(n) // nb_size
    nb_community = np.zeros(n // nb_size, dtype=np.int32)
    return float(clash.identity_exposure(group.astype(np.int16), neighbourhood.astype(np.int32),
                                         nb_community, 2, 0.6)[0])


def test_identity_exposure_peaks_at_intermediate_patch_size():
    mixed, intermediate, separated = (exposure_for_patch(p) for p in (5, 100, 10_000))
    assert intermediate > mixed and intermediate > separated


# --- policing, mediation, voting ---------------------------------------------------


def test_even_patrols_spread_a_communitys_officers_over_its_tps_areas():
    # two communities: the first has neighbourhoods 0-1, the second neighbourhood 2
    officers = policing.officers_per_neighbourhood(
        np.array([0, 0]), np.array([10.0, 10.0]), np.array([0, 2]), np.array([2, 1]), "even",
        np.random.default_rng(0))
    assert officers.tolist() == [10.0, 10.0, 0.0]


def test_random_patrols_put_each_unit_in_one_tps_area_of_its_community():
    rng = np.random.default_rng(0)
    days = np.array([policing.officers_per_neighbourhood(
        np.array([0, 0, 1]), np.array([1.0, 1.0, 1.0]), np.array([0, 4]), np.array([4, 1]),
        "random", rng) for _ in range(2_000)])
    assert (days.sum(axis=1) == 3.0).all()
    assert (days[:, 4] == 1.0).all()  # the second community's unit has one area to stand in
    assert days[:, :4].mean(axis=0) == pytest.approx([0.5] * 4, abs=0.05)


def test_trained_personnel_backfire_less():
    rng = np.random.default_rng(0)
    severity = np.full(10_000, clash.CLASH)
    untrained = policing.backlash(severity, clash.CLASH, 0.0, 0.3, rng).mean()
    trained = policing.backlash(severity, clash.CLASH, 0.9, 0.3, rng).mean()
    assert trained < untrained


def test_mediation_coverage_is_limited_by_numbers():
    cover = mediation.coverage(np.array([1.0, 10.0, 100.0]), 200.0, np.array([2000.0] * 3))
    assert cover.tolist() == [0.1, 1.0, 1.0]


def test_narrow_margins_and_hoax_belief_raise_dispute_odds():
    params = VotingParams()
    wide = voting.dispute_probability(0.2, 0.0, params)
    narrow = voting.dispute_probability(0.01, 0.0, params)
    believed = voting.dispute_probability(0.01, 0.4, params)
    assert wide < narrow < believed


def test_fear_keeps_voters_home():
    params = VotingParams()
    support = np.array([0, 0], dtype=np.int8)
    p = voting.turnout_probability(support, np.array([0.0, 0.8]), np.array([True, True]), params)
    assert p[1] < p[0]
