"""Voting and dispute: turnout under fear, votes from support, the margin, and disputes.

Turnout: each free resident votes with probability

    base_turnout * max(0, 1 - fear_effect * tension_c) * (unaligned_turnout if no camp)

(fear and unrest keep people home; detained residents do not vote). Residents
with a camp vote for it; those without split by their community's relative
support. A share `invalid_share` of ballots is invalid.

Dispute: after the result, the losing camp files with probability

    logistic(dispute_base - margin / dispute_margin_scale + dispute_belief_weight * belief)

so a narrow margin and widespread hoax belief raise it, as Bawaslu's IKP
factors say (evenly matched candidates, a likely narrow margin). A filed
dispute mobilises the losing camp (anger) through the dispute period. This is
our formulation, calibrated to the 2024 outcome; no published model is claimed.
"""

from __future__ import annotations

import numpy as np

from sim.model.population import NO_CANDIDATE


def turnout_probability(support, tension_of_resident, free, params) -> np.ndarray:
    p = params.base_turnout * np.clip(1.0 - params.fear_effect * tension_of_resident, 0.0, 1.0)
    p = np.where(support == NO_CANDIDATE, p * params.unaligned_turnout, p)
    return np.where(free, p, 0.0)


def count_votes(support, community, votes_cast, lean: np.ndarray, n_candidates: int,
                rng: np.random.Generator, weight=None) -> np.ndarray:
    """Valid votes per candidate, each resident counting `weight` voters (1 if not given).

    `lean`: (communities, candidates) shares in which voters without a camp split.
    """
    weight = np.ones(support.size) if weight is None else weight
    aligned = votes_cast & (support != NO_CANDIDATE)
    tally = np.bincount(support[aligned].astype(np.int64), weights=weight[aligned],
                        minlength=n_candidates).astype(float)
    floating = votes_cast & (support == NO_CANDIDATE)
    if floating.any():
        cdf = np.cumsum(lean[community[floating]], axis=1)
        pick = (rng.random(int(floating.sum()))[:, None] > cdf).sum(axis=1)
        tally += np.bincount(np.minimum(pick, n_candidates - 1), weights=weight[floating],
                             minlength=n_candidates)
    return tally


def margin_of(shares: np.ndarray) -> float:
    """Winner's share minus runner-up's, of valid votes (1 with one candidate)."""
    ordered = np.sort(shares)[::-1]
    return float(ordered[0] - (ordered[1] if ordered.size > 1 else 0.0))


def dispute_probability(margin: float, belief_share: float, params) -> float:
    z = (params.dispute_base - margin / params.dispute_margin_scale
         + params.dispute_belief_weight * belief_share)
    return float(1.0 / (1.0 + np.exp(-z)))
