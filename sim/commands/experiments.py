"""`kondusif experiments`: the bundled experiments, to run by name with `kondusif sweep NAME`."""

from __future__ import annotations

from sim import bundled
from sim.commands.errors import UserError
from sim.experiments.spec import KIND
from sim.scenario import read_toml


def add_parser(sub):
    return sub.add_parser("experiments", help="list the bundled experiments (sweep them by "
                                              "name: kondusif sweep NAME)")


def describe_bundled() -> list[dict[str, str]]:
    """Name, title, whether it has a sensitivity study, and path of each bundled experiment."""
    rows = []
    for path in bundled.bundled_files(KIND):
        data = read_toml(path)
        meta = data.get("experiment", {})
        rows.append({"name": path.stem, "title": meta.get("title", ""),
                     "command": "sensitivity" if "sensitivity" in data else "sweep",
                     "path": str(path)})
    return rows


def main(args) -> int:
    try:
        rows = describe_bundled()
    except bundled.NotBundled as exc:
        raise UserError(str(exc)) from None
    if not rows:
        raise UserError("no bundled experiments found in this installation of kondusif")
    for row in rows:
        print(f"{row['name']:<22} {row['title']}  (kondusif {row['command']} {row['name']})")
    return 0
