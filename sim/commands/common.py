"""Arguments several commands share: scenario, strategies, seed, overrides."""

from __future__ import annotations

import argparse
import os

from sim.scenario import ScenarioError, bundled_path, parse_override, read_toml

BUDGET_PATH = "strategies.budget.rupiah"


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", help="scenario file, or the name of a bundled scenario")
    parser.add_argument("--strategy", action="append", default=[], metavar="NAME",
                        help="mitigation strategy (repeatable); see `kondusif strategies`")
    parser.add_argument("--package", action="append", default=[], metavar="NAME",
                        help="a package of strategies (repeatable)")
    parser.add_argument("--budget", type=float, metavar="RUPIAH",
                        help="hold the strategies' cost to this budget, rupiah (the same as "
                             "--set strategies.budget.rupiah=RUPIAH)")
    parser.add_argument("--seed", type=int, default=0, help="root seed (default 0)")
    parser.add_argument("--set", action="append", default=[], metavar="PATH=VALUE",
                        dest="overrides",
                        help="override a parameter, e.g. --set grievance.legitimacy=0.8")


def strategy_names(args: argparse.Namespace) -> list[str]:
    return list(args.strategy) + [f"package:{p}" for p in args.package]


def overrides_of_set(args: argparse.Namespace) -> dict:
    """The --set overrides as a dict of dotted paths to values."""
    return dict(parse_override(text) for text in args.overrides)


def overrides_of(args: argparse.Namespace) -> dict:
    """The --set overrides, plus --budget as strategies.budget.rupiah."""
    overrides = overrides_of_set(args)
    if args.budget is not None:
        overrides[BUDGET_PATH] = args.budget
    return overrides


def refuse_province_file(name: str) -> None:
    """A province file given where a regency scenario is expected: say which command runs it."""
    try:
        data = read_toml(bundled_path(name))
    except ValueError:
        return  # the scenario loader reports a missing or broken file in its own words
    if "province" in data and "regions" in data:
        raise ScenarioError(name, [f"a province file (several regions); run it with "
                                   f"`kondusif province run {name}` or check it with "
                                   f"`kondusif province validate {name}`"])


def add_executor_arguments(parser: argparse.ArgumentParser) -> None:
    """--executor, --workers and --scheduler, as every command that runs many runs has them."""
    from sim.experiments.executors import EXECUTORS

    parser.add_argument("--executor", choices=EXECUTORS, default="local",
                        help="serial, local process pool (default), or dask")
    parser.add_argument("--workers", type=int, default=None,
                        help=f"worker processes (default one per core: {os.cpu_count()})")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="address of an existing Dask scheduler, e.g. tcp://10.0.0.5:8786 "
                             "(dask; default: start a LocalCluster)")


def check_executor_arguments(args: argparse.Namespace) -> None:
    """Refuse a worker count below 1 and a scheduler without Dask (exit status 2)."""
    from sim.cli import UserError

    if args.workers is not None and args.workers < 1:
        raise UserError(f"--workers = {args.workers}: must be at least 1")
    if args.scheduler and args.executor != "dask":
        raise UserError("--scheduler is for --executor dask")
