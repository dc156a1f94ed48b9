"""The statistics behind the validation verdicts measure what they say."""

import numpy as np
import pytest

from sim.validation.stats import (
    bootstrap_interval,
    burstiness,
    covers_within,
    largest_step_share,
    lower_slope_share,
    mean_interval,
    outburst_starts,
    rank_test_power,
    spearman_permutation,
)


def test_burstiness_is_minus_one_when_periodic_and_near_zero_for_poisson_waits():
    assert burstiness([7, 7, 7, 7]) == -1.0
    waits = np.random.default_rng(0).exponential(10.0, 20_000)
    assert abs(burstiness(waits)) < 0.02


def test_burstiness_is_undefined_with_fewer_than_two_waits():
    assert np.isnan(burstiness([5]))


def test_outbursts_start_where_the_share_rises_through_the_threshold():
    share = np.array([0, 0.1, 0.2, 0, 0, 0.3, 0.3, 0.01])
    assert outburst_starts(share, 0.05).tolist() == [1, 5]


def test_a_straight_line_has_no_threshold_and_a_knee_below_the_middle_has_one():
    x = np.linspace(0, 1, 7)
    assert lower_slope_share(x, 3 - 2 * x) == pytest.approx(0.5)
    assert lower_slope_share(x, np.maximum(0, 1 - 4 * x)) > 0.9


def test_largest_step_share_is_one_over_steps_for_a_line_and_one_for_a_step():
    assert largest_step_share([0, 1, 2, 3, 4]) == pytest.approx(0.25)
    assert largest_step_share([5, 5, 0, 0]) == 1.0


def test_mean_interval_covers_the_true_mean_about_95_times_in_100():
    rng = np.random.default_rng(1)
    hits = [lo <= 2.0 <= hi for _, lo, hi in (mean_interval(rng.normal(2.0, 1.0, 10))
                                              for _ in range(400))]
    assert 0.91 < np.mean(hits) < 0.99


def test_bootstrap_interval_contains_the_statistic_of_the_whole_sample():
    rows = np.random.default_rng(2).normal(0, 1, (30, 4))
    value, low, high = bootstrap_interval(rows, lambda r: r.mean(), np.random.default_rng(3))
    assert low <= value <= high and high - low < 0.5


def test_a_perfect_ranking_of_ten_is_significant_and_a_reversed_one_is_not():
    rng = np.random.default_rng(0)
    rho, p = spearman_permutation(range(10), range(10), rng, 5000)
    assert rho == pytest.approx(1.0) and p < 0.001
    rho, p = spearman_permutation(range(10), range(10, 0, -1), rng, 5000)
    assert rho == pytest.approx(-1.0) and p > 0.99


def test_a_moderate_rho_over_ten_regions_tied_like_the_ikp_is_often_reached_by_chance():
    ikp = [1.42, 44.28, 5.71, 1.42, 24.28, 23.57, 1.42, 1.42, 22.85, 3.57]
    risk = [3.3, 39.9, 3.9, 1.2, 1.0, 14.1, 4.4, 1.0, 35.5, 0.0]
    rho, p = spearman_permutation(risk, ikp, np.random.default_rng(1), 20_000)
    assert rho == pytest.approx(0.43, abs=0.01)
    assert 0.05 < p < 0.15


def test_a_constant_side_gives_no_correlation_and_p_one():
    rho, p = spearman_permutation([1, 2, 3], [0, 0, 0], np.random.default_rng(0))
    assert np.isnan(rho) and p == 1.0


def test_rank_check_power_is_near_alpha_without_a_link_and_high_with_a_strong_one():
    rng = np.random.default_rng(2)
    assert rank_test_power(10, 0.0, rng, trials=200, permutations=500) < 0.1
    assert rank_test_power(10, 0.9, rng, trials=100, permutations=500) > 0.8


def test_agreement_is_judged_by_the_interval_holding_the_target_and_being_narrow():
    assert covers_within([0.200, 0.206, 0.203, 0.204], 0.2032, 0.01)[3]
    assert not covers_within([0.197, 0.198, 0.1975, 0.1978], 0.2032, 0.01)[3]
    assert not covers_within([0.1, 0.3, 0.2], 0.2032, 0.01)[3]
