"""Where runs execute, all behind `concurrent.futures.Executor`: serial, local processes, Dask.

- ``serial``: in this process, one after another (debugging, profiling);
- ``local``: a process pool on this machine, one worker per core by default;
- ``dask``: a Dask distributed cluster, an existing scheduler by address
  (``tcp://host:8786``, many machines, dask-jobqueue on SLURM/PBS) or a
  ``LocalCluster`` started here on 127.0.0.1.

Every executor calls the same function, `sim.experiments.worker.execute`.
Local workers end with the sweep that started them, even one killed with
SIGKILL: each asks Linux to kill it when its parent dies (prctl) and watches
the sweep's process besides.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

EXECUTORS = ("serial", "local", "dask")
PR_SET_PDEATHSIG = 1
PARENT_CHECK_SECONDS = 1.0
SCHEDULER_TIMEOUT = "5s"


class ExecutorError(RuntimeError):
    """An executor that cannot be started or reached (a message for people)."""


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
    """An executor with the number of runs it can do at once, and what it is.

    `renew` (local pools) replaces a broken pool, one whose worker died, by a fresh one.
    """

    executor: Executor
    slots: int
    description: str
    renew: Callable[[], None] | None = None


def end_with_parent(sweep_pid: int) -> None:
    """Make this worker die with its parent and with the sweep (even after a SIGKILL)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            try:
                os.kill(sweep_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="kondusif-parent-watch", daemon=True).start()


def _start_worker(sweep_pid: int) -> None:
    """Workers leave Ctrl-C to the parent, which stores what finished and stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with_parent(sweep_pid)


def _local_pool(workers: int) -> ProcessPoolExecutor:
    # forkserver: workers start from a clean, single-threaded server process with the
    # model already imported, so no lock held by a parent thread is forked with them.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["sim.experiments.worker", "sim.simulation"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_start_worker, initargs=(os.getpid(),))


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) or 1


@contextmanager
def dask_client(workers: int, scheduler: str | None):
    """A Dask client: of a running scheduler by address, or of a LocalCluster on 127.0.0.1."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ExecutorError(f"--scheduler {scheduler}: could not connect to a Dask "
                                f"scheduler there within {SCHEDULER_TIMEOUT} ({exc}); check "
                                "the address (tcp://HOST:PORT) and that it runs") from None
        with client:
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
        local = Workers(_local_pool(workers), workers, f"local process pool ({workers} workers)")

        def renew() -> None:
            local.executor.shutdown(wait=False, cancel_futures=True)
            local.executor = _local_pool(workers)

        local.renew = renew
        try:
            yield local
        finally:
            local.executor.shutdown(wait=True, cancel_futures=True)
    else:
        with _dask(workers, scheduler) as dask_workers:
            yield dask_workers
