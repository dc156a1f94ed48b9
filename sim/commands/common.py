"""Arguments several commands share: scenario, strategies, seed, overrides."""

from __future__ import annotations

import argparse

from sim.scenario import parse_override


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", help="scenario file, or the name of a bundled scenario")
    parser.add_argument("--strategy", action="append", default=[], metavar="NAME",
                        help="mitigation strategy (repeatable); see `kondusif strategies`")
    parser.add_argument("--package", action="append", default=[], metavar="NAME",
                        help="a package of strategies (repeatable)")
    parser.add_argument("--seed", type=int, default=0, help="root seed (default 0)")
    parser.add_argument("--set", action="append", default=[], metavar="PATH=VALUE",
                        dest="overrides",
                        help="override a parameter, e.g. --set grievance.legitimacy=0.8")


def strategy_names(args: argparse.Namespace) -> list[str]:
    return list(args.strategy) + [f"package:{p}" for p in args.package]


def overrides_of(args: argparse.Namespace) -> dict:
    return dict(parse_override(text) for text in args.overrides)
