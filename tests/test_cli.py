"""The `kondusif` command end to end, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd

KONDUSIF = [sys.executable, "-m", "sim.cli"]


def kondusif(*args, cwd=None):
    return subprocess.run([*KONDUSIF, *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


def test_run_prints_a_summary_in_indonesian_by_default():
    done = kondusif("run", "desa_demo", "--seed", "1")
    assert done.returncode == 0, done.stderr
    assert "Jumlah insiden" in done.stdout and "Partisipasi pemilih" in done.stdout


def test_run_json_prints_only_the_outcomes():
    done = kondusif("run", "desa_demo", "--seed", "1", "--json")
    outcomes = json.loads(done.stdout)
    assert {"riots", "turnout", "margin", "dispute_filed"} <= set(outcomes)


def test_run_summary_in_english():
    done = kondusif("run", "desa_demo", "--lang", "en")
    assert "Incidents" in done.stdout and "Turnout" in done.stdout


def test_run_out_writes_outcomes_series_and_figures(tmp_path):
    done = kondusif("run", "desa_demo", "--out", str(tmp_path / "r"))
    assert done.returncode == 0, done.stderr
    names = {p.name for p in (tmp_path / "r").iterdir()}
    assert {"outcomes.json", "timeseries.parquet", "incidents.csv", "tension.png",
            "incidents.png", "tension_map.png"} <= names
    table = pd.read_parquet(tmp_path / "r" / "timeseries.parquet")
    assert {"step", "date", "community", "tension"} <= set(table.columns)


def test_bad_override_exits_2_without_a_traceback():
    done = kondusif("run", "desa_demo", "--set", "grievance.legitimacy=1.5")
    assert done.returncode == 2
    assert "grievance.legitimacy = 1.5: must be <= 1" in done.stderr
    assert "Traceback" not in done.stderr


def test_validate_lists_every_problem_and_exits_2(tmp_path):
    text = open("scenarios/desa_demo.toml").read()
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace("tps = 6", "tps = 0").replace("voters = 2000", "voters = -1"))
    done = kondusif("validate", str(bad))
    assert done.returncode == 2
    assert "2 problems" in done.stderr
    assert "communities.0.tps = 0" in done.stderr and "communities.1.voters = -1" in done.stderr
    assert "Traceback" not in done.stderr


def test_validate_accepts_the_bundled_scenarios():
    done = kondusif("validate", "scenarios/desa_demo.toml")
    assert done.returncode == 0 and "valid" in done.stdout
    assert "warning" not in done.stderr


def test_toml_syntax_error_is_shown_with_its_line(tmp_path):
    bad = tmp_path / "syntax.toml"
    bad.write_text("[scenario\nname = 1\n")
    done = kondusif("validate", str(bad))
    assert done.returncode == 2 and "line 1" in done.stderr and "Traceback" not in done.stderr


def test_scenarios_lists_the_bundled_ones():
    done = kondusif("scenarios")
    assert "desa_demo" in done.stdout


def test_unknown_strategy_is_a_clear_error():
    done = kondusif("run", "desa_demo", "--strategy", "wishful_thinking")
    assert done.returncode == 2 and "unknown strategy 'wishful_thinking'" in done.stderr
