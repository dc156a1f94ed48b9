"""Sweeps under faults: missing files, two writers, edited bases, dying workers, damaged parts,
kill -9, a full disk. None of them may mix results, double them or lose finished runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psutil
import pytest
from experiment_files import PROJECT, function_experiment, quick_experiment

from sim.cli import main as kondusif
from sim.experiments import ExperimentError, ResultStore, load_experiment, run_experiment
from sim.scenario import ScenarioError, load_scenario

FAULTY = "sim.experiments.testfunctions:faulty"


def sweep(path: Path, out: Path, **options):
    spec, path = load_experiment(path)
    return run_experiment(spec, path, out, progress=False, **options)


def grid_experiment(folder: Path, values=(1, 2, 3, 4, 5), fixed: str = "",
                    name: str = "faulty_test") -> Path:
    body = f"[fixed]\n{fixed}\n[grid]\nx = {list(values)}\n"
    return function_experiment(folder, FAULTY, body, name=name)


def cli(*args: str, cwd: Path | None = None, env: dict | None = None, **options):
    """The installed command in a subprocess, where exit status and process ends matter."""
    return subprocess.run([sys.executable, "-m", "sim", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300, **options)


# --- 1. a path is a path -----------------------------------------------------------------


def test_a_missing_scenario_path_is_exit_2_not_the_bundled_scenario_of_that_stem(capsys):
    assert kondusif(["run", "/nowhere/kutim_2024.toml", "--seed", "1"]) == 2
    err = capsys.readouterr().err
    assert "/nowhere/kutim_2024.toml: no such scenario file" in err
    assert "Traceback" not in err


def test_an_experiment_naming_a_missing_scenario_path_is_refused(tmp_path):
    path = quick_experiment(tmp_path)
    path.write_text(path.read_text().replace('["desa_demo"]', '["sub/desa_demo.toml"]'))
    with pytest.raises(ExperimentError, match=r"sub/desa_demo.toml.*no such scenario file"):
        load_experiment(path)


def test_extends_reads_the_base_beside_the_file_never_the_current_folder(tmp_path,
                                                                          monkeypatch):
    demo = (PROJECT / "scenarios" / "desa_demo.toml").read_text()
    (tmp_path / "near").mkdir()
    (tmp_path / "near" / "desa_demo.toml").write_text(
        demo.replace('name = "desa_demo"', 'name = "near_demo"'))
    (tmp_path / "near" / "child.toml").write_text(
        '[scenario]\nname = "child"\ntitle = "c"\nextends = "desa_demo"\n')
    (tmp_path / "desa_demo.toml").write_text("this is no TOML [")  # in the current folder
    monkeypatch.chdir(tmp_path)
    assert load_scenario("near/child.toml").scenario.name == "child"
    from sim.scenario.loading import read_scenario_data
    # the base beside the file (near_demo), not the bundled one nor the current folder's
    merged = read_scenario_data("near/child.toml")
    assert merged["region"] == read_scenario_data("near/desa_demo.toml")["region"]
    (tmp_path / "near" / "other.toml").write_text(
        '[scenario]\nname = "o"\ntitle = "o"\nextends = "./gone.toml"\n')
    with pytest.raises(ScenarioError,
                       match=r"scenario.extends = './gone.toml': no such scenario file"):
        load_scenario("near/other.toml")


# --- 2. one writer per store ---------------------------------------------------------------


def test_a_second_writer_is_refused_while_the_first_holds_the_store(tmp_path):
    path = grid_experiment(tmp_path)
    spec, path = load_experiment(path)
    with ResultStore.open_for(tmp_path / "out", spec, path, 5):
        with pytest.raises(ExperimentError, match="another sweep is writing to this folder"):
            ResultStore.open_for(tmp_path / "out", spec, path, 5)
    ResultStore.open_for(tmp_path / "out", spec, path, 5).close()  # free again afterwards


def test_two_sweeps_into_one_folder_leave_each_run_stored_once(tmp_path):
    path = grid_experiment(tmp_path, values=list(range(40)), fixed="sleep = 0.25")
    out = tmp_path / "out"
    first = subprocess.Popen([sys.executable, "-m", "sim", "sweep", str(path), "--out", str(out),
                              "--executor", "serial", "--no-progress", "--flush-every", "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (out / "manifest.json").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    second = cli("sweep", str(path), "--out", str(out), "--executor", "serial",
                 "--no-progress")
    _, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err
    assert second.returncode == 2
    assert "another sweep is writing to this folder" in second.stderr
    assert "Traceback" not in second.stderr
    runs = ResultStore(out).runs()
    assert len(runs) == 40 and runs["run_id"].is_unique


# --- 3. the identity covers the resolved scenarios -----------------------------------------


def test_an_edited_extends_base_is_refused_on_resume_naming_what_changed(tmp_path):
    demo = (PROJECT / "scenarios" / "desa_demo.toml").read_text()
    (tmp_path / "base.toml").write_text(demo)
    (tmp_path / "child.toml").write_text(
        '[scenario]\nname = "child"\ntitle = "c"\nextends = "base.toml"\n')
    path = quick_experiment(tmp_path, replications=1)
    path.write_text(path.read_text().replace('["desa_demo"]', '["child.toml"]'))
    sweep(path, tmp_path / "out", executor="serial")
    (tmp_path / "base.toml").write_text(demo + "\n[grievance]\nlegitimacy = 0.55\n")
    with pytest.raises(ExperimentError) as refused:
        sweep(path, tmp_path / "out", executor="serial")
    message = str(refused.value)
    assert "another experiment definition" in message
    assert 'scenarios.child.toml.grievance: (absent) -> {"legitimacy": 0.55}' in message


# --- 4. everything checked before the first run; all failed is not success -----------------


def test_an_unknown_timeseries_column_is_refused_before_any_run(tmp_path):
    path = quick_experiment(tmp_path, extra="")
    path.write_text(path.read_text().replace('"riot"]', '"riot", "mood"]'))
    out = tmp_path / "out"
    assert kondusif(["sweep", str(path), "--out", str(out), "--no-progress"]) == 2
    assert not out.exists()


def test_a_sweep_in_which_every_run_failed_exits_non_zero(tmp_path, capsys):
    path = grid_experiment(tmp_path, values=[1, 2], fixed="fails = 1")
    status = kondusif(["sweep", str(path), "--out", str(tmp_path / "out"), "--executor",
                       "serial", "--no-progress"])
    assert status == 1
    assert "every run failed (2 of 2)" in capsys.readouterr().err


# --- 5. a dying worker ---------------------------------------------------------------------


def test_a_run_that_kills_its_worker_twice_is_recorded_failed_and_the_sweep_goes_on(tmp_path):
    path = grid_experiment(tmp_path, fixed="die_at = 3")
    report = sweep(path, tmp_path / "out", executor="local", workers=2)
    runs = ResultStore(tmp_path / "out").runs()
    assert (report.ok, report.failed) == (4, 1)
    died = runs[runs["status"] == "failed"]
    assert died["param.x"].tolist() == [3]
    assert "worker process running this run died twice" in died["error"].iloc[0]


def test_a_run_whose_worker_died_once_is_retried_on_a_fresh_pool_and_stored(tmp_path):
    marker = tmp_path / "died-once"
    path = grid_experiment(tmp_path, fixed=f'die_at = 3\nonce = "{marker}"')
    report = sweep(path, tmp_path / "out", executor="local", workers=2)
    assert marker.exists()  # it did die once
    assert (report.ok, report.failed) == (5, 0)
    assert sorted(ResultStore(tmp_path / "out").runs()["out.y"]) == [1, 2, 3, 4, 5]


# --- 6. damaged parts ----------------------------------------------------------------------


def truncate(part: Path) -> None:
    part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])


def test_a_truncated_runs_part_is_named_left_out_when_read_and_redone_on_resume(tmp_path,
                                                                                 capsys):
    path = grid_experiment(tmp_path)
    out = tmp_path / "out"
    sweep(path, out, executor="serial", flush_rows=1)
    damaged = out / "runs" / "part-000002.parquet"
    truncate(damaged)
    assert len(ResultStore(out).runs()) == 4
    assert f"{damaged}: damaged" in capsys.readouterr().err
    again = sweep(path, out, executor="serial")
    err = capsys.readouterr().err
    assert f"{damaged}: damaged" in err and "set aside" in err
    assert again.ok == 1
    runs = ResultStore(out).runs()
    assert len(runs) == 5 and runs["run_id"].is_unique
    assert (out / "damaged" / "runs-part-000002.parquet").exists()


def test_a_truncated_timeseries_part_is_set_aside_and_its_runs_redone(tmp_path, capsys):
    path = quick_experiment(tmp_path, replications=1)
    out = tmp_path / "out"
    sweep(path, out, executor="serial", flush_rows=1)
    before = ResultStore(out).timeseries()["run_id"].nunique()
    truncate(out / "timeseries" / "part-000001.parquet")
    again = sweep(path, out, executor="serial")
    assert "timeseries/part-000001.parquet: damaged" in capsys.readouterr().err
    assert again.ok == 1
    store = ResultStore(out)
    assert store.timeseries()["run_id"].nunique() == before == len(store.runs())


# --- 7. kill -9 ----------------------------------------------------------------------------


def processes_marked(mark: str) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter():
        try:
            if process.environ().get("KONDUSIF_TEST_MARK") == mark:
                found.append(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return found


def test_kill_9_of_a_sweep_leaves_no_worker_running_and_the_next_start_cleans_up(tmp_path):
    path = grid_experiment(tmp_path, values=list(range(40)), fixed="sleep = 1.0")
    out = tmp_path / "out"
    mark = uuid.uuid4().hex
    env = os.environ | {"KONDUSIF_TEST_MARK": mark}
    sweep_process = subprocess.Popen(
        [sys.executable, "-m", "sim", "sweep", str(path), "--out", str(out), "--executor",
         "local", "--workers", "2", "--no-progress"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(processes_marked(mark)) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(processes_marked(mark)) >= 3, "the sweep never started its workers"
    sweep_process.send_signal(signal.SIGKILL)
    sweep_process.wait()
    deadline = time.monotonic() + 15
    while processes_marked(mark) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_marked(mark) == []
    stale = out / "runs" / ".part-000009.parquet.abc.tmp"
    stale.write_bytes(b"half a part")
    spec, path = load_experiment(path)
    ResultStore.open_for(out, spec, path, 40).close()
    assert not stale.exists()


# --- files for people, a full disk ----------------------------------------------------------


def test_result_files_are_written_with_the_users_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        sweep(grid_experiment(tmp_path, values=[1]), tmp_path / "out", executor="serial")
    finally:
        os.umask(previous)
    for name in ("manifest.json", "experiment.toml", "runs/part-000001.parquet"):
        assert (tmp_path / "out" / name).stat().st_mode & 0o777 == 0o644, name


@pytest.fixture
def small_disk(tmp_path):
    """A real 160 KiB file system (tmpfs) to fill; skipped where mounting is not allowed."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


def test_a_full_disk_says_what_was_kept_and_how_to_resume(tmp_path, small_disk):
    path = quick_experiment(tmp_path, replications=20)
    done = cli("sweep", str(path), "--out", str(small_disk / "out"), "--executor", "serial",
               "--no-progress", "--flush-every", "1")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "the disk is full" in done.stderr
    assert "run the same command again to resume" in done.stderr
    kept = len(ResultStore(small_disk / "out").runs())
    assert f"{kept} finished runs are stored and kept there" in done.stderr


def test_an_unreachable_scheduler_is_exit_2_saying_it_could_not_connect(tmp_path):
    done = cli("sweep", "quick", "--executor", "dask", "--scheduler", "tcp://127.0.0.1:1",
               "--out", str(tmp_path / "out"), "--no-progress")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "tcp://127.0.0.1:1: could not connect to a Dask scheduler" in done.stderr
