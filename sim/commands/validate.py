"""`kondusif validate`: check a scenario file, list every problem, exit 2 if any."""

from __future__ import annotations

import sys

from sim.commands.common import refuse_province_file
from sim.scenario import bundled_path, load_scenario, missing_sources, parse_override
from sim.scenario.memory import memory_problem


def add_parser(sub):
    parser = sub.add_parser("validate", help="check a scenario file")
    parser.add_argument("file", help="scenario TOML file, or the name of a bundled scenario")
    parser.add_argument("--set", action="append", default=[], dest="overrides",
                        metavar="PATH=VALUE", help="check with overrides applied")
    return parser


def main(args) -> int:
    refuse_province_file(args.file)
    scenario = load_scenario(bundled_path(args.file),
                             dict(parse_override(t) for t in args.overrides))
    for warning in missing_sources(scenario):
        print(f"warning: {args.file}: {warning}", file=sys.stderr)
    too_big = memory_problem(scenario)
    if too_big:
        print(f"warning: {args.file}: valid, but a run will be refused: {too_big}",
              file=sys.stderr)
    print(f"{args.file}: valid ({len(scenario.communities)} communities, "
          f"{scenario.total_voters:,} voters, {len(scenario.candidates)} candidates)")
    return 0
