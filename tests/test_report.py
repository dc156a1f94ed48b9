"""The planner's report: every section and figure, both languages, and honest about gaps."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import pandas as pd
import pytest
from experiment_files import PROJECT, function_experiment, quick_experiment

from sim import bundled
from sim.cli import main as cli_main
from sim.experiments import ResultStore, load_experiment, run_experiment, summarize_store
from sim.scenario.schema import GrievanceParams
from sim.viz.labels import number
from sim.viz.report import SECTION_IDS, ReportError, build_report
from sim.viz.report.formats import difference_interval, reduction_text, value_text
from sim.viz.report.gather import gather

SWEEP_FIGURES = ("risk-map", "distributions", "envelopes", "cost-risk")
STUDY_FIGURES = ("indices", "convergence")
STUDY = """
[experiment]
name = "report_morris"
title = "Three villages: which assumptions drive the risk"
scenarios = ["desa_demo"]
strategies = ["baseline"]
replications = 1
root_seed = 2024

[keep]
timeseries = []

[sensitivity]
method = "morris"
base_samples = 8
levels = 4
outcomes = ["incidents_total", "peak_tension"]

[sensitivity.parameters]
"grievance.legitimacy" = { low = 0.75, high = 0.97 }
"rumor.transmission" = { low = 0.3, high = 0.7 }
"""


def sweep(experiment: Path, out: Path, **options) -> Path:
    spec, path = load_experiment(experiment)
    run_experiment(spec, path, out, executor="serial", progress=False, **options)
    return out


@pytest.fixture(scope="module")
def quick(tmp_path_factory) -> Path:
    """The bundled quick experiment, swept once for the whole module."""
    return sweep(PROJECT / "experiments" / "quick.toml", tmp_path_factory.mktemp("quick") / "out")


@pytest.fixture(scope="module")
def study(tmp_path_factory) -> Path:
    """A small Morris study of the demo villages, run and stored like `kondusif sensitivity`."""
    from sim.experiments.sensitivity import run_sensitivity

    folder = tmp_path_factory.mktemp("study")
    (folder / "study.toml").write_text(STUDY, encoding="utf-8")
    spec, path = load_experiment(folder / "study.toml")
    run_sensitivity(spec, path, folder / "out", executor="serial", progress=False)
    return folder / "out"


@pytest.fixture(scope="module")
def reports(quick, study) -> dict[str, str]:
    return {lang: build_report(quick, lang, sensitivity=study) for lang in ("id", "en")}


def section(html: str, ident: str) -> str:
    match = re.search(rf'<section id="{ident}">(.*?)</section>', html, re.S)
    assert match, f"no section {ident}"
    return match.group(1)


def boxes(html: str, kind: str = "missing") -> list[str]:
    return [unescape(b) for b in re.findall(rf'<div class="{kind}">(.*?)</div>', html, re.S)]


def copy_store(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_report_of_the_quick_experiment_holds_every_section_and_figure(reports, lang):
    html = reports[lang]
    for ident in SECTION_IDS:
        assert section(html, ident).strip()
    for figure in SWEEP_FIGURES + STUDY_FIGURES:
        assert f'<figure id="fig-{figure}"><img' in html
    assert boxes(html) == [], "a complete experiment with a study lacks nothing"
    assert f'<html lang="{lang}">' in html


def test_the_sections_come_in_the_order_a_meeting_reads_them(reports):
    positions = [reports["en"].index(f'<section id="{ident}">') for ident in SECTION_IDS]
    assert positions == sorted(positions)


def test_indonesian_numbers_use_the_decimal_comma_and_english_the_point(quick, reports):
    stats = summarize_store(quick).stats.set_index(["arm", "outcome"])
    turnout = stats.loc[("baseline", "turnout"), "mean"]
    tension = stats.loc[("counter_hoax", "peak_tension"), "mean"]
    table_id = section(reports["id"], "strategies")
    table_en = section(reports["en"], "strategies")
    assert value_text(turnout, "turnout", "id") in table_id
    assert value_text(turnout, "turnout", "en") in table_en
    assert f"{100 * turnout:.1f}".replace(".", ",") + "%" in table_id
    assert f"{tension:.3f}".replace(".", ",") in table_id
    assert f"{tension:.3f}" in table_en
    assert not re.search(r"<td>\d+\.\d", table_id), "no decimal point in Indonesian tables"


def test_the_short_answer_quotes_the_paired_differences_of_the_analysis(quick, reports):
    effects = summarize_store(quick).effects.set_index(["arm", "outcome"])
    belief = effects.loc[("counter_hoax", "peak_hoax_belief")]
    assert belief["difference_high"] < 0, "the counter-hoax campaign lowers hoax belief"
    answer = unescape(section(reports["en"], "summary"))
    assert "Peak hoax belief: lower than in the baseline" in answer
    # "lower by 12.1 percentage points [11.6; 12.5]": the bounds in the direction of the words
    bounds = difference_interval(-belief["difference_high"], -belief["difference_low"],
                                 "peak_hoax_belief", "en")
    assert bounds in answer and "-" not in bounds
    assert reduction_text(belief["relative_reduction"], belief["reduction_low"],
                          belief["reduction_high"], "en") in answer


def test_the_scenario_is_described_with_its_calendar_and_sources(quick, reports):
    scenario = unescape(section(reports["id"], "scenario"))
    costs = summarize_store(quick).pareto.set_index("arm")["cost_rupiah"]
    assert "27 November 2024" in scenario and "PKPU 2/2024" in scenario
    assert "Pasangan Satu" in scenario and "Pasangan Dua" in scenario
    assert "estimate: 2 Linmas per TPS as in Kutim 2024" in scenario
    legitimacy = f"{GrievanceParams().legitimacy:g}".replace(".", ",")
    assert f'<td class="text">grievance.legitimacy</td><td>{legitimacy}</td>' in scenario
    assert "Komunikasi efektif dan klarifikasi hoaks" in scenario
    assert f"Rp {number(costs['counter_hoax'], 'id')}" in scenario


def test_the_risk_map_names_every_community_with_its_simulated_risk(reports):
    risk = unescape(section(reports["en"], "risk-map"))
    for community in ("Desa Hulu", "Desa Tengah", "Desa Hilir"):
        assert re.search(rf"<td[^>]*>{community}</td>", risk)
    assert "Chance a community escalates" in risk
    assert '<figure id="fig-vulnerability-map">' in risk


def test_what_drives_the_risk_names_the_strongest_parameter(study, reports):
    from sim.experiments.sensitivity import analyze_runs

    spec, _ = load_experiment(study / "experiment.toml")
    indices = analyze_runs(spec, ResultStore(study).runs()).indices
    incidents = indices[indices["outcome"] == "incidents_total"]
    strongest = incidents.loc[incidents["mu_star"].idxmax(), "parameter"]
    weakest = incidents.loc[incidents["mu_star"].idxmin(), "parameter"]
    drivers = unescape(section(reports["en"], "drivers"))
    assert f"Incidents: driven most by {strongest} (mu* = " in drivers
    assert f"Incidents: driven most by {weakest}" not in drivers
    assert weakest in drivers and "mu*" in drivers


def test_limitations_say_the_model_is_for_comparison_not_forecast(reports):
    limits = unescape(section(reports["en"], "limitations"))
    assert "one peaceful election" in limits
    assert "not as a forecast" in limits
    assert "Each strategy was run 8 times" in limits


def test_the_reproducibility_block_gives_command_hash_seeds_and_versions(quick, reports):
    block = unescape(section(reports["en"], "reproduce"))
    manifest = ResultStore(quick).manifest()
    runs = ResultStore(quick).runs()
    assert f"kondusif sweep {manifest['experiment_file']} --out {quick}" in block
    assert "kondusif sensitivity" in block and "--method morris" in block
    assert f"kondusif report {quick} --lang en" in block
    assert f"{manifest['experiment_hash']} (matches the current files)" in block
    assert re.search(r'<td class="text">2024</td>', block), "the root seed"
    for seed in runs["seed"].unique():
        assert f"<td>{seed}</td>" in block
    assert f"<td>{manifest['packages']['mesa']}</td>" in block
    assert 'name = "quick"' in block, "the experiment file as run is printed"


def test_the_report_requests_nothing_from_the_network(reports):
    html = reports["id"]
    images = re.findall(r'src="([^"]*)"', html)
    assert images and all(s.startswith("data:image/png;base64,") for s in images)
    links = re.findall(r'href="([^"]*)"', html)
    assert links and all(link.startswith("file://") for link in links), "only installed docs"
    assert "<script" not in html and "@import" not in html and "url(" not in html


def test_the_report_cites_documentation_that_is_installed_by_a_command_that_finds_it(reports):
    for html in reports.values():
        assert "(docs/calibration.md)" not in html, "a repository path is no citation"
        block = unescape(section(html, "reproduce"))
        for name in ("ODD", "calibration", "strategies"):
            assert f"kondusif docs {name}" in block
        targets = [Path(url2pathname(urlparse(link).path))
                   for link in re.findall(r'href="(file://[^"]*)"', block)]
        assert {t.name for t in targets} >= {"ODD.md", "calibration.md", "strategies.md"}
        assert all(t.is_file() and t == bundled.doc_path(t.stem) for t in targets)
    assert "(kondusif docs calibration)" in reports["en"], "the calibrated assumptions cite it"


def test_the_command_writes_the_report_where_asked(quick, tmp_path, capsys):
    out = tmp_path / "rapat" / "laporan.html"
    assert cli_main(["report", str(quick), "--lang", "en", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize("where", ["folder", "inside_a_file"])
def test_an_output_that_cannot_be_written_is_a_clear_message(quick, tmp_path, capsys, where):
    blocker = tmp_path / "a_file"
    blocker.write_text("in the way", encoding="utf-8")
    out = tmp_path if where == "folder" else blocker / "report.html"
    assert cli_main(["report", str(quick), "--out", str(out)]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"ReportError: --out {out}") and "Traceback" not in error


@pytest.mark.parametrize("make", ["empty", "absent", "no_manifest", "bad_manifest", "no_runs"])
def test_a_folder_without_results_is_a_clear_message_and_exit_status_2(quick, tmp_path, capsys,
                                                                       make):
    folder = tmp_path / "results"
    expected = {"empty": "is empty", "absent": "no such folder", "no_manifest": "no manifest",
                "bad_manifest": "cannot be read as JSON", "no_runs": "no run is stored yet"}
    if make == "no_runs":
        copy_store(quick, folder)
        for part in (folder / "runs").iterdir():
            part.unlink()
    elif make != "absent":
        folder.mkdir()
    if make == "no_manifest":
        (folder / "notes.txt").write_text("not a sweep", encoding="utf-8")
    if make == "bad_manifest":
        (folder / "manifest.json").write_text("{half written", encoding="utf-8")
    assert cli_main(["report", str(folder)]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"ReportError: {folder}") and expected[make] in error
    assert "Traceback" not in error


def test_a_sweep_still_running_gives_a_report_that_says_runs_are_missing(tmp_path):
    out = sweep(PROJECT / "experiments" / "quick.toml", tmp_path / "out", flush_rows=4)
    for kind in ("runs", "timeseries"):
        for part in sorted((out / kind).iterdir())[2:]:
            part.unlink()
    html = build_report(out, "en")
    assert any("Incomplete: 8 of 16 runs are stored" in b for b in boxes(html))
    assert '<figure id="fig-distributions">' in html
    assert "8 / 16" in section(html, "reproduce")


def test_a_store_from_an_older_version_says_what_it_cannot_show(quick, tmp_path):
    old = copy_store(quick, tmp_path / "old")
    (old / "manifest.json").write_text(json.dumps({"experiment": "quick",
                                                   "packages": {"kondusif": "0.0.1"}}))
    toml = (old / "experiment.toml").read_text(encoding="utf-8")
    (old / "experiment.toml").write_text(toml.replace("[keep]", "[keep]\nformat = 1"))
    html = build_report(old, "en")
    said = " ".join(boxes(html) + boxes(html, "note"))
    assert "cannot be read by this version" in said and "keep.format" in said
    assert "made with Kondusif 0.0.1" in said
    assert "The map needs the scenario" in said
    assert '<figure id="fig-distributions">' in html, "the runs are still compared"


def test_runs_without_the_columns_of_this_version_are_named_not_crashed_on(quick, tmp_path):
    old = copy_store(quick, tmp_path / "old")
    for part in (old / "runs").iterdir():
        pd.read_parquet(part).drop(columns=["status"]).to_parquet(part, index=False)
    html = build_report(old, "en")
    assert any("lacks the columns status" in b for b in boxes(html))


def test_failed_runs_are_counted_and_their_first_error_shown(quick, tmp_path):
    failing = copy_store(quick, tmp_path / "failing")
    for part in (failing / "runs").iterdir():
        runs = pd.read_parquet(part)
        runs["status"] = "failed"
        runs["error"] = "ValueError: tension out of range\n  at sim/model/model.py:1"
        runs.to_parquet(part, index=False)
    said = " ".join(boxes(build_report(failing, "en")))
    assert "16 runs failed" in said and "ValueError: tension out of range" in said
    assert "No run succeeded" in said


def test_a_report_without_a_sensitivity_study_says_how_to_make_one(quick):
    drivers = unescape(section(build_report(quick, "en"), "drivers"))
    assert "No sensitivity study was given" in drivers and "--sensitivity" in drivers


def test_a_sensitivity_folder_alone_reports_its_drivers_and_where_strategies_are(study):
    html = build_report(study, "en")
    assert '<figure id="fig-indices">' in html
    assert "holds a sensitivity study" in " ".join(boxes(html))


def test_a_sweep_given_as_sensitivity_study_is_named_as_such(quick):
    said = " ".join(boxes(build_report(quick, "en", sensitivity=quick)))
    assert "holds no sensitivity study" in said


def test_the_vulnerability_index_is_shown_beside_the_simulated_map(quick):
    from sim.strategies.vulnerability import vulnerability_index

    scenario = gather(quick).scenario
    highest = vulnerability_index(scenario)["total"].max()
    risk = section(build_report(quick, "id"), "risk-map")
    assert '<figure id="fig-risk-map">' in risk and '<figure id="fig-vulnerability-map">' in risk
    assert f"<td>{number(highest, 'id', 1)}</td>" in risk


def test_building_a_report_of_an_unknown_folder_raises_report_error(tmp_path):
    with pytest.raises(ReportError, match="no such folder"):
        build_report(tmp_path / "nowhere")


def test_a_grid_experiment_gets_tables_for_each_design_point(tmp_path):
    grid = '\n[grid]\n"grievance.legitimacy" = [0.9, 0.95]\n'
    experiment = quick_experiment(tmp_path, replications=2, name="report_grid", extra=grid)
    html = unescape(build_report(sweep(experiment, tmp_path / "out"), "en"))
    assert "desa_demo: Design point 0 (grievance.legitimacy = 0.9)" in html
    assert "desa_demo: Design point 1 (grievance.legitimacy = 0.95)" in html
    assert "varied in this experiment" in section(html, "scenario")


def test_a_function_model_with_one_arm_says_there_is_nothing_to_compare(tmp_path):
    experiment = function_experiment(
        tmp_path, "sim.experiments.testfunctions:ishigami", replications=2,
        body="[sample]\nsize = 3\n[sample.parameters]\n"
             'x1 = { low = -3.14, high = 3.14 }\nx2 = { low = -3.14, high = 3.14 }\n'
             'x3 = { low = -3.14, high = 3.14 }')
    said = " ".join(boxes(build_report(sweep(experiment, tmp_path / "out"), "en")))
    assert "function model sim.experiments.testfunctions:ishigami" in said
    assert "Only one strategy set (the baseline) was run" in said


def test_the_first_screen_answers_with_the_option_its_chance_of_being_best_and_its_cost(quick,
                                                                                         reports):
    from sim.experiments import ResultStore
    from sim.experiments.plan import planner_answer
    from sim.viz.answer import option_name, rupiah_short

    spec, path = ResultStore(quick).experiment()
    answer = planner_answer(spec, path, quick)
    first = re.sub(r"<[^>]+>", "", unescape(section(reports["en"], "answer")))
    assert reports["en"].index('id="answer"') < reports["en"].index('id="summary"')
    assert f"Recommended: {option_name(answer.recommended, 'en')}" in first
    chance = answer.ranking.row(answer.recommended)["chance_best"]
    assert f"chance of being the best {round(100 * chance)}%" in first
    held = answer.costs.set_index("option").loc[answer.recommended, "held_cost"]
    assert rupiah_short(held, "en") in first
    assert "When it still fails" in first  # said even when no robustness stage was run
    first_id = re.sub(r"<[^>]+>", "", unescape(section(reports["id"], "answer")))
    assert "Rekomendasi:" in first_id and "peluang menjadi yang terbaik" in first_id
