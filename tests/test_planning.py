"""The planner's answer: ranking on common random numbers, search, robustness and PRIM.

Everything here runs on function models and synthetic matrices whose answers are
known (sim.experiments.testfunctions.budget_portfolio: a known best subset under
a budget, a known failure box), never on a number of the election model.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sim.experiments import load_experiment
from sim.experiments.design import design_points
from sim.experiments.discovery import failure_rate, world_failure_shares
from sim.experiments.measures import parse_measure
from sim.experiments.plan import planner_answer, run_plan
from sim.experiments.ranking import holm, rank_options, replications_needed
from sim.experiments.robustness import regret, robustness_table
from sim.experiments.search import successive_halving
from sim.experiments.spec import ExperimentError
from sim.experiments.stages import Runner
from sim.experiments.testfunctions import PORTFOLIO_BOX, budget_portfolio_best
from tests.experiment_files import quick_experiment

MEAN = parse_measure("mean(risk)")
BUDGET = 4.0

PORTFOLIO = f"""
[experiment]
name = "portfolio"
model = "sim.experiments.testfunctions:budget_portfolio"
replications = 20
root_seed = 3
budget = {BUDGET}

[fixed]
legitimacy = 0.9
stress = 0.2

[plan]
risk = "mean(riots)"
measures = ["chance(riots > 1)", "p90(riots)"]

[plan.search]
strategies = ["a", "b", "c", "d", "e"]
first_replications = 2
eta = 3
finalists = 3

[plan.robustness]
options = 2
worlds = 40
replications = 5
satisficing = 1.0
[plan.robustness.parameters]
legitimacy = {{ low = 0.0, high = 1.0 }}
stress = {{ low = 0.0, high = 1.0 }}
"""


def worlds_matrix(effects: dict[str, float], n: int, noise: float = 0.5,
                  seed: int = 1) -> pd.DataFrame:
    """Replications x options: a shared world value plus each option's effect and own noise."""
    rng = np.random.default_rng(seed)
    world = rng.normal(10, 3, n)
    return pd.DataFrame({name: world + effect + rng.normal(0, noise, n)
                         for name, effect in effects.items()})


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory):
    folder = tmp_path_factory.mktemp("portfolio")
    path = folder / "portfolio.toml"
    path.write_text(PORTFOLIO, encoding="utf-8")
    spec, path = load_experiment(path)
    out = folder / "out"
    reports = run_plan(spec, path, out, Runner("serial", progress=False))
    return spec, path, out, reports


# --- ranking ------------------------------------------------------------------------------


def test_the_clearly_best_option_ranks_first_with_nearly_all_the_chance_of_being_best():
    ranking = rank_options(worlds_matrix({"base": 0, "good": -3, "fair": -1}, 40), MEAN)
    table = ranking.table.set_index("option")
    assert ranking.best == "good"
    assert table.loc["good", "chance_best"] > 0.99
    assert table["rank"].to_dict() == {"base": 3, "good": 1, "fair": 2}


def test_chances_of_being_best_add_up_to_one_even_with_ties():
    matrix = pd.DataFrame({"a": [0.0, 1, 0, 0], "b": [0.0, 1, 0, 0], "c": [1.0, 1, 1, 0]})
    ranking = rank_options(matrix, parse_measure("chance(x > 0.5)"))
    chances = ranking.table.set_index("option")["chance_best"]
    assert chances.sum() == pytest.approx(1.0)
    assert chances["a"] == pytest.approx(chances["b"])


def test_common_random_numbers_tell_apart_what_the_world_noise_would_hide():
    # the shared world varies with sd 3; the options differ by 0.5 with own noise 0.2
    ranking = rank_options(worlds_matrix({"a": 0, "b": -0.5}, 30, noise=0.2), MEAN)
    pair = ranking.pair("b", "a")
    assert pair["told_apart"] and pair["first_better"]
    assert pair["high"] < 0


def test_options_that_differ_little_cannot_be_told_apart_and_the_runs_that_would_are_said():
    matrix = worlds_matrix({"a": 0, "b": -0.2}, 12, noise=1.0, seed=4)
    ranking = rank_options(matrix, MEAN)
    pair = ranking.pair("a", "b")
    assert not pair["told_apart"]
    assert ranking.tied_with("a") == ["b"]
    assert set(ranking.table["rank"]) == {1}
    assert pair["more_replications"] > 0
    needed = pair["replications_needed"]
    # with that many replications (same effect and spread) the pair is told apart
    bigger = rank_options(worlds_matrix({"a": 0, "b": -0.2}, 2 * needed, noise=1.0, seed=5),
                          MEAN)
    assert bigger.pair("a", "b")["told_apart"]


def test_many_comparisons_are_held_to_the_family_error_by_holm():
    raw = np.array([0.01, 0.02, 0.03, 0.04])
    adjusted = holm(raw)
    assert (adjusted >= raw).all()
    assert adjusted.max() <= 1
    assert adjusted[0] == pytest.approx(0.04)  # the smallest times the number of tests
    assert (adjusted > 0.05).sum() == 3  # unadjusted, all four would pass at 0.05


def test_replications_needed_grow_with_the_square_of_a_smaller_difference():
    assert replications_needed(0.5, 1.0, 10, 0.05, 0.8) == pytest.approx(
        4 * replications_needed(1.0, 1.0, 10, 0.05, 0.8))
    assert replications_needed(0.0, 1.0, 10, 0.05, 0.8) == float("inf")


def test_a_chance_that_never_happened_still_has_an_upper_bound_above_zero():
    matrix = pd.DataFrame({"a": np.zeros(20), "b": np.ones(20)})
    table = rank_options(matrix, parse_measure("chance(x > 0.5)")).table.set_index("option")
    assert table.loc["a", "estimate"] == 0 and table.loc["a", "low"] == 0
    assert 0.1 < table.loc["a", "high"] < 0.2  # Wilson, 20 runs


def test_higher_is_better_outcomes_rank_the_highest_first():
    matrix = worlds_matrix({"low": 0, "high": 2}, 20)
    ranking = rank_options(matrix, parse_measure("mean(turnout)"))
    assert ranking.best == "high"


def test_a_measure_that_is_not_one_of_the_forms_is_refused_with_the_forms():
    with pytest.raises(ValueError, match=r"chance\(OUTCOME > N\)"):
        parse_measure("chance(riots >> 1)")


# --- budgets in the experiment ---------------------------------------------------------------


def test_a_list_of_budgets_becomes_the_first_dimension_of_the_design(tmp_path):
    path = quick_experiment(tmp_path, extra="")
    text = path.read_text().replace("root_seed = 2024",
                                    "root_seed = 2024\nbudget = [500_000_000, 900_000_000]")
    path.write_text(text)
    spec, _ = load_experiment(path)
    assert [p["strategies.budget.rupiah"] for p in design_points(spec)] == [5e8, 9e8]


def test_a_budget_below_the_fixed_costs_is_refused_before_any_run(tmp_path):
    path = quick_experiment(tmp_path)
    text = path.read_text().replace('strategies = ["baseline", "counter_hoax"]',
                                    'strategies = ["baseline", "joint_command_post"]')
    path.write_text(text.replace("root_seed = 2024", "root_seed = 2024\nbudget = 1000"))
    with pytest.raises(ExperimentError, match="strategies.budget.*below the fixed minimum"):
        load_experiment(path)


def test_the_answer_states_each_options_full_cost_and_the_share_the_budget_holds(tmp_path):
    from sim.experiments.plan import budget_table

    path = quick_experiment(tmp_path)
    text = path.read_text().replace('strategies = ["baseline", "counter_hoax"]',
                                    'strategies = ["baseline", "leaders_dialogue"]')
    path.write_text(text)
    spec, path = load_experiment(path)
    full = budget_table(spec, path, ["leaders_dialogue"]).iloc[0]["full_cost"]
    path.write_text(text.replace("root_seed = 2024", f"root_seed = 2024\nbudget = {full / 2}"))
    spec, path = load_experiment(path)
    row = budget_table(spec, path, ["baseline", "leaders_dialogue"]).set_index("option")
    assert row.loc["leaders_dialogue", "full_cost"] == pytest.approx(full)
    assert row.loc["leaders_dialogue", "held_cost"] <= full / 2
    # its cost is all scalable (coverage), so the budget holds half of it
    assert row.loc["leaders_dialogue", "share_held"] == pytest.approx(0.5, abs=1e-6)
    assert row.loc["baseline", "share_held"] == 1.0


# --- search, robustness, discovery on the portfolio function ---------------------------------


def test_the_search_finds_the_known_best_subset_under_the_budget(portfolio):
    spec, path, out, _ = portfolio
    answer = planner_answer(spec, path, out)
    best = budget_portfolio_best(BUDGET)
    assert answer.search.finalists[0] == best
    assert answer.recommended == best
    assert answer.search.candidates == 31
    replications = [r.replications for r in answer.search.rounds]
    assert replications == [2, 6, 18, 20]  # eta = 3 each round, up to the experiment's 20


def test_the_search_reuses_earlier_rounds_and_a_second_call_runs_nothing(portfolio):
    spec, path, out, reports = portfolio
    later_rounds = [r for r in reports if "round-" in str(r.out) and "round-0" not in str(r.out)]
    assert all(r.skipped > 0 for r in later_rounds)
    again = Runner("serial", progress=False)
    successive_halving(spec, path, out / "plan" / "search", again)
    assert sum(r.ok + r.failed for r in again.reports) == 0


def test_the_recommended_option_lowers_the_risk_against_the_baseline_with_its_interval(portfolio):
    answer = planner_answer(*portfolio[:3])
    effect = answer.versus_baseline
    assert effect["difference"] < 0 and effect["high"] < 0 and effect["told_apart"]


def test_the_best_subset_has_no_regret_in_any_world_and_is_best_in_all(portfolio):
    answer = planner_answer(*portfolio[:3])
    table = answer.robustness.set_index("option")
    best = budget_portfolio_best(BUDGET)
    assert table.index[0] == best
    assert table.loc[best, "max_regret"] == pytest.approx(0)
    assert table.loc[best, "best_share"] == pytest.approx(1)
    assert table.loc["baseline", "satisficing_share"] < table.loc[best, "satisficing_share"]


def test_regret_and_satisficing_follow_their_definitions():
    worlds = pd.DataFrame({"a": [1.0, 5.0], "b": [2.0, 2.0]})
    table = robustness_table(worlds, lower_is_better=True, satisficing=2.0).set_index("option")
    assert table.loc["a", "max_regret"] == 3 and table.loc["b", "max_regret"] == 1
    assert table.loc["b", "satisficing_share"] == 1 and table.loc["a", "satisficing_share"] == 0.5
    assert table.index[0] == "b"  # least mean regret first


def test_prim_finds_the_box_in_which_the_chosen_option_still_fails(portfolio):
    box = planner_answer(*portfolio[:3]).box
    assert set(box.limits) == {"legitimacy", "stress"}
    assert box.limits["legitimacy"][1] == pytest.approx(PORTFOLIO_BOX["legitimacy"][1], abs=0.07)
    assert box.limits["stress"][0] == pytest.approx(PORTFOLIO_BOX["stress"][0], abs=0.07)
    assert box.lower_open["legitimacy"] and box.upper_open["stress"]
    assert box.density > 0.9 and box.coverage > 0.9


def test_each_world_shows_the_share_of_its_replications_that_fail():
    runs = pd.DataFrame({"legitimacy": [0.5, 0.9, 0.5, 0.9, 0.5, 0.7],
                         "stress": [1.0, 0.0, 1.0, 0.0, 1.0, 0.5],
                         "failed": [True, False, True, True, False, False]})
    worlds = world_failure_shares(runs, ["legitimacy", "stress"])
    expected = pd.DataFrame({"legitimacy": [0.5, 0.9, 0.7], "stress": [1.0, 0.0, 0.5],
                             "failed": [2 / 3, 1 / 2, 0.0]})
    pd.testing.assert_frame_equal(worlds, expected)
    # a figure with one parameter places each world on it twice: the world is still one dot
    assert world_failure_shares(runs, ["stress", "stress"])["failed"].tolist() == \
        [2 / 3, 1 / 2, 0.0]


def test_the_answer_and_its_box_share_one_failure_rate(portfolio):
    answer = planner_answer(*portfolio[:3])
    failed = answer.discovery_runs["failed"]
    assert answer.failure_rate == failure_rate(failed) == failed.sum() / len(failed)
    assert answer.box.base_rate == answer.failure_rate
    assert failure_rate([]) == 0.0 and failure_rate([True, False, False, False]) == 0.25


def test_regret_is_the_distance_to_each_worlds_best_option_in_the_measures_direction():
    worlds = pd.DataFrame({"a": [1.0, 5.0], "b": [2.0, 2.0]})
    pd.testing.assert_frame_equal(regret(worlds, lower_is_better=True),
                                  pd.DataFrame({"a": [0.0, 3.0], "b": [1.0, 0.0]}))
    pd.testing.assert_frame_equal(regret(worlds, lower_is_better=False),
                                  pd.DataFrame({"a": [1.0, 0.0], "b": [0.0, 3.0]}))


# --- the commands ----------------------------------------------------------------------------


def test_summarize_prints_the_ranking_and_its_json_carries_it(portfolio, capsys):
    import json

    from sim.cli import main

    _, _, out, _ = portfolio
    assert main(["summarize", str(out), "--lang", "en", "--no-figures"]) == 0
    printed = capsys.readouterr().out
    best = budget_portfolio_best(BUDGET)
    assert printed.startswith(f"Recommended: {best.replace('+', ' + ')}")
    assert "Chance best" in printed and "When it still fails" in printed
    assert main(["summarize", str(out), "--json", "--no-figures"]) == 0
    carried = json.loads(capsys.readouterr().out)["answer"]
    assert carried["recommended"] == best
    assert {r["option"] for r in carried["ranking"]["table"]} >= {best, "baseline"}
    assert carried["ranking"]["pairs"] and carried["discovery"]["limits"]


def test_plan_without_search_or_robustness_fails_loudly(tmp_path, capsys):
    from sim.cli import main

    path = quick_experiment(tmp_path)
    assert main(["plan", str(path), "--out", str(tmp_path / "out")]) == 2
    assert "nothing to plan" in capsys.readouterr().err


def test_a_robustness_parameter_the_scenario_lacks_is_refused_before_any_run(tmp_path, capsys):
    from sim.cli import main

    path = quick_experiment(tmp_path, extra='\n[plan.robustness]\n[plan.robustness.parameters]\n'
                                            '"grievance.no_such" = { low = 0.1, high = 0.2 }\n')
    assert main(["plan", str(path), "--out", str(tmp_path / "out")]) == 2
    error = capsys.readouterr().err
    assert "plan.robustness.parameters" in error and "no_such" in error
    assert not (tmp_path / "out").exists()


def test_a_file_of_draws_such_as_a_posterior_replaces_the_ranges(tmp_path):
    from sim.experiments.plan_spec import Robustness
    from sim.experiments.robustness import parameter_source

    draws = pd.DataFrame({"grievance.legitimacy": [0.8, 0.9, 0.95], "weight": [0.0, 1.0, 0.0]})
    draws.to_csv(tmp_path / "posterior.csv", index=False)
    settings = Robustness(samples="posterior.csv", worlds=5)
    source = parameter_source(settings, tmp_path / "experiment.toml")
    worlds = source.draw(5, seed=0)
    assert source.names == ["grievance.legitimacy"]
    # all the weight is on one draw, so every world is that draw
    assert [w["grievance.legitimacy"] for w in worlds] == [0.9] * 5
