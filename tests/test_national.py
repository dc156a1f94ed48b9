"""The synthetic country: 545 elections and about 204 million voters, runnable at a coarse scale."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from sim.province import run_province
from sim.province.national import (
    NATIONAL_VOTERS,
    PROVINCES,
    REGENT_RACES,
    lognormal_fit,
    national_provinces,
    region_sizes,
    synthetic_province,
)
from sim.province.reserve import whole_units


def test_the_synthetic_country_has_545_elections_and_the_national_voters():
    country = national_provinces(seed=0, population_scale=20_000)
    regions = sum(len(p.regions) for p in country)
    assert len(country) == PROVINCES and regions == REGENT_RACES
    assert len(country) + regions == 545
    assert sum(p.total_voters for p in country) == NATIONAL_VOTERS


def test_region_sizes_keep_the_spread_they_are_drawn_with():
    sizes = region_sizes(np.random.default_rng(3), 5000, NATIONAL_VOTERS, sigma=1.0)
    assert abs(lognormal_fit(sizes)[1] - 1.0) < 0.05


def test_a_synthetic_province_runs_through_the_calendar():
    voters = np.array([50_000, 120_000, 30_000])
    province = synthetic_province(0, voters, np.random.default_rng(2), population_scale=1000)
    assert province.total_voters == voters.sum()
    result = run_province(province, seed=1)
    assert result.outcomes["regions"] == len(province.regions)
    assert sum(result.outcomes["governor_vote_shares"].values()) > 0.99


@given(st.lists(st.floats(0.0, 100.0), min_size=1, max_size=12), st.integers(0, 200))
def test_whole_units_hand_out_every_unit_within_one_of_the_exact_share(weights, n_units):
    weights = np.array(weights)
    units = whole_units(weights, n_units)
    if weights.sum() <= 0:
        assert units.sum() == 0
        return
    assert units.sum() == n_units
    assert np.all(np.abs(units - n_units * weights / weights.sum()) < 1.0)
