"""Where region tasks run, behind `concurrent.futures.Executor`: serial, local processes, Dask.

- ``serial``: in this process, one task after another; region runs are never pickled;
- ``local``: a process pool on this machine, one worker per core by default;
- ``dask``: a Dask distributed cluster: an existing scheduler by address
  (``tcp://host:8786``, e.g. started by dask-jobqueue on SLURM/PBS) or a
  ``LocalCluster`` started here on 127.0.0.1.

The names and shapes follow the experiment runner's executors, so that one
factory can serve both.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager

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


def default_workers() -> int:
    return len(os.sched_getaffinity(0))


@contextmanager
def open_executor(kind: str = "local", workers: int | None = None,
                  scheduler: str | None = None) -> Iterator[Executor]:
    """Start an executor of `kind`, yield it, and shut it down on leaving.

    Parameters
    ----------
    kind : "serial", "local" or "dask"
    workers : processes for "local" and a Dask LocalCluster (default: one per core)
    scheduler : address of a running Dask scheduler (kind "dask" only)

    Examples
    --------
    >>> with open_executor("serial") as pool:
    ...     list(pool.map(abs, [-1, 2]))
    [1, 2]
    """
    workers = workers or default_workers()
    if kind == "serial":
        with SerialExecutor() as executor:
            yield executor
    elif kind == "local":
        # forkserver: workers start from a clean single-threaded process with the model
        # imported, so no lock held by a thread of the parent is copied into them.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["sim.province.region"])
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as executor:
            yield executor
    elif kind == "dask":
        with _dask(workers, scheduler) as executor:
            yield executor
    else:
        raise ValueError(f"executor {kind!r}: expected one of {', '.join(EXECUTORS)}")


@contextmanager
def _dask(workers: int, scheduler: str | None) -> Iterator[Executor]:
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client.get_executor()
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, host="127.0.0.1") as cluster, \
            Client(cluster) as client:
        yield client.get_executor()
