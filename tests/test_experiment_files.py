"""Experiment files: validated on load, every problem named before any run starts."""

from __future__ import annotations

import pytest
from experiment_files import PROJECT, function_experiment, quick_experiment

from sim.experiments import ExperimentError, load_experiment
from sim.experiments.design import count_runs, design_points, expand
from sim.experiments.spec import experiment_hash


def test_bundled_experiments_load_and_name_the_baseline_first():
    spec, _ = load_experiment(PROJECT / "experiments" / "quick.toml")
    assert spec.arms == ["baseline", "counter_hoax"]
    assert spec.experiment.replications >= 3


def test_the_baseline_is_always_compared_even_when_not_listed(tmp_path):
    path = quick_experiment(tmp_path)
    path.write_text(path.read_text().replace('["baseline", "counter_hoax"]', '["counter_hoax"]'))
    spec, _ = load_experiment(path)
    assert spec.arms == ["baseline", "counter_hoax"]


def test_a_bad_value_is_an_error_naming_file_field_and_value(tmp_path):
    path = quick_experiment(tmp_path, replications=0)
    with pytest.raises(ExperimentError) as caught:
        load_experiment(path)
    message = str(caught.value)
    assert str(path) in message
    assert "experiment.replications = 0" in message
    assert "must be >= 1" in message


def test_an_unknown_strategy_is_refused_before_any_run(tmp_path):
    path = quick_experiment(tmp_path)
    path.write_text(path.read_text().replace('"counter_hoax"]', '"counter_hoaks"]'))
    with pytest.raises(ExperimentError, match="unknown strategy 'counter_hoaks'"):
        load_experiment(path)


def test_an_unknown_parameter_path_is_refused_with_a_suggestion(tmp_path):
    path = quick_experiment(tmp_path, extra='\n[grid]\n"grievance.legitimcy" = [0.8, 0.9]\n')
    with pytest.raises(ExperimentError, match="did you mean 'legitimacy'"):
        load_experiment(path)


def test_a_grid_value_out_of_range_is_refused_naming_it(tmp_path):
    path = quick_experiment(tmp_path, extra='\n[grid]\n"grievance.legitimacy" = [0.8, 1.4]\n')
    with pytest.raises(ExperimentError, match=r"grievance.legitimacy = 1.4: must be <= 1"):
        load_experiment(path)


def test_an_outcome_the_model_does_not_produce_is_refused(tmp_path):
    path = quick_experiment(tmp_path)
    path.write_text(path.read_text().replace('"riots",', '"riot_count",'))
    with pytest.raises(ExperimentError, match="analysis.outcomes = 'riot_count'"):
        load_experiment(path)


def test_a_function_model_that_cannot_be_imported_is_refused(tmp_path):
    path = function_experiment(tmp_path, "sim.experiments.testfunctions:nope", "")
    with pytest.raises(ExperimentError, match="has no function 'nope'"):
        load_experiment(path)


def test_runs_are_arms_times_points_times_replications(tmp_path):
    path = quick_experiment(tmp_path, replications=2,
                            extra='\n[grid]\n"grievance.legitimacy" = [0.85, 0.9, 0.95]\n')
    spec, path = load_experiment(path)
    tasks = list(expand(spec, path))
    assert len(tasks) == count_runs(spec) == 2 * 3 * 2
    assert len({t.run_id for t in tasks}) == len(tasks)


def test_arms_at_the_same_replication_share_their_random_numbers(tmp_path):
    spec, path = load_experiment(quick_experiment(tmp_path, replications=2))
    tasks = list(expand(spec, path))
    seeds = {(t.arm, t.replication): t.run_spec().seed_sequence().entropy for t in tasks}
    keys = {(t.arm, t.replication): t.run_spec().seed_sequence().spawn_key for t in tasks}
    assert keys[("baseline", 0)] == keys[("counter_hoax", 0)]
    assert keys[("baseline", 0)] != keys[("baseline", 1)]
    assert len(set(seeds.values())) == 1


@pytest.mark.parametrize("random_numbers", ["common", "per_point"])
def test_design_points_share_random_numbers_unless_each_is_to_have_its_own(
        tmp_path, random_numbers):
    grid = '\n[grid]\n"grievance.legitimacy" = [0.85, 0.9, 0.95]\n'
    path = quick_experiment(tmp_path, replications=2, extra=grid)
    path.write_text(path.read_text().replace(
        "[experiment]\n", f'[experiment]\nrandom_numbers = "{random_numbers}"\n'))
    spec, path = load_experiment(path)
    entropy = {(t.point, t.arm, t.replication): t.run_spec().seed_sequence().entropy
               for t in expand(spec, path)}
    per_point = {p: entropy[p, "baseline", 0] for p in range(3)}
    assert all(entropy[p, "counter_hoax", r] == entropy[p, "baseline", r]
               for p in range(3) for r in range(2))  # arms always share
    assert len(set(per_point.values())) == (1 if random_numbers == "common" else 3)


def test_latin_hypercube_points_stay_inside_their_ranges(tmp_path):
    body = "[sample]\nsize = 20\n[sample.parameters]\nx1 = { low = -1.0, high = 2.0 }\n" \
           "x2 = { low = 0.0, high = 0.5 }\nx3 = { low = 0.0, high = 1.0 }\n"
    spec, _ = load_experiment(function_experiment(
        tmp_path, "sim.experiments.testfunctions:ishigami", body))
    points = design_points(spec)
    assert len(points) == 20
    assert all(-1 <= p["x1"] <= 2 and 0 <= p["x2"] <= 0.5 for p in points)
    assert sorted(int((p["x1"] + 1) / 3 * 20) for p in points) == list(range(20))


def test_inverted_sample_bounds_are_refused(tmp_path):
    body = "[sample]\nsize = 4\n[sample.parameters]\nx1 = { low = 2.0, high = 1.0 }\n"
    with pytest.raises(ExperimentError, match="low must be below high"):
        load_experiment(function_experiment(tmp_path, "sim.experiments.testfunctions:ishigami",
                                            body))


def test_the_hash_changes_with_the_design_but_not_the_title(tmp_path):
    spec, path = load_experiment(quick_experiment(tmp_path))
    before = experiment_hash(spec, path)
    path.write_text(path.read_text().replace("Tiga desa", "Three villages"))
    assert experiment_hash(*load_experiment(path)) == before
    path.write_text(path.read_text().replace("root_seed = 2024", "root_seed = 2025"))
    assert experiment_hash(*load_experiment(path)) != before
