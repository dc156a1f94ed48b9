"""Residents as arrays: one entry per simulated resident, grouped by community.

A regency has hundreds of thousands of voters, so residents are not Mesa
agents: they live in numpy arrays (a structure of arrays) and every step is a
handful of vectorised operations over them. Residents are sorted by community,
then by neighbourhood (one neighbourhood per TPS area), so each community is a
contiguous slice `start[c]:stop[c]` and each neighbourhood a contiguous block.

One simulated resident stands for `population.scale` registered voters.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from sim.scenario.schema import Scenario

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
    group_names: list[str]
    anger: np.ndarray = field(init=False)  # float32, partisan anger at the rival camp
    hoax: np.ndarray = field(init=False)  # int8: IGNORANT, SPREADER, STIFLER
    believes: np.ndarray = field(init=False)  # bool, believes the current hoax
    active: np.ndarray = field(init=False)  # bool, Epstein's active state
    jail_days: np.ndarray = field(init=False)  # int16, days of detention left

    def __post_init__(self):
        n = self.size
        self.anger = np.zeros(n, dtype=np.float32)
        self.hoax = np.zeros(n, dtype=np.int8)
        self.believes = np.zeros(n, dtype=bool)
        self.active = np.zeros(n, dtype=bool)
        self.jail_days = np.zeros(n, dtype=np.int16)

    @property
    def size(self) -> int:
        return int(self.community.size)

    @property
    def n_communities(self) -> int:
        return int(self.start.size)

    @property
    def n_neighbourhoods(self) -> int:
        return int(self.nb_community.size)

    def per_community(self, mask_or_values: np.ndarray) -> np.ndarray:
        """Sum a per-resident array (bool or number) over each community."""
        return np.add.reduceat(mask_or_values.astype(np.float64), self.start)

    def share_per_community(self, mask: np.ndarray) -> np.ndarray:
        return self.per_community(mask) / (self.stop - self.start)

    def per_neighbourhood(self, mask: np.ndarray) -> np.ndarray:
        return np.bincount(self.neighbourhood, weights=mask, minlength=self.n_neighbourhoods)

    def camp_counts(self, mask: np.ndarray, n_candidates: int) -> np.ndarray:
        """Residents in `mask` per (community, camp); the last column is no camp."""
        camp = np.where(self.support == NO_CANDIDATE, n_candidates, self.support)
        flat = self.community[mask].astype(np.int64) * (n_candidates + 1) + camp[mask]
        counts = np.bincount(flat, minlength=self.n_communities * (n_candidates + 1))
        return counts.reshape(self.n_communities, n_candidates + 1)


def build_population(scenario: Scenario, rng: np.random.Generator) -> Population:
    """Draw the residents of a scenario: groups in patches, support, hardship, risk aversion.

    Hardship follows Beta(2m, 2(1-m)) around the community mean m, which is
    Epstein's U(0, 1) when m = 0.5; risk aversion is U(0, 1) as in Epstein (2002).
    """
    scale = scenario.population.scale
    candidate_ids = [c.id for c in scenario.candidates]
    group_names = sorted({g for c in scenario.communities for g in c.groups.ethnic})
    sizes = np.array([max(1, round(c.voters / scale)) for c in scenario.communities])
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
        support[lo:hi] = _draw_support(spec.support, candidate_ids, size, rng)
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
        group_names=group_names,
    )


def _groups_in_patches(groups, names, size, scale, rng) -> np.ndarray:
    """Residents live in consecutive patches of one ethnic group each (Lim et al. 2007)."""
    patch = max(1, round(groups.patch_voters / scale))
    n_patches = -(-size // patch)
    shares = np.array([groups.ethnic.get(name, 0.0) for name in names])
    patch_group = rng.choice(len(names), size=n_patches, p=shares / shares.sum())
    return np.repeat(patch_group, patch)[:size].astype(np.int16)


def _draw_support(shares: dict[str, float], candidate_ids: list[str], size, rng) -> np.ndarray:
    p = np.array([shares.get(cid, 0.0) for cid in candidate_ids] + [0.0])
    p[-1] = max(0.0, 1.0 - p[:-1].sum())
    choice = rng.choice(len(p), size=size, p=p / p.sum())
    return np.where(choice == len(candidate_ids), NO_CANDIDATE, choice).astype(np.int8)
