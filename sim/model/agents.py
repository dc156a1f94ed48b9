"""The few actors that decide: communities, candidates, officials and security units.

Residents are arrays (population.py); these are Mesa agents with readable
methods. A Community's state lives in the model's per-community arrays so that
the vectorised kernels and the agents read the same numbers.
"""

from __future__ import annotations

import mesa

from sim.model.mechanisms.policing import arrival_hours
from sim.scenario.schema import LEADER_ROLES, OfficialRole, Phase, SecurityKind

MEDIATOR_WEIGHT = {OfficialRole.PEMDA: 0.5} | {role: 1.0 for role in LEADER_ROLES}


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
        return float(self.model.today_active_share[self.index])

    @property
    def hoax_belief(self) -> float:
        return float(self.model.today_belief_share[self.index])

    @property
    def security_personnel(self) -> float:
        return float(self.model.today_personnel[self.index])

    def incidents_of(self, severity: int) -> int:
        return int(self.model.today_incidents[self.index, severity])


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
        """Mediators this group brings to dialogue (leaders count fully, pemda half)."""
        return self.count * MEDIATOR_WEIGHT.get(self.role, 0.0)

    def breaches_neutrality(self, rate_per_official_day: float, rng) -> int:
        """Non-neutrality events this group causes today (netralitas ASN)."""
        if self.non_neutral == 0 or rate_per_official_day == 0:
            return 0
        return int(rng.poisson(self.non_neutral * rate_per_official_day))


class SecurityUnit(mesa.Agent):
    """A unit of police, military or Linmas: stationed somewhere, dispatched to incidents."""

    def __init__(self, model, kind: SecurityKind, personnel: int, base: int):
        super().__init__(model)
        self.kind = kind
        self.personnel = personnel
        self.base = base
        self.station = base
        self.busy = False

    @property
    def strength(self) -> float:
        """Effective personnel (Linmas weigh less than police and military)."""
        return self.personnel * self.model.scenario.policing.weights[self.kind]

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

    def stand_down(self) -> None:
        self.busy = False


RESPONDERS = (SecurityKind.POLICE, SecurityKind.MILITARY)


def nearest_free_unit(units, community: int) -> SecurityUnit | None:
    """The free police or military unit closest to `community` (ties: strongest first).

    Linmas are local guards: they count as officers on site, not as responders.
    """
    free = [u for u in units if u.kind in RESPONDERS and not u.busy]
    if not free:
        return None
    return min(free, key=lambda u: (u.travel_hours_to(community), -u.strength, u.unique_id))
