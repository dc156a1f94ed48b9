"""The governor race: one contest over every region, its hoaxes and its dispute.

Residents of every region back a governor pair as well as a regent or mayor
pair (shares per region or per community, `RegionEntry.governor_support`).
On voting day each region counts the governor ballots of the same voters
who came to the TPS (`sim.province.region`); the province adds them up.

Crossing borders:
- a governor-race hoax wave seeds in every region on its date, with the same
  magnitude in each (the same WhatsApp forwards reach the whole province);
- at the province plenary (the province calendar's `recap_end`) the losing
  camp files a dispute with the regency model's probability
  logistic(dispute_base - margin / dispute_margin_scale + dispute_belief_weight * belief),
  with hoax belief over the whole province; a filed dispute holds the anger
  of that camp's supporters in every region at `mobilisation_anger` until the
  end of the calendar.

Shares, margin and the dispute are the regency race's (`sim.model.election.Election`;
the dispute rule is in sim.model.mechanisms.voting), our own formulation
calibrated to 2024; no published model is claimed.
"""

from __future__ import annotations

import numpy as np

from sim.model.election import Election
from sim.province.schema import GovernorRace


class GovernorContest:
    """The province's tally, result and dispute decision."""

    def __init__(self, spec: GovernorRace, rng: np.random.Generator):
        self.spec = spec
        self.rng = rng
        self.candidate_ids = tuple(c.id for c in spec.candidates)
        self.votes = np.zeros(len(self.candidate_ids))
        self.ballots = 0.0
        self.dispute_filed = False
        self.dispute_probability = 0.0
        self.losers: tuple[int, ...] = ()

    def hoaxes_between(self, first, last) -> list[tuple]:
        """(date, magnitude) of the governor hoax waves dated first..last (inclusive)."""
        return [(e.date, e.magnitude) for e in self.spec.events if first <= e.date <= last]

    def add_votes(self, votes: np.ndarray, ballots: float) -> None:
        self.votes += votes
        self.ballots += ballots

    @property
    def shares(self) -> np.ndarray:
        return Election.shares(self.votes)

    @property
    def margin(self) -> float:
        return Election.margin(self.votes)

    def decide_dispute(self, belief_share: float) -> bool:
        """At the province plenary: does the losing camp file a dispute?"""
        dispute = Election.dispute(self.votes, belief_share, self.spec.voting, self.rng)
        if dispute is None:
            return False
        self.dispute_probability = dispute.probability
        if dispute.filed:
            self.dispute_filed = True
            self.losers = dispute.losers
        return self.dispute_filed

    def outcomes(self, registered_voters: float) -> dict:
        shares = self.shares
        return {
            "governor_vote_shares": {cid: round(float(s), 6)
                                     for cid, s in zip(self.candidate_ids, shares, strict=True)},
            "governor_margin": round(self.margin, 6),
            "governor_turnout": round(self.ballots / registered_voters, 6)
            if registered_voters else float("nan"),
            "governor_dispute_filed": self.dispute_filed,
            "governor_dispute_probability": round(self.dispute_probability, 6),
        }
