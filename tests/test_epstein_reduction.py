"""ElectionConflictModel reduced to Epstein's (2002) Model I shows his punctuated outbursts.

The reduction is a setting of the model itself (sim.validation.epstein_reduction):
one community, TPS areas as vision windows, random cops that arrest in vision,
no anger, hoaxes, crowds or backlash. Each claim is checked against a control
that a model without the mechanism would fail.
"""

from __future__ import annotations

from functools import cache

import numpy as np

import sim
from sim.validation.epstein_reduction import (
    active_series,
    epstein_scenario,
    outbursts,
    time_in_outbursts,
)

DAYS, SEEDS, LEVEL = 600, range(6), 0.02


@cache
def series(**changes) -> tuple[np.ndarray, ...]:
    scenario = epstein_scenario(DAYS, **{k.replace("__", "."): v for k, v in changes.items()})
    return tuple(active_series(sim.run(scenario, seed=seed)) for seed in SEEDS)


def test_long_quiet_spells_are_broken_by_outbursts():
    runs = series()
    assert all(np.median(s) < 0.005 for s in runs)  # quiet most of the time
    assert np.mean([outbursts(s, LEVEL) for s in runs]) >= 5  # and broken again and again
    assert all(s.max() > 2 * LEVEL for s in runs)  # an outburst takes most of a vision window


def test_no_citizen_rebels_when_legitimacy_leaves_grievance_below_the_threshold():
    # the active share is bounded by 1 - T / (1 - L), which is 0 at L = 0.9
    assert all(s.max() == 0.0 for s in series(grievance__legitimacy=0.9))


def test_a_continuous_arrest_ratio_removes_most_of_the_bursts():
    stepped = np.mean([time_in_outbursts(s, LEVEL) for s in series()])
    smooth = np.mean([time_in_outbursts(s, LEVEL)
                      for s in series(activation__ratio_rounding="none")])
    assert smooth < 0.5 * stepped


def test_synchronous_days_spend_less_time_in_outbursts_than_random_sequential_ones():
    # Epstein activates at random, one after another; deciding all at once on yesterday's
    # state lets a cascade start only once a day (measured: about a third of the time).
    sequential = np.mean([time_in_outbursts(s, LEVEL) for s in series()])
    synchronous = np.mean([time_in_outbursts(s, LEVEL)
                           for s in series(activation__order="synchronous")])
    assert synchronous < 0.7 * sequential
