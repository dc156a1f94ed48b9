"""Policing: presence that deters, units that respond, force that can backfire.

Deterrence enters Epstein's arrest probability (see grievance.py): each
neighbourhood sees its community's effective personnel spread over its TPS
areas, every person weighted by kind (Linmas are unarmed civil guards), and
every visible officer counting `presence_weight` Epstein cops.

Response follows Davies et al. (2013): the nearest free unit is dispatched; it
arrives after the coordination delay plus its travel time, and the crowd grows
meanwhile (clash.py). Force used without de-escalation skill backfires with
probability `backlash_probability * (1 - deescalation_skill)`: the community
loses legitimacy, which raises grievance (Epstein's G = H(1 - L)); this is the
escalation-by-repression loop that Epstein's Model I leaves out and that
training (Bimtek) acts on. With `backlash_probability = 0` policing is
Epstein's: deterrence and arrest only.
"""

from __future__ import annotations

import numpy as np


def presence_per_neighbourhood(effective_personnel: np.ndarray, nb_community: np.ndarray,
                               presence_weight: float) -> np.ndarray:
    """Epstein cops seen in each neighbourhood: community personnel spread over its TPS areas."""
    n_nb = np.bincount(nb_community, minlength=effective_personnel.size)
    per_nb = effective_personnel / np.maximum(n_nb, 1)
    return presence_weight * per_nb[nb_community]


def arrival_hours(delay_hours: float, travel_hours, speed_factor: float):
    """Hours from an incident to the responders' arrival."""
    return delay_hours + speed_factor * travel_hours


def backlash(severity: np.ndarray, min_severity: int, skill: float, probability: float,
             rng: np.random.Generator) -> np.ndarray:
    """Which incidents met with force (clash and above) backfire."""
    forceful = severity >= min_severity
    return forceful & (rng.random(severity.size) < probability * (1.0 - skill))
