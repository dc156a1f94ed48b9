"""One home for a run's state: the day's record and the run's ledger, written only by the model.

`DayRecord` holds what happened today in each community; `RunLedger` holds
what the run has gathered so far: the daily incident series, totals, peaks,
the logs and, from voting day on, the vote. Outcomes, the data collector, the
training app and province regions read these; nothing else writes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from sim.model.election import Election
from sim.model.mechanisms.clash import SEVERITIES


@dataclass
class DayRecord:
    """Today, per community (arrays of one entry per community)."""

    incidents: np.ndarray  # (communities, severities) int
    injuries: np.ndarray
    arrests: np.ndarray  # voters detained
    backlash: np.ndarray  # int, uses of force that backfired
    personnel: np.ndarray  # effective security personnel present
    active_share: np.ndarray  # expected share of voters active
    belief_share: np.ndarray  # share of residents believing the current hoax

    @classmethod
    def empty(cls, n_communities: int) -> DayRecord:
        zeros = np.zeros(n_communities)
        return cls(incidents=np.zeros((n_communities, len(SEVERITIES)), dtype=int),
                   injuries=zeros.copy(), arrests=zeros.copy(),
                   backlash=np.zeros(n_communities, dtype=int), personnel=zeros.copy(),
                   active_share=zeros.copy(), belief_share=zeros.copy())

    def start(self) -> None:
        """Clear the counts of a new day (shares and personnel carry until recomputed)."""
        self.incidents[:] = 0
        self.injuries[:] = 0
        self.arrests[:] = 0
        self.backlash[:] = 0


@dataclass
class Vote:
    """The count of voting day."""

    votes: np.ndarray  # valid votes per candidate, in voters
    ballots: float  # ballots cast, in voters
    turnout: float  # ballots / registered voters
    turnout_by_community: np.ndarray
    cast: np.ndarray  # bool per resident: who voted (for a second race's count)

    @property
    def shares(self) -> np.ndarray:
        return Election.shares(self.votes)


@dataclass
class Totals:
    injuries: float = 0.0
    arrests: float = 0.0  # voters
    backlash_events: int = 0
    non_neutrality: int = 0
    longest_response_hours: float = 0.0  # of clashes and riots: how long a crowd grew unopposed


# the columns of one incident_log row, in the order result frames show them
INCIDENT_COLUMNS = ("date", "community", "severity", "crowd", "officers", "response_hours",
                    "backlash")
EVENT_COLUMNS = ("date", "kind", "community", "magnitude")


@dataclass
class RunLedger:
    """What the run has gathered since its first day."""

    incidents_by_day: np.ndarray  # (days, severities)
    incidents_by_community: np.ndarray  # incidents of any severity, per community
    peak_tension_by_community: np.ndarray
    totals: Totals = field(default_factory=Totals)
    peak_belief: float = 0.0
    peak_active_share: float = 0.0
    incident_log: list[dict] = field(default_factory=list)
    event_log: list[dict] = field(default_factory=list)
    vote: Vote | None = None
    result_known: bool = False
    dispute_filed: bool = False
    dispute_probability: float = 0.0

    @classmethod
    def empty(cls, n_days: int, n_communities: int) -> RunLedger:
        return cls(incidents_by_day=np.zeros((n_days, len(SEVERITIES)), dtype=int),
                   incidents_by_community=np.zeros(n_communities, dtype=int),
                   peak_tension_by_community=np.zeros(n_communities))

    @property
    def vote_shares(self) -> np.ndarray | None:
        return None if self.vote is None else self.vote.shares

    @property
    def turnout_by_community(self) -> np.ndarray | None:
        return None if self.vote is None else self.vote.turnout_by_community
