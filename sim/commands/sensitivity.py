"""`kondusif sensitivity`: a global sensitivity study (SALib) run through the experiment runner."""

from __future__ import annotations

import os
from pathlib import Path

from sim.commands.errors import UserError
from sim.experiments.executors import EXECUTORS
from sim.experiments.sensitivity_spec import METHODS


def add_parser(sub):
    parser = sub.add_parser(
        "sensitivity", help="which uncertain parameters drive the outcomes (Sobol, Morris...)",
        description="Sample the experiment's [sensitivity.parameters] with SALib, run every "
                    "point through the experiment runner (resumable like a sweep), and write "
                    "indices with intervals, convergence, noise and figures.")
    parser.add_argument("experiment", help="experiment file with a [sensitivity] section, or "
                        "the name of a bundled one (see `kondusif experiments`)")
    parser.add_argument("--method", choices=METHODS,
                        help="override the file's method (its runs go to their own folder)")
    parser.add_argument("--executor", choices=EXECUTORS, default="local")
    parser.add_argument("--workers", type=int, default=None,
                        help=f"worker processes (default one per core: {os.cpu_count()})")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="existing Dask scheduler")
    parser.add_argument("--out", type=Path,
                        help="output folder (default out/<experiment name>_<method>)")
    parser.add_argument("--lang", choices=["id", "en"], default="id")
    parser.add_argument("--no-progress", action="store_true")
    return parser


def main(args) -> int:
    from sim.commands.common import check_out_folder
    from sim.commands.sweep import finish
    from sim.experiments import load_experiment
    from sim.experiments.sensitivity import (
        analyze_runs,
        run_sensitivity,
        with_method,
        write_result,
    )
    from sim.experiments.store import ResultStore
    from sim.viz.sensitivity_figures import save_sensitivity_figures

    if args.workers is not None and args.workers < 1:
        raise UserError(f"--workers = {args.workers}: must be at least 1")
    check_out_folder(args.out)
    spec, path = load_experiment(args.experiment)
    if spec.sensitivity is None:
        raise UserError(f"{path}: has no [sensitivity] table; `kondusif sensitivity` needs "
                        f"one (or sweep it: kondusif sweep {args.experiment})")
    spec = with_method(spec, args.method)
    out = args.out or Path("out") / f"{spec.name}_{spec.sensitivity.method}"
    report = run_sensitivity(spec, path, out, executor=args.executor, workers=args.workers,
                             scheduler=args.scheduler, progress=not args.no_progress)
    print(report.text())
    if finish(report, out):
        return 1
    result = analyze_runs(spec, ResultStore(out).runs())
    folder = out / "sensitivity"
    written = write_result(result, folder)
    written += save_sensitivity_figures(result, folder / "figures", args.lang)
    print(result.indices.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    for warning in result.warnings:
        print(f"warning: {warning}")
    print(f"{len(written)} files in {folder}/")
    return 0
