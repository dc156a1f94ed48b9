"""Partisan anger: what a camp's supporters have to be angry about today, and how it fades.

Our formulation (no single published model), the departure from Epstein (2002)
that makes a Pilkada's grievance partisan: each aligned resident's anger
relaxes towards a target at `anger_decay_per_day`,

    target = rival rhetoric + mobilisation of its camp + anger_gain * believes
             + anger_weight * tension of its community (+ anger from outside the race)
    anger += decay * (target - anger)

Rhetoric reaches rival supporters only in the campaign (Candidate.campaign_pressure);
a filed dispute mobilises the losing camp. Residents without a camp feel none.
With `grievance.partisan_weight = 0` anger has no effect on activation (Epstein).
"""

from __future__ import annotations

import numpy as np


def camp_pressure(pressure: np.ndarray, mobilisation: np.ndarray) -> np.ndarray:
    """Anger pressure per camp (last entry: no camp): the strongest rival's rhetoric plus
    the camp's own mobilisation."""
    rivals = np.array([np.delete(pressure, i).max(initial=0.0) for i in range(pressure.size)])
    return np.append(rivals + mobilisation, 0.0)


def relax(anger, camp_index, per_camp, tension, believes, no_camp, decay: float,
          anger_gain: float, tension_weight: float, outside=None) -> None:
    """Move every resident's anger towards today's target, in place.

    camp_index: each resident's (community, camp) cell, community * (camps + 1) + camp;
    per_camp: pressure per camp (last: no camp); tension: per community; no_camp: mask.
    """
    table = per_camp[None, :] + tension_weight * tension[:, None]
    table[:, -1] = 0.0
    target = table.astype(np.float32).ravel()[camp_index]
    target += np.float32(anger_gain) * (believes & ~no_camp)
    if outside is not None:
        target += outside
    anger += np.float32(decay) * (target - anger)
