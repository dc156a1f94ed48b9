"""Dose-response of Kutai Timur's unrest: incidents by severity and the chance of a riot
against legitimacy, hoax transmission, security personnel and response delay.

Run: python benchmarks/dose_response.py [--scales 10 20] [--replications 24] [--workers 2]
     [--scenario kutim_2024] [--factor legitimacy ...]

Each point is the mean over replications with a 95% Student-t interval, and the
chance of any riot with a 95% Wilson interval. Replications share their seeds
across points (common random numbers), so a curve's steps are the effect of
the factor, not of the draw. Prints tables; asserts nothing.
"""

from __future__ import annotations

import argparse
import time

from benchmarks_common import row_text

from sim.experiments.executors import open_executor
from sim.simulation import RunSpec, run_one

BASE_PERSONNEL = 413 + 150 + 100 + 1403  # kutim_2024's forces, see scenarios/kutim_2024.toml
FACTORS = {
    "legitimacy": ("grievance.legitimacy", [0.96, 0.93, 0.9, 0.87, 0.84, 0.81, 0.78, 0.75]),
    "hoax_transmission": ("rumor.transmission", [0.1, 0.3, 0.5, 0.7, 0.9, 1.0]),
    "personnel_share": ("security.personnel",
                        [2.0, 1.0, 0.5, 0.25, 0.1, 0.0]),
    "response_delay_hours": ("security.response_delay_hours", [0.5, 1.5, 3.0, 6.0, 12.0, 24.0]),
}
MEASURES = ("friction", "clash", "riot", "serious", "injuries")


def measures(outcomes: dict) -> dict[str, float]:
    by = outcomes["incidents_by_severity"]
    return {"friction": by["friction"], "clash": by["clash"], "riot": by["riot"],
            "serious": by["clash"] + by["riot"], "injuries": outcomes["injuries"],
            "any_riot": float(by["riot"] > 0)}


def run_point(spec: RunSpec) -> dict[str, float]:
    return measures(run_one(spec).outcomes)


def value_of(factor: str, level: float):
    if factor == "personnel_share":
        return int(round(level * BASE_PERSONNEL))
    return level


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", default="kutim_2024")
    parser.add_argument("--scales", type=float, nargs="+", default=[10.0, 20.0])
    parser.add_argument("--replications", type=int, default=24)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--factor", nargs="+", choices=sorted(FACTORS), default=list(FACTORS))
    args = parser.parse_args()
    started = time.perf_counter()
    with open_executor("local", args.workers) as workers:
        for scale in args.scales:
            for factor in args.factor:
                path, levels = FACTORS[factor]
                print(f"\n{args.scenario}, population.scale = {scale:g}: {factor} ({path})")
                print(f"{'level':>7} " + " ".join(f"{m:>19}" for m in MEASURES)
                      + f" {'P(any riot)':>19}")
                for level in levels:
                    overrides = (("population.scale", scale), (path, value_of(factor, level)))
                    specs = [RunSpec(args.scenario, overrides=overrides, replication=k)
                             for k in range(args.replications)]
                    rows = list(workers.executor.map(run_point, specs))
                    print(f"{level:7.2f} " + row_text(rows, MEASURES), flush=True)
    print(f"\n{args.replications} replications a point; {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
