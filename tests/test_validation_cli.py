"""`kondusif validate-science` and its experiment files: verdicts out, bad input named."""

import json

import pytest

from sim.cli import main
from sim.scenario import ScenarioError
from sim.validation import CHECKS, bundled_specs, load_spec

GOOD = """
name = "bound"
title = "The bound"
source = "Epstein (2002)"
published = "no citizen active at L = 0.9 without police, in both models"
null = "the two models turn different citizens active"
check = "epstein_docking"
[full]
replications = 1
voters = 500
width = 20
legitimacies = [0.9]
"""


def test_every_bundled_experiment_loads_and_names_a_known_check():
    specs = bundled_specs()
    assert len(specs) == 12
    assert {s.check for s in specs.values()} == set(CHECKS)


def test_a_bad_parameter_names_the_file_the_field_path_the_value_and_the_expectation(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(GOOD + "[quick]\nlegitimacies = [1.5]\n")
    with pytest.raises(ScenarioError) as caught:
        load_spec(path)
    assert str(caught.value) == f"{path}: quick.legitimacies.0 = 1.5: must be <= 1"


def test_an_unknown_check_is_an_error_listing_the_known_ones(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(GOOD.replace('"epstein_docking"', '"epstein_bounds"'))
    with pytest.raises(ScenarioError, match="check = 'epstein_bounds': must be one of"):
        load_spec(path)


def test_validate_science_writes_a_figure_and_a_verdict_and_prints_pass(tmp_path, capsys):
    spec = tmp_path / "bound.toml"
    spec.write_text(GOOD)
    status = main(["validate-science", str(spec), "--out", str(tmp_path / "out"), "--lang", "en"])
    printed = capsys.readouterr().out
    assert status == 0
    assert printed.startswith("PASS bound (full, 1 replications)")
    verdict = json.loads((tmp_path / "out" / "bound.json").read_text())
    assert verdict["status"] == "PASS" and verdict["measures"][0]["published"]
    assert (tmp_path / "out" / "bound.png").read_bytes()[:4] == b"\x89PNG"


def test_an_unknown_experiment_name_exits_2_without_a_traceback(capsys):
    assert main(["validate-science", "epstien"]) == 2
    assert "no such validation experiment" in capsys.readouterr().err


def test_zero_replications_is_refused_with_status_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["validate-science", "--replications", "0", "--quick"])
    assert caught.value.code == 2
    assert "must be a whole number >= 1" in capsys.readouterr().err


def test_list_names_every_experiment(capsys):
    assert main(["validate-science", "--list"]) == 0
    assert capsys.readouterr().out.count("\n") == len(bundled_specs())

