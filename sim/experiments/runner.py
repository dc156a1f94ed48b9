"""Running an experiment: skip what is stored, keep a bounded window of runs in flight, flush often.

Rows reach disk in small parts as runs finish (every `flush_rows` runs or
`flush_seconds`, whichever comes first), so memory stays flat however many
runs there are, and a crash or Ctrl-C loses at most the last unflushed part:
running the same command again runs only what is missing.

A worker that dies (killed for memory, `os._exit`) breaks a local pool: the
runs it held are run again, one at a time, on a fresh pool; a run that kills
its worker a second time is recorded as failed with that cause, and the sweep
goes on.
"""

from __future__ import annotations

import errno
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from sim.experiments.design import RunTask, count_runs, expand
from sim.experiments.executors import Workers, open_executor
from sim.experiments.spec import Experiment, ExperimentError
from sim.experiments.store import ResultStore
from sim.experiments.worker import RunRecord, execute, failed_record

IN_FLIGHT_PER_SLOT = 4
WORKER_DIED = ("the worker process running this run died twice (killed for memory, or "
               "os._exit in the model); run it alone with `kondusif run` to see why")
FULL_DISK = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


@dataclass
class SweepReport:
    """What one sweep did."""

    out: Path
    total: int
    skipped: int
    ok: int = 0
    failed: int = 0
    seconds: float = 0.0
    executor: str = ""
    failures: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.ok + self.failed

    def text(self) -> str:
        rate = self.done / self.seconds if self.seconds > 0 else 0.0
        lines = [f"{self.out}: {self.total} runs in the experiment, {self.skipped} already "
                 f"stored, {self.ok} ran, {self.failed} failed; {self.seconds:.1f} s "
                 f"({rate:.1f} runs/s) on {self.executor}"]
        lines += [f"  failed: {f}" for f in self.failures[:5]]
        if self.failed > 5:
            lines.append(f"  ... and {self.failed - 5} more (see the status column)")
        return "\n".join(lines)


class _Buffer:
    """Finished runs waiting to be written as one part."""

    def __init__(self, store: ResultStore, rows: int, seconds: float):
        self.store, self.rows, self.seconds = store, rows, seconds
        self.records: list[RunRecord] = []
        self.since = time.monotonic()

    def add(self, record: RunRecord) -> None:
        self.records.append(record)
        if len(self.records) >= self.rows or time.monotonic() - self.since >= self.seconds:
            self.flush()

    def flush(self) -> None:
        records, self.records = self.records, []
        self.since = time.monotonic()
        try:
            self.store.append(records)
        except OSError as exc:
            if exc.errno not in FULL_DISK:
                raise
            kept = len(self.store.finished_ids())
            raise ExperimentError(str(self.store.folder), [
                f"the disk is full ({exc.filename or self.store.folder}); {kept} finished "
                f"runs are stored and kept there, the last {len(records)} were not written; "
                "free some space and run the same command again to resume (stored runs are "
                "skipped) / disk penuh; run yang tersimpan tetap ada, jalankan lagi perintah "
                "yang sama"]) from None


def run_experiment(spec: Experiment, path: Path, out: str | Path, executor: str = "local",
                   workers: int | None = None, scheduler: str | None = None,
                   points: list[dict[str, Any]] | None = None, progress: bool = True,
                   flush_rows: int = 500, flush_seconds: float = 5.0,
                   arms: list[list[str]] | None = None) -> SweepReport:
    """Run every run of `spec` not yet in the store at `out`, and store each as it finishes.

    Parameters
    ----------
    spec, path : the experiment and its file (from `load_experiment`)
    out : output folder; created, or resumed if it holds this experiment's store
    executor, workers, scheduler : see `sim.experiments.executors.open_executor`
    points : design points replacing the experiment's own (used by sensitivity studies)
    arms : the arms run at each of `points` (default every arm at every point)
    progress : show a progress bar with rate and time left
    flush_rows, flush_seconds : write a part after this many runs or this long

    Examples
    --------
    >>> from sim.experiments import load_experiment, run_experiment
    >>> spec, path = load_experiment("experiments/quick.toml")
    >>> report = run_experiment(spec, path, "out/quick", executor="serial")  # doctest: +SKIP
    """
    total = count_runs(spec, points, arms)
    with ResultStore.open_for(out, spec, path, total) as store:
        done = store.finished_ids()
        # a generator, not a list: memory stays flat however many runs the experiment has
        pending = (t for t in expand(spec, path, points, arms) if t.run_id not in done)
        report = SweepReport(Path(out), total, skipped=len(done))
        started = time.perf_counter()
        buffer = _Buffer(store, flush_rows, flush_seconds)
        with open_executor(executor, workers, scheduler) as pool, \
                tqdm(total=total, initial=report.skipped, disable=not progress, unit="run",
                     desc=spec.name, smoothing=0.1) as bar:
            report.executor = pool.description
            try:
                for record in _completed(pool, pending, pool.slots * IN_FLIGHT_PER_SLOT):
                    buffer.add(record)
                    _count(report, record)
                    bar.update()
            except BaseException:
                # keep what finished before the interruption, then let it propagate
                if buffer.records:
                    buffer.flush()
                raise
            finally:
                report.seconds = time.perf_counter() - started
            buffer.flush()
    return report


def _count(report: SweepReport, record: RunRecord) -> None:
    if record.row["status"] == "ok":
        report.ok += 1
        return
    report.failed += 1
    report.failures.append(f"{record.row['arm']} point {record.row['point']} replication "
                           f"{record.row['replication']}: {record.row['error'].splitlines()[0]}")


def _completed(pool: Workers, tasks: Iterable[RunTask], window: int) -> Iterator[RunRecord]:
    """Yield records as runs finish, with at most `window` runs submitted and unfinished."""
    queue = iter(tasks)
    running: dict[Future, RunTask] = {}
    try:
        while True:
            for task in queue:
                running[pool.executor.submit(execute, task)] = task
                if len(running) >= window:
                    break
            if not running:
                return
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            suspects = []
            for future in finished:
                task = running.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    suspects.append(task)
                except Exception as exc:  # the executor lost the run (e.g. a Dask worker)
                    yield failed_record(task, f"the executor lost this run: {exc!r}")
            if suspects:
                # every run in the broken pool is lost with it: rerun them one at a time
                suspects += list(running.values())
                running.clear()
                yield from _retry_alone(pool, suspects)
    finally:
        for future in running:
            future.cancel()


def _retry_alone(pool: Workers, tasks: list[RunTask]) -> Iterator[RunRecord]:
    """Runs lost with a dead worker, each once more on a fresh pool; a second death fails it."""
    if pool.renew is None:
        yield from (failed_record(t, WORKER_DIED) for t in tasks)
        return
    pool.renew()
    for task in tasks:
        try:
            yield pool.executor.submit(execute, task).result()
        except BrokenProcessPool:
            yield failed_record(task, WORKER_DIED)
            pool.renew()
