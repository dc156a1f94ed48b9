"""Grievance and activation, following Epstein (2002), PNAS 99 suppl. 3, 7243-7250.

Each resident has hardship H and risk aversion R. With perceived legitimacy L:

    G = H * (1 - L) + w * anger                    (grievance; w = 0 is Epstein's)
    P = 1 - exp(-k * rnd(C / A))                   (estimated arrest probability)
    N = R * P                                      (net risk)
    active  <=>  G - N > T                         (Epstein's rule, noise = 0)
    P(active) = 1 / (1 + exp(-(G - N - T) / s))    (logistic choice, noise s > 0)

What a resident sees is counted in voters and officers, never in simulated
residents, so `population.scale` changes speed and not the answer. In its
neighbourhood (its TPS area, of V_nb voters) a resident sees

    C = presence_weight * officers_nb                        (Epstein cops in vision)
    A = 1 + (actives_nb - own) * vision_voters / V_nb         (actives in vision, itself included)

the officers standing in its TPS area, and the actives among the
`vision_voters` voters it knows there (its street group, RT). `actives_nb` is
the expected number of active voters in the neighbourhood (the sum of
residents' activation probabilities times the voters each stands for) and
`own` the resident's own share of it as one voter. With vision_voters = V_nb a
resident sees its whole TPS area, as Epstein's citizens see their vision
window. `rnd` is the integer step that makes Epstein's bursts: floor (NetLogo
"Rebellion"), round (Mesa's example, which uses C/(A+1) with A excluding
itself: the same quantity), or none (a continuous ratio). Both C and A are
properties of the neighbourhood, computed once for each of them (701 in
Kutai Timur), not once per resident.

Order within a day: Epstein activates agents in random sequential order, each
seeing the decisions made before it. Here residents decide in `substeps`
interleaved batches (resident i in batch i mod substeps, so every batch spans
every neighbourhood) taken in a random order each day; each batch sees the
neighbourhood counts the batches before it left. `order = "synchronous"`
lets every resident decide on yesterday's counts at once.

Departures from the paper, each a parameter: partisan anger (w, set
grievance.partisan_weight = 0 for Epstein's G); legitimacy per resident (a
global L minus community and hoax-belief deficits, all zero in Epstein's
case); the logistic choice (noise = 0 gives Epstein's deterministic rule; a
small spread makes the share of actives a smooth function of what residents
see, which keeps the answer independent of how many residents are simulated);
neighbourhoods are TPS areas rather than a moving vision window.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit


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
    """Active when G - R * P > T (Epstein's deterministic rule)."""
    return (grievance_ - risk_aversion * arrest_prob) > threshold


def propensity(grievance_, risk_aversion, arrest_prob, threshold: float,
               noise: float) -> np.ndarray:
    """Probability of being active: Epstein's rule, softened by a logistic spread `noise`.

    >>> propensity(np.array([0.3, 0.0]), np.array([0.1, 0.1]), 0.5, 0.1, 0.0).tolist()
    [1.0, 0.0]
    """
    margin = grievance_ - risk_aversion * arrest_prob
    margin -= np.float32(threshold)
    if noise == 0:
        return (margin > 0).astype(np.float32)
    margin *= np.float32(1.0 / noise)
    return expit(margin).astype(np.float32, copy=False)


def cops_in_vision(officers_nb, params) -> np.ndarray:
    """Epstein cops a resident of each neighbourhood sees: C above."""
    return params.presence_weight * officers_nb


def actives_in_vision(actives_nb, own, seen_per_voter) -> np.ndarray:
    """Actives a resident sees, itself included: A above (actives_nb and own in voters;
    seen_per_voter = vision_voters / V_nb)."""
    return 1.0 + np.maximum(actives_nb - own, 0.0) * seen_per_voter


def arrest_risk_seen(cops, actives_nb, seen_per_voter, k: float,
                     rounding: str) -> tuple[np.ndarray, np.ndarray]:
    """P per neighbourhood for a resident who is quiet (own = 0) and one who is active (own = 1).

    A resident active with probability pi sees P = P_quiet + pi (P_active - P_quiet): exact
    for Epstein's residents (pi is 0 or 1), and a close linear reading of the smooth choice
    otherwise, since one voter is a small part of what a resident sees.
    """
    quiet = arrest_probability(cops, actives_in_vision(actives_nb, 0.0, seen_per_voter), k,
                               rounding)
    active = arrest_probability(cops, actives_in_vision(actives_nb, 1.0, seen_per_voter), k,
                                rounding)
    return quiet.astype(np.float32), active.astype(np.float32)


def batches(order: str, substeps: int, rng: np.random.Generator) -> list[int]:
    """The day's batch order: one batch for synchronous days, else a random order."""
    if order == "synchronous":
        return [0]
    return [int(k) for k in rng.permutation(substeps)]


def max_active_share(legitimacy: float, threshold: float) -> float:
    """Upper bound on the active share with H ~ U(0,1) and no anger: 1 - T / (1 - L)."""
    if legitimacy >= 1.0:
        return 0.0
    return max(0.0, 1.0 - threshold / (1.0 - legitimacy))
