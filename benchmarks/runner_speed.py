"""Runner speed: overhead per run against the model's own time, and 2 workers against serial.

Run: python benchmarks/runner_speed.py [--replications 40] [--workers 2]
Prints figures; asserts nothing. The model's own time is `run_one` called
directly on the same runs; the runner's time adds task building, the worker
wrapper, the store's Parquet parts and the progress accounting. Overhead is
measured in CPU time of this process (serial), so other programs on the
machine do not blur it; the speed-up is wall-clock time and needs an
otherwise idle machine (the load average is printed with it).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from sim.experiments import ResultStore, load_experiment, run_experiment
from sim.experiments.design import expand
from sim.simulation import run_one

PROJECT = Path(__file__).resolve().parents[1]


def experiment(folder: Path, replications: int) -> Path:
    text = (PROJECT / "experiments" / "quick.toml").read_text(encoding="utf-8")
    path = folder / "bench.toml"
    path.write_text(text.replace("replications = 8", f"replications = {replications}"),
                    encoding="utf-8")
    return path


def timed_sweep(path: Path, out: Path, executor: str, workers: int | None):
    """Wall seconds, CPU seconds of this process, and the sweep's report."""
    spec, path = load_experiment(path)
    wall, cpu = time.perf_counter(), time.process_time()
    report = run_experiment(spec, path, out, executor=executor, workers=workers,
                            progress=False)
    return time.perf_counter() - wall, time.process_time() - cpu, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replications", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = experiment(folder, args.replications)
        spec, path = load_experiment(path)
        tasks = list(expand(spec, path))
        run_one(tasks[0].run_spec())  # warm imports and caches before timing
        wall, cpu = time.perf_counter(), time.process_time()
        for task in tasks:
            run_one(task.run_spec())
        direct_wall, direct = time.perf_counter() - wall, time.process_time() - cpu
        serial_wall, serial, report = timed_sweep(path, folder / "serial", "serial", None)
        pooled, parent_cpu, _ = timed_sweep(path, folder / "local", "local", args.workers)
        worker_cpu = ResultStore(folder / "local").runs()["cpu_seconds"].sum()
    n = len(tasks)
    print(f"runs: {n} (desa_demo, {len(spec.arms)} arms x {args.replications} replications); "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"model alone (run_one in a loop): {direct:.2f} s CPU, {1000 * direct / n:.1f} ms/run")
    print(f"runner, serial:                  {serial:.2f} s CPU, {1000 * serial / n:.1f} ms/run")
    print(f"runner overhead per run:         {1000 * (serial - direct) / n:.2f} ms "
          f"({100 * (serial - direct) / direct:.1f}% of the model's time; aim < 5%)")
    print(f"runner, local {args.workers} workers:        {pooled:.2f} s "
          f"(pool start-up included), {n / pooled:.1f} runs/s")
    print(f"runner, serial (wall clock):     {serial_wall:.2f} s, {n / serial_wall:.1f} runs/s "
          f"(model alone {direct_wall:.2f} s)")
    print(f"speed-up {args.workers} workers vs serial:   {serial_wall / pooled:.2f}x wall clock "
          f"(aim >= 1.8x)")
    # On an idle machine the pool's wall time is bounded by the busier of: the workers'
    # CPU shared over the workers, and the parent's own CPU (collecting, writing parts).
    bound = max(worker_cpu / args.workers, parent_cpu)
    print(f"CPU: workers {worker_cpu:.2f} s in all, parent {parent_cpu:.2f} s; speed-up an "
          f"idle machine would give (estimate from CPU time): {serial / bound:.2f}x")
    print(f"failed runs: {report.failed}")


if __name__ == "__main__":
    main()
