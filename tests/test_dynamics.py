"""The model has a middle: calm for a reason, graded under stress, the same at any scale.

Runs use Kutai Timur at a coarse `population.scale` (the answer does not depend on
it: see test_outcomes_per_voter_do_not_depend_on_the_population_scale) and share
their seeds across arms (common random numbers).
"""

from __future__ import annotations

from functools import cache

import numpy as np
from scipy import stats

import sim
from sim.simulation import RunSpec

SCALE = 40.0
REPLICATIONS = 12
PERSONNEL = 413 + 150 + 100 + 1403  # the forces of scenarios/kutim_2024.toml


@cache
def outcomes(scenario: str = "kutim_2024", **changes) -> tuple[dict, ...]:
    overrides = (("population.scale", changes.pop("scale", SCALE)),) + tuple(
        (path.replace("__", "."), value) for path, value in sorted(changes.items()))
    return tuple(sim.run_one(RunSpec(scenario, overrides=overrides, replication=k)).outcomes
                 for k in range(REPLICATIONS))


def mean(runs, name: str) -> float:
    return float(np.mean([o[name] for o in runs]))


# --- calm for a reason -------------------------------------------------------------------


def test_the_calibrated_baseline_has_no_riot_in_most_replications():
    runs = outcomes()
    assert sum(not o["any_riot"] for o in runs) >= 0.8 * len(runs)
    assert mean(runs, "incidents_total") > 0  # unrest is possible, and held down


def test_fewer_police_raise_unrest_in_proportion_not_at_a_cliff():
    full = mean(outcomes(), "incidents_total")
    half = mean(outcomes(security__personnel=PERSONNEL // 2), "incidents_total")
    quarter = mean(outcomes(security__personnel=PERSONNEL // 4), "incidents_total")
    assert full < half < quarter
    # each halving adds unrest: no step from nothing to everything
    assert half - full > 0.5 and quarter - half > 0.5
    assert quarter < 10 * full


def test_less_mediation_raises_unrest():
    assert mean(outcomes(mediation__reach_per_leader=0.0), "incidents_total") > mean(
        outcomes(), "incidents_total")


def test_a_slower_response_means_more_serious_incidents():
    assert mean(outcomes(security__response_delay_hours=12.0), "serious_incidents") > mean(
        outcomes(), "serious_incidents")


def test_bouts_are_met_within_the_dispatch_delay_plus_the_travel_of_the_nearest_unit():
    # the longest wait of a clash or riot is the response delay and a road trip: hours, as
    # the worst case of 2024, and twelve hours later when dispatch takes twelve
    calm, slow = outcomes("kutim_2024_stressed"), outcomes(
        "kutim_2024_stressed", security__response_delay_hours=12.0)
    met = [o["longest_response_hours"] for o in calm if o["serious_incidents"]]
    assert met and all(3.0 <= hours < 12.0 for hours in met)
    assert all(o["longest_response_hours"] >= 12.0 for o in slow if o["serious_incidents"])
    assert all(o["longest_response_hours"] == 0.0 for o in calm + slow
               if not o["serious_incidents"])


# --- graded ------------------------------------------------------------------------------


def test_serious_incidents_rise_gradually_as_legitimacy_falls():
    levels = (0.93, 0.87, 0.81, 0.75)
    serious = [mean(outcomes(grievance__legitimacy=level), "serious_incidents")
               for level in levels]
    assert serious == sorted(serious) and len(set(serious)) == len(serious)
    # from calm to the worst case takes a drop of more than 0.15, not a step
    assert serious[0] < 1.0 and serious[-1] >= 5.0
    middle = outcomes(grievance__legitimacy=0.84)
    assert 1.0 <= mean(middle, "serious_incidents") <= serious[-1]


def test_frictions_outnumber_clashes_and_clashes_outnumber_riots_under_stress():
    runs = outcomes(grievance__legitimacy=0.78)
    by = {k: sum(o["incidents_by_severity"][k] for o in runs) for k in ("friction", "clash",
                                                                         "riot")}
    assert by["friction"] > by["clash"] > by["riot"] > 0


def test_unrest_at_the_edge_of_the_plausible_range_stays_on_the_historical_scale():
    # Puncak Jaya 2024, the worst regency of 545: a few tens of serious clash events over
    # months (docs/calibration.md). An order of magnitude more would be hundreds.
    runs = outcomes(grievance__legitimacy=0.75, security__personnel=PERSONNEL // 2)
    assert mean(runs, "serious_incidents") < 100
    assert mean(runs, "turnout") > 0.6  # unrest of that size does not empty the TPS


def test_more_contagious_hoaxes_raise_the_peak_of_unrest():
    low = mean(outcomes("kutim_2024_stressed", rumor__transmission=0.2), "peak_active_share")
    high = mean(outcomes("kutim_2024_stressed", rumor__transmission=0.9), "peak_active_share")
    assert high > low


# --- scale-invariant ---------------------------------------------------------------------


def test_outcomes_per_voter_do_not_depend_on_the_population_scale():
    # Where unrest is common enough to measure, two scales agree within sampling error.
    fine = outcomes(grievance__legitimacy=0.84, scale=10.0)
    coarse = outcomes(grievance__legitimacy=0.84, scale=40.0)
    for name in ("incidents_total", "serious_incidents", "peak_active_share", "turnout"):
        a, b = [o[name] for o in fine], [o[name] for o in coarse]
        assert stats.ttest_ind(a, b, equal_var=False).pvalue > 0.01, name
        assert abs(np.mean(a) - np.mean(b)) <= 0.4 * max(np.mean(a), np.mean(b)), name
