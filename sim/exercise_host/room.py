"""The room inside the model: one strategy that carries out the roles' decisions on their days.

The model sees the whole room as one strategy (``Room``) and the room acts only
through ``model.levers``, as every strategy does: each accepted decision is
applied on the first day of its round, deployments are undone when their days
end, and programmes run the catalogue strategy's own ``prepare`` and daily
``on_day`` from the day they start.

A programme's parameter changes (a faster response, clarifications reaching
believers, ...) are the one thing a strategy normally makes before the model is
built. Started mid-calendar they are applied to the running scenario from
that day: the scenario is rebuilt from the one the run started with and every
programme switched on so far, composed as ``with_parameter_changes`` composes
a package, and put in place of ``model.scenario``, which the mechanisms read
every day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sim.exercise_host.actions import ACTIONS_BY_KEY, Deployment, Programme
from sim.scenario.schema import SecurityKind
from sim.strategies.base import Cost, Strategy, with_parameter_changes


@dataclass
class Planned:
    """A decision the room will carry out on `date` (its round's first day)."""

    date: dt.date
    action: str
    params: object  # the action's validated parameters
    rupiah: float


@dataclass
class Undo:
    """What ends a deployment on `date`."""

    date: dt.date
    lever: str
    target: object
    community: int
    people: float


class Room(Strategy):
    """All the roles' decisions, carried out through the model's levers on their days."""

    name = "exercise_room"
    title = {"id": "Keputusan peserta latihan", "en": "The exercise room's decisions"}
    practice = {"id": "Keputusan peran Forkopimda dan mitranya dalam latihan.",
                "en": "Decisions of the Forkopimda roles and partners in an exercise."}
    effect = {"id": "Tindakan tiap peran lewat tuas model.",
              "en": "Each role's actions through the model's levers."}
    mechanisms = ()
    levers = ("placement", "schedule", "daily policy", "parameters")

    def __init__(self):
        super().__init__()
        self.model = None
        self.planned: list[Planned] = []
        self.undo: list[Undo] = []
        self.programmes: list[Strategy] = []
        self.spent = 0.0

    def clone(self) -> Room:
        """The room itself: each session run builds its own room and talks to it while the
        model runs, so the model must hold that very object (see `sim.simulation.clone`)."""
        return self

    def bind(self, model) -> None:
        """The model this room acts in (programmes' parameter changes go to its scenario)."""
        self.model = model
        self.base_scenario = model.scenario

    def plan(self, planned: Planned) -> None:
        self.planned.append(planned)
        self.spent += planned.rupiah

    def on_day(self, levers):
        today = levers.today
        for undo in [u for u in self.undo if u.date <= today]:
            self._end(levers, undo)
            self.undo.remove(undo)
        for planned in [p for p in self.planned if p.date == today]:
            self._carry_out(levers, planned)
        for programme in self.programmes:
            programme.on_day(levers)

    def _carry_out(self, levers, planned: Planned) -> None:
        action = ACTIONS_BY_KEY[planned.action]
        params = planned.params
        if isinstance(action, Programme):
            self._start(levers, action.strategy_for(params, self.base_scenario))
        elif isinstance(action, Deployment):
            self._deploy(levers, action, params, planned.date)

    def _start(self, levers, strategy: Strategy) -> None:
        self.programmes.append(strategy)
        self.model.scenario = with_parameter_changes(self.base_scenario, self.programmes)
        strategy.prepare(levers)

    def _deploy(self, levers, action: Deployment, params, today: dt.date) -> None:
        community = levers.community_names.index(params.community)
        people = action.people(params)
        ends = today + dt.timedelta(days=params.days)
        if action.lever == "police_reserve":
            target = levers.deploy_reserve(community, people)
        elif action.lever == "military_reserve":
            size = next((f.unit_size for f in levers.scenario.security.forces
                         if f.kind == SecurityKind.MILITARY), 30)
            target = levers.add_units(SecurityKind.MILITARY, people, size, community)
        else:
            levers.add_mediators(community, people)
            target = None
        self.undo.append(Undo(ends, action.lever, target, community, people))

    @staticmethod
    def _end(levers, undo: Undo) -> None:
        if undo.lever == "police_reserve":
            levers.recall(undo.target)
        elif undo.lever == "military_reserve":
            levers.withdraw_units(undo.target)
        else:
            levers.add_mediators(undo.community, -undo.people)

    def cost(self, scenario):
        return Cost(0.0, self.spent, "the roles' accepted actions (estimates per action)")
