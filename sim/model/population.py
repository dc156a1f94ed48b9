"""Residents as arrays: one entry per simulated resident, grouped by community.

A regency has hundreds of thousands of voters, so residents are not Mesa
agents: they live in numpy arrays (a structure of arrays) and every step is a
handful of vectorised operations over them. Residents are sorted by community,
then by neighbourhood (one neighbourhood per TPS area), so each community is a
contiguous slice `start[c]:stop[c]` and each neighbourhood a contiguous block.

One simulated resident stands for about `population.scale` registered voters:
exactly `weight[c]` = voters / residents of its community, so that counts in
voters add up to the register at any scale.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from sim.scenario.schema import Scenario

if TYPE_CHECKING:
    from sim.model.election import Election

IGNORANT, SPREADER, STIFLER = 0, 1, 2
NO_CANDIDATE = -1


@dataclass
class Population:
    """State of every simulated resident, and the layout that groups them."""

    scale: float
    community: np.ndarray  # int32, community index
    neighbourhood: np.ndarray  # int32, global neighbourhood (TPS area) index
    group: np.ndarray  # int16, ethnic group index within the scenario's group list
    support: np.ndarray  # int8, candidate index or NO_CANDIDATE
    hardship: np.ndarray  # float32, Epstein's H
    risk_aversion: np.ndarray  # float32, Epstein's R
    start: np.ndarray  # int64 per community: first resident
    stop: np.ndarray  # int64 per community: one past the last resident
    nb_community: np.ndarray  # int32 per neighbourhood: its community
    voters: np.ndarray  # float per community: registered voters
    n_candidates: int
    group_names: list[str]
    anger: np.ndarray = field(init=False)  # float32, partisan anger at the rival camp
    hoax: np.ndarray = field(init=False)  # int8: IGNORANT, SPREADER, STIFLER
    believes: np.ndarray = field(init=False)  # bool, believes the current hoax
    propensity: np.ndarray = field(init=False)  # float32, probability of being active today
    jail_days: np.ndarray = field(init=False)  # int16, days of detention left
    rest_days: np.ndarray = field(init=False)  # int16, days out of unrest after a crowd

    def __post_init__(self):
        n = self.size
        self.anger = np.zeros(n, dtype=np.float32)
        self.hoax = np.zeros(n, dtype=np.int8)
        self.believes = np.zeros(n, dtype=bool)
        self.propensity = np.zeros(n, dtype=np.float32)
        self.jail_days = np.zeros(n, dtype=np.int16)
        self.rest_days = np.zeros(n, dtype=np.int16)
        sizes = self.stop - self.start
        self.weight = self.voters / sizes
        self.nb_voters = np.bincount(self.neighbourhood, weights=self.weight[self.community],
                                     minlength=self.n_neighbourhoods)
        self.nb_start = np.searchsorted(self.nb_community, np.arange(self.n_communities))
        self.nb_count = np.bincount(self.nb_community, minlength=self.n_communities)
        self.camp = np.where(self.support == NO_CANDIDATE, self.n_candidates,
                             self.support).astype(np.int64)
        self.camp_index = self.community.astype(np.int64) * (self.n_candidates + 1) + self.camp
        self.voter_weight = self.weight[self.community]  # voters each resident stands for

    @property
    def size(self) -> int:
        return int(self.community.size)

    @property
    def n_communities(self) -> int:
        return int(self.start.size)

    @property
    def n_neighbourhoods(self) -> int:
        return int(self.nb_community.size)

    @property
    def free(self) -> np.ndarray:
        """Residents neither detained nor resting after a crowd."""
        return (self.jail_days == 0) & (self.rest_days == 0)

    def voter_share(self, mask: np.ndarray) -> float:
        """Share of all registered voters that the residents in `mask` stand for."""
        return float(self.voter_weight[mask].sum() / self.voters.sum())

    def per_community(self, mask_or_values: np.ndarray) -> np.ndarray:
        """Sum a per-resident array (bool or number) over each community."""
        return np.add.reduceat(mask_or_values.astype(np.float64), self.start)

    def share_per_community(self, mask_or_values: np.ndarray) -> np.ndarray:
        return self.per_community(mask_or_values) / (self.stop - self.start)

    def voters_per_neighbourhood(self, values: np.ndarray, step: int = 1,
                                 offset: int = 0) -> np.ndarray:
        """Voters a per-resident quantity stands for, summed over each neighbourhood.

        With `step` > 1 only residents offset, offset + step, ... are summed (one batch).
        """
        nb = self.neighbourhood[offset::step]
        weights = values[offset::step] * self.weight[self.community[offset::step]]
        return np.bincount(nb, weights=weights, minlength=self.n_neighbourhoods)

    def camp_voters(self, values: np.ndarray) -> np.ndarray:
        """Voters a per-resident quantity stands for, per (community, camp); last column no camp."""
        width = self.n_candidates + 1
        counts = np.bincount(self.camp_index, weights=values,
                             minlength=self.n_communities * width)
        return counts.reshape(self.n_communities, width) * self.weight[:, None]


def whole_residents(expected: float, rng: np.random.Generator) -> int:
    """A whole number of residents with the given expectation (stochastic rounding).

    >>> whole_residents(3.0, np.random.default_rng(0))
    3
    """
    base = int(np.floor(expected))
    return base + int(rng.random() < expected - base)


def build_population(scenario: Scenario, rng: np.random.Generator,
                     election: Election) -> Population:
    """Draw the residents of a scenario: groups in patches, support, hardship, risk aversion.

    Each resident's camp is drawn by the scenario's `election`.

    Hardship follows Beta(2m, 2(1-m)) around the community mean m, which is
    Epstein's U(0, 1) when m = 0.5; risk aversion is U(0, 1) as in Epstein (2002).
    """
    scale = scenario.population.scale
    candidate_ids = [c.id for c in scenario.candidates]
    group_names = sorted({g for c in scenario.communities for g in c.groups.ethnic})
    floor = scenario.population.min_residents
    sizes = np.array([max(min(c.voters, floor), round(c.voters / scale))
                      for c in scenario.communities])
    stop = np.cumsum(sizes)
    start = stop - sizes
    n = int(stop[-1])

    community = np.repeat(np.arange(sizes.size, dtype=np.int32), sizes)
    neighbourhood = np.empty(n, dtype=np.int32)
    group = np.empty(n, dtype=np.int16)
    support = np.empty(n, dtype=np.int8)
    hardship = np.empty(n, dtype=np.float32)
    nb_community = []
    for c, spec in enumerate(scenario.communities):
        lo, hi, size = start[c], stop[c], sizes[c]
        n_nb = min(spec.tps, size)
        first_nb = len(nb_community)
        nb_community.extend([c] * n_nb)
        neighbourhood[lo:hi] = first_nb + (np.arange(size) * n_nb) // size
        group[lo:hi] = _groups_in_patches(spec.groups, group_names, size, scale, rng)
        support[lo:hi] = election.draw_support(c, size, rng)
        m = min(max(spec.hardship, 0.01), 0.99)
        hardship[lo:hi] = rng.beta(2 * m, 2 * (1 - m), size)
    return Population(
        scale=scale,
        community=community,
        neighbourhood=neighbourhood,
        group=group,
        support=support,
        hardship=hardship,
        risk_aversion=rng.random(n, dtype=np.float32),
        start=start.astype(np.int64),
        stop=stop.astype(np.int64),
        nb_community=np.asarray(nb_community, dtype=np.int32),
        voters=np.array([c.voters for c in scenario.communities], dtype=float),
        n_candidates=len(candidate_ids),
        group_names=group_names,
    )


def _groups_in_patches(groups, names, size, scale, rng) -> np.ndarray:
    """Residents live in consecutive patches of one ethnic group each (Lim et al. 2007)."""
    patch = max(1, round(groups.patch_voters / scale))
    n_patches = -(-size // patch)
    shares = np.array([groups.ethnic.get(name, 0.0) for name in names])
    patch_group = rng.choice(len(names), size=n_patches, p=shares / shares.sum())
    return np.repeat(patch_group, patch)[:size].astype(np.int16)
