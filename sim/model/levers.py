"""The levers a strategy may pull, and the observations it may read.

Strategies never touch the model's private state. Parameter changes are made
to the scenario before the model is built (see sim.strategies.base); during a
run a strategy works only through this object: where units and mediators are,
actions scheduled on the calendar, extra guards at polling stations, and what
an early-warning system could observe (reported tension).
"""

from __future__ import annotations

import numpy as np

from sim.model.agents import SecurityUnit
from sim.scenario.schema import Event, Phase, SecurityKind


class Levers:
    """The declared levers of one model run."""

    def __init__(self, model):
        self._model = model

    # --- observations -----------------------------------------------------

    @property
    def scenario(self):
        return self._model.scenario

    @property
    def community_names(self) -> list[str]:
        return [c.name for c in self._model.communities]

    @property
    def today(self):
        return self._model.today

    @property
    def phase(self) -> Phase:
        return self._model.phase

    def reported_tension(self) -> np.ndarray:
        """Tension per community as community reports would show it (early warning)."""
        return self._model.tension.copy()

    def travel_hours(self) -> np.ndarray:
        return self._model.travel_hours.copy()

    def personnel_by_community(self) -> np.ndarray:
        return self._model.personnel_by_community()

    # --- levers -----------------------------------------------------------

    def station_by_weight(self, weights: np.ndarray, kinds=(SecurityKind.POLICE,
                                                             SecurityKind.MILITARY)) -> None:
        """Re-station units of the given kinds so personnel follow `weights` per community.

        Units are placed greedily, largest first, to the community furthest below its
        target share (targeted deployment from conflict-potential mapping).
        """
        units = sorted((u for u in self._model.units if u.kind in kinds),
                       key=lambda u: (-u.personnel, u.unique_id))
        weights = np.asarray(weights, dtype=float)
        target = weights / weights.sum() * sum(u.personnel for u in units)
        placed = np.zeros(weights.size)
        for unit in units:
            community = int(np.argmax(target - placed))
            unit.move_to(community)
            placed[community] += unit.personnel

    def deploy_reserve(self, community: int, personnel: float) -> float:
        """Move free units towards `community` until `personnel` have arrived; return moved."""
        moved = 0.0
        model = self._model
        units = sorted((u for u in model.units if u.station != community and
                        u.kind != SecurityKind.LINMAS),
                       key=lambda u: (model.travel_hours[u.station, community], u.unique_id))
        for unit in units:
            if moved >= personnel:
                break
            if self._leaves_station_bare(unit):
                continue
            unit.move_to(community)
            moved += unit.personnel
        return moved

    def _leaves_station_bare(self, unit) -> bool:
        others = [u for u in self._model.units if u.station == unit.station and u is not unit
                  and u.kind != SecurityKind.LINMAS]
        return not others

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

    def guard_polling_stations(self, personnel_per_tps: float) -> None:
        """Extra effective personnel at every TPS on voting and counting days."""
        self._model.voting_day_extra_per_tps = max(self._model.voting_day_extra_per_tps,
                                                   personnel_per_tps)

    def schedule(self, event: Event) -> None:
        """Put an action on the calendar (it is validated like any scenario event)."""
        self._model.timeline.schedule(event)
