"""Analysis of a sweep: intervals that cover, paired effects, the Pareto front, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
from experiment_files import PROJECT, quick_experiment
from hypothesis import given
from hypothesis import strategies as st

from sim.cli import main
from sim.experiments import load_experiment, run_experiment, summarize_store
from sim.experiments.analysis import bootstrap_mean_median, paired_effect, pareto_front


def test_the_bootstrap_interval_of_the_mean_has_the_textbook_width():
    values = np.random.default_rng(3).normal(10.0, 2.0, size=400)
    stats = bootstrap_mean_median(values, confidence=0.95, n_boot=4000)
    expected = 2 * 1.96 * values.std(ddof=1) / np.sqrt(values.size)
    assert stats["mean_low"] < values.mean() < stats["mean_high"]
    assert abs((stats["mean_high"] - stats["mean_low"]) / expected - 1) < 0.1


def test_a_constant_paired_shift_is_recovered_exactly_despite_noisy_runs():
    baseline = np.random.default_rng(5).poisson(40, size=30).astype(float)
    effect = paired_effect(baseline * 0.75, baseline)
    assert np.isclose(effect["relative_reduction"], 0.25)
    assert np.isclose(effect["reduction_low"], 0.25) and np.isclose(effect["reduction_high"], 0.25)


def test_pairing_by_replication_narrows_the_interval_of_an_effect():
    rng = np.random.default_rng(8)
    shared = rng.normal(50, 15, size=30)
    baseline, arm = shared + rng.normal(0, 1, 30), shared - 5 + rng.normal(0, 1, 30)
    paired = paired_effect(arm, baseline)
    unpaired = paired_effect(arm, rng.permutation(baseline))
    width = paired["difference_high"] - paired["difference_low"]
    assert width < 0.25 * (unpaired["difference_high"] - unpaired["difference_low"])
    assert paired["difference_low"] < -5 < paired["difference_high"]


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=1, max_size=12))
def test_the_pareto_front_holds_exactly_the_options_nothing_beats(options):
    cost = np.array([c for c, _ in options], dtype=float)
    risk = np.array([r for _, r in options], dtype=float)
    front = pareto_front(cost, risk)
    for i in range(len(options)):
        beaten = any(cost[j] <= cost[i] and risk[j] <= risk[i]
                     and (cost[j] < cost[i] or risk[j] < risk[i]) for j in range(len(options)))
        assert front[i] == (not beaten)


def test_counter_hoax_lowers_peak_hoax_belief_with_an_interval_below_zero(tmp_path):
    spec, path = load_experiment(quick_experiment(tmp_path, replications=6))
    run_experiment(spec, path, tmp_path / "out", executor="serial", progress=False)
    summary = summarize_store(tmp_path / "out")
    effect = summary.effects.set_index(["arm", "outcome"]).loc[("counter_hoax",
                                                                "peak_hoax_belief")]
    assert effect["difference_high"] < 0 < effect["relative_reduction"]
    costs = summary.pareto.set_index("arm")["cost_rupiah"]
    assert costs["baseline"] == 0 < costs["counter_hoax"]
    assert summary.pareto.set_index("arm").loc["baseline", "on_front"]


def test_sweep_then_summarize_from_the_command_line_writes_tables_and_figures(tmp_path, capsys):
    path = quick_experiment(tmp_path, replications=2)
    out = tmp_path / "out"
    assert main(["sweep", str(path), "--executor", "serial", "--no-progress",
                 "--out", str(out)]) == 0
    assert "4 ran, 0 failed" in capsys.readouterr().out
    assert main(["summarize", str(out), "--json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["runs_ok"] == 4
    assert {row["arm"] for row in data["stats"]} == {"baseline", "counter_hoax"}
    assert {"cost_risk", "distributions", "envelopes", "risk_map"} <= {
        p.stem for p in (out / "figures").glob("*.svg")}


def test_a_bad_experiment_file_exits_2_with_the_problem_and_no_traceback(tmp_path):
    path = quick_experiment(tmp_path, replications=-1)
    result = subprocess.run([sys.executable, "-m", "sim.cli", "sweep", str(path)],
                            capture_output=True, text=True, cwd=tmp_path,
                            env={"PYTHONPATH": str(PROJECT), "PATH": ""})
    assert result.returncode == 2
    assert f"ExperimentError: {path}: experiment.replications = -1: must be >= 1" in result.stderr
    assert "Traceback" not in result.stderr


def test_summarizing_a_folder_that_is_no_store_exits_2(tmp_path, capsys):
    assert main(["summarize", str(tmp_path)]) == 2
    assert "not a results store" in capsys.readouterr().err
