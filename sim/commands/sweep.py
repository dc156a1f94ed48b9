"""`kondusif sweep`: run an experiment's runs on an executor, store each as it finishes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sim.commands.common import check_out_folder, positive
from sim.commands.errors import UserError
from sim.experiments.executors import EXECUTORS


def add_parser(sub):
    parser = sub.add_parser(
        "sweep", help="run an experiment (strategies x parameters x replications)",
        description="Run every run of an experiment and store it in OUT as it finishes. "
                    "Run the same command again to resume after a crash or Ctrl-C: "
                    "finished runs are skipped.")
    parser.add_argument("experiment", help="experiment file (TOML), or the name of a bundled "
                        "experiment (see `kondusif experiments`)")
    parser.add_argument("--executor", choices=EXECUTORS, default="local",
                        help="serial, local process pool (default), or dask")
    parser.add_argument("--workers", type=int, default=None,
                        help=f"worker processes (default one per core: {os.cpu_count()})")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="address of an existing Dask scheduler, e.g. tcp://10.0.0.5:8786 "
                             "(dask; default: start a LocalCluster)")
    parser.add_argument("--out", type=Path, help="output folder (default out/<experiment name>)")
    parser.add_argument("--flush-every", type=positive, default=500, metavar="RUNS",
                        help="write a part after this many finished runs (and at least every "
                             "5 seconds)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def main(args) -> int:
    from sim.experiments import load_experiment, run_experiment

    if args.workers is not None and args.workers < 1:
        raise UserError(f"--workers = {args.workers}: must be at least 1")
    if args.scheduler and args.executor != "dask":
        raise UserError("--scheduler is for --executor dask")
    check_out_folder(args.out)
    spec, path = load_experiment(args.experiment)
    out = args.out or Path("out") / spec.name
    report = run_experiment(spec, path, out, executor=args.executor, workers=args.workers,
                            scheduler=args.scheduler, progress=not args.no_progress,
                            flush_rows=args.flush_every)
    print(report.text())
    return finish(report, out)


def finish(report, out: Path) -> int:
    """Exit status of a sweep: 1 when runs were attempted and every one of them failed."""
    if report.done and not report.ok:
        print(f"every run failed ({report.failed} of {report.done}); nothing usable was "
              f"stored in {out}. See the first errors above / semua run gagal",
              file=sys.stderr)
        return 1
    print(f"next: kondusif summarize {out}")
    return 0
