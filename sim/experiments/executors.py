"""Where runs execute, all behind `concurrent.futures.Executor`: serial, local processes, Dask.

- ``serial``: in this process, one after another (debugging, profiling);
- ``local``: a process pool on this machine, one worker per core by default;
- ``dask``: a Dask distributed cluster, an existing scheduler by address
  (``tcp://host:8786``, many machines, dask-jobqueue on SLURM/PBS) or a
  ``LocalCluster`` started here on 127.0.0.1.

Every executor calls the same function, `sim.experiments.worker.execute`.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

EXECUTORS = ("serial", "local", "dask")


class SerialExecutor(Executor):
    """Runs each submitted call at once, in this process; its futures are done on return."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # the future carries it, as any executor's would
            future.set_exception(exc)
        return future


@dataclass
class Workers:
    """An executor with the number of runs it can do at once, and what it is."""

    executor: Executor
    slots: int
    description: str


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stores what finished and stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _local_pool(workers: int) -> ProcessPoolExecutor:
    # forkserver: workers start from a clean, single-threaded server process with the
    # model already imported, so no lock held by a parent thread is forked with them.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["sim.experiments.worker", "sim.simulation"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_ignore_interrupts)


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) or 1


@contextmanager
def dask_client(workers: int, scheduler: str | None):
    """A Dask client: of a running scheduler by address, or of a LocalCluster on 127.0.0.1."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, host="127.0.0.1") as cluster, \
            Client(cluster) as client:
        yield client


@contextmanager
def _dask(workers: int, scheduler: str | None) -> Iterator[Workers]:
    with dask_client(workers, scheduler) as client:
        if scheduler:
            slots = sum(client.nthreads().values()) or 1
            yield Workers(client.get_executor(), slots, f"dask at {scheduler} ({slots} threads)")
        else:
            yield Workers(client.get_executor(), workers,
                          f"dask LocalCluster ({workers} workers)")


@contextmanager
def open_executor(kind: str = "local", workers: int | None = None,
                  scheduler: str | None = None) -> Iterator[Workers]:
    """Start an executor of `kind`, yield it, and shut it down on leaving.

    Parameters
    ----------
    kind : "serial", "local" or "dask"
    workers : processes for local and a Dask LocalCluster; default one per core
    scheduler : address of an existing Dask scheduler (dask only)

    Examples
    --------
    >>> with open_executor("serial") as w:
    ...     w.executor.submit(sum, [1, 2]).result()
    3
    """
    if kind not in EXECUTORS:
        raise ValueError(f"executor {kind!r}: expected one of {', '.join(EXECUTORS)}")
    workers = workers or default_workers()
    if kind == "serial":
        yield Workers(SerialExecutor(), 1, "serial (this process)")
    elif kind == "local":
        pool = _local_pool(workers)
        try:
            yield Workers(pool, workers, f"local process pool ({workers} workers)")
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    else:
        with _dask(workers, scheduler) as dask_workers:
            yield dask_workers
