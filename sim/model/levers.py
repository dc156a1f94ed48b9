"""The levers a strategy may pull, and the observations it may read.

Strategies never touch the model's private state. Parameter changes are made
to the scenario before the model is built (see sim.strategies.base); during a
run a strategy works only through this object: where units and mediators are,
actions scheduled on the calendar, extra guards at polling stations, and what
an early-warning system or a command post could observe (reported tension,
yesterday's incidents).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import numpy as np

from sim.model.agents import RESPONDERS, SecurityUnit, mediators_by_community
from sim.model.mechanisms.clash import SEVERITIES
from sim.scenario.schema import LEADER_ROLES, Event, Phase, SecurityKind


class Residents(NamedTuple):
    """The layout of the simulated residents (read-only): sorted by community."""

    community: np.ndarray  # community index of each resident
    start: np.ndarray  # first resident of each community
    stop: np.ndarray  # one past the last
    voter_weight: np.ndarray  # voters each resident stands for


def _read_only(array: np.ndarray) -> np.ndarray:
    view = array.view()
    view.flags.writeable = False
    return view


class Levers:
    """The declared levers of one model run.

    Observation noise is drawn from a stream of its own, spawned after the
    mechanisms' streams, so strategies that observe do not shift the random
    numbers of the mechanisms (common random numbers stay common).
    """

    def __init__(self, model):
        self._model = model
        self._observation_rng = model.rng.spawn(1)[0]

    # --- observations -----------------------------------------------------

    @property
    def scenario(self):
        return self._model.scenario

    @property
    def community_names(self) -> list[str]:
        return [c.name for c in self._model.communities]

    @property
    def today(self) -> dt.date:
        return self._model.today

    @property
    def phase(self) -> Phase:
        return self._model.phase

    def reported_tension(self, noise_sd: float = 0.0) -> np.ndarray:
        """Tension per community as community reports show it, with reporting noise.

        Parameters
        ----------
        noise_sd : float
            Standard deviation of the reporting error (tension units, 0-1 scale).
        """
        tension = self._model.tension.copy()
        if noise_sd > 0:
            tension += self._observation_rng.normal(0.0, noise_sd, tension.size)
        return np.clip(tension, 0.0, 1.0)

    def reported_incidents(self, min_severity: str = "clash") -> np.ndarray:
        """Incidents of at least `min_severity` per community yesterday (a situation report)."""
        yesterday = (self.today - dt.timedelta(days=1)).isoformat()
        index = self._model.community_index
        wanted = set(SEVERITIES[SEVERITIES.index(min_severity):])
        counts = np.zeros(len(index), dtype=int)
        for entry in reversed(self._model.ledger.incident_log):
            if entry["date"] < yesterday:
                break
            if entry["date"] == yesterday and entry["severity"] in wanted:
                counts[index[entry["community"]]] += 1
        return counts

    def travel_hours(self) -> np.ndarray:
        return self._model.travel_hours.copy()

    @property
    def voters(self) -> np.ndarray:
        """Registered voters per community (a copy)."""
        return self._model.voters.copy()

    def believing_voters(self) -> float:
        """Voters who believe the current hoax, as a survey of the whole place would count."""
        pop = self._model.population
        return float(pop.voter_weight[pop.believes].sum())

    @property
    def residents(self) -> Residents:
        """Where the simulated residents live: for a second race on the same people."""
        pop = self._model.population
        return Residents(*(_read_only(a) for a in (pop.community, pop.start, pop.stop,
                                                    pop.voter_weight)))

    def personnel_by_community(self) -> np.ndarray:
        return self._model.personnel_by_community()

    # --- levers -----------------------------------------------------------

    def station_by_weight(self, weights: np.ndarray, share: float = 1.0,
                          kinds=RESPONDERS) -> None:
        """Re-base units of the given kinds so a `share` of their personnel follows `weights`.

        The target per community is `share` of the personnel spread by `weights` plus
        the rest where the units are now. Units are placed greedily, largest first,
        to the community furthest below its target (targeted deployment from
        conflict-potential mapping). The new station becomes the unit's home base,
        to which temporary deployments return.
        """
        units = sorted(self._model.units.select(lambda u: u.kind in kinds),
                       key=lambda u: (-u.personnel, u.unique_id))
        weights = np.asarray(weights, dtype=float)
        now = np.zeros(weights.size)
        for unit in units:
            now[unit.station] += unit.personnel
        target = share * weights / weights.sum() * now.sum() + (1.0 - share) * now
        placed = np.zeros(weights.size)
        for unit in units:
            community = int(np.argmax(target - placed))
            unit.base = community
            unit.move_to(community)
            placed[community] += unit.personnel

    def deploy_reserve(self, community: int, personnel: float) -> list[int]:
        """Move units at their bases to `community` until `personnel` have gone.

        The nearest units go first; a unit never leaves its station without another
        police or military unit there, and units already deployed elsewhere stay.
        Returns the ids of the units moved, for ``recall``.
        """
        moved, ids = 0.0, []
        model = self._model
        units = sorted(model.units.select(lambda u: u.station == u.base != community
                                          and u.kind != SecurityKind.LINMAS),
                       key=lambda u: (model.travel_hours[u.station, community], u.unique_id))
        for unit in units:
            if moved >= personnel:
                break
            if self._leaves_station_bare(unit):
                continue
            unit.move_to(community)
            moved += unit.personnel
            ids.append(unit.unique_id)
        return ids

    def recall(self, unit_ids: list[int]) -> None:
        """Send the given units back to their home bases."""
        wanted = set(unit_ids)
        self._model.units.select(lambda u: u.unique_id in wanted).do(
            lambda u: u.move_to(u.base))

    def _leaves_station_bare(self, unit) -> bool:
        others = self._model.units.select(lambda u: u.station == unit.station and u is not unit
                                          and u.kind != SecurityKind.LINMAS)
        return len(others) == 0

    def add_units(self, kind: SecurityKind, personnel: int, unit_size: int,
                  community: int) -> list:
        """Bring outside personnel (a provincial reserve) into the run; return the new units."""
        full, rest = divmod(personnel, unit_size)
        return [SecurityUnit(self._model, kind, size, community)
                for size in [unit_size] * full + ([rest] if rest else [])]

    def withdraw_units(self, units) -> None:
        """Take units out of the run (recalled to another region by the province)."""
        for unit in units:
            unit.remove()

    def mobilise(self, residents: np.ndarray, anger: float) -> None:
        """Hold the anger of the residents in a boolean mask at `anger` or above from today.

        For mobilisation from outside this race, e.g. a disputed governor result.
        """
        model = self._model
        if model.outside_anger is None:
            model.outside_anger = np.zeros(model.population.size, dtype=np.float32)
        model.outside_anger[residents] = np.maximum(model.outside_anger[residents],
                                                    np.float32(anger))

    def add_mediators(self, community: int, mediators: float) -> None:
        """Add dialogue capacity (leaders' forums, FKUB sessions) to a community."""
        self._model.extra_mediators[community] += mediators

    def retarget_leaders(self, weights: np.ndarray, share: float) -> None:
        """Shift a `share` of the leaders' dialogue effort between communities by `weights`.

        Leaders (tokoh masyarakat, agama, adat) keep living where they live; a
        share of their dialogue work (forum sessions, visits) goes where the map
        says risk is highest. Total dialogue capacity is unchanged.
        """
        leaders = self._model.officials.select(lambda o: o.role in LEADER_ROLES)
        own = mediators_by_community(leaders, len(self._model.communities))
        weights = np.asarray(weights, dtype=float)
        wanted = own.sum() * weights / weights.sum()
        self._model.extra_mediators += share * (wanted - own)

    def guard_polling_stations(self, personnel_per_tps) -> None:
        """Extra effective personnel at each TPS on voting and counting days.

        Parameters
        ----------
        personnel_per_tps : float or array
            One number for every community, or one per community.
        """
        self._model.voting_day_extra_per_tps = np.maximum(
            self._model.voting_day_extra_per_tps, personnel_per_tps)

    def schedule(self, event: Event) -> None:
        """Put an action on the calendar (it is validated like any scenario event)."""
        self._model.timeline.schedule(event)
