"""A session on disk: one JSON file with decisions, events, reports and outcomes, and its replay.

The file is rewritten (atomically: a temporary file, then a rename) after
every round and at the end, so a crash loses at most the open round's
decisions. It holds what a researcher needs: the exercise (name, file and its
sha256), seed and overrides, who held which role, every played round with its
injected events, the decisions carried out (with their source: participant or
default), every role's reports, the outcomes at the round's end and the daily
totals; the whole history of claims, refusals, rewinds and commands with wall
times; and the debrief.

``replay`` plays the recorded rounds again from the seed and compares every
round's outcomes, daily totals and reports with the file's, and the debrief's
three runs (the room to the end, no one acting, the package) if it has one.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from sim.exercise_host.plan import plan_of
from sim.scenario.loading import ScenarioError
from sim.store_io import atomic_write_bytes

FORMAT = "kondusif-exercise-session/1"
COMPARED = ("outcomes", "daily", "reports")
DEBRIEF_SIDES = ("room", "no_one", "best")


def session_record(session) -> dict:
    """The whole session as a JSON-ready dict."""
    plan = session.plan
    return {
        "format": FORMAT,
        "exercise": {"name": plan.name, "path": plan.path, "sha256": plan.digest,
                     "title": plan.title},
        "scenario": plan.scenario_name,
        "seed": plan.seed,
        "overrides": dict(plan.overrides),
        "compare": list(plan.compare),
        "defaults": session.defaults,
        "roles": {role: {"taken_by": seat.name, "joined": seat.joined}
                  for role, seat in session.seats.items()},
        "budgets": session.budgets,
        "personnel": session.personnel,
        "rounds_planned": [r.as_dict() for r in plan.rounds],
        "rounds": session.rounds,
        "state": session.state,
        "history": session.history,
        "debrief": session.debrief,
    }


def save(session, path: str | Path) -> Path:
    """Write the session's record to `path` (atomically); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(session_record(session), ensure_ascii=False, indent=1, allow_nan=False)
    atomic_write_bytes(path, text.encode("utf-8"))
    return path


def read_record(path: str | Path) -> dict:
    """A session file, checked to be one.

    Raises
    ------
    ScenarioError
        Naming the file and what is wrong with it.
    """
    path = Path(path)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScenarioError(str(path), ["no such file"]) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ScenarioError(str(path), [f"not a JSON session file ({exc})"]) from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        found = record.get("format") if isinstance(record, dict) else type(record).__name__
        raise ScenarioError(str(path), [f"format = {found!r}: expected {FORMAT!r} (a file "
                                        f"written by `kondusif exercise host`)"])
    return record


def replay(record: dict, exercise: str | None = None) -> list[str]:
    """Play a recorded session again; the differences from the record (empty: identical).

    Parameters
    ----------
    record : dict
        From ``read_record``.
    exercise : str, optional
        Where the exercise file is, if not where the record says.

    Raises
    ------
    ScenarioError
        If the exercise file is not the one the session played.
    """
    source = exercise or record["exercise"]["path"]
    if not Path(source).is_file():
        source = record["exercise"]["name"]
    plan = plan_of(source, record["overrides"], record["seed"])
    if record.get("compare") is not None:
        plan = dataclasses.replace(plan, compare=tuple(record["compare"]))
    if plan.digest != record["exercise"]["sha256"]:
        raise ScenarioError(plan.path, [
            f"sha256 = {plan.digest[:12]}...: not the exercise file the session played "
            f"({record['exercise']['sha256'][:12]}...); give the original with --exercise"])
    from sim.exercise_host.session import Session

    session = Session(plan, defaults=record["defaults"])
    run = session.run
    differences = []
    for recorded in record["rounds"]:
        chosen = plan.rounds[recorded["index"]]
        run.begin_round(recorded["events"], recorded["decisions"], chosen.start)
        run.play_until(chosen.end)
        again = {"reports": run.reports(chosen.start, chosen.end), "outcomes": run.outcomes(),
                 "daily": run.daily(chosen.start)}
        differences += _differences(f"rounds.{recorded['index']}", recorded, again)
    if record.get("debrief"):
        session.rounds = record["rounds"]
        again = session.debrief_data()
        for side in DEBRIEF_SIDES:
            differences += _differences(f"debrief.{side}", record["debrief"][side], again[side],
                                        ("outcomes", "daily"))
    run.close()
    return differences


def _differences(where: str, recorded: dict, again: dict, keys=COMPARED) -> list[str]:
    found = []
    for key in keys:
        before = json.loads(json.dumps(recorded[key], allow_nan=False))
        after = json.loads(json.dumps(again[key], allow_nan=False))
        if before != after:
            found.append(f"{where}.{key}: {_first_difference(before, after)}")
    return found


def _first_difference(before, after, path="") -> str:
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after)):
            if before.get(key) != after.get(key):
                return _first_difference(before.get(key), after.get(key), f"{path}.{key}")
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for i, (a, b) in enumerate(zip(before, after, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{path}[{i}]")
    return f"{path.lstrip('.')} recorded {before!r}, replayed {after!r}"

