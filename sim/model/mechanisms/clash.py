"""Incidents: crowds that form, are contained or grow, tire, and set off more unrest nearby.

Follows Davies, Fry, Wilson and Bishop (2013), Sci. Rep. 3:1303, "A mathematical
model of the London riots and their policing", with the burn-out of
self-exciting unrest (Mohler et al. 2011, JASA 106:100; Bonnasse-Gahot et al.
2018, Sci. Rep. 8:107):

1. Crowds form where active supporters of rival candidates meet: a Poisson
   number a day with rate

       mu_c = mixing * (incident_rate * sum_{a<b} sqrt(A_a A_b) * (1 + identity_weight * x_c)
                        + protest_rate * A_none)

   (A in active voters, x_c the identity exposure below), plus the incidents
   that earlier ones set off (point 4). No ceiling: the count comes from the
   actives there are, and they are spent as crowds form (point 3).
2. A crowd starts at a Pareto size s0 = min_crowd_voters * U^(-1 / crowd_tail)
   (heavy-tailed, Braha 2012) and grows while no police contain it,
   s(t) = s0 exp(g t), to at most the active voters of the community (Davies'
   contagion of participation). Police present deter and contain: a crowd
   larger than `containment_per_officer` times the officers on site and
   arriving is a riot if it reached `riot_size`; otherwise a crowd of
   `clash_size` or more is a clash, a smaller one friction. Below a critical
   number of officers disorder spreads, above it it is contained, and a faster
   response lowers severity for the same numbers.
3. People tire: everyone who joined a crowd stays out of unrest for
   `fatigue_days` (the recovered of an SIR riot model), and those detained
   are in jail (policing.py). A community's unrest burns out when its actives
   are spent.
4. Unrest excites unrest: an incident of severity k sets off on average
   `excitation[k]` further incidents (a Hawkes branching ratio below 1, so
   every cascade ends), spread over the following days with mean delay
   `excitation_days`, at home and in other communities with weight
   contagion_share * exp(-travel_hours / spread_hours) (a gravity-style decay).
   Tension spreads with the same kernel.

Identity sharpens rivalry where ethnic groups live in patches of intermediate
size, after Lim, Metzler and Bar-Yam (2007), Science 317:1540:
`identity_exposure` counts boundaries between neighbourhoods each dominated by
a different group.

Reductions: with excitation 0 and fatigue_days 0 this is Davies' single-event
containment model; with incident_rate and protest_rate 0 there are no incidents
and the model is Epstein's alone.
"""

from __future__ import annotations

import numpy as np

SEVERITIES = ("friction", "clash", "riot")
FRICTION, CLASH, RIOT = 0, 1, 2


def incident_rates(camp_actives_voters: np.ndarray, mixing, params,
                   identity_exposure: np.ndarray) -> np.ndarray:
    """Expected crowds formed per community today, before excitation (mu_c above).

    camp_actives_voters: (communities, camps + 1) active voters, the last column no camp.

    >>> from sim.scenario.schema import ClashParams
    >>> actives = np.array([[10_000.0, 10_000.0, 0.0], [10_000.0, 0.0, 0.0]])
    >>> incident_rates(actives, 1.0, ClashParams(), np.zeros(2)).tolist()  # rivals meet in one
    [0.5, 0.0]
    """
    camps = camp_actives_voters[:, :-1]
    unaligned = camp_actives_voters[:, -1]
    rival_pairs = np.zeros(camps.shape[0])
    for a in range(camps.shape[1]):
        for b in range(a + 1, camps.shape[1]):
            rival_pairs += np.sqrt(camps[:, a] * camps[:, b])
    identity = 1.0 + params.identity_weight * identity_exposure
    return mixing * (params.incident_rate * rival_pairs * identity
                     + params.protest_rate * unaligned)


def spread_kernel(travel_hours: np.ndarray, spread_hours: float, share: float) -> np.ndarray:
    """Where an incident's offspring and tension land: 1 at home, the decay elsewhere.

    Row j is community j's kernel; rows are not normalised (see `offspring_kernel`).
    """
    kernel = share * np.exp(-travel_hours / spread_hours)
    np.fill_diagonal(kernel, 1.0)
    return kernel


def offspring_kernel(travel_hours: np.ndarray, spread_hours: float, share: float) -> np.ndarray:
    """The spread kernel with rows summing to one, so an incident's offspring total its
    branching ratio wherever they land."""
    kernel = spread_kernel(travel_hours, spread_hours, share)
    return kernel / kernel.sum(axis=1, keepdims=True)


def excite(excitation: np.ndarray, offspring_by_community: np.ndarray, kernel: np.ndarray,
           mean_days: float) -> None:
    """Advance the self-excited rate one day, in place.

    The rate decays by q = exp(-1 / mean_days) a day and gains (1 - q) times the
    offspring expected from today's incidents, so one incident with branching
    ratio b adds b expected incidents in all, from tomorrow on.
    """
    q = np.exp(-1.0 / mean_days)
    excitation *= q
    excitation += (1.0 - q) * (kernel.T @ offspring_by_community)


def first_crowds(n: int, params, rng: np.random.Generator) -> np.ndarray:
    """Pareto sizes (voters) of the crowds that start `n` incidents."""
    u = 1.0 - rng.random(n)
    return params.min_crowd_voters * u ** (-1.0 / params.crowd_tail)


def resolve(first_crowd: np.ndarray, pool: np.ndarray, officers: np.ndarray,
            delay_hours: np.ndarray, params) -> tuple[np.ndarray, np.ndarray]:
    """Crowd size and severity of each incident.

    pool: active voters the crowd can draw on; officers: effective officers on
    site and arriving after `delay_hours`.

    >>> from sim.scenario.schema import ClashParams
    >>> crowd, severity = resolve(np.array([50.0, 50.0]), np.array([1e4, 1e4]),
    ...                           np.array([1.0, 50.0]), np.array([3.0, 3.0]), ClashParams())
    >>> [SEVERITIES[k] for k in severity]  # one officer cannot hold 106 people; fifty can
    ['riot', 'clash']
    """
    s0 = np.minimum(first_crowd, pool)
    crowd = np.minimum(s0 * np.exp(params.growth_per_hour * delay_hours), np.maximum(s0, pool))
    uncontained = (crowd > params.containment_per_officer * officers) & (crowd >= params.riot_size)
    severity = np.where(uncontained, RIOT, np.where(crowd >= params.clash_size, CLASH, FRICTION))
    return crowd, severity


def identity_exposure(group: np.ndarray, neighbourhood: np.ndarray, nb_community: np.ndarray,
                      n_groups: int, salience: float) -> np.ndarray:
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
