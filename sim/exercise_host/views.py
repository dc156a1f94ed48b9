"""What each screen shows, as JSON: a participant's (its role only) and the facilitator's (all).

A participant's view holds its own report, budget, personnel, decisions and
the actions it may take; never the model's true state or another role's
reports. The facilitator sees everything: seats, every pending decision, the
true outcomes so far, the daily totals, the history and the debrief.
"""

from __future__ import annotations

from functools import cache

from sim.exercise_host.actions import ACTIONS
from sim.exercise_host.session import INJECTABLE

HISTORY_SHOWN = 40


@cache
def actions_of(kind: str) -> list[dict]:
    """The forms of a kind of role's actions (they never change)."""
    return [a.describe() for a in ACTIONS if a.role == kind]


def round_view(session) -> dict:
    chosen = session.current_round
    return {**chosen.as_dict(), "total": len(session.plan.rounds)}


def participant_view(session, role: str, version: int) -> dict:
    """The screen of the person holding `role`."""
    info = session.roles[role]
    mine = [d for d in session.all_decisions() if d["role"] == role]
    requests = session.requests(to_role=role)
    return {
        "version": version, "state": session.state, "paused": session.paused,
        "exercise": session.plan.title, "round": round_view(session),
        "role": {"key": role, "title": info.title, "who": info.who,
                 "name": session.seats[role].name if role in session.seats else ""},
        "budget": session.budgets[role], "budget_left": round(session.budget_left(role), 2),
        "personnel": session.personnel[role],
        "personnel_free": session.personnel_free(role, session.current_round.start),
        "actions": actions_of(info.kind),
        "communities": [c.name for c in session.plan.scenario.communities],
        "roles": [{"key": r.key, "title": r.title} for r in session.roles.values()
                  if r.key != role],
        "report": session.reports[role],
        "decisions": mine, "requests": requests,
        "ended": session.debrief is not None,
    }


def facilitator_view(session, version: int, busy: str | None, progress: dict,
                     address: str) -> dict:
    """The facilitator's screen: everything, the true state included."""
    daily = [day for r in session.rounds for day in r["daily"]]
    return {
        "version": version, "state": session.state, "paused": session.paused, "busy": busy,
        "exercise": {"name": session.plan.name, "title": session.plan.title,
                     "description": session.plan.description},
        "join_code": session.join_code, "address": address,
        "round": round_view(session),
        "rounds": [{**r.as_dict(), "played": r.index < len(session.rounds)}
                   for r in session.plan.rounds],
        "seats": [{"role": r.key, "title": r.title,
                   "name": session.seats[r.key].name if r.key in session.seats else None,
                   "pending": sum(1 for d in session.pending if d["role"] == r.key),
                   "budget_left": round(session.budget_left(r.key), 2)}
                  for r in session.roles.values()],
        "pending": session.pending, "injected": session.injected,
        "outcomes": session.rounds[-1]["outcomes"] if session.rounds else None,
        "daily": daily, "progress": progress,
        "history": session.history[-HISTORY_SHOWN:],
        "debrief": session.debrief,
        "injectable": [k.value for k in INJECTABLE],
        "communities": [c.name for c in session.plan.scenario.communities],
        "roles": list(session.roles),
    }


def roles_view(session) -> dict:
    """The join screen: the exercise, and which roles are free."""
    return {"exercise": session.plan.title,
            "roles": [{"key": r.key, "title": r.title, "who": r.who,
                       "taken": r.key in session.seats} for r in session.roles.values()]}
