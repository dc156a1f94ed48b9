"""What each strategy and package costs in run time, and what it changes, paired by seed.

Run: python benchmarks/strategies.py [--scenario desa_demo] [--seeds 20] [--scale 1]
Prints, for the baseline and every strategy and package: seconds per run, the
estimated cost, and the mean paired change (strategy minus baseline, same
seeds) in incidents, riots, peak tension and peak hoax belief, with the
number of seeds in which the strategy did better / the same / worse on
incidents. Asserts nothing.
"""

from __future__ import annotations

import argparse

import numpy as np

import sim
from sim.strategies import CATALOGUE, PACKAGES

MEASURES = ("incidents_total", "serious_incidents", "riots", "backlash_events", "peak_tension",
            "peak_hoax_belief")


def outcomes(scenario, strategies, seeds, overrides) -> tuple[np.ndarray, float, float]:
    """Measures per seed (seeds x measures), seconds per run, cost."""
    rows, seconds, cost = [], 0.0, 0.0
    for seed in seeds:
        result = sim.run(scenario, strategies=strategies, seed=seed, overrides=overrides)
        rows.append([result.outcomes[m] for m in MEASURES])
        seconds += result.seconds
        cost = result.outcomes["cost"]
    return np.array(rows, dtype=float), seconds / len(seeds), cost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scenario", default="desa_demo")
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--scale", type=float, default=1.0, help="population.scale")
    args = parser.parse_args()
    seeds = range(args.seeds)
    overrides = {"population.scale": args.scale} if args.scale != 1.0 else {}
    base, base_seconds, _ = outcomes(args.scenario, [], seeds, overrides)
    print(f"{args.scenario}, {args.seeds} seeds, scale {args.scale:g}")
    print(f"{'':28s} {'s/run':>6s} {'cost Rp':>15s} " + " ".join(f"{m:>17s}" for m in MEASURES)
          + "   better/same/worse")
    print(f"{'baseline':28s} {base_seconds:6.3f} {0:15,.0f} "
          + " ".join(f"{v:17.4f}" for v in base.mean(axis=0)))
    names = list(CATALOGUE) + [f"package:{p}" for p in PACKAGES]
    for name in names:
        treated, seconds, cost = outcomes(args.scenario, [name], seeds, overrides)
        change = treated - base
        incidents = change[:, 0]
        print(f"{name:28s} {seconds:6.3f} {cost:15,.0f} "
              + " ".join(f"{v:+17.4f}" for v in change.mean(axis=0))
              + f"   {(incidents < 0).sum()}/{(incidents == 0).sum()}/{(incidents > 0).sum()}",
              flush=True)


if __name__ == "__main__":
    main()
