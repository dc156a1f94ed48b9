"""Speed of the planner's report: build it from a stored sweep, part by part, and its size.

Run: python benchmarks/report_speed.py [--experiment experiments/quick.toml] [--repeat 3]
Sweeps the experiment once into a temporary folder (not timed), then builds the
Indonesian report `--repeat` times and prints the time of gathering (reading
the store and the analysis) and of rendering (sections and figures), and the
size of the HTML file.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sim.experiments import load_experiment, run_experiment
from sim.viz.report.build import render
from sim.viz.report.gather import gather

PROJECT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--experiment", default=str(PROJECT / "experiments" / "quick.toml"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    spec, path = load_experiment(args.experiment)
    with tempfile.TemporaryDirectory() as tmp:
        run_experiment(spec, path, tmp, executor="local", progress=False)
        for attempt in range(1, args.repeat + 1):
            started = time.perf_counter()
            results = gather(tmp)
            gathered = time.perf_counter()
            html = render(results, "id", f"kondusif report {tmp}")
            rendered = time.perf_counter()
            print(f"{spec.name} #{attempt}: {len(results.runs)} runs; gather "
                  f"{gathered - started:.2f} s, render {rendered - gathered:.2f} s, "
                  f"report {len(html.encode()) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
