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
1/substeps of the spreaders act, so a hoax spreads through a day rather than in
jumps. Within a sub-round the acting spreaders take their turns one after
another in random order, each seeing the turns before it (`order =
"random_sequential"`). The share never reached depends only on that sequence of
contacts, not on their timing, so it is the published one at any number of
sub-rounds (0.2030 +- 0.0005 at 5 sub-rounds, 0.2032 +- 0.0006 at 1, N =
100,000, 40 runs). Taking every turn of a sub-round at once on its starting
states (`order = "synchronous"`) overshoots: two spreaders reaching the same
ignorant resident both go on spreading, and the share never reached falls to
about 0.198 at 5 sub-rounds and 0.175 at 1.

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

    With `order = "random_sequential"` the acting spreaders take their turns one after
    another in a random order, each seeing what the turns before it changed, as in the
    published processes' sequence of contacts (see `sequential_passes`); "synchronous"
    takes every turn on the sub-round's starting states. Returns the indices of newly
    reached residents.
    """
    spreaders = np.flatnonzero(state == SPREADER)
    if activity < 1.0:
        spreaders = spreaders[rng.random(spreaders.size) < activity]
    if spreaders.size == 0:
        return spreaders
    actors = rng.permutation(spreaders)
    targets = targets_of(actors)
    passes = rng.random(actors.size) < params.transmission
    stops = rng.random(actors.size) < params.stifling
    halves = rng.random(actors.size) < 0.5
    if params.order == "synchronous":
        turns = [np.arange(actors.size)]
    else:
        turns = sequential_passes(actors, targets, state)
    reached = [contact(state, actors[k], targets[k], passes[k], stops[k], halves[k],
                       params.variant) for k in turns]
    return np.unique(np.concatenate(reached))


def sequential_passes(actors: np.ndarray, targets: np.ndarray, state: np.ndarray):
    """The turns of one sub-round in passes that give the same result as taking them one
    at a time in order.

    A turn touches two residents, its spreader and the one it contacts. A turn none of
    whose residents an earlier turn touched sees the states as they were at the start:
    all such turns are taken together (their residents are distinct, so they commute
    with everything before them). The rest wait for the next pass with the states those
    turns left; a waiting spreader stopped by an earlier turn loses its turn. Each pass
    takes at least the first waiting turn.
    """
    waiting = np.arange(actors.size)
    # each resident's first turn in the pass (none yet: the number of turns)
    first_turn = np.full(state.size, actors.size, dtype=np.int32)
    while waiting.size:
        turn = np.arange(waiting.size, dtype=np.int32)
        own, other = actors[waiting], targets[waiting]
        np.minimum.at(first_turn, own, turn)
        np.minimum.at(first_turn, other, turn)
        untouched = (first_turn[own] == turn) & (first_turn[other] == turn)
        first_turn[own] = first_turn[other] = actors.size
        yield waiting[untouched]
        waiting = waiting[~untouched]
        waiting = waiting[state[actors[waiting]] == SPREADER]


def contact(state, actors, targets, passes, stops, halves, variant: str) -> np.ndarray:
    """Turns whose residents are all distinct: each spreader meets its contact."""
    target_state = state[targets]
    converts = (target_state == IGNORANT) & passes
    stifle = (target_state != IGNORANT) & stops
    if variant == "daley_kendall":
        # Daley-Kendall's two spreaders meet once as a pair and both stop. A contact that
        # either of them starts is that meeting half the time, so each contact between
        # spreaders stops both with probability 1/2 and neither otherwise.
        pair = stifle & (target_state == SPREADER)
        met = pair & halves
        stifle = (stifle & ~pair) | met
        state[targets[met]] = STIFLER
    reached = targets[converts]
    state[reached] = SPREADER
    state[actors[stifle]] = STIFLER
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
