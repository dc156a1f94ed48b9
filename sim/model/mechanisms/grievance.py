"""Grievance and activation, following Epstein (2002), PNAS 99 suppl. 3, 7243-7250.

Each resident has hardship H and risk aversion R. With perceived legitimacy L:

    G = H * (1 - L) + w * anger                    (grievance; w = 0 is Epstein's)
    P = 1 - exp(-k * rnd(C / A))                   (estimated arrest probability)
    N = R * P                                      (net risk)
    active  <=>  G - N > T

C is the security presence the resident can see (in Epstein, cops in vision;
here, the effective personnel in its neighbourhood, one per TPS area, each
officer counting `presence_weight` Epstein cops), A the actives it can see,
counting itself. `rnd` is the integer step that makes Epstein's bursts:
floor (NetLogo "Rebellion"), round (Mesa's example, which uses C/(A+1) with A
excluding itself: the same quantity), or none (a continuous ratio, which
removes the bursts).

Departures from the paper, each a parameter: partisan anger (w, set
grievance.partisan_weight = 0 for Epstein's G); legitimacy per resident (a
global L minus community and hoax-belief deficits, all zero in Epstein's
case); synchronous daily updates instead of random sequential activation.
"""

from __future__ import annotations

import numpy as np


def grievance(hardship, legitimacy, anger, partisan_weight: float) -> np.ndarray:
    """G = H (1 - L) + w * anger."""
    return hardship * (1.0 - legitimacy) + partisan_weight * anger


def arrest_probability(cops_seen, actives_seen, k: float, rounding: str) -> np.ndarray:
    """P = 1 - exp(-k * rnd(C / A)), with A >= 1 (the resident counts itself).

    >>> float(arrest_probability(1.0, 1.0, 2.3, "floor"))  # Epstein's calibration
    0.8997411562771962
    """
    ratio = np.asarray(cops_seen, dtype=np.float64) / np.maximum(actives_seen, 1.0)
    if rounding == "floor":
        ratio = np.floor(ratio)
    elif rounding == "round":
        ratio = np.round(ratio)
    return 1.0 - np.exp(-k * ratio)


def decide_active(grievance_, risk_aversion, arrest_prob, threshold: float) -> np.ndarray:
    """Active when G - R * P > T."""
    return (grievance_ - risk_aversion * arrest_prob) > threshold


def max_active_share(legitimacy: float, threshold: float) -> float:
    """Upper bound on the active share with H ~ U(0,1) and no anger: 1 - T / (1 - L)."""
    if legitimacy >= 1.0:
        return 0.0
    return max(0.0, 1.0 - threshold / (1.0 - legitimacy))
