"""Speed of one step of the training app, drawing included, at full Kutai Timur scale.

Run: python benchmarks/app_step.py [--scenario kutim_2024] [--strategy counter_hoax]
                                   [--days 87] [--set population.scale=1]
Prints figures; asserts nothing. The targets are a step under 200 ms and a whole
calendar played in under 30 s at the fastest speed.

Three measurements, all in compare mode (baseline and strategies, two models):
- pieces: stepping both models, then bringing map and charts up to date and
  making their PNGs (what the app does for each day);
- playback: the whole calendar as the page's play loop runs it at the fastest
  speed (every day stepped, a picture drawn at most DRAWS_PER_SECOND times a
  second), and the days per second that gives;
- page: a click on "Langkah" in the rendered Solara page, which runs the same
  work plus Solara's rendering and widget updates (no browser, no network).

The machine's load average is printed first: figures taken under load say so.

Without a bundled kutim_2024 the scenario is desa_demo with every community's
voters and residents scaled so the regency's 297,994 registered voters are
simulated (3 communities instead of 18).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

KUTIM_VOTERS = 297_994  # KPU Kutim DPT, 19 Sep 2024


def scenario_and_overrides(name: str) -> tuple[str, dict]:
    from sim.scenario import bundled_names, load_scenario
    from sim.scenario.registry import bundled_path

    if name.endswith(".toml") or name in bundled_names():
        return name, {}
    demo = load_scenario(bundled_path("desa_demo"))
    factor = KUTIM_VOTERS / demo.total_voters
    overrides = {}
    for c in demo.communities:
        overrides[f"communities.{c.name}.voters"] = round(c.voters * factor)
        overrides[f"communities.{c.name}.residents"] = round(c.residents * factor)
        overrides[f"communities.{c.name}.tps"] = round(c.tps * factor)
    print(f"{name} is not bundled: desa_demo scaled to {KUTIM_VOTERS:,} voters")
    return "desa_demo", overrides


def figures(label: str, seconds: list[float]) -> None:
    ms = sorted(1000 * s for s in seconds)
    p90 = ms[int(0.9 * (len(ms) - 1))]
    print(f"{label:<28} median {statistics.median(ms):6.1f} ms   p90 {p90:6.1f} ms   "
          f"max {ms[-1]:6.1f} ms   ({len(ms)} days)")


def measure_pieces(scenario: str, overrides: dict, strategies: tuple, days: int) -> None:
    from sim.viz.app.board import Board
    from sim.viz.app.state import Settings, TrainingRun

    run = TrainingRun.start(Settings(scenario, strategies, seed=1), overrides)
    print(f"residents           {run.model.population.size:,} in "
          f"{len(run.model.communities)} communities, {len(run.lanes)} runs side by side")
    board = Board(run, "id")
    board.map_png()
    board.charts_png()
    steps, drawings, totals = [], [], []
    for _ in range(min(days, run.n_days)):
        started = time.perf_counter()
        run.step()
        stepped = time.perf_counter()
        board.update()
        board.map_png()
        board.charts_png()
        finished = time.perf_counter()
        steps.append(stepped - started)
        drawings.append(finished - stepped)
        totals.append(finished - started)
    figures("models step (both)", steps)
    figures("map + charts drawn", drawings)
    figures("app step, drawing included", totals)


def measure_playback(scenario: str, overrides: dict, strategies: tuple) -> None:
    from sim.viz.app.board import Board
    from sim.viz.app.page import DRAWS_PER_SECOND
    from sim.viz.app.state import Settings, TrainingRun

    run = TrainingRun.start(Settings(scenario, strategies, seed=1), overrides)
    board = Board(run, "id")
    board.map_png()
    board.charts_png()
    started = drawn = time.perf_counter()
    pictures = 0
    while run.step():
        if time.perf_counter() - drawn >= 1.0 / DRAWS_PER_SECOND or run.finished:
            board.update()
            board.map_png()
            board.charts_png()
            drawn = time.perf_counter()
            pictures += 1
    seconds = time.perf_counter() - started
    print(f"{'playback, fastest speed':<28} {seconds:6.1f} s for {run.n_days} days   "
          f"({run.n_days / seconds:.1f} days per second, {pictures} pictures)")


def measure_page(scenario: str, strategies: tuple, days: int) -> None:
    import ipyvuetify as v
    import solara

    from sim.strategies import CATALOGUE
    from sim.viz.app.page import Page
    from sim.viz.app.server import SCENARIO_ENV

    os.environ[SCENARIO_ENV] = scenario
    _, rc = solara.render(Page(), handle_error=False)
    sections = [w for w in rc.find(v.BtnToggle).widgets if w.v_model == "exercise"]
    sections[0].v_model = "strategies"
    for name in strategies:
        rc.find(v.Checkbox, label=CATALOGUE[name].title["id"]).widget.v_model = True
    step = rc.find(v.Btn, children=["Langkah"]).widget
    clicks = []
    for _ in range(days):
        started = time.perf_counter()
        step.click()
        clicks.append(time.perf_counter() - started)
    figures("page: one click on Langkah", clicks)
    rc.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", default="kutim_2024")
    parser.add_argument("--strategy", action="append", default=None)
    parser.add_argument("--days", type=int, default=87)
    parser.add_argument("--set", action="append", default=[], dest="overrides",
                        metavar="PATH=VALUE", help="override a scenario parameter")
    args = parser.parse_args()
    from sim.scenario import parse_override

    strategies = tuple(args.strategy or ["counter_hoax"])
    scenario, overrides = scenario_and_overrides(args.scenario)
    overrides |= dict(parse_override(text) for text in args.overrides)
    load = os.getloadavg()
    print(f"load average        {load[0]:.1f} (1 min) on {os.cpu_count()} cores"
          + ("  UNDER LOAD: figures are slower than on a quiet machine"
             if load[0] > 0.5 * (os.cpu_count() or 1) else ""))
    measure_pieces(scenario, overrides, strategies, args.days)
    measure_playback(scenario, overrides, strategies)
    if overrides:
        print("page: skipped (the page loads scenario files, not overrides)")
    else:
        measure_page(scenario, strategies, args.days)


if __name__ == "__main__":
    main()
