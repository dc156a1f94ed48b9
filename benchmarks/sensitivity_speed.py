"""Speed of the Sobol study of Kutai Timur: 9 parameters, N = 128, first and total order.

Run: python benchmarks/sensitivity_speed.py [--workers 2] [--replications 1]
Runs experiments/kutim_sobol.toml (1,408 points at population.scale = 20) with one
replication,
as the issue defines the figure, on a local pool, and prints the time and runs
per second (aim: under 15 minutes with 2 workers on 2 cores). Needs the
kutim_2024 scenario; says so and stops if it is not there.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from sim.experiments import ResultStore, load_experiment
from sim.experiments.sensitivity import analyze_runs, run_sensitivity
from sim.scenario import ScenarioError

PROJECT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--experiment", default=str(PROJECT / "experiments" / "kutim_sobol.toml"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--replications", type=int, default=1)
    args = parser.parse_args()
    try:
        spec, path = load_experiment(args.experiment)
    except ScenarioError as exc:
        print(f"skipped: {exc}")
        return
    meta = spec.experiment.model_copy(update={"replications": args.replications})
    spec = spec.model_copy(update={"experiment": meta})
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = run_sensitivity(spec, path, tmp, executor="local", workers=args.workers,
                                 progress=False)
        ran = time.perf_counter() - started
        runs = ResultStore(tmp).runs()
        started = time.perf_counter()
        result = analyze_runs(spec, runs)
        analysed = time.perf_counter() - started
    print(f"{spec.name}: {report.total} runs ({len(spec.sensitivity.parameters)} parameters, "
          f"N = {spec.sensitivity.base_samples}, {args.replications} replication(s)), "
          f"{args.workers} workers, load average {os.getloadavg()[0]:.2f} on "
          f"{os.cpu_count()} cores")
    print(f"runs: {ran / 60:.1f} min, {report.total / ran:.2f} runs/s (aim: under 15 min); "
          f"model CPU per run {runs['cpu_seconds'].mean():.2f} s; failed {report.failed}")
    print(f"analysis (SALib, with convergence): {analysed:.1f} s")
    print(result.indices.to_string(index=False, float_format=lambda v: f"{v:.3f}"))


if __name__ == "__main__":
    main()
