"""Scale of a province run: East Kalimantan at one simulated resident per voter.

Run: python benchmarks/province_scale.py [--scale 1] [--executor local] [--workers 2]
                                         [--sync-days 1] [--province kaltim_2024]
Prints wall time, CPU time, peak memory and the cost per voter-day; asserts
nothing. The aim on a 2-core machine: the whole province (2,821,202 voters)
through the full calendar in under 60 s and 4 GB. Memory and CPU time are
sampled over this process and all its descendants (the workers) with psutil,
which comes with the `distributed` extra.
"""

from __future__ import annotations

import argparse
import threading
import time

import psutil

from sim.province import load_province, open_executor, run_province


class TreeMeter:
    """Samples memory (sum of RSS) and CPU time of this process and its descendants."""

    def __init__(self, every_seconds: float = 0.1):
        self.every = every_seconds
        self.peak_bytes = 0
        self.cpu = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._sample()
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stop.wait(self.every):
            self._sample()

    def _sample(self) -> None:
        me = psutil.Process()
        rss = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                rss += proc.memory_info().rss
                times = proc.cpu_times()
                self.cpu[proc.pid] = times.user + times.system
            except psutil.NoSuchProcess:
                continue
        self.peak_bytes = max(self.peak_bytes, rss)

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--province", default="kaltim_2024")
    parser.add_argument("--scale", type=float, default=1.0, help="population.scale")
    parser.add_argument("--executor", default="local", choices=["serial", "local", "dask"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sync-days", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    overrides = {"sync_days": args.sync_days} if args.sync_days else None
    province = load_province(args.province, overrides, population_scale=args.scale)
    cal = province.spec.calendar
    days = (cal.dispute_end - cal.campaign_start).days + 1
    with TreeMeter() as meter, open_executor(args.executor, args.workers) as executor:
        started = time.perf_counter()
        result = run_province(province, seed=args.seed, executor=executor)
        wall = time.perf_counter() - started
        meter._sample()
    cpu = meter.cpu_seconds
    residents = province.total_voters / args.scale
    voter_days = province.total_voters * days
    print(f"province            {province.name}: {len(province.regions)} regions, "
          f"{province.total_voters:,} voters, population.scale = {args.scale:g}")
    print(f"residents x days    {residents:,.0f} x {days}")
    print(f"executor            {args.executor} ({args.workers} workers), "
          f"sync every {province.spec.sync_days} day(s)")
    print(f"wall time           {wall:.1f} s")
    print(f"cpu time            {cpu:.1f} s (this process and its workers, with start-up)")
    print(f"load average        {psutil.getloadavg()[0]:.1f} (other work on the machine "
          f"slows the wall time)")
    print(f"peak memory         {meter.peak_bytes / 2**20:,.0f} MB (this process and workers)")
    print(f"wall per voter-day  {wall / voter_days * 1e9:.1f} ns")
    print(f"cpu per voter-day   {cpu / voter_days * 1e9:.1f} ns")
    print(f"incidents, riots    {result.outcomes['incidents_total']}, "
          f"{result.outcomes['riots']}")


if __name__ == "__main__":
    main()
