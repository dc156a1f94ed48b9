"""`kondusif strategies`, `kondusif vulnerability`, and strategies on `kondusif run`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.scenario import bundled_names
from sim.strategies import CATALOGUE, PACKAGES

KONDUSIF = [sys.executable, "-m", "sim.cli"]
DOCS = Path(__file__).resolve().parents[1] / "docs" / "strategies.md"


def kondusif(*args):
    return subprocess.run([*KONDUSIF, *args], capture_output=True, text=True, timeout=300)


def listing(capsys, *args) -> str:
    assert main(["strategies", *args]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(("lang", "words"), [("id", "Biaya (perkiraan)"),
                                             ("en", "Cost (estimate)")])
def test_the_listing_shows_every_strategy_and_package_with_its_cost(capsys, lang, words):
    text = listing(capsys, "--lang", lang, "--scenario", "desa_demo")
    for name, cls in CATALOGUE.items():
        assert f"{name}: {cls.title[lang]}" in text
        for parameter in cls.Params.model_fields:
            assert f"--set strategies.{name}.{parameter}=" in text
    for package in PACKAGES:
        assert f"package:{package}" in text
    assert words in text and "Rp " in text


def test_the_listing_prices_on_the_regency_when_it_is_bundled_else_the_demo(capsys):
    expected = "kutim_2024" if "kutim_2024" in bundled_names() else "desa_demo"
    assert f" {expected})" in listing(capsys).splitlines()[0]


def test_the_vulnerability_map_lists_every_community_riskiest_first(capsys, tmp_path):
    table = tmp_path / "risk.csv"
    override = "communities.Desa Hilir.conflict_history=0.9"
    assert main(["vulnerability", "desa_demo", "--lang", "en", "--set", override,
                 "--csv", str(table)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Conflict-potential map")
    assert lines[2].startswith("Desa Hilir")
    written = pd.read_csv(table)
    assert {"total", "band", "closeness", "remoteness"} <= set(written.columns)


def test_run_with_a_strategy_parameter_set_on_the_command_line(capsys):
    assert main(["run", "desa_demo", "--strategy", "counter_hoax", "--json",
                 "--set", "strategies.counter_hoax.reach=0.4"]) == 0
    assert json.loads(capsys.readouterr().out)["cost"] > 0


def test_run_within_a_budget_costs_no_more_than_it(capsys):
    assert main(["run", "desa_demo", "--package", "kutim_2024_actual", "--json",
                 "--budget", "500000000"]) == 0
    assert json.loads(capsys.readouterr().out)["cost"] <= 500_000_000


@pytest.mark.parametrize(("args", "message"), [
    (["--strategy", "wishful_thinking"], "unknown strategy 'wishful_thinking'; known: "),
    (["--package", "everything"], "unknown package 'everything'; known: kutim_2024_actual"),
    (["--strategy", "counter_hoax", "--set", "strategies.counter_hoax.reech=0.4"],
     "reech: unknown parameter; did you mean 'reach'?"),
    (["--package", "kutim_2024_actual", "--budget", "1000"],
     "rupiah = 1,000: below the fixed minimum of the chosen strategies"),
])
def test_bad_strategy_input_exits_2_with_a_message_and_no_traceback(args, message):
    done = kondusif("run", "desa_demo", *args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_the_catalogue_document_names_every_strategy_parameter_and_package():
    text = DOCS.read_text(encoding="utf-8")
    for name, cls in CATALOGUE.items():
        assert f"`{name}`" in text and cls.title["id"] in text and cls.title["en"] in text
        for parameter in cls.Params.model_fields:
            assert f"`{parameter}`" in text, f"{name}.{parameter} is not documented"
    for package in PACKAGES:
        assert f"`{package}`" in text
