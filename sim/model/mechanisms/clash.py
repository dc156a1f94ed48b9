"""Clashes and escalation: incidents from active crowds, their severity, and contagion.

Follows Davies, Fry, Wilson and Bishop (2013), Sci. Rep. 3:1303, "A mathematical
model of the London riots and their policing", in three parts:

1. Participation is contagious: an incident's crowd starts as a share of the
   community's active residents and grows while no police contain it,
   s(t) = s0 * exp(g t), capped at the community's actives.
2. Space matters: unrest raises tension in other communities in proportion to
   contagion_share * exp(-travel_hours / spread_hours) (a gravity-style decay).
3. Police present deter and contain: a crowd larger than
   `containment_per_officer` times the effective officers on site is a riot.
   Below a critical number of officers disorder spreads, above it is contained,
   and a faster response lowers severity for the same numbers.

Incidents arise where active supporters of rival candidates meet (rate
proportional to sqrt(A_a * A_b) times the phase's mixing) and where active
residents without a camp protest. Identity sharpens rivalry where ethnic
groups live in patches of intermediate size, after Lim, Metzler and Bar-Yam
(2007), Science 317:1540: `identity_exposure` counts boundaries between
neighbourhoods each dominated by a different group.

In mass unrest crowds merge rather than multiply: a community's expected
incidents a day saturate at `max_incidents_per_10k_voters` per 10,000 voters.

Severity levels: friction (crowd below `clash_size`), clash, and riot (a crowd of
at least `riot_size` that the officers on site cannot contain).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SEVERITIES = ("friction", "clash", "riot")
FRICTION, CLASH, RIOT = 0, 1, 2


@dataclass(frozen=True)
class Incidents:
    """Incidents of one day, one entry each (arrays of equal length)."""

    community: np.ndarray
    crowd: np.ndarray
    severity: np.ndarray
    officers_on_site: np.ndarray

    @property
    def count(self) -> int:
        return int(self.community.size)


def incident_rates(camp_actives_voters: np.ndarray, mixing: np.ndarray, params,
                   identity_exposure: np.ndarray, voters: np.ndarray | None = None) -> np.ndarray:
    """Expected incidents per community today, saturating at the community's ceiling.

    camp_actives_voters: (communities, camps + 1) actives in voters, last column no camp.
    The raw rate r saturates as c (1 - exp(-r / c)), c = max(1, ceiling per 10k x voters).
    """
    camps = camp_actives_voters[:, :-1]
    unaligned = camp_actives_voters[:, -1]
    rival_pairs = np.zeros(camps.shape[0])
    for a in range(camps.shape[1]):
        for b in range(a + 1, camps.shape[1]):
            rival_pairs += np.sqrt(camps[:, a] * camps[:, b])
    identity = 1.0 + params.identity_weight * identity_exposure
    rivalry = params.incident_rate * rival_pairs * identity
    raw = mixing * (rivalry + params.protest_rate * unaligned)
    if voters is None:
        return raw
    ceiling = np.maximum(1.0, params.max_incidents_per_10k_voters * voters / 10_000)
    return ceiling * -np.expm1(-raw / ceiling)


def resolve(community: np.ndarray, actives_voters: np.ndarray, on_site: np.ndarray,
            responders: np.ndarray, delay_hours: np.ndarray, params) -> tuple[np.ndarray, ...]:
    """Crowd size and severity of each incident.

    on_site: effective officers present where the incident starts; responders:
    effective officers arriving after `delay_hours`.
    """
    s0 = np.maximum(2.0, params.crowd_share * actives_voters[community])
    crowd = np.minimum(s0 * np.exp(params.growth_per_hour * delay_hours),
                       np.maximum(s0, actives_voters[community]))
    officers = on_site + responders
    uncontained = (crowd > params.containment_per_officer * officers) & (crowd >= params.riot_size)
    severity = np.where(crowd < params.clash_size, FRICTION, np.where(uncontained, RIOT, CLASH))
    return crowd, severity, officers


def contagion(tension_added: np.ndarray, travel_hours: np.ndarray,
              spread_hours: float, share: float = 1.0) -> np.ndarray:
    """Tension reaching every community from the incidents of each (distance decay)."""
    kernel = share * np.exp(-travel_hours / spread_hours)
    np.fill_diagonal(kernel, 0.0)
    return kernel.T @ tension_added


def identity_exposure(group: np.ndarray, neighbourhood: np.ndarray, nb_community: np.ndarray,
                      n_groups: int, salience: float = 0.6) -> np.ndarray:
    """Per community: share of adjacent neighbourhood pairs dominated by different groups.

    A neighbourhood's group identity is salient when one group holds more than
    `salience` of it (Lim et al.: groups act as groups only where they form
    local majorities). Well-mixed neighbourhoods have no salient group; large
    separate blocks have few boundaries; both give low exposure.
    """
    n_nb = nb_community.size
    counts = np.bincount(neighbourhood.astype(np.int64) * n_groups + group,
                         minlength=n_nb * n_groups).reshape(n_nb, n_groups)
    totals = np.maximum(counts.sum(axis=1), 1)
    dominant = counts.argmax(axis=1)
    salient = counts.max(axis=1) / totals > salience
    same_community = nb_community[1:] == nb_community[:-1]
    boundary = same_community & salient[1:] & salient[:-1] & (dominant[1:] != dominant[:-1])
    pairs = np.bincount(nb_community[1:][same_community], minlength=nb_community.max() + 1)
    hits = np.bincount(nb_community[1:][boundary], minlength=nb_community.max() + 1)
    return np.divide(hits, pairs, out=np.zeros(hits.size), where=pairs > 0)
