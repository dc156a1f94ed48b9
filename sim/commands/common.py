"""Arguments several commands share: scenario, strategies, seed, overrides."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from sim.commands.errors import UserError
from sim.scenario import ScenarioError, bundled_path, parse_override, read_toml

BUDGET_PATH = "strategies.budget.rupiah"
# seeds are stored as 64-bit integers (Parquet, JSON readers)
MAX_SEED = 2**63 - 1


def seed(text: str) -> int:
    """An argparse type: a root seed, a whole number from 0 to 2**63 - 1."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"{text!r}: must be a whole number from 0 to {MAX_SEED}")
    return value


def positive(text: str) -> int:
    """An argparse type: a whole number >= 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: must be a whole number >= 1")
    return value


def check_out_folder(path: Path | None, option: str = "--out") -> None:
    """Refuse an output folder that is a file or lies under one, before any work is done."""
    if path is None:
        return
    for part in (path, *path.parents):
        if part.exists() and not part.is_dir():
            where = "is a file" if part == path else f"lies under {part}, which is a file"
            raise UserError(f"{option} {path}: {where}; give a folder")
    existing = next(p for p in (path, *path.parents) if p.exists())
    if not os.access(existing, os.W_OK):
        raise UserError(f"{option} {path}: {existing} cannot be written (no permission)")


def out_file_problem(path: Path) -> str:
    """Why an output file cannot be written there ('' if it can), before any work is done."""
    if path.is_dir():
        return "is a folder; give a file name"
    for part in path.parents:
        if part.exists() and not part.is_dir():
            return f"lies under {part}, which is a file; give a file in a folder"
    existing = next(p for p in path.parents if p.exists())
    if not os.access(existing, os.W_OK):
        return f"{existing} cannot be written (no permission)"
    return ""


def check_out_file(path: Path | None, option: str = "--out") -> None:
    """Refuse an output file that is a folder or whose folder lies under a file."""
    problem = out_file_problem(path) if path is not None else ""
    if problem:
        raise UserError(f"{option} {path}: {problem}")


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", help="scenario file, or the name of a bundled scenario")
    parser.add_argument("--strategy", action="append", default=[], metavar="NAME",
                        help="mitigation strategy (repeatable); see `kondusif strategies`")
    parser.add_argument("--package", action="append", default=[], metavar="NAME",
                        help="a package of strategies (repeatable)")
    parser.add_argument("--budget", type=float, metavar="RUPIAH",
                        help="hold the strategies' cost to this budget, rupiah (the same as "
                             "--set strategies.budget.rupiah=RUPIAH)")
    parser.add_argument("--seed", type=seed, default=0, help="root seed (default 0)")
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
    if args.workers is not None and args.workers < 1:
        raise UserError(f"--workers = {args.workers}: must be at least 1")
    if args.scheduler and args.executor != "dask":
        raise UserError("--scheduler is for --executor dask")
