"""Hoaxes as rumours, following Maki and Thompson (1973) and Daley and Kendall (1964).

Residents are ignorant (never heard the hoax), spreaders or stiflers. In each
contact round every spreader contacts one resident:

    spreader -> ignorant:        the ignorant becomes a spreader (prob. `transmission`)
    spreader -> spreader/stifler: the spreader becomes a stifler (prob. `stifling`)
    Daley-Kendall: two spreaders who meet both stop; a spreader meeting a stifler stops.

In a well-mixed population both give the same mean-field equations,
dy/dt = xy - y^2 - yz, once Daley-Kendall's spreader pairs are counted as
pairs: contacts here are started by spreaders, so a contact between two
spreaders is their pair's meeting half the time.

In a large, well-mixed population with transmission = stifling = 1 the share
never reached tends to the root of x = exp(-2 (1 - x)), about 0.2032. With
transmission p < 1 (and stifling 1) the same derivation gives
x = exp(-(1 + p)(1 - x)): `final_ignorant_share` computes it.

Time: each contact round is split into `substeps` sub-rounds in which a random
1/substeps of the spreaders act. Fully synchronous rounds (substeps = 1) let
many spreaders act on the same old states and overshoot (about 0.172 never
reached instead of 0.203 in a well-mixed population); 5 sub-rounds give about
0.199, the continuous-time process in the limit.

Departures, each a parameter: contacts fall inside the spreader's own
community (its WhatsApp groups) with probability `within_community_share`,
otherwise in a neighbouring community weighted by closeness (one community
is the well-mixed case); counter-measures silence
spreaders (`takedown_per_day`) and clarify believers (`clarification_per_day`),
both zero in the classic process.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import brentq

from sim.model.population import IGNORANT, SPREADER, STIFLER


def final_ignorant_share(transmission: float = 1.0) -> float:
    """Share never reached by a Maki-Thompson rumour in a large well-mixed population.

    >>> round(final_ignorant_share(1.0), 4)
    0.2032
    """
    p = transmission
    return brentq(lambda x: x - np.exp(-(1 + p) * (1 - x)), 1e-12, 1 - 1e-9)


def contact_targets(spreaders, community, start, stop, neighbour_cdf, neighbour_ids,
                    within_share: float, rng: np.random.Generator) -> np.ndarray:
    """One contact for each spreader: inside its community, or in a weighted neighbour."""
    home = community[spreaders]
    target_community = home.copy()
    outward = rng.random(spreaders.size) >= within_share
    if outward.any():
        cdf = neighbour_cdf[home[outward]]
        draw = rng.random(outward.sum())[:, None]
        pick = (draw > cdf).sum(axis=1)
        target_community[outward] = neighbour_ids[home[outward], np.minimum(pick, cdf.shape[1] - 1)]
    return rng.integers(start[target_community], stop[target_community])


def spread_round(state: np.ndarray, targets_of, params, rng: np.random.Generator,
                 activity: float = 1.0) -> np.ndarray:
    """One contact sub-round in which each spreader acts with probability `activity`.

    Returns the indices of newly reached residents.
    """
    spreaders = np.flatnonzero(state == SPREADER)
    if activity < 1.0:
        spreaders = spreaders[rng.random(spreaders.size) < activity]
    if spreaders.size == 0:
        return spreaders
    targets = targets_of(spreaders)
    target_state = state[targets]
    u = rng.random(spreaders.size)
    converts = (target_state == IGNORANT) & (u < params.transmission)
    knows = target_state != IGNORANT
    stifle = knows & (rng.random(spreaders.size) < params.stifling)
    reached = np.unique(targets[converts])
    state[reached] = SPREADER
    if params.variant == "daley_kendall":
        # Daley-Kendall's two spreaders meet once as a pair and both stop. A contact that
        # either of them starts is that meeting half the time, so each contact between
        # spreaders stops both with probability 1/2 and neither otherwise.
        pair = stifle & (target_state == SPREADER)
        met = pair & (rng.random(spreaders.size) < 0.5)
        stifle = (stifle & ~pair) | met
        state[targets[met]] = STIFLER
    state[spreaders[stifle]] = STIFLER
    return reached


def counter_measures(state, believes, params, rng: np.random.Generator) -> None:
    """Take-down silences spreaders; clarification turns believers back (komunikasi efektif)."""
    if params.takedown_per_day > 0:
        spreaders = np.flatnonzero(state == SPREADER)
        silenced = spreaders[rng.random(spreaders.size) < params.takedown_per_day]
        state[silenced] = STIFLER
    if params.clarification_per_day > 0:
        believers = np.flatnonzero(believes)
        clarified = believers[rng.random(believers.size) < params.clarification_per_day]
        believes[clarified] = False


def seed(state, believes, start, stop, seeds_per_community: np.ndarray, rng) -> np.ndarray:
    """Start a new hoax: everyone is ignorant of it again, and in each community a whole
    number of residents with the given expectation (stochastic rounding) spread it.

    Seeding each community by its expected share keeps the hoax's reach in voters the
    same whatever the number of residents simulated.
    """
    state[:] = IGNORANT
    whole = np.floor(seeds_per_community)
    whole += rng.random(whole.size) < seeds_per_community - whole
    chosen = [lo + rng.choice(hi - lo, size=min(int(k), hi - lo), replace=False)
              for lo, hi, k in zip(start, stop, whole, strict=True) if k > 0]
    chosen = np.concatenate(chosen) if chosen else np.zeros(0, dtype=np.int64)
    state[chosen] = SPREADER
    believes[chosen] = True
    return chosen
