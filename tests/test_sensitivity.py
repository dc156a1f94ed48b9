"""Sensitivity analysis end to end: experiment file, runner, store, SALib, against known indices."""

from __future__ import annotations

import json

import numpy as np
import pytest
from experiment_files import function_experiment, quick_experiment
from numpy.testing import assert_allclose

from sim.cli import main
from sim.experiments import ExperimentError, ResultStore, load_experiment
from sim.experiments.sensitivity import analyze_runs, analyze_store, run_sensitivity
from sim.experiments.testfunctions import ishigami_indices

PI = "3.141592653589793"
ISHIGAMI = "sim.experiments.testfunctions:ishigami"
SOBOL_G = "sim.experiments.testfunctions:sobol_g"
# SALib's own regression tolerances for Ishigami (SALib tests/test_regression.py)
SALIB_TOLERANCE = {"atol": 5e-2, "rtol": 1e-1}


def ishigami_study(method: str = "sobol", n: int = 1024, extra: str = "",
                   noise: str = "") -> str:
    ranges = "\n".join(f"x{i} = {{ low = -{PI}, high = {PI} }}" for i in (1, 2, 3))
    return (f'[sensitivity]\nmethod = "{method}"\nbase_samples = {n}\noutcomes = ["y"]\n'
            f"{extra}\n[sensitivity.parameters]\n{ranges}\n{noise}")


def study(tmp_path, body: str, model: str = ISHIGAMI, replications: int = 1):
    tmp_path.mkdir(exist_ok=True)
    spec, path = load_experiment(function_experiment(tmp_path, model, body,
                                                     replications=replications))
    run_sensitivity(spec, path, tmp_path / "out", executor="serial", progress=False)
    return analyze_runs(spec, ResultStore(tmp_path / "out").runs())


def test_sobol_through_the_runner_recovers_the_ishigami_indices(tmp_path):
    result = study(tmp_path, ishigami_study(extra="second_order = true"))
    truth = ishigami_indices()
    assert_allclose(result.indices["S1"], [0.314, 0.442, 0.0], **SALIB_TOLERANCE)
    assert_allclose(result.indices["ST"], [0.558, 0.442, 0.244], **SALIB_TOLERANCE)
    assert_allclose(result.indices["ST"], truth["ST"], **SALIB_TOLERANCE)
    s13 = result.second_order.set_index(["parameter_i", "parameter_j"]).loc[("x1", "x3"), "S2"]
    assert_allclose(s13, 0.244, **SALIB_TOLERANCE)
    assert (result.indices["ST_conf"] > 0).all()


def test_morris_screening_ranks_the_sobol_g_inputs_by_their_importance(tmp_path):
    ranges = "\n".join(f"x{i} = {{ low = 0.0, high = 1.0 }}" for i in range(1, 9))
    body = (f'[sensitivity]\nmethod = "morris"\nbase_samples = 60\noutcomes = ["y"]\n'
            f"[sensitivity.parameters]\n{ranges}\n")
    mu_star = study(tmp_path, body, model=SOBOL_G).indices["mu_star"].to_numpy()
    # a = 0, 1, 4.5, 9, then 99 four times: x1 matters most, x5..x8 hardly
    assert list(np.argsort(-mu_star[:4])) == [0, 1, 2, 3]
    assert mu_star[3] > mu_star[4:].max()


def test_convergence_is_reported_at_a_quarter_half_and_all_of_the_sample(tmp_path):
    result = study(tmp_path, ishigami_study(n=256))
    assert sorted(result.convergence["base_samples"].unique()) == [64, 128, 256]
    assert any("not converged" in w or "wide" in w for w in result.warnings)


def test_replication_noise_is_measured_and_named_when_large(tmp_path):
    quiet = study(tmp_path / "quiet", ishigami_study("morris", 40), replications=3)
    noisy = study(tmp_path / "noisy", ishigami_study("morris", 40, noise="[fixed]\nnoise = 8.0"),
                  replications=3)
    assert quiet.noise["noise_share_single_run"].iloc[0] == 0
    assert noisy.noise["noise_share_single_run"].iloc[0] > 0.5
    assert any("replication noise" in w for w in noisy.warnings)


def test_a_sobol_sample_size_that_is_no_power_of_two_names_the_nearest_ones(tmp_path):
    path = function_experiment(tmp_path, ISHIGAMI, ishigami_study(n=1000))
    with pytest.raises(ExperimentError, match="power of two; the nearest are 512 and 1024"):
        load_experiment(path)


def test_inverted_bounds_are_refused_before_any_run(tmp_path):
    body = ishigami_study().replace(f"x3 = {{ low = -{PI}, high = {PI} }}",
                                    "x3 = { low = 1.0, high = -1.0 }")
    with pytest.raises(ExperimentError, match=r"x3.*low \(1.0\) must be below high \(-1.0\)"):
        load_experiment(function_experiment(tmp_path, ISHIGAMI, body))


def test_an_outcome_the_function_does_not_give_is_refused_before_any_run(tmp_path):
    body = ishigami_study().replace('outcomes = ["y"]', 'outcomes = ["z"]')
    with pytest.raises(ExperimentError, match="outcome 'z'.*gives no such outcome"):
        load_experiment(function_experiment(tmp_path, ISHIGAMI, body))
    assert not (tmp_path / "out").exists()


def test_an_unknown_model_parameter_is_refused_before_any_run(tmp_path):
    extra = ('\n[sensitivity]\nbase_samples = 8\noutcomes = ["riots"]\n'
             '[sensitivity.parameters]\n"rumor.transmision" = { low = 0.3, high = 0.6 }\n')
    with pytest.raises(ExperimentError, match="did you mean 'transmission'"):
        load_experiment(quick_experiment(tmp_path, extra=extra))


def test_a_whole_number_parameter_sampled_as_a_fraction_is_refused(tmp_path):
    extra = ('\n[sensitivity]\nmethod = "morris"\nbase_samples = 4\noutcomes = ["riots"]\n'
             '[sensitivity.parameters]\n"rumor.seeds_per_wave" = { low = 50, high = 400 }\n')
    with pytest.raises(ExperimentError, match="rumor.seeds_per_wave"):
        load_experiment(quick_experiment(tmp_path, extra=extra))
    fixed = extra.replace("high = 400 }", "high = 400, integer = true }")
    spec, _ = load_experiment(quick_experiment(tmp_path, name="quick_fixed", extra=fixed))
    assert spec.sensitivity.parameters["rumor.seeds_per_wave"].integer


def test_a_study_resumes_and_analysing_an_unfinished_one_says_what_is_missing(tmp_path):
    spec, path = load_experiment(function_experiment(tmp_path, ISHIGAMI, ishigami_study(n=64)))
    first = run_sensitivity(spec, path, tmp_path / "out", executor="serial", progress=False)
    again = run_sensitivity(spec, path, tmp_path / "out", executor="serial", progress=False)
    assert (first.ok, again.skipped, again.ok) == (320, 320, 0)
    partial = ResultStore(tmp_path / "out").runs().iloc[:100]
    with pytest.raises(ExperimentError, match="100 of 320 runs are usable"):
        analyze_runs(spec, partial)


def test_the_command_writes_indices_figures_and_json_and_another_method_its_own_folder(
        tmp_path, capsys):
    path = function_experiment(tmp_path, ISHIGAMI, ishigami_study(n=128))
    out = tmp_path / "study"
    assert main(["sensitivity", str(path), "--executor", "serial", "--no-progress",
                 "--out", str(out), "--lang", "en"]) == 0
    assert "x2" in capsys.readouterr().out
    data = json.loads((out / "sensitivity" / "sensitivity.json").read_text())
    assert data["method"] == "sobol" and len(data["indices"]) == 3
    assert {"sobol_indices.svg", "convergence.png"} <= {
        p.name for p in (out / "sensitivity" / "figures").iterdir()}
    assert analyze_store(out).method == "sobol"
    assert main(["sensitivity", str(path), "--method", "morris", "--executor", "serial",
                 "--no-progress", "--out", str(tmp_path / "morris")]) == 0
    assert (tmp_path / "morris" / "sensitivity" / "figures" / "morris.png").exists()
    assert main(["sensitivity", str(path), "--method", "morris", "--executor", "serial",
                 "--no-progress", "--out", str(out)]) == 2


@pytest.mark.filterwarnings("ignore:FAST confidence intervals")  # our own warning says it
def test_fast_through_the_runner_recovers_the_ishigami_indices(tmp_path):
    result = study(tmp_path, ishigami_study("fast", 1024))
    assert_allclose(result.indices["S1"], [0.314, 0.442, 0.0], **SALIB_TOLERANCE)
    assert_allclose(result.indices["ST"], [0.558, 0.442, 0.244], **SALIB_TOLERANCE)


@pytest.mark.slow
def test_delta_through_the_runner_recovers_the_ishigami_first_order_indices(tmp_path):
    result = study(tmp_path, ishigami_study("delta", 2000, extra="bootstrap = 10"))
    assert_allclose(result.indices["S1"], [0.314, 0.442, 0.0], **SALIB_TOLERANCE)
    assert_allclose(result.indices["delta"], [0.210, 0.358, 0.155], **SALIB_TOLERANCE)
