"""The search over strategy intensities with pymoo: GA and NSGA-II through the runner and stores.

Everything runs on function models whose answer is known
(sim.experiments.testfunctions.intensity_portfolio: a budget-constrained optimum
from the KKT conditions; trade_off: a two-objective front that is a known
segment), never on a number of the election model.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from sim.experiments import load_experiment
from sim.experiments.plan import planner_answer, run_plan
from sim.experiments.search_intensity import (
    RESULT_FILE,
    candidate_label,
    intensity_search,
    non_dominated,
    option_costs,
)
from sim.experiments.stages import Runner, intensities
from sim.experiments.testfunctions import (
    INTENSITY_COSTS,
    INTENSITY_WEIGHTS,
    TRADE_OFF_BUDGET,
    intensity_portfolio_best,
    trade_off_gap,
)
from sim.viz.labels import label

BUDGET = 2.5
# the GA's intensities within this of the KKT optimum, its risk within this share of it
INTENSITY_TOLERANCE = 0.1
RISK_TOLERANCE = 0.02
# every point of the NSGA-II front within this of the known front (|A - B| is about 0.89)
FRONT_TOLERANCE = 0.05


def portfolio_file(objective: str = "mean(riots)", generations: int = 30,
                   population: int = 20, seed: int = 7, extra: str = "") -> str:
    return f"""
[experiment]
name = "intensities"
model = "sim.experiments.testfunctions:intensity_portfolio"
replications = 2
root_seed = {seed}
budget = {BUDGET}

[plan]
risk = "{objective}"

[plan.search]
method = "ga"
strategies = ["a", "b", "c", "d"]
objectives = ["{objective}"]
population = {population}
generations = {generations}
replications = 2
finalists = 2
{extra}"""


FRONT = f"""
[experiment]
name = "front"
model = "sim.experiments.testfunctions:trade_off"
replications = 1
root_seed = 11
budget = {TRADE_OFF_BUDGET}

[plan]
risk = "mean(riots)"

[plan.search]
method = "nsga2"
strategies = ["x1", "x2", "x3"]
objectives = ["mean(riots)", "mean(injuries)"]
population = 20
generations = 30
replications = 1
finalists = 3
"""


def load(tmp_path, text: str, name: str = "search.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_experiment(path)


def search(tmp_path, text: str, out: str = "out"):
    spec, path = load(tmp_path, text)
    runner = Runner("serial", progress=False)
    found = intensity_search(spec, path, tmp_path / out / "plan" / "search", runner)
    return found, runner


def left_risk(label: str) -> float:
    x = intensities(label)
    return sum(w * (1 - (x.get(k) or 0.0)) ** 2 for k, w in INTENSITY_WEIGHTS.items())


def known_risk(budget: float) -> float:
    best = intensity_portfolio_best(budget)
    return sum(w * (1 - best[k]) ** 2 for k, w in INTENSITY_WEIGHTS.items())


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory):
    return search(tmp_path_factory.mktemp("ga"), portfolio_file())


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nsga2")
    spec, path = load(folder, FRONT)
    reports = run_plan(spec, path, folder / "out", Runner("serial", progress=False))
    return spec, path, folder / "out", reports


# --- one objective under the budget ----------------------------------------------------------


def test_the_ga_finds_the_known_best_intensities_under_the_budget(portfolio):
    found, _ = portfolio
    best = intensities(found.best)
    optimum = intensity_portfolio_best(BUDGET)
    assert all(abs((best.get(k) or 0.0) - optimum[k]) <= INTENSITY_TOLERANCE for k in optimum)
    assert left_risk(found.best) <= (1 + RISK_TOLERANCE) * known_risk(BUDGET)


def test_no_package_over_the_budget_is_chosen_and_over_budget_ones_are_marked(portfolio):
    found, _ = portfolio
    table = found.evaluations.set_index("option")
    cost = {o: sum(INTENSITY_COSTS[k] * (v or 0.0) for k, v in intensities(o).items())
            for o in table.index}
    assert all(cost[o] <= BUDGET + 1e-9 for o in found.finalists)
    assert (table["feasible"] == [cost[o] <= BUDGET + 1e-9 for o in table.index]).all()
    assert not table["feasible"].all()  # the search did meet the constraint


def test_an_objective_where_higher_is_better_is_maximised(tmp_path):
    # turnout = 1 / riots: maximising it is minimising the risk, with the same optimum
    found, _ = search(tmp_path, portfolio_file("mean(turnout)"))
    assert left_risk(found.best) <= (1 + RISK_TOLERANCE) * known_risk(BUDGET)


# --- a Pareto front ------------------------------------------------------------------------


def test_the_nsga2_front_is_non_dominated_and_lies_on_the_known_front(front):
    spec, path, out, _ = front
    answer = planner_answer(spec, path, out)
    table = answer.intensities.front
    values = table[["mean(riots)", "mean(injuries)"]].to_numpy()
    assert len(table) >= 10 and non_dominated(values).all()
    gaps = [trade_off_gap(r, i) for r, i in values]
    assert max(gaps) <= FRONT_TOLERANCE


def test_the_front_reaches_both_ends_of_the_trade_off(front):
    spec, path, out, _ = front
    table = planner_answer(spec, path, out).intensities.front
    assert table["mean(riots)"].min() <= 0.02 and table["mean(injuries)"].min() <= 0.02


def test_the_fronts_finalists_are_compared_with_the_baseline_on_common_runs(front):
    spec, path, out, _ = front
    answer = planner_answer(spec, path, out)
    assert set(answer.intensities.finalists) <= set(answer.ranking.options)
    assert "baseline" in answer.ranking.options and len(answer.intensities.finalists) == 3


# --- through the runner and its stores ------------------------------------------------------


def test_a_finished_search_run_again_runs_nothing_and_writes_the_same_bytes(tmp_path):
    text = portfolio_file(generations=3, population=8)
    found, _ = search(tmp_path, text)
    first = (tmp_path / "out" / "plan" / "search" / RESULT_FILE).read_bytes()
    again, runner = search(tmp_path, text)
    assert sum(r.ok for r in runner.reports) == 0
    assert (tmp_path / "out" / "plan" / "search" / RESULT_FILE).read_bytes() == first
    assert again.finalists == found.finalists


def test_a_search_stopped_after_two_generations_goes_on_without_running_them_again(tmp_path):
    stopped, first = search(tmp_path, portfolio_file(generations=2, population=8))
    resumed, second = search(tmp_path, portfolio_file(generations=4, population=8))
    fresh, _ = search(tmp_path, portfolio_file(generations=4, population=8), out="fresh")
    ran_before = sum(r.ok for r in first.reports)
    assert sum(r.ok for r in second.reports) == fresh.runs - ran_before
    assert resumed.evaluations.equals(fresh.evaluations)
    assert ((tmp_path / "out" / "plan" / "search" / RESULT_FILE).read_bytes() ==
            (tmp_path / "fresh" / "plan" / "search" / RESULT_FILE).read_bytes())


def test_the_same_seed_gives_the_same_search_and_another_seed_another(tmp_path):
    one, _ = search(tmp_path, portfolio_file(generations=2, population=8), out="one")
    two, _ = search(tmp_path, portfolio_file(generations=2, population=8), out="two")
    other, _ = search(tmp_path, portfolio_file(generations=2, population=8, seed=8), out="x")
    assert ((tmp_path / "one" / "plan" / "search" / RESULT_FILE).read_bytes() ==
            (tmp_path / "two" / "plan" / "search" / RESULT_FILE).read_bytes())
    assert list(other.evaluations["option"]) != list(one.evaluations["option"])


def test_a_search_on_dask_asks_for_the_same_candidates_and_writes_the_same_bytes(tmp_path):
    text = portfolio_file(generations=1, population=8)  # one generation: one cluster started
    search(tmp_path, text, out="serial")
    spec, path = load(tmp_path, text)
    intensity_search(spec, path, tmp_path / "dask" / "plan" / "search",
                     Runner("dask", workers=2, progress=False))
    assert ((tmp_path / "serial" / "plan" / "search" / RESULT_FILE).read_bytes() ==
            (tmp_path / "dask" / "plan" / "search" / RESULT_FILE).read_bytes())


# --- the kondusif model's strategies ---------------------------------------------------------


def test_an_intensity_is_the_strategys_budget_knob_and_sets_its_cost(tmp_path):
    from sim.experiments.stages import plan_scenario
    from sim.strategies import CATALOGUE
    from tests.experiment_files import quick_experiment

    file = quick_experiment(tmp_path)  # on Kutai Timur: enough voters for staff to scale
    file.write_text(file.read_text(encoding="utf-8").replace('"desa_demo"', '"kutim_2024"'),
                    encoding="utf-8")
    spec, path = load_experiment(file)
    scenario = plan_scenario(spec, path)
    costs = option_costs(spec, path, ["counter_hoax@0.25", "counter_hoax@0.50",
                                      "counter_hoax"])
    for value in (0.25, 0.5):
        priced = CATALOGUE["counter_hoax"](coverage=value).cost(scenario).rupiah
        assert costs[f"counter_hoax@{value:.2f}"] == priced
    assert costs["counter_hoax@0.25"] < costs["counter_hoax@0.50"] < costs["counter_hoax"]


def test_a_strategy_without_an_intensity_is_on_from_one_half_and_others_off_at_zero(tmp_path):
    from tests.experiment_files import quick_experiment

    spec, _ = load_experiment(quick_experiment(tmp_path))
    names = ["counter_hoax", "joint_command_post"]
    assert candidate_label(spec, names, np.array([0.0, 0.49]), 0.01) == "baseline"
    assert candidate_label(spec, names, np.array([0.004, 0.5]), 0.01) == "joint_command_post"
    assert candidate_label(spec, names, np.array([0.3, 0.9]), 0.1) == \
        "counter_hoax@0.3+joint_command_post"


# --- a bad [plan.search] block ---------------------------------------------------------------


@pytest.mark.parametrize(("block", "expected"), [
    ('method = "annealing"', ["plan.search.method", "'annealing'", "successive_halving"]),
    ('method = "ga"\nobjectives = ["mean(riots)", "mean(turnout)"]',
     ["plan.search.objectives", "optimises one objective"]),
    ('method = "nsga2"\nobjectives = ["mean(riots)"]',
     ["plan.search.objectives", "at least two measures"]),
    ('method = "nsga2"', ["plan.search", "objectives: missing", "two or more objectives"]),
    ('method = "ga"\npopulation = 2', ["plan.search.population = 2", "must be >= 4"]),
    ('method = "ga"\neta = 3', ["plan.search", "eta = 3", "successive halving"]),
    ('method = "ga"\nobjectives = ["chance(riots >)"]',
     ["plan.search.objectives", "not a measure"]),
    ('method = "ga"\nobjectives = ["mean(injuries)"]',
     ["plan.search.objectives", "'mean(injuries)'", "no outcome 'injuries'"]),
])
def test_a_bad_search_block_exits_2_naming_the_file_field_and_value(tmp_path, capsys, block,
                                                                    expected):
    from sim.cli import main

    path = tmp_path / "bad.toml"
    path.write_text(f"""
[experiment]
name = "bad"
model = "sim.experiments.testfunctions:intensity_portfolio"
budget = 2.0

[plan.search]
strategies = ["a", "b"]
{block}
""", encoding="utf-8")
    assert main(["plan", str(path), "--out", str(tmp_path / "out")]) == 2
    error = capsys.readouterr().err
    assert str(path) in error and "Traceback" not in error
    assert all(part in error for part in expected), error
    assert not (tmp_path / "out").exists()


# --- the front in the summary and the report ------------------------------------------------


def test_summarize_names_the_trade_off_and_writes_the_front_figure(front, capsys):
    from sim.cli import main

    _, _, out, _ = front
    assert main(["summarize", str(out), "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert "Trade-off:" in printed and "The search's Pareto front" in printed
    assert (out / "figures" / "pareto_front_en.png").is_file()
    assert main(["summarize", str(out), "--json", "--no-figures"]) == 0
    carried = json.loads(capsys.readouterr().out)["answer"]["intensity_search"]
    assert carried["method"] == "nsga2" and len(carried["front"]) >= 10


@pytest.mark.parametrize(("lang", "words"), [("en", ["Trade-off", "Pareto front"]),
                                              ("id", ["Tarik-ulur", "front Pareto"])])
def test_the_report_shows_the_front_and_its_trade_off_in_its_language(front, lang, words):
    from sim.viz.report.build import build_report

    _, _, out, _ = front
    html = build_report(out, lang)
    assert 'id="fig-pareto-front"' in html and all(w in html for w in words)
    # the first screen still answers first: the recommendation comes before the front
    assert html.index(label("answer:recommended", lang)) < html.index('id="fig-pareto-front"')


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_front_figure_fits_a4_and_a_screen_in_its_language_without_overlapping_labels(
        front, lang):
    import matplotlib.pyplot as plt

    from sim.viz.plan_figures import front_figure

    spec, path, out, _ = front
    answer = planner_answer(spec, path, out)
    fig = front_figure(answer, lang)
    width, height = fig.get_size_inches()
    assert width <= 7.2 and height <= 6.0  # A4's text width; 110 dpi is under 1280 px
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    numbers = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(numbers) == len(answer.intensities.finalists)
    assert not any(a.overlaps(b) for i, a in enumerate(numbers) for b in numbers[i + 1:])
    legend = ax.get_legend().get_window_extent(renderer)
    assert not legend.overlaps(ax.get_window_extent(renderer))
    title = ax.get_title()
    assert ("Pareto front" in title) == (lang == "en") and ("Front Pareto" in title) == (
        lang == "id")
    plt.close(fig)


def test_a_kondusif_search_runs_each_package_at_its_intensities_and_none_over_the_budget(
        tmp_path):
    from sim.experiments.search_intensity import generation_folders
    from sim.experiments.stages import read_stage

    spec, path = load(tmp_path, """
[experiment]
name = "kondusif_search"
scenarios = ["desa_demo"]
replications = 1
root_seed = 5
budget = 60_000_000

[plan]
risk = "mean(incidents_total)"

[plan.search]
method = "ga"
strategies = ["counter_hoax", "leaders_dialogue", "joint_command_post"]
population = 6
generations = 1
replications = 1
""")
    found = intensity_search(spec, path, tmp_path / "search", Runner("serial", progress=False))
    costs = option_costs(spec, path, list(found.evaluations["option"]))
    ran = found.evaluations[found.evaluations["runs"] > 0]
    assert all(costs[o] <= 60e6 for o in ran["option"])
    assert (found.evaluations["runs"] == 0).equals(found.evaluations["cost"] > 60e6)
    assert 0 < len(ran) < len(found.evaluations)  # some fitted and ran, some did not
    [(_, where)] = generation_folders(tmp_path / "search")
    _, runs = read_stage(where)
    for _, run in runs.iterrows():
        for name, value in intensities(run["option"]).items():
            column = f"param.strategies.{name}.coverage"
            if value is not None:
                assert run[column] == value and name in run["strategies"].split("+")
