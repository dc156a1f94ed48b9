"""`kondusif calibrate`: fit priors to targets by ABC-SMC (pyABC), runs through the experiment
runner; write the posterior, its predictive checks and figures beside the experiment."""

from __future__ import annotations

from pathlib import Path

from sim.commands.common import add_executor_arguments, check_executor_arguments


def add_parser(sub):
    parser = sub.add_parser(
        "calibrate", help="kalibrasi / calibrate: fit parameters to observed targets (ABC-SMC)",
        description="Kalibrasi sebagai inferensi / calibration as inference: ABC-SMC (pyABC) "
                    "over the priors of the calibration file, every run stored by the "
                    "experiment runner. Run the same command again to resume.")
    parser.add_argument("calibration", type=Path, help="calibration file (TOML)")
    add_executor_arguments(parser)
    parser.add_argument("--out", type=Path, help="output folder (default out/<name>)")
    return parser


def main(args) -> int:
    from sim.calibration.abc import run_calibration
    from sim.calibration.spec import load_calibration

    check_executor_arguments(args)
    spec = load_calibration(args.calibration)
    out = args.out or Path("out") / spec.name
    result = run_calibration(spec, out, args.executor, args.workers, args.scheduler)
    print(result.text())
    print(f"-> {out}/ (posterior.parquet, summary.json, marginals.png, identification.png, "
          "predictive.png)")
    return 0
