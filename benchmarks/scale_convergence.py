"""Convergence in population.scale: outcomes per voter at scales 1, 5, 10 and 50.

Run: python benchmarks/scale_convergence.py [--scales 1 5 10 50] [--replications 12]
     [--legitimacy 0.84] [--workers 2]

Kutai Timur at a stressed legitimacy (so that every outcome has something to
measure), the same replications at every scale. Each cell is the mean over
replications with its 95% Student-t interval; the chance of any riot has a
95% Wilson interval. Agreement within sampling error means population.scale
is a speed setting only. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import time

from benchmarks_common import row_text

from sim.experiments.executors import open_executor
from sim.simulation import RunSpec, run_one

MEASURES = ("friction", "clash", "riot", "injuries", "peak_active_share", "turnout")


def measures(spec: RunSpec) -> dict[str, float]:
    o = run_one(spec).outcomes
    by = o["incidents_by_severity"]
    return {"friction": by["friction"], "clash": by["clash"], "riot": by["riot"],
            "injuries": o["injuries"], "peak_active_share": 100 * o["peak_active_share"],
            "turnout": 100 * o["turnout"], "any_riot": float(by["riot"] > 0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", default="kutim_2024")
    parser.add_argument("--scales", type=float, nargs="+", default=[1.0, 5.0, 10.0, 50.0])
    parser.add_argument("--replications", type=int, default=12)
    parser.add_argument("--legitimacy", type=float, default=0.84)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    started = time.perf_counter()
    print(f"{args.scenario}, grievance.legitimacy = {args.legitimacy}, "
          f"{args.replications} replications (peak active share and turnout in %)")
    print(f"{'scale':>6} " + " ".join(f"{m:>20}" for m in MEASURES) + f" {'P(any riot)':>18}")
    with open_executor("local", args.workers) as workers:
        for scale in args.scales:
            overrides = (("population.scale", scale), ("grievance.legitimacy", args.legitimacy))
            specs = [RunSpec(args.scenario, overrides=overrides, replication=k)
                     for k in range(args.replications)]
            rows = list(workers.executor.map(measures, specs))
            print(f"{scale:6g} " + row_text(rows, MEASURES), flush=True)
    print(f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
