"""`kondusif scenarios`: the bundled scenarios."""

from __future__ import annotations

from sim.scenario import describe_bundled


def add_parser(sub):
    return sub.add_parser("scenarios", help="list the bundled scenarios")


def main(args) -> int:
    for row in describe_bundled():
        print(f"{row['name']:<16} {row['title']}")
    return 0
