"""Sweeps: same results on every executor, nothing lost or doubled, failures recorded."""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from experiment_files import PROJECT, function_experiment, quick_experiment

from sim.experiments import ExperimentError, ResultStore, load_experiment, run_experiment
from sim.experiments.testfunctions import ishigami

TIMING = ["seconds", "wall_seconds", "cpu_seconds", "worker"]


def sweep(path: Path, out: Path, **options) -> ResultStore:
    spec, path = load_experiment(path)
    run_experiment(spec, path, out, progress=False, **options)
    return ResultStore(out)


def comparable(store: ResultStore) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Runs without timing columns, and the time series in a fixed order."""
    runs = store.runs().drop(columns=TIMING).reset_index(drop=True)
    series = store.timeseries().sort_values(["run_id", "step", "community"])
    return runs, series.reset_index(drop=True)


def test_serial_local_and_dask_give_identical_results(tmp_path):
    path = quick_experiment(tmp_path, replications=2)
    serial = comparable(sweep(path, tmp_path / "serial", executor="serial"))
    local = comparable(sweep(path, tmp_path / "local", executor="local", workers=2))
    dask = comparable(sweep(path, tmp_path / "dask", executor="dask", workers=2))
    assert len(serial[0]) == 4
    for other in (local, dask):
        pd.testing.assert_frame_equal(serial[0], other[0])
        pd.testing.assert_frame_equal(serial[1], other[1])


def test_a_second_sweep_runs_nothing_and_stores_nothing_twice(tmp_path):
    path = quick_experiment(tmp_path, replications=2)
    store = sweep(path, tmp_path / "out", executor="serial")
    spec, path = load_experiment(path)
    again = run_experiment(spec, path, tmp_path / "out", executor="serial", progress=False)
    assert (again.skipped, again.ok, again.failed) == (4, 0, 0)
    assert store.runs()["run_id"].is_unique and len(store.runs()) == 4


def test_a_store_of_another_experiment_is_refused(tmp_path):
    sweep(quick_experiment(tmp_path, replications=2), tmp_path / "out", executor="serial")
    other = quick_experiment(tmp_path, replications=3)
    with pytest.raises(ExperimentError, match="another experiment definition"):
        sweep(other, tmp_path / "out", executor="serial")


def _parts(out: Path) -> int:
    folder = out / "runs"
    return len(list(folder.glob("part-*.parquet"))) if folder.exists() else 0


def test_a_sweep_killed_part_way_then_rerun_has_exactly_the_rows_of_an_uninterrupted_one(
        tmp_path):
    path = quick_experiment(tmp_path, replications=10)
    out = tmp_path / "killed"
    command = [sys.executable, "-m", "sim.cli", "sweep", str(path), "--executor", "serial",
               "--flush-every", "2", "--no-progress", "--out", str(out)]
    env = os.environ | {"PYTHONPATH": str(PROJECT)}
    process = subprocess.Popen(command, env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while _parts(out) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    stored_before = len(ResultStore(out).runs())
    assert 0 < stored_before < 20, "the sweep was not killed part-way"

    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    assert f"{stored_before} already stored" in finished.stdout
    resumed = comparable(ResultStore(out))
    whole = comparable(sweep(path, tmp_path / "whole", executor="serial"))
    assert resumed[0]["run_id"].is_unique
    pd.testing.assert_frame_equal(resumed[0], whole[0])
    pd.testing.assert_frame_equal(resumed[1], whole[1])


FAILING_MODEL = '''
def fragile(params, seed):
    if params["x"] < 0:
        raise ValueError(f"x = {params['x']} is negative")
    return {"y": params["x"] * 2}
'''


def test_a_failing_run_is_recorded_with_its_error_while_the_rest_finish(tmp_path, monkeypatch):
    (tmp_path / "fragile_model.py").write_text(FAILING_MODEL)
    monkeypatch.syspath_prepend(str(tmp_path))
    path = function_experiment(tmp_path, "fragile_model:fragile", "[grid]\nx = [1, -1, 2, 3]\n")
    runs = sweep(path, tmp_path / "out", executor="serial").runs()
    assert runs["status"].tolist() == ["ok", "failed", "ok", "ok"]
    failed = runs[runs["status"] == "failed"].iloc[0]
    assert "ValueError: x = -1 is negative" in failed["error"]
    assert runs.loc[runs["status"] == "ok", "out.y"].tolist() == [2, 4, 6]


def test_the_function_model_door_stores_the_functions_own_values(tmp_path):
    body = "[grid]\nx1 = [0.0, 1.0]\nx2 = [0.5, 3.0]\nx3 = [-2.0]\n"
    path = function_experiment(tmp_path, "sim.experiments.testfunctions:ishigami", body,
                               replications=2)
    runs = sweep(path, tmp_path / "out", executor="local", workers=2).runs()
    assert len(runs) == 4 * 2
    for _, row in runs.iterrows():
        point = {"x1": row["param.x1"], "x2": row["param.x2"], "x3": row["param.x3"]}
        assert math.isclose(row["out.y"], ishigami(point, 0)["y"], rel_tol=0, abs_tol=0)


def test_replications_of_a_noisy_function_get_different_seeds_and_reproduce(tmp_path):
    body = "[grid]\nx1 = [1.0]\nx2 = [1.0]\nx3 = [1.0]\nnoise = [1.0]\n"
    path = function_experiment(tmp_path, "sim.experiments.testfunctions:ishigami", body,
                               replications=5)
    first = sweep(path, tmp_path / "a", executor="serial").runs()
    second = sweep(path, tmp_path / "b", executor="local", workers=2).runs()
    assert first["seed"].is_unique and first["out.y"].is_unique
    assert first["out.y"].tolist() == second["out.y"].tolist()
