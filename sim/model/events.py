"""What each kind of scheduled or injected event does on its day: one handler per kind.

Sizes are set by `event_effects.*` (all estimates) times the event's magnitude.
"""

from __future__ import annotations

import numpy as np

from sim.model import mechanisms as mech
from sim.scenario.schema import EventKind


def _hoax_wave(model, where, camp, m, fx):
    model.seed_hoax(where, m)


def _rally(model, where, camp, m, fx):
    pop = model.population
    model.extra_mixing[where] += fx.rally_mixing * m
    rivals = model.residents_in(where) & (pop.support >= 0) & (pop.support != (
        camp if camp is not None else -2))
    pop.anger[rivals] += np.float32(fx.rally_anger * m)


def _provocation(model, where, camp, m, fx):
    pop = model.population
    pop.anger[model.residents_in(where) & (pop.support >= 0)] += np.float32(
        fx.provocation_anger * m)
    model.tension[where] += fx.provocation_tension * m


def _result_announcement(model, where, camp, m, fx):
    model.announce_result(fx.announcement_tension * m)


def _dispute_filing(model, where, camp, m, fx):
    model.decide_dispute()


def _disputed_count(model, where, camp, m, fx):
    model.tension[where] += fx.disputed_count_tension * m
    model.legitimacy_deficit[where] += fx.disputed_count_legitimacy * m


def _legitimacy_shock(model, where, camp, m, fx):
    model.legitimacy_deficit[where] += fx.legitimacy_shock * m


def _non_neutrality(model, where, camp, m, fx):
    model.legitimacy_deficit[where] += m * mech.mediation.breach_loss(
        model.voters[where], model.scenario.mediation)
    model.ledger.totals.non_neutrality += 1


HANDLERS = {
    EventKind.HOAX_WAVE: _hoax_wave,
    EventKind.RALLY: _rally,
    EventKind.PROVOCATION: _provocation,
    EventKind.RESULT_ANNOUNCEMENT: _result_announcement,
    EventKind.DISPUTE_FILING: _dispute_filing,
    EventKind.DISPUTED_COUNT: _disputed_count,
    EventKind.LEGITIMACY_SHOCK: _legitimacy_shock,
    EventKind.NON_NEUTRALITY: _non_neutrality,
}


def apply(model, event) -> None:
    """Let `event` act on `model` today, and log it."""
    where = model.event_communities(event)
    camp = None if event.candidate is None else model.candidate_index(event.candidate)
    HANDLERS[event.kind](model, where, camp, event.magnitude, model.scenario.event_effects)
    np.clip(model.tension, 0.0, 1.0, out=model.tension)
    np.clip(model.legitimacy_deficit, 0.0, 1.0, out=model.legitimacy_deficit)
    model.ledger.event_log.append({"date": model.today.isoformat(), "kind": str(event.kind),
                                   "community": event.community, "magnitude": event.magnitude})
