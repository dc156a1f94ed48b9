"""The few actors that decide: communities, candidates, officials and security units.

Residents are arrays (population.py); these are Mesa agents with readable
methods. A Community's state lives in the model's per-community arrays so that
the vectorised kernels and the agents read the same numbers.
"""

from __future__ import annotations

import mesa
import numpy as np

from sim.model.mechanisms.policing import arrival_hours
from sim.scenario.schema import LEADER_ROLES, OfficialRole, Phase, SecurityKind


class Community(mesa.Agent):
    """A district or village: where residents live, meet and vote."""

    def __init__(self, model, index: int, name: str, voters: int, latitude: float,
                 longitude: float):
        super().__init__(model)
        self.index = index
        self.name = name
        self.voters = voters
        self.latitude = latitude
        self.longitude = longitude

    @property
    def tension(self) -> float:
        return float(self.model.tension[self.index])

    @property
    def legitimacy_deficit(self) -> float:
        return float(self.model.legitimacy_deficit[self.index])

    @property
    def active_share(self) -> float:
        return float(self.model.day.active_share[self.index])

    @property
    def hoax_belief(self) -> float:
        return float(self.model.day.belief_share[self.index])

    @property
    def security_personnel(self) -> float:
        return float(self.model.day.personnel[self.index])

    @property
    def turnout(self) -> float:
        """Share of its voters who voted; NaN before voting day."""
        turnout = self.model.ledger.turnout_by_community
        return float("nan") if turnout is None else float(turnout[self.index])

    def incidents_of(self, severity: int) -> int:
        return int(self.model.day.incidents[self.index, severity])


class Candidate(mesa.Agent):
    """A candidate pair (pasangan calon) and its campaign."""

    def __init__(self, model, index: int, candidate_id: str, name: str, incumbent: bool,
                 rhetoric: float):
        super().__init__(model)
        self.index = index
        self.candidate_id = candidate_id
        self.name = name
        self.incumbent = incumbent
        self.rhetoric = rhetoric

    def campaign_pressure(self, phase: Phase) -> float:
        """Inflammatory rhetoric reaching rival supporters today (none in the quiet days)."""
        return self.rhetoric if phase == Phase.CAMPAIGN else 0.0


class Official(mesa.Agent):
    """A group of officials of one role serving one community (KPPS, Bawaslu, leaders...)."""

    def __init__(self, model, role: OfficialRole, community: int, count: int, neutrality: float):
        super().__init__(model)
        self.role = role
        self.community = community
        self.count = count
        self.non_neutral = int(model.streams["officials"].binomial(count, 1.0 - neutrality))

    @property
    def mediation_strength(self) -> float:
        """Mediators this group brings to dialogue: leaders count fully, local government
        by `mediation.local_government_weight`, others not at all."""
        if self.role in LEADER_ROLES:
            return float(self.count)
        if self.role == OfficialRole.PEMDA:
            return self.count * self.model.scenario.mediation.local_government_weight
        return 0.0

    def breaches_neutrality(self, rate_per_official_day: float, rng) -> int:
        """Non-neutrality events this group causes today (netralitas ASN)."""
        if self.non_neutral == 0 or rate_per_official_day == 0:
            return 0
        return int(rng.poisson(self.non_neutral * rate_per_official_day))


def mediators_by_community(officials, communities: int) -> np.ndarray:
    """Each community's dialogue capacity: the `mediation_strength` of its officials, summed
    (`officials` is an AgentSet of `Official`; communities without any get 0)."""
    capacity = np.zeros(communities)
    for community, strength in officials.groupby("community").agg(
            "mediation_strength", sum).items():
        capacity[community] = strength
    return capacity


class SecurityUnit(mesa.Agent):
    """A unit of police, military or Linmas: stationed somewhere, dispatched to incidents.

    Where a unit is and whether it is busy live in the model's unit arrays
    (``model.roster``), so that presence per community is one bincount a day.
    """

    def __init__(self, model, kind: SecurityKind, personnel: int, base: int):
        super().__init__(model)
        self.kind = kind
        self.personnel = personnel
        self.base = base
        self.effective_personnel = personnel * model.scenario.policing.weights[kind]
        # units of the built model get their slots when the roster is made from them
        self.slot = model.roster.add(self) if model.roster.made else None

    @property
    def station(self) -> int:
        return int(self.model.roster.station[self.slot])

    @station.setter
    def station(self, community: int) -> None:
        self.model.roster.station[self.slot] = community

    @property
    def busy(self) -> bool:
        return bool(self.model.roster.busy[self.slot])

    @busy.setter
    def busy(self, value: bool) -> None:
        self.model.roster.busy[self.slot] = value

    @property
    def strength(self) -> float:
        """Effective personnel (Linmas weigh less than police and military)."""
        return float(self.model.roster.strength[self.slot])

    def travel_hours_to(self, community: int) -> float:
        return float(self.model.travel_hours[self.station, community])

    def respond_to(self, community: int) -> float:
        """Go to an incident; return the hours until arrival."""
        self.busy = True
        scenario = self.model.scenario
        return arrival_hours(scenario.security.response_delay_hours,
                             self.travel_hours_to(community), scenario.policing.travel_speed_factor)

    def move_to(self, community: int) -> None:
        """Re-station the unit (early warning, targeted deployment)."""
        self.station = community

    def remove(self) -> None:
        """Leave the run (recalled elsewhere): no longer present, no longer dispatched."""
        self.model.roster.retire(self.slot)
        super().remove()


class UnitRoster:
    """Station, effective strength, busy and active flags of every security unit, as arrays.

    The arrays are made (`make`) from the model's AgentSet of units once the model
    is built; a unit added later (a provincial reserve arriving) is appended, and
    a unit that leaves is retired (kept in its slot, no longer present or dispatched).
    ``units[slot]`` is the agent of a slot.
    """

    def __init__(self):
        self.units: list = []
        self.made = False
        self.ids = self.station = np.zeros(0, dtype=np.int64)
        self.strength = np.zeros(0)
        self.responder = self.busy = self.active = np.zeros(0, dtype=bool)

    def make(self, units) -> None:
        """The arrays of a built model's units (a Mesa AgentSet), one slot each in its order."""
        self.units = list(units)
        for slot, unit in enumerate(self.units):
            unit.slot = slot
        self.ids = np.array(units.get("unique_id"), dtype=np.int64)
        self.station = np.array(units.get("base"), dtype=np.int64)
        self.strength = np.array(units.get("effective_personnel"), dtype=float)
        self.responder = np.array([kind in RESPONDERS for kind in units.get("kind")], dtype=bool)
        self.busy = np.zeros(len(self.units), dtype=bool)
        self.active = np.ones(len(self.units), dtype=bool)
        self.made = True

    def add(self, unit) -> int:
        """A unit that joins a running model; returns its slot."""
        self.units.append(unit)
        self.ids = np.append(self.ids, unit.unique_id)
        self.station = np.append(self.station, unit.base)
        self.strength = np.append(self.strength, unit.effective_personnel)
        self.responder = np.append(self.responder, unit.kind in RESPONDERS)
        self.busy = np.append(self.busy, False)
        self.active = np.append(self.active, True)
        return self.ids.size - 1

    def retire(self, slot: int) -> None:
        self.active[slot] = False

    def presence(self, n_communities: int) -> np.ndarray:
        return np.bincount(self.station, weights=self.strength * self.active,
                           minlength=n_communities).astype(float)

    def nearest_free_responder(self, community: int, travel_hours: np.ndarray) -> int | None:
        """Slot of the free police or military unit closest to `community`.

        Ties go to the strongest unit, then the oldest. Linmas are local guards:
        they count as officers on site, not as responders.
        """
        free = np.flatnonzero(self.responder & self.active & ~self.busy)
        if free.size == 0:
            return None
        hours = travel_hours[self.station[free], community]
        order = np.lexsort((self.ids[free], -self.strength[free], hours))
        return int(free[order[0]])


RESPONDERS = (SecurityKind.POLICE, SecurityKind.MILITARY)
