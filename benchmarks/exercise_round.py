"""Latency of a participatory exercise's round with 20 phones on the loopback address.

Run: python benchmarks/exercise_round.py [--exercise hoaks_masa_tenang] [--scale 1]
                                         [--participants 20]
Prints figures; asserts nothing. Prints the machine's load average before and
after, so a figure measured on a busy machine says so.

Serves the exercise (uvicorn, 127.0.0.1), joins the participants (httpx, one
client and one thread each), and plays every round as a room would: each
phone polls its screen every 1.5 s the whole time and sends one decision a
round; the facilitator runs the round. Measured:
- round: from the facilitator's "run the round" to the next round open on the
  facilitator's screen (the model's days, the reports, the file written);
- a phone's poll and a decision's answer, while rounds run;
- the debrief (the rest of the calendar and the two comparison runs);
- for reference, on the same machine at the same time: the model alone
  stepping the same days with nobody serving or polling.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

POLL_SECONDS = 1.5


def summary(label: str, seconds: list[float]) -> str:
    ms = sorted(1000 * s for s in seconds)
    p90 = ms[int(0.9 * (len(ms) - 1))]
    return (f"{label:<32} median {statistics.median(ms):8.1f} ms   p90 {p90:8.1f} ms   "
            f"max {ms[-1]:8.1f} ms   (n={len(ms)})")


def poll_forever(phone, stop: threading.Event, latencies: list[float]) -> None:
    while not stop.wait(POLL_SECONDS):
        started = time.perf_counter()
        phone.view()
        latencies.append(time.perf_counter() - started)


def model_alone(plan) -> None:
    from sim.exercise_host.run import Run

    run = Run(plan)
    started = time.perf_counter()
    run.play_until(plan.rounds[-1].end)
    days = run.model.steps
    seconds = time.perf_counter() - started
    print(f"model alone: {days} days in {seconds:.2f} s, {1000 * seconds / days:.1f} ms a day")
    run.close()


def main() -> None:
    from sim.exercise_host.plan import plan_of
    from sim.exercise_host.server import served
    from tests.exercise_clients import Facilitator, Participant, until

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--exercise", default="hoaks_masa_tenang")
    parser.add_argument("--scale", type=float, default=1.0, help="population.scale")
    parser.add_argument("--participants", type=int, default=20)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()} on {os.cpu_count()} cores")
    plan = plan_of(args.exercise, {"population.scale": args.scale})
    model_alone(plan)
    out = Path(tempfile.mkdtemp()) / "session.json"
    started = time.perf_counter()
    with served(plan, out) as (host, base, key):
        print(f"session ready (prologue played) in {time.perf_counter() - started:.2f} s; "
              f"{plan.name}, population.scale={args.scale}, "
              f"{host.session.run.model.population.size:,} simulated residents")
        facilitator = Facilitator(base, key)
        code = facilitator.view()["join_code"]
        roles = list(host.session.roles)[:args.participants]
        phones = [Participant(base, role, f"p{k}") for k, role in enumerate(roles)]
        for phone in phones:
            phone.join(code).raise_for_status()
        stop, polls, answers = threading.Event(), [], []
        pollers = [threading.Thread(target=poll_forever, args=(p, stop, polls), daemon=True)
                   for p in phones]
        for thread in pollers:
            thread.start()
        for chosen in plan.rounds:
            for phone in phones:
                view = phone.view()
                sent = time.perf_counter()
                phone.decide(view)
                answers.append(time.perf_counter() - sent)
            days = (chosen.end - chosen.start).days + 1
            sent = time.perf_counter()
            facilitator.run_round()
            seconds = time.perf_counter() - sent
            print(f"round {chosen.index + 1} ({chosen.name}, {days} days): {seconds:6.2f} s, "
                  f"{1000 * seconds / days:6.1f} ms a day, {len(phones)} phones")
        sent = time.perf_counter()
        facilitator.command("end").raise_for_status()
        until(lambda: facilitator.view()["state"] == "ended", "the debrief", seconds=600)
        print(f"debrief (rest of the calendar + 2 comparison runs): "
              f"{time.perf_counter() - sent:.2f} s")
        stop.set()
        for thread in pollers:
            thread.join()
    print(summary("phone poll while playing", polls))
    print(summary("decision answered", answers))
    print(f"session file: {out.stat().st_size / 1e6:.2f} MB")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
