"""One Election for the regency race, a region's governor ballot and the governor race."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sim
from sim.model.election import Election
from sim.model.population import NO_CANDIDATE
from sim.province.governor import GovernorContest
from sim.scenario import load_scenario
from sim.scenario.registry import bundled_path


def shares_rows():
    row = st.lists(st.floats(0, 0.5), min_size=2, max_size=3)
    return st.lists(row, min_size=1, max_size=4).filter(lambda rows: len({len(r) for r in rows})
                                                        == 1)


@given(shares_rows(), st.integers(0, 2**32 - 1))
def test_every_valid_ballot_is_counted_once_for_one_candidate(rows, seed):
    rng = np.random.default_rng(seed)
    race = Election([f"{k:02d}" for k in range(len(rows[0]))], np.array(rows))
    sizes = rng.integers(1, 50, len(rows))
    stop = np.cumsum(sizes)
    support = race.draw_residents(stop - sizes, stop, rng)
    assert set(np.unique(support)) <= {NO_CANDIDATE, *range(len(rows[0]))}
    community = np.repeat(np.arange(len(rows)), sizes)
    valid = rng.random(support.size) < 0.8
    weight = rng.uniform(1, 30, support.size)
    votes = race.count(support, community, valid, rng, weight)
    assert votes.sum() == pytest.approx(weight[valid].sum())
    assert np.all(race.lean.sum(axis=1) == pytest.approx(1.0))


def test_a_race_without_votes_has_no_margin_and_no_dispute():
    none = np.zeros(2)
    assert np.isnan(Election.shares(none)).all() and np.isnan(Election.margin(none))
    assert Election.dispute(none, 0.5, None, np.random.default_rng(0)) is None
    assert Election.dispute(np.array([10.0]), 0.5, None, np.random.default_rng(0)) is None


def test_the_regency_model_reports_the_elections_shares_and_margin():
    model = sim.build_model("desa_demo", seed=4)
    model.run()
    votes = model.ledger.vote.votes
    assert model.vote_shares.tolist() == Election.shares(votes).tolist()
    assert model.margin == Election.margin(votes)


def test_the_governor_race_decides_its_dispute_as_the_regency_race_does():
    from sim.province import load_province

    spec = load_province("kaltim_2024", population_scale=4000).spec.governor
    votes = np.array([520.0, 480.0])
    contest = GovernorContest(spec, np.random.default_rng(7))
    contest.add_votes(votes, 1000.0)
    filed = contest.decide_dispute(0.3)
    same = Election.dispute(votes, 0.3, spec.voting, np.random.default_rng(7))
    assert (filed, contest.dispute_probability, contest.losers) == (
        same.filed, same.probability, same.losers)


def test_floating_voters_tilt_toward_the_incumbent_by_the_lean_and_camps_do_not():
    race = Election(("01", "02"), np.array([[0.25, 0.25]]), incumbent=1,
                    incumbent_lean=float(np.log(4)))
    rng = np.random.default_rng(0)
    support = race.draw_residents(np.array([0]), np.array([200_000]), rng)
    votes = race.count(support, np.zeros(support.size, dtype=int), np.ones(support.size, bool),
                       rng, np.ones(support.size))
    camps = np.bincount(support[support != NO_CANDIDATE], minlength=2)
    floating = votes - camps
    assert floating[1] / floating.sum() == pytest.approx(0.8, abs=0.005)  # 4 : 1


def test_kutai_timur_winner_share_comes_from_the_lean_not_from_the_support_shares():
    def share(lean):
        return np.mean([sim.run("kutim_2024", seed=s, overrides={
            "population.scale": 20, "voting.incumbent_lean": lean}).outcomes["vote_shares"]["02"]
            for s in range(3)])
    lean = load_scenario(bundled_path("kutim_2024")).voting.incumbent_lean
    level, calibrated = share(0.0), share(lean)
    assert level == pytest.approx(0.5, abs=0.01)  # camps level in every district
    assert calibrated == pytest.approx(0.5297, abs=0.01)
