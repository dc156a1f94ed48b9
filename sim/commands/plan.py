"""`kondusif plan`: the sweep, then the search, comparison and robustness stages of [plan]."""

from __future__ import annotations

import os
from pathlib import Path

from sim.commands.errors import UserError
from sim.experiments.executors import EXECUTORS


def add_parser(sub):
    parser = sub.add_parser(
        "plan", help="answer an experiment's [plan]: sweep, search under the budget, robustness",
        description="Run an experiment's sweep and every stage its [plan] table asks for: a "
                    "search under the budget (successive halving over the subsets of "
                    "strategies, or pymoo's GA / NSGA-II over their intensities: "
                    "[plan.search] method), a paired comparison of the sweep's sets with the "
                    "search's finalists, and the leading options across plausible worlds. "
                    "Each stage is stored under OUT/plan/; run the same command again to "
                    "resume.")
    parser.add_argument("experiment", type=Path, help="experiment file (TOML)")
    parser.add_argument("--executor", choices=EXECUTORS, default="local",
                        help="serial, local process pool (default), or dask")
    parser.add_argument("--workers", type=int, default=None,
                        help=f"worker processes (default one per core: {os.cpu_count()})")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="address of an existing Dask scheduler (dask)")
    parser.add_argument("--out", type=Path, help="output folder (default out/<experiment name>)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def main(args) -> int:
    from sim.experiments import load_experiment
    from sim.experiments.plan import check_plan, run_plan
    from sim.experiments.stages import Runner

    if args.workers is not None and args.workers < 1:
        raise UserError(f"--workers = {args.workers}: must be at least 1")
    if args.scheduler and args.executor != "dask":
        raise UserError("--scheduler is for --executor dask")
    spec, path = load_experiment(args.experiment)
    if spec.plan.search is None and spec.plan.robustness is None:
        raise UserError(f"{path}: plan: the experiment has no [plan.search] and no "
                        "[plan.robustness]; nothing to plan beyond `kondusif sweep`")
    check_plan(spec, path)
    out = args.out or Path("out") / spec.name
    runner = Runner(args.executor, args.workers, args.scheduler, not args.no_progress)
    for report in run_plan(spec, path, out, runner):
        print(report.text())
    print(f"next: kondusif summarize {out}   and   kondusif report {out}")
    return 0
