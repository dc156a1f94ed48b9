"""Province files: every problem named by file, field path, value and expectation; the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sim.province import load_province
from sim.scenario import ScenarioError
from sim.scenario.registry import scenario_dir
from tests.province_factories import make_province, province_data

DEMO = scenario_dir() / "desa_demo.toml"

PROVINCE_TOML = """\
[scenario]
name = "tiga_daerah"
title = "three demo regions"

[province]
name = "Provinsi Contoh"

[calendar]
campaign_start = 2024-09-25
quiet_start = 2024-11-24
voting_day = 2024-11-27
recap_end = 2024-12-09
dispute_end = 2024-12-20

[[governor.candidates]]
id = "01"
name = "Gubernur Satu"

[[governor.candidates]]
id = "02"
name = "Gubernur Dua"

[reserve]
personnel = 300
base = "Hulu"

[[regions]]
name = "Hulu"
scenario = "{demo}"
ikp = 10.0
governor_support = {{ "01" = 0.4, "02" = 0.35 }}

[[regions]]
name = "Hilir"
scenario = "{demo}"
ikp = 20.0
extra_travel_hours = 12.0
governor_support = {{ "01" = 0.3, "02" = 0.45 }}
"""


def write_province(folder: Path, text: str | None = None, demo: Path = DEMO) -> Path:
    path = folder / "provinsi.toml"
    path.write_text((text or PROVINCE_TOML).format(demo=demo))
    return path


def problems_of(data: dict) -> str:
    with pytest.raises(ScenarioError) as caught:
        make_province(data)
    return str(caught.value)


def test_a_negative_reserve_names_the_field_its_value_and_the_bound(tmp_path):
    path = write_province(tmp_path, PROVINCE_TOML.replace("personnel = 300", "personnel = -5"))
    with pytest.raises(ScenarioError) as caught:
        load_province(path)
    assert str(caught.value).startswith(str(path))
    assert "reserve.personnel = -5: must be >= 0" in str(caught.value)


def test_a_region_backing_an_unknown_governor_candidate_is_named():
    data = province_data()
    data["regions"][1]["governor_support"] = {"03": 0.4}
    assert "region 'Tengah' backs unknown governor candidate '03'; known: 01, 02" \
        in problems_of(data)


def test_governor_shares_above_one_are_refused():
    data = province_data()
    data["regions"][0]["governor_support"] = {"01": 0.7, "02": 0.6}
    message = problems_of(data)
    assert "regions.0" in message and "governor_support shares sum to 1.300" in message


def test_a_missing_region_file_names_the_entry_and_the_folder(tmp_path):
    path = write_province(tmp_path, demo=tmp_path / "nowhere.toml")
    with pytest.raises(ScenarioError) as caught:
        load_province(path)
    assert f"regions.0.scenario = '{tmp_path / 'nowhere.toml'}': no such file" \
        in str(caught.value)


def test_a_region_on_another_calendar_names_its_file_and_the_shared_date(tmp_path):
    late = tmp_path / "late.toml"
    late.write_text(DEMO.read_text().replace("voting_day = 2024-11-27", "voting_day = 2024-11-28"))
    path = write_province(tmp_path, demo=late)
    with pytest.raises(ScenarioError) as caught:
        load_province(path)
    assert (f"{late}: calendar.voting_day = 2024-11-28: must equal the province calendar's "
            f"voting_day (2024-11-27)") in str(caught.value)


def test_an_error_inside_a_region_file_names_that_file(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text(DEMO.read_text().replace("tps = 6", "tps = 0"))
    with pytest.raises(ScenarioError) as caught:
        load_province(write_province(tmp_path, demo=broken))
    assert str(caught.value).startswith(str(broken))
    assert "communities.0.tps = 0" in str(caught.value)


def test_governor_support_for_an_unknown_community_is_named():
    data = province_data()
    data["regions"][2]["governor_support_by_community"] = {"Desa Entah": {"01": 0.5}}
    assert "regions.2.governor_support_by_community.Desa Entah: no community 'Desa Entah'" \
        in problems_of(data)


def test_an_unknown_strategy_in_a_region_is_named():
    data = province_data()
    data["regions"][0]["strategies"] = ["lucky_charm"]
    assert "regions.0.strategies = ['lucky_charm']: unknown strategy 'lucky_charm'" \
        in problems_of(data)


def test_a_risk_plan_needs_the_vulnerability_index_of_every_region():
    data = province_data()
    del data["regions"][1]["ikp"]
    assert "reserve.plan 'by_risk' needs ikp for every region; missing for: Tengah" \
        in problems_of(data)


def test_the_reserve_base_must_be_a_region():
    data = province_data(reserve={"base": "Ibu Kota"})
    assert "reserve.base = 'Ibu Kota': is not a region" in problems_of(data)


def test_the_bundled_province_passes_validation():
    province = load_province("kaltim_2024", population_scale=1000)
    assert [r.name for r in province.regions][:2] == ["Paser", "Kutai Kartanegara"]


# --- the command -------------------------------------------------------------------


def kondusif(*args):
    return subprocess.run([sys.executable, "-m", "sim.cli", "province", *args],
                          capture_output=True, text=True, timeout=300)


def test_validate_a_broken_province_exits_2_without_a_traceback(tmp_path):
    path = write_province(tmp_path, PROVINCE_TOML.replace('base = "Hulu"', 'base = "Nowhere"'))
    done = kondusif("validate", str(path))
    assert done.returncode == 2
    assert "reserve.base = 'Nowhere': is not a region" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unknown_plan_exits_2_naming_the_plans(tmp_path):
    done = kondusif("run", str(write_province(tmp_path)), "--plan", "everywhere",
                    "--executor", "serial")
    assert done.returncode == 2
    assert ("--plan: reserve.plan = 'everywhere': must be 'hold', 'by_voters', 'by_ikp' or "
            "'by_risk'") in done.stderr


def test_run_prints_the_province_in_indonesian_and_writes_its_tables(tmp_path):
    out = tmp_path / "hasil"
    done = kondusif("run", str(write_province(tmp_path)), "--executor", "serial", "--lang",
                    "id", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "Perolehan suara gubernur" in done.stdout and "Hulu" in done.stdout
    assert {p.name for p in out.iterdir()} >= {"outcomes.json", "regions.csv", "reserve.csv",
                                               "incidents.csv", "timeseries.parquet"}
    outcomes = json.loads((out / "outcomes.json").read_text())
    assert set(outcomes["regions"]) == {"Hulu", "Hilir"}


def test_compare_prints_one_row_per_plan(tmp_path):
    done = kondusif("compare", str(write_province(tmp_path)), "--plan", "hold", "--plan",
                    "by_risk", "--replications", "1", "--executor", "serial", "--json")
    assert done.returncode == 0, done.stderr
    assert [row["plan"] for row in json.loads(done.stdout)] == ["hold", "by_risk"]


def test_the_province_reference_document_is_up_to_date():
    from sim.province.reference import province_reference
    assert Path("docs/province-reference.md").read_text() == province_reference(), (
        "regenerate: python -m sim.province.reference > docs/province-reference.md")


def test_national_runs_the_synthetic_provinces_and_prints_the_cost():
    done = kondusif("national", "--provinces", "1", "--seed", "8", "--scale", "20000",
                    "--executor", "serial")
    assert done.returncode == 0, done.stderr
    assert "synthetic_01: 2 regions" in done.stdout
    assert "ns per simulated resident-day" in done.stdout


def test_a_plan_chosen_at_run_time_is_checked_like_the_file():
    from sim.province import run_province

    data = province_data(reserve={"plan": "by_voters"})
    del data["regions"][1]["ikp"]
    province = make_province(data)
    with pytest.raises(ScenarioError) as caught:
        run_province(province, plan="by_ikp")
    assert str(caught.value).startswith("--plan")
    assert "reserve.plan 'by_ikp' needs ikp for every region; missing for: Tengah" \
        in str(caught.value)


def test_a_province_file_given_to_the_regency_run_says_which_command_runs_it():
    done = subprocess.run([sys.executable, "-m", "sim.cli", "run", "kaltim_2024"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "kaltim_2024: a province file (several regions); run it with " \
           "`kondusif province run kaltim_2024`" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_scale_below_one_exits_2_naming_the_option():
    done = kondusif("run", "kaltim_2024", "--scale", "0.5", "--executor", "serial")
    assert done.returncode == 2
    assert done.stderr.startswith("UserError: --scale: 0.5: must be >= 1")
    assert "Traceback" not in done.stderr


def test_bad_flags_are_usage_errors_naming_the_flag():
    for args, said in [(["run", "kaltim_2024", "--workers", "0"], "--workers = 0"),
                       (["compare", "kaltim_2024", "--replications", "0"], "--replications: 0"),
                       (["run", "kaltim_2024", "--executor", "serial", "--scheduler", "tcp://x:1"],
                        "--scheduler is for --executor dask")]:
        done = kondusif(*args)
        assert done.returncode == 2, args
        assert done.stderr.startswith(f"UserError: {said}"), done.stderr


def test_a_province_run_says_where_it_wrote_in_the_chosen_language(tmp_path):
    for lang, said in [("id", "ditulis ke"), ("en", "written to")]:
        out = tmp_path / lang
        done = kondusif("run", str(write_province(tmp_path)), "--executor", "serial",
                        "--out", str(out), "--lang", lang)
        assert done.returncode == 0, done.stderr
        assert done.stdout.rstrip().endswith(f"{said} {out}/")
