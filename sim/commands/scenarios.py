"""`kondusif scenarios`: the bundled scenarios."""

from __future__ import annotations

from sim.commands.errors import UserError
from sim.scenario import describe_bundled


def add_parser(sub):
    return sub.add_parser("scenarios", help="list the bundled scenarios")


def main(args) -> int:
    rows = describe_bundled()
    if not rows:
        raise UserError("no bundled scenarios found in this installation of kondusif")
    for row in rows:
        hint = "  (kondusif province run)" if row["kind"] == "province" else ""
        print(f"{row['name']:<22} {row['title']}{hint}")
    return 0
