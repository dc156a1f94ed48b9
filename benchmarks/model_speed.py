"""Speed of the model: resident-steps per second and a full-calendar Kutai Timur run.

Run: python benchmarks/model_speed.py [--scenario kutim_2024] [--repeat 3]
Prints figures; asserts nothing. Peak memory is this process's maximum resident
set size, so run it in a fresh process.
"""

from __future__ import annotations

import argparse
import resource
import time

import sim


def measure(scenario: str, seed: int, overrides: dict) -> tuple[float, float, int, int]:
    started = time.perf_counter()
    model = sim.build_model(scenario, seed=seed, overrides=overrides)
    built = time.perf_counter()
    model.run()
    finished = time.perf_counter()
    return built - started, finished - built, model.population.size, len(model.timeline)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scenario", default="kutim_2024")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0, help="population.scale")
    args = parser.parse_args()
    overrides = {"population.scale": args.scale}
    rows = [measure(args.scenario, seed, overrides) for seed in range(args.repeat)]
    build, step, residents, days = min(rows, key=lambda r: r[0] + r[1])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"scenario            {args.scenario} (population.scale = {args.scale:g})")
    print(f"residents x days    {residents:,} x {days}")
    print(f"build               {build:.2f} s")
    print(f"calendar            {step:.2f} s")
    print(f"whole run           {build + step:.2f} s  (best of {args.repeat})")
    print(f"resident-steps/s    {residents * days / step / 1e6:.1f} million")
    print(f"peak memory         {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
