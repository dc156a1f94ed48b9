"""One election: who backs whom, the count with the floating-voter lean, shares, margin, dispute.

The regency race of `ElectionConflictModel`, the governor ballot of each
province region and the governor race's province-wide result are all this
one `Election`; the equations (turnout, count, dispute probability) are in
`sim.model.mechanisms.voting`.

- support: in each community a share of voters backs each candidate; the
  rest have no camp (`NO_CANDIDATE`);
- the floating-voter lean: voters without a camp split in each community as
  its relative support (evenly where no candidate has any), tilted toward the
  incumbent pair by `voting.incumbent_lean` (log-odds; 0 is no tilt): our
  formulation of incumbency advantage (Lee 2008, J. Econometrics 142), acting
  only on voters who have no camp;
- shares of valid votes, the winner's margin over the runner-up, and the
  losing camps' dispute.

Examples
--------
>>> import numpy as np
>>> race = Election(("01", "02"), np.array([[0.375, 0.125], [0.0, 0.0]]))
>>> race.lean.tolist()
[[0.75, 0.25], [0.5, 0.5]]
>>> tilted = Election(("01", "02"), np.array([[0.3, 0.3]]), incumbent=1,
...                   incumbent_lean=float(np.log(3)))
>>> tilted.lean.round(3).tolist()   # floating voters 3 : 1 for the incumbent
[[0.25, 0.75]]
>>> Election.margin(np.array([750.0, 250.0]))
0.5
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.model.mechanisms import voting
from sim.model.population import NO_CANDIDATE


@dataclass(frozen=True)
class Dispute:
    """The losing camps' decision after the result: its probability, and who filed."""

    probability: float
    filed: bool
    losers: tuple[int, ...] = ()


class Election:
    """One race over the communities of a place.

    Parameters
    ----------
    candidate_ids : the candidates (pairs), in ballot order
    support : (communities, candidates) share of each community's voters backing each
    incumbent : index of the incumbent pair, or None when no pair is the incumbent
    incumbent_lean : log-odds by which voters without a camp tilt toward the incumbent
    """

    def __init__(self, candidate_ids, support: np.ndarray, incumbent: int | None = None,
                 incumbent_lean: float = 0.0):
        self.candidate_ids = tuple(candidate_ids)
        self.support = np.asarray(support, dtype=float)
        n = len(self.candidate_ids)
        self.lean = np.full(self.support.shape, 1.0 / n)
        for row, shares in enumerate(self.support):
            if shares.sum() > 0:
                self.lean[row] = shares / shares.sum()
        if incumbent is not None and incumbent_lean != 0.0:
            self.lean[:, incumbent] *= np.exp(incumbent_lean)
            self.lean /= self.lean.sum(axis=1, keepdims=True)

    @classmethod
    def of_scenario(cls, scenario) -> Election:
        """The regency (or city) race of a scenario."""
        ids = [c.id for c in scenario.candidates]
        incumbent = next((k for k, c in enumerate(scenario.candidates) if c.incumbent), None)
        return cls(ids, [[c.support.get(cid, 0.0) for cid in ids] for c in scenario.communities],
                   incumbent, scenario.voting.incumbent_lean)

    # --- who backs whom -----------------------------------------------------

    def draw_support(self, community: int, size: int, rng: np.random.Generator) -> np.ndarray:
        """The camp of each of `size` residents of `community` (int8; NO_CANDIDATE for none)."""
        p = np.append(self.support[community], 0.0)
        p[-1] = max(0.0, 1.0 - p[:-1].sum())
        choice = rng.choice(p.size, size=size, p=p / p.sum())
        return np.where(choice == p.size - 1, NO_CANDIDATE, choice).astype(np.int8)

    def draw_residents(self, start: np.ndarray, stop: np.ndarray,
                       rng: np.random.Generator) -> np.ndarray:
        """The camp of every resident, community by community (residents sorted by community)."""
        support = np.empty(int(stop[-1]), dtype=np.int8)
        for c in range(start.size):
            support[start[c]:stop[c]] = self.draw_support(c, int(stop[c] - start[c]), rng)
        return support

    # --- the count ----------------------------------------------------------

    def count(self, support, community, valid, rng: np.random.Generator,
              weight: np.ndarray) -> np.ndarray:
        """Valid votes per candidate, in voters: camps vote for their own, the rest lean."""
        return voting.count_votes(support, community, valid, self.lean,
                                  len(self.candidate_ids), rng, weight)

    @staticmethod
    def shares(votes: np.ndarray) -> np.ndarray:
        """Shares of valid votes; NaN for every candidate when no valid vote was cast."""
        total = votes.sum()
        return votes / total if total > 0 else np.full(votes.size, np.nan)

    @staticmethod
    def margin(votes: np.ndarray) -> float:
        """The winner's share minus the runner-up's; NaN when no valid vote was cast."""
        shares = Election.shares(votes)
        return float("nan") if np.isnan(shares).any() else voting.margin_of(shares)

    @staticmethod
    def dispute(votes: np.ndarray, belief_share: float, params,
                rng: np.random.Generator) -> Dispute | None:
        """Do the losing camps file? None when there is no contest (no votes, one candidate)."""
        if votes.sum() == 0 or votes.size < 2:
            return None
        probability = voting.dispute_probability(Election.margin(votes), belief_share, params)
        if rng.random() < probability:
            return Dispute(probability, True, tuple(int(i) for i in np.argsort(votes)[:-1]))
        return Dispute(probability, False)
