"""Participatory exercises: one shared model, roles played from phones, run in rounds.

``Session`` (the engine, no web) holds the roles, their decisions and the
record; ``sim.exercise_host.web`` serves it to a facilitator's screen and the
participants' phones; ``sim.exercise_host.record`` writes a session to one JSON
file and replays it.
"""

from sim.exercise_host.messages import Refusal
from sim.exercise_host.plan import Plan, plan_of
from sim.exercise_host.roles import ROLES, roles_for
from sim.exercise_host.session import Session

__all__ = ["ROLES", "Plan", "Refusal", "Session", "plan_of", "roles_for"]
