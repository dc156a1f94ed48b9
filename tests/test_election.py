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
