"""Peak memory of long sweeps: does it stay flat as the number of runs grows?

Run: python benchmarks/sweep_memory.py [--sizes 1250 2500 5000 10000]
Each size is a sweep of the Sobol' G function model (8 inputs, a Latin
hypercube of 100 points, replicated until the size is reached) run serially in
a fresh process, so its peak resident set size is that sweep's alone. The
design points themselves are held in memory (about 0.7 KB each), the results
are not: growing the replications shows what the results cost. Prints
figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import json, resource, sys, time
from sim.experiments import load_experiment, run_experiment
spec, path = load_experiment(sys.argv[1])
started = time.perf_counter()
report = run_experiment(spec, path, sys.argv[2], executor="serial", progress=False)
print(json.dumps({"runs": report.ok, "seconds": time.perf_counter() - started,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


POINTS = 100


def experiment(folder: Path, size: int) -> Path:
    ranges = "\n".join(f"x{i} = {{ low = 0.0, high = 1.0 }}" for i in range(1, 9))
    path = folder / f"memory_{size}.toml"
    path.write_text(f'[experiment]\nname = "memory_{size}"\n'
                    f'model = "sim.experiments.testfunctions:sobol_g"\n'
                    f"replications = {max(1, size // POINTS)}\n\n"
                    f"[sample]\nsize = {POINTS}\n[sample.parameters]\n{ranges}\n",
                    encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1250, 2500, 5000, 10000])
    args = parser.parse_args()
    print(f"{'runs':>7} {'seconds':>8} {'runs/s':>8} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = experiment(Path(tmp), size)
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", CHILD, str(path),
                                   str(Path(tmp) / f"out_{size}")],
                                  capture_output=True, text=True, check=True)
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{figures['runs']:>7} {figures['seconds']:>8.1f} "
                  f"{figures['runs'] / figures['seconds']:>8.0f} {figures['peak_mib']:>9.1f}"
                  f"   (process {time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
