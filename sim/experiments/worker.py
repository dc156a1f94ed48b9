"""The one function every executor calls: run one task, return its row (never raise).

A run that raises is returned as a row with ``status = "failed"`` and the
error's text, so a sweep records it and goes on.
"""

from __future__ import annotations

import os
import socket
import time
import traceback
from dataclasses import dataclass
from typing import Any

import pandas as pd

from sim.experiments.design import RunTask
from sim.experiments.spec import KONDUSIF, outcome_type_problems, resolve_function

ERROR_CHARS = 2000


@dataclass
class RunRecord:
    """What a worker sends back: one store row, and the run's kept daily series (or None)."""

    row: dict[str, Any]
    timeseries: pd.DataFrame | None


def flatten_outcomes(outcomes: dict[str, Any], keep: tuple[str, ...] | None) -> dict[str, Any]:
    """Nested outcomes to dotted columns (``incidents_by_severity.riot``); keep what was asked.

    A kept name keeps itself and everything under it (``vote_shares`` keeps every share).

    Examples
    --------
    >>> flatten_outcomes({"riots": 1, "vote_shares": {"01": 0.4, "02": 0.6}}, ("vote_shares",))
    {'vote_shares.01': 0.4, 'vote_shares.02': 0.6}
    """
    flat: dict[str, Any] = {}
    for name, value in outcomes.items():
        if isinstance(value, dict):
            flat.update({f"{name}.{k}": v for k, v in value.items()})
        else:
            flat[name] = value
    if keep is None:
        return flat
    return {k: v for k, v in flat.items()
            if any(k == name or k.startswith(f"{name}.") for name in keep)}


def execute(task: RunTask) -> RunRecord:
    """Run one task with the experiment's model; failures become rows, not exceptions."""
    started, cpu = time.perf_counter(), time.process_time()
    row = _identity(task)
    try:
        outcomes, seconds, series = _run_model(task)
    except Exception as exc:  # a failing run is recorded and the sweep goes on
        text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        where = traceback.format_tb(exc.__traceback__)[-1].strip() if exc.__traceback__ else ""
        row |= _failed(f"{text}\n{where}")
        series = None
    else:
        row |= {"status": "ok", "error": "", "seconds": seconds}
        row |= {f"out.{k}": v for k, v in flatten_outcomes(outcomes, task.outcomes).items()}
    row["wall_seconds"] = time.perf_counter() - started
    row["cpu_seconds"] = time.process_time() - cpu
    row["worker"] = f"{socket.gethostname()}:{os.getpid()}"
    return RunRecord(row, series)


def _failed(error: str) -> dict[str, Any]:
    return {"status": "failed", "error": error[:ERROR_CHARS], "seconds": float("nan")}


def failed_record(task: RunTask, cause: str) -> RunRecord:
    """The row of a run that could not be run at all (its worker died), with the cause."""
    row = _identity(task) | _failed(cause)
    row |= {"wall_seconds": float("nan"), "cpu_seconds": float("nan"), "worker": ""}
    return RunRecord(row, None)


def _identity(task: RunTask) -> dict[str, Any]:
    row = {"run_id": task.run_id, "arm": task.arm, "point": task.point,
           "replication": task.replication, "scenario": task.scenario,
           "strategies": "+".join(task.strategies), "root_seed": task.root_seed,
           "seed": task.function_seed() if task.model != KONDUSIF else
           int(task.run_spec().seed_sequence().generate_state(1)[0])}
    row |= {f"param.{k}": v for k, v in task.parameters}
    return row


def _run_model(task: RunTask) -> tuple[dict[str, Any], float, pd.DataFrame | None]:
    if task.model != KONDUSIF:
        started = time.perf_counter()
        params = dict(task.fixed) | dict(task.parameters)
        outcomes = resolve_function(task.model)(params, task.function_seed())
        problems = outcome_type_problems(task.model, outcomes)
        if problems:
            raise TypeError(problems[0])
        return dict(outcomes), time.perf_counter() - started, None
    from sim.simulation import run_one

    result = run_one(task.run_spec())
    series = None
    if task.timeseries:
        series = result.timeseries[["step", "date", "community", *task.timeseries]].copy()
        series.insert(0, "run_id", task.run_id)
    return result.outcomes, result.seconds, series
