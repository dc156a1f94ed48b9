"""Calibration as inference: priors with sources, ABC-SMC through the experiment runner on a
function model with a known answer, resuming, and experiments drawing from a posterior."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim.calibration.abc import run_calibration
from sim.calibration.posterior import draw_parameter_sets
from sim.calibration.priors import NOT_UNCERTAIN, markdown_table, prior_table, uncertain_paths
from sim.calibration.spec import load_calibration
from sim.cli import main
from sim.experiments import load_experiment, run_experiment
from sim.experiments.spec import ExperimentError
from sim.experiments.store import ResultStore
from sim.scenario import bundled_path, load_scenario

ROOT = Path(__file__).resolve().parents[1]
Y_TARGET = """
[[targets]]
name = "y"
outcomes = ["y"]
observed = 1.0
tolerance = 0.2
source = "the answer built into the test model"
"""
TOY = """
[calibration]
name = "toy"
model = "sim.calibration.testmodels:noisy_mean"
population_size = 16
generations = 3
batch = 16
predictive_draws = 8
initial_epsilon = 25

[priors]
mu = { low = -5, high = 5, source = "estimate: wide" }
nu = { low = 0, high = 1, source = "estimate: no target bears on it" }
""" + Y_TARGET


def test_every_uncertain_parameter_has_a_prior_or_a_reason_it_is_not_uncertain():
    table = prior_table()
    missing = [p for p in uncertain_paths() if p not in table and p not in NOT_UNCERTAIN]
    assert missing == []
    for path, prior in table.items():
        assert prior.source.startswith("estimate") or "(" in prior.source, path


def test_every_prior_keeps_a_scenario_valid_at_both_ends_of_its_range():
    for path, prior in prior_table().items():
        for end in prior.extremes():
            load_scenario(bundled_path("desa_demo"), {path: round(end) if prior.integer
                                                      else end})


def test_the_prior_table_in_the_docs_is_the_one_the_code_generates():
    docs = (ROOT / "docs" / "calibration.md").read_text(encoding="utf-8")
    assert markdown_table() in docs, ("docs/calibration.md is out of step with "
                                      "sim/calibration/priors.py: run "
                                      "`python -m sim.calibration.priors docs/calibration.md`")


def test_the_bundled_calibration_holds_out_east_kalimantan_and_fits_kutai_timur():
    spec = load_calibration(ROOT / "experiments" / "kutim_calibration.toml")
    assert {t.group for t in spec.fitted} == {"kutim", "kutim_worst"}
    assert {t.group for t in spec.held_out} == {"kaltim"}
    assert all(t.source for t in spec.targets)


@pytest.fixture(scope="module")
def toy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("toy")
    (folder / "toy.toml").write_text(TOY)
    spec = load_calibration(folder / "toy.toml")
    return spec, folder, run_calibration(spec, folder / "out", executor="serial")


def test_abc_finds_the_mean_and_leaves_a_parameter_no_target_bears_on_as_wide_as_before(toy):
    _, _, result = toy
    mu, nu = result.summary["parameters"]["mu"], result.summary["parameters"]["nu"]
    assert mu["q05"] < 1.0 < mu["q95"] and mu["q95"] - mu["q05"] < 3.0
    assert mu["contraction"] > 0.6
    assert nu["contraction"] < 0.4


def test_a_calibration_writes_its_posterior_predictive_checks_and_figures(toy):
    _, folder, result = toy
    out = folder / "out"
    posterior = pd.read_parquet(out / "posterior.parquet")
    assert list(posterior.columns) == ["mu", "nu", "weight"] and len(posterior) == 16
    assert posterior["weight"].sum() == pytest.approx(1.0)
    summary = json.loads((out / "summary.json").read_text())
    assert set(summary["predictive"]) == {"y"}
    for name in ("marginals.png", "identification.png", "predictive.png"):
        assert (out / name).read_bytes()[:4] == b"\x89PNG"
    assert len(result.generations) == 3


def test_posterior_predictive_draws_each_run_under_random_numbers_of_their_own(toy, tmp_path):
    from sim.calibration.abc import Simulator, _predictive

    spec, _, result = toy
    # one particle: draws can differ only by their random numbers
    one = result.posterior.iloc[[0]].assign(weight=1.0).reset_index(drop=True)
    predictive = _predictive(spec, Simulator(spec, tmp_path, "serial"), one, tmp_path)
    y = predictive.loc[predictive["target"] == "y", "value"]
    assert len(y) == spec.settings.predictive_draws == y.nunique()


def test_running_a_finished_calibration_again_runs_nothing_and_gives_the_same_posterior(toy):
    spec, folder, _ = toy
    before = (folder / "out" / "posterior.parquet").read_bytes()
    again = run_calibration(spec, folder / "out", executor="serial")
    assert again.runs == 0
    assert (folder / "out" / "posterior.parquet").read_bytes() == before


def continued(folder: Path, shortened: str):
    """A calibration run first from a shortened file, then continued from the full one."""
    (folder / "toy.toml").write_text(shortened)
    first = run_calibration(load_calibration(folder / "toy.toml"), folder / "out",
                            executor="serial")
    (folder / "toy.toml").write_text(TOY)
    return first, run_calibration(load_calibration(folder / "toy.toml"), folder / "out",
                                  executor="serial")


@pytest.mark.parametrize("shortened", [
    TOY.replace("generations = 3", "generations = 1"),
    # a threshold to stop at above the first one: it stops after one generation
    TOY.replace("batch = 16", "batch = 16\nmin_epsilon = 100"),
], ids=["fewer generations", "higher threshold"])
def test_a_calibration_continued_after_one_generation_ends_where_an_unbroken_one_does(
        toy, tmp_path, shortened):
    first, rest = continued(tmp_path, shortened)
    assert len(first.generations) == 1 and len(rest.generations) == 3
    pd.testing.assert_frame_equal(rest.posterior, toy[2].posterior)


def test_a_folder_holding_another_calibration_is_refused(toy, tmp_path):
    _, folder, _ = toy
    other = tmp_path / "other.toml"
    other.write_text(TOY.replace("observed = 1.0", "observed = 2.0"))
    with pytest.raises(ExperimentError, match="holds another calibration"):
        run_calibration(load_calibration(other), folder / "out", executor="serial")


def test_a_bad_calibration_file_names_the_file_the_field_the_value_and_the_expectation(
        tmp_path, capsys):
    path = tmp_path / "bad.toml"
    path.write_text(TOY.replace("population_size = 16", "population_size = 1"))
    assert main(["calibrate", str(path)]) == 2
    assert (f"{path}: calibration.population_size = 1: must be >= 2"
            in capsys.readouterr().err)


def test_a_parameter_without_a_prior_is_refused_with_the_known_names(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(TOY.replace('model = "sim', 'parameters = ["grievance.legitimcy"]\n'
                                'model = "sim'))
    with pytest.raises(ExperimentError, match="'grievance.legitimcy' has no prior"):
        load_calibration(path)


def test_posterior_draws_follow_the_weights_and_repeat_with_the_seed():
    table = pd.DataFrame({"x": [0.0, 1.0], "weight": [0.9, 0.1]})
    draws = draw_parameter_sets(table, 2000, root_seed=3)
    assert np.mean([d["x"] for d in draws]) == pytest.approx(0.1, abs=0.03)
    assert draws == draw_parameter_sets(table, 2000, root_seed=3)


def test_each_replication_of_an_experiment_uses_a_parameter_set_drawn_from_a_posterior(
        tmp_path):
    pd.DataFrame({"mu": [-1.0, 0.0, 2.0, 5.0], "weight": [0.25, 0.25, 0.25, 0.25]}
                 ).to_parquet(tmp_path / "posterior.parquet")
    (tmp_path / "drawn.toml").write_text(
        '[experiment]\nname = "drawn"\nmodel = "sim.calibration.testmodels:noisy_mean"\n'
        'replications = 12\n[fixed]\nnoise = 0.0\n'
        '[parameters]\nposterior = "posterior.parquet"\n')
    spec, path = load_experiment(tmp_path / "drawn.toml")
    run_experiment(spec, path, tmp_path / "out", executor="serial", progress=False)
    runs = ResultStore(tmp_path / "out").runs()
    assert set(runs["param.mu"]) <= {-1.0, 0.0, 2.0, 5.0} and runs["param.mu"].nunique() > 1
    assert (runs["out.y"] == runs["param.mu"]).all()


def test_a_posterior_parameter_also_set_in_fixed_is_refused(tmp_path):
    pd.DataFrame({"mu": [0.0], "weight": [1.0]}).to_parquet(tmp_path / "posterior.parquet")
    (tmp_path / "drawn.toml").write_text(
        '[experiment]\nname = "drawn"\nmodel = "sim.calibration.testmodels:noisy_mean"\n'
        '[fixed]\nmu = 1.0\n[parameters]\nposterior = "posterior.parquet"\n')
    with pytest.raises(ExperimentError, match="mu: drawn from the posterior and also set"):
        load_experiment(tmp_path / "drawn.toml")


@pytest.mark.slow
@pytest.mark.parametrize("executor", ["local", "dask"])
def test_a_calibration_gives_the_same_posterior_bytes_on_every_executor(toy, tmp_path,
                                                                          executor):
    spec, folder, _ = toy
    run_calibration(spec, tmp_path / "out", executor=executor, workers=2)
    for name in ("posterior.parquet", "predictive.parquet"):
        assert (tmp_path / "out" / name).read_bytes() == (folder / "out" / name).read_bytes()


EVENT = """
[calibration]
name = "event"
model = "sim.calibration.testmodels:noisy_mean_with_event"
population_size = 80
generations = 4
batch = 80
predictive_draws = 4
initial_epsilon = 3
quantile_multiplier = {multiplier}

[priors]
mu = {{ low = -5, high = 5, source = "estimate: wide" }}
p = {{ low = 0.3, high = 1, source = "estimate: the event is common" }}
""" + Y_TARGET + """
[[targets]]
name = "event"
outcomes = ["event"]
observed = 0.0
tolerance = 0.5
source = "the answer built into the test model"
"""


@pytest.mark.parametrize("multiplier", [0.95, 1.0])
def test_a_yes_or_no_target_is_enforced_once_the_threshold_passes_its_miss(tmp_path, multiplier):
    (tmp_path / "event.toml").write_text(EVENT.format(multiplier=multiplier))
    result = run_calibration(load_calibration(tmp_path / "event.toml"), tmp_path / "out",
                             executor="serial")
    last = result.summary["generations"][-1]["epsilon"]
    p = result.summary["parameters"]["p"]["mean"]
    # prior mean 0.65; given one run without the event the exact posterior is
    # proportional to 1 - p on [0.3, 1], mean 0.53
    if multiplier < 1:   # below the miss (2 tolerances): only runs without the event pass
        assert last < 2.0 and p < 0.59
    else:                # most particles miss, so the quantile sits on the miss for ever
        assert last == 2.0 and p > 0.59
