"""Policing: presence that deters, units that respond, arrests and detention, force that backfires.

Deterrence enters Epstein's arrest probability (see grievance.py): each
neighbourhood (TPS area) sees the effective personnel standing in it, every
person weighted by kind (Linmas are unarmed civil guards). Officers stand
evenly over their community's TPS areas (`patrol = "even"`), or each unit in a
random TPS area of its community each day (`patrol = "random"`, Epstein's
cops moving at random).

Response follows Davies et al. (2013): the nearest free police or military
unit is dispatched; it arrives after the coordination delay plus its travel
time, and the crowd grows meanwhile (clash.py). Where no unit is free the
crowd waits `unreachable_hours` more.

Arrest and detention follow Epstein (2002): a detained resident is out of
the game for a term drawn from U(1, J_max) days. Officers at a clash or riot
detain `arrests_per_officer` each (at most the crowd); with
`presence_arrests_per_officer_day = 1` every visible officer also detains one
active of its TPS area a day, as Epstein's cops arrest one active in vision.

Force used without de-escalation skill backfires with probability
`backlash_probability * (1 - deescalation_skill)`: the community loses
legitimacy, which raises grievance (Epstein's G = H(1 - L)); this is the
escalation-by-repression loop that Epstein's Model I leaves out and that
training (Bimtek) acts on. With `backlash_probability = 0` policing is
Epstein's: deterrence and arrest only.
"""

from __future__ import annotations

import numpy as np


def officers_per_neighbourhood(station: np.ndarray, strength: np.ndarray, nb_start: np.ndarray,
                               nb_count: np.ndarray, patrol: str,
                               rng: np.random.Generator) -> np.ndarray:
    """Effective officers standing in each neighbourhood today.

    station, strength: per unit (retired units have strength 0); nb_start and
    nb_count: per community, its first neighbourhood and how many it has.
    """
    n_nb = int(nb_start[-1] + nb_count[-1])
    if patrol == "random":
        where = nb_start[station] + (rng.random(station.size) * nb_count[station]).astype(np.int64)
        return np.bincount(where, weights=strength, minlength=n_nb)
    per_community = np.bincount(station, weights=strength, minlength=nb_start.size)
    return np.repeat(per_community / nb_count, nb_count)


def arrival_hours(delay_hours: float, travel_hours, speed_factor: float):
    """Hours from an incident to the responders' arrival."""
    return delay_hours + speed_factor * travel_hours


def dispatch(where: np.ndarray, roster, travel_hours: np.ndarray, security, params):
    """Send the nearest free responder to each incident, in order.

    Returns the responders' effective strength and the hours until they arrive.
    """
    responders = np.zeros(where.size)
    delay = np.full(where.size, security.response_delay_hours + params.unreachable_hours)
    for i, community in enumerate(where):
        slot = roster.nearest_free_responder(int(community), travel_hours)
        if slot is not None:
            delay[i] = roster.units[slot].respond_to(int(community))
            responders[i] = roster.strength[slot]
    return responders, delay


def detained_at_incident(crowd: float, officers: float, params, rng) -> float:
    """Voters detained at a clash or riot: Poisson(arrests_per_officer x officers), at most
    the crowd."""
    return float(min(crowd, rng.poisson(params.arrests_per_officer * officers)))


def detain(jail_days: np.ndarray, chosen: np.ndarray, max_jail_days: int, rng) -> None:
    """Jail the chosen residents for U(1, J_max) days (Epstein's jail term)."""
    jail_days[chosen] = rng.integers(1, max(1, max_jail_days) + 1, size=chosen.size)


def presence_arrests(officers_nb: np.ndarray, params) -> np.ndarray:
    """Voters each neighbourhood's officers would detain today wherever they stand."""
    return params.presence_arrests_per_officer_day * officers_nb


def backlash(severity: np.ndarray, min_severity: int, skill: float, probability: float,
             rng: np.random.Generator) -> np.ndarray:
    """Which incidents met with force (clash and above) backfire."""
    forceful = severity >= min_severity
    return forceful & (rng.random(severity.size) < probability * (1.0 - skill))
