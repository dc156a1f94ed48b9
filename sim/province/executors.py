"""Where region tasks run, behind `concurrent.futures.Executor`: serial, local processes, Dask.

- ``serial``: in this process, one task after another; region runs are never pickled;
- ``local``: a sticky process pool on this machine, one worker per core by
  default: each region stays in the worker that built it, so only orders and
  reports cross between processes at a synchronisation point;
- ``dask``: a Dask distributed cluster: an existing scheduler by address
  (``tcp://host:8786``, e.g. started by dask-jobqueue on SLURM/PBS) or a
  ``LocalCluster`` started here on 127.0.0.1; sticky in the same way, each
  region's tasks restricted to the worker that holds it.

The names and shapes follow the experiment runner's executors, so that one
factory can serve both.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager

from sim.experiments.executors import (
    EXECUTORS,
    SerialExecutor,
    dask_client,
    default_workers,
    end_with_parent,
)
from sim.province.region import Parcel, RegionRecipe, become_keeper, become_keeper_at


class StickyExecutor(Executor):
    """Routes each region's tasks to the same worker, one single-worker executor per home.

    Region runs are stateful between synchronisation points. A task whose
    first argument is a parcel kept in a worker (`Parcel.home`) goes back to
    that worker; a new region goes to the worker with the fewest residents;
    any other call goes round-robin.
    """

    def __init__(self, homes: list[Executor]):
        self._homes = homes
        self._residents = [0.0] * len(homes)
        self._turn = 0

    def submit(self, fn, /, *args, **kwargs) -> Future:
        return self._homes[self._home_for(args[0] if args else None)].submit(fn, *args, **kwargs)

    def _home_for(self, first) -> int:
        if isinstance(first, Parcel) and first.home is not None:
            return first.home
        if isinstance(first, RegionRecipe):
            home = min(range(len(self._homes)), key=self._residents.__getitem__)
            self._residents[home] += first.residents
            return home
        self._turn = (self._turn + 1) % len(self._homes)
        return self._turn

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        for home in self._homes:
            home.shutdown(wait=wait, cancel_futures=cancel_futures)


def _process_homes(workers: int) -> list[Executor]:
    # forkserver: workers start from a clean single-threaded process with the model
    # imported, so no lock held by a thread of the parent is copied into them.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["sim.province.region"])
    return [ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_start_home,
                                initargs=(home, os.getpid())) for home in range(workers)]


def _start_home(home: int, parent_pid: int) -> None:
    """A region worker keeps its regions here and ends with the run that started it."""
    end_with_parent(parent_pid)
    become_keeper(home)


def _dask_homes(client) -> list[Executor]:
    addresses = sorted(client.scheduler_info()["workers"])
    client.run(become_keeper_at, addresses)
    return [client.get_executor(workers=[address], allow_other_workers=False, pure=False)
            for address in addresses]


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
        with StickyExecutor(_process_homes(workers)) as executor:
            yield executor
    elif kind == "dask":
        with _dask(workers, scheduler) as executor:
            yield executor
    else:
        raise ValueError(f"executor {kind!r}: expected one of {', '.join(EXECUTORS)}")


@contextmanager
def _dask(workers: int, scheduler: str | None) -> Iterator[Executor]:
    with dask_client(workers, scheduler) as client:
        yield StickyExecutor(_dask_homes(client))
