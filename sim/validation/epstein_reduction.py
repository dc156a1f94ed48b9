"""Epstein's (2002) civil violence Model I as a setting of ElectionConflictModel itself.

One community of citizens, TPS areas as vision windows, cops that move at
random and arrest one active in vision a day, and nothing of the Pilkada:
no partisan anger, no hoaxes, no crowds, no backlash. Every value below is
a setting that reduces the model to the paper (or to NetLogo's "Rebellion"
defaults where the paper leaves a choice), not a fact about a place.

| Epstein (2002), NetLogo defaults       | here                                          |
|----------------------------------------|-----------------------------------------------|
| 40 x 40 torus, citizen density 0.7     | 1,120 voters in one community                 |
| vision 7 (about 110 citizens)          | TPS areas of 112 voters, vision = the area    |
|                                        | (actives_seen = neighbourhood)                |
| cop density 0.04 (64 cops), moving     | 64 police in units of 1, random patrol        |
| H ~ U(0,1), R ~ U(0,1), L = 0.82       | hardship mean 0.5 (Beta(1,1)), L = 0.82       |
| T = 0.1, k = 2.3, floor(C/A)           | the same; noise 0 (deterministic rule)        |
| cops arrest one active in vision       | presence_arrests_per_officer_day = 1          |
| jail U(0, 30)                          | max_jail_days = 30                            |
| random sequential activation           | order = random_sequential                     |
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from sim.validation.synthetic import community, scenario

VOTERS = 1_120
VISION = 112
COPS = 64


def epstein_scenario(days: int = 400, **changes: Any):
    """The reduced scenario; `changes` are dotted overrides, e.g. {"activation.order": ...}."""
    start = dt.date(2024, 1, 1)
    end = start + dt.timedelta(days=days - 1)
    day = dt.timedelta(days=1)
    calendar = {"campaign_start": start, "quiet_start": end - 3 * day,
                "voting_day": end - 2 * day, "recap_end": end - day, "dispute_end": end}
    blocks: dict[str, Any] = {
        "calendar": calendar,
        "grievance": {"legitimacy": 0.82, "partisan_weight": 0.0,
                      "legitimacy_recovery_per_day": 0.0},
        "activation": {"threshold": 0.1, "arrest_constant": 2.3, "ratio_rounding": "floor",
                       "noise": 0.0, "vision_voters": float(VISION), "presence_weight": 1.0,
                       "actives_seen": "neighbourhood",
                       "order": "random_sequential", "substeps": 32, "max_jail_days": 30},
        "clash": {"incident_rate": 0.0, "protest_rate": 0.0},
        "policing": {"patrol": "random", "presence_arrests_per_officer_day": 1.0,
                     "backlash_probability": 0.0},
        "tension": {"anger_weight": 0.0, "hoax_weight": 0.0},
        "security": {"forces": [{"kind": "police", "personnel": COPS, "unit_size": 1}]},
    }
    for path, value in changes.items():
        block, _, field = path.partition(".")
        blocks.setdefault(block, {})[field] = value
    citizens = community("Torus", VOTERS, tps=VOTERS // VISION, hardship=0.5,
                         support={})
    return scenario([citizens], name="epstein_model_one", **blocks)


def active_series(result) -> np.ndarray:
    """Share of citizens active each day of a run of the reduced scenario."""
    return result.timeseries["active_share"].to_numpy()


def outbursts(series: np.ndarray, level: float = 0.05) -> int:
    """Separate spells with more than `level` of citizens active."""
    above = series > level
    return int(np.count_nonzero(above[1:] & ~above[:-1]) + above[0])


def time_in_outbursts(series: np.ndarray, level: float = 0.05) -> float:
    """Share of days with more than `level` of citizens active."""
    return float(np.mean(series > level))
