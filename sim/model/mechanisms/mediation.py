"""Mediation and communication: leaders' dialogue lowers tension and anger; bias erodes trust.

Dialogue by community, religious and adat leaders (and local government) is a
contact process limited by capacity: each mediator reaches `reach_per_leader`
voters a day, so a community's daily coverage is

    coverage = min(1, mediators * reach_per_leader / voters)

and each day tension falls by `tension_reduction * coverage` and residents'
anger by `anger_reduction * coverage`. This is our formulation (no single
published model): it follows the practice of FKUB and tokoh masyarakat
dialogue named in Indonesian mitigation plans; with no mediators it is off.

Non-neutral officials (netralitas ASN) cut a community's legitimacy by
`non_neutrality_legitimacy_loss * min(1, non_neutrality_reach_voters / voters)`
per event (a breach is news in a village, diluted in a town), which raises
Epstein's grievance.
"""

from __future__ import annotations

import numpy as np


def coverage(mediators: np.ndarray, reach_per_leader: float, voters: np.ndarray) -> np.ndarray:
    """Share of each community's voters reached by dialogue in a day."""
    return np.minimum(1.0, mediators * reach_per_leader / np.maximum(voters, 1.0))


def calm(tension: np.ndarray, anger: np.ndarray, community: np.ndarray, cover: np.ndarray,
         params) -> None:
    """Lower tension (per community) and anger (per resident) in place."""
    tension *= 1.0 - params.tension_reduction * cover
    anger *= (1.0 - params.anger_reduction * cover).astype(np.float32)[community]


def breach_loss(voters, params):
    """Legitimacy a community loses to one neutrality breach, diluted by its size."""
    return params.non_neutrality_legitimacy_loss * np.minimum(
        1.0, params.non_neutrality_reach_voters / np.maximum(voters, 1.0))
