"""One deterministic run of a session's calendar: the model, the room in it, the roles' reports.

A run is rebuilt, never patched: to rewind, a session builds a new run from
the plan's seed and plays the recorded rounds again (their injected events
and decisions, in order). The same plan and the same rounds give the same
model, the same reports and the same outcomes, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import math

from sim.exercise_host.actions import ACTIONS_BY_KEY
from sim.exercise_host.reports import (
    DailyTable,
    ikp_of,
    make_report,
    report_streams,
    visible_communities,
)
from sim.exercise_host.roles import roles_for
from sim.exercise_host.room import Planned, Room
from sim.outcomes import outcomes_of, timeseries_of
from sim.scenario.schema import Event
from sim.simulation import build_model, release
from sim.strategies import resolve_strategies


class Run:
    """The model of a session (or of a comparison) and what its roles are told.

    Parameters
    ----------
    plan : Plan
    compare : bool
        Build the comparison run: the plan's strategies from the first day and no room.
    """

    def __init__(self, plan, compare: bool = False):
        self.plan = plan
        self.room = Room()
        strategies = resolve_strategies(plan.compare, plan.scenario) if compare else [self.room]
        self.model = build_model(plan.scenario, strategies, seed=plan.seed_sequence())
        self.room.bind(self.model)
        self.roles = [r.key for r in roles_for(plan.scenario)]
        self.streams = report_streams(plan.seed, self.roles)
        self.ikp = ikp_of(plan.scenario)
        self.worked_in: set[str] = set()

    # --- the calendar ------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.model.steps >= len(self.model.timeline)

    @property
    def next_date(self) -> dt.date | None:
        """The day the next step simulates (None when the calendar is over)."""
        return None if self.finished else self.model.timeline.date_of(self.model.steps)

    @property
    def last_date(self) -> dt.date | None:
        return None if self.model.steps == 0 else self.model.timeline.date_of(
            self.model.steps - 1)

    def step(self) -> None:
        self.model.step()

    def play_until(self, last: dt.date) -> None:
        """Step every day up to and including `last`."""
        while not self.finished and self.next_date <= last:
            self.step()

    # --- a round -----------------------------------------------------------------

    def inject(self, event: dict) -> None:
        self.model.inject(Event.model_validate({**event, "note": "injected by the facilitator"}))

    def begin_round(self, events: list[dict], decisions: list[dict], start: dt.date) -> None:
        """Put the round's events on the calendar and its decisions in the room's hands."""
        for event in events:
            self.inject(event)
        for decision in decisions:
            action = ACTIONS_BY_KEY[decision["action"]]
            params = action.Params(**decision["params"])
            if getattr(params, "community", None) and decision["action"] in ("dialogue",
                                                                              "socialisation"):
                self.worked_in.add(params.community)
            # transfers and requests move money or words between roles, nothing in the model
            if action.kind in ("programme", "deployment"):
                self.room.plan(Planned(start, action.key, params, decision["rupiah"]))

    def reports(self, start: dt.date, end: dt.date) -> dict[str, dict]:
        """Every role's report on the days `start`..`end` (drawn for every role, always)."""
        series = timeseries_of(self.model) if self.model.steps else _empty_series()
        scenario = self.plan.scenario
        table = DailyTable(series, [c.name for c in scenario.communities])
        return {role: make_report(role, self.streams[role], table, scenario, start, end,
                                  visible_communities(role, scenario, self.worked_in),
                                  self.ikp)
                for role in self.roles}

    def outcomes(self) -> dict:
        """Outcomes so far, JSON-ready (a number not yet known, like turnout, is None)."""
        return clean(outcomes_of(self.model))

    def daily(self, start: dt.date | None = None) -> list[dict]:
        """Totals per simulated day from `start` on: incidents, clashes, riots, injuries,
        highest tension, mean hoax belief."""
        if self.model.steps == 0:
            return []
        series = timeseries_of(self.model)
        if start is not None:
            series = series[series["date"] >= start.isoformat()]
        days = series.groupby("date", sort=True).agg(
            friction=("friction", "sum"), clash=("clash", "sum"), riot=("riot", "sum"),
            injuries=("injuries", "sum"), tension_max=("tension", "max"),
            hoax_belief=("hoax_belief", "mean"))
        return [{"date": day, "incidents": int(r.friction + r.clash + r.riot),
                 "clashes": int(r.clash + r.riot), "riots": int(r.riot),
                 "injuries": round(float(r.injuries), 6),
                 "tension_max": round(float(r.tension_max), 6),
                 "hoax_belief": round(float(r.hoax_belief), 6)}
                for day, r in days.iterrows()]

    def close(self) -> None:
        release(self.model)


def _empty_series():
    import pandas as pd
    return pd.DataFrame(columns=["date", "community"])


def clean(value):
    """NaN to None, numpy scalars to Python, all the way down: what JSON can carry exactly.

    Examples
    --------
    >>> import numpy as np
    >>> clean({"turnout": float("nan"), "riots": np.int64(2), "shares": (0.5,)})
    {'turnout': None, 'riots': 2, 'shares': [0.5]}
    """
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def compared_outcomes(plan, events: list[dict], compare: bool) -> tuple[dict, list[dict]]:
    """Outcomes and daily totals of the whole calendar with no one acting (``compare=False``)
    or with the plan's strategies from the first day, the same events injected."""
    run = Run(plan, compare=compare)
    for event in events:
        run.inject(event)
    run.play_until(plan.scenario.calendar.dispute_end)
    result = run.outcomes(), run.daily()
    run.close()
    return result
