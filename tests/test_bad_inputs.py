"""Bad input to every command: exit status 2, no traceback, and a message naming the file (or
option), the field, the value and what was expected. One row per kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import main as kondusif

PROJECT = Path(__file__).resolve().parents[1]
DEMO = (PROJECT / "scenarios" / "desa_demo.toml").read_text(encoding="utf-8")
QUICK = (PROJECT / "experiments" / "quick.toml").read_text(encoding="utf-8")
FAULTY = "sim.experiments.testfunctions:faulty"


def demo(old: str, new: str) -> str:
    """The demo scenario with one piece of text replaced (the replaced text must be there)."""
    assert old in DEMO, old
    return DEMO.replace(old, new, 1)


def quick(old: str, new: str) -> str:
    assert old in QUICK, old
    return QUICK.replace(old, new, 1)


def function(body: str, head: str = "") -> str:
    return f'[experiment]\nname = "f"\nmodel = "{FAULTY}"\n{head}\n{body}\n'


SENSITIVITY = ('\n[sensitivity]\nmethod = "morris"\nbase_samples = 4\n'
               'outcomes = ["incidents_total"]\n[sensitivity.parameters]\n{}\n')
MANIFEST = '{"experiment": "quick", "experiment_hash": "0", "arms": ["baseline"]}'

# Files each case may name, written into the (current) test folder.
FILES = {
    "a_file": "not a folder",
    "syntax.toml": "[scenario\nname = 1",
    "binary.toml": b"\xff\xfe\x00\x00",
    "unknown_table.toml": DEMO + "\n[grievence]\nlegitimacy = 0.5\n",
    "duplicate.toml": demo('[[communities]]\nname = "Desa Tengah"',
                           '[[communities]]\nname = "Desa Hulu"'),
    "neighbour.toml": demo('neighbours = [{ name = "Desa Tengah", travel_hours = 1.5 }]',
                           'neighbours = [{ name = "Desa Atas", travel_hours = 1.5 }]'),
    "outside.toml": demo("date = 2024-10-20", "date = 2025-10-20"),
    "order.toml": demo("voting_day = 2024-11-27", "voting_day = 2024-11-20"),
    "extends_missing.toml": '[scenario]\nname = "x"\ntitle = "x"\nextends = "no_base"\n',
    "extends_path.toml": '[scenario]\nname = "x"\ntitle = "x"\nextends = "../gone.toml"\n',
    "cycle_a.toml": '[scenario]\nname = "a"\ntitle = "a"\nextends = "cycle_b.toml"\n',
    "cycle_b.toml": '[scenario]\nname = "b"\ntitle = "b"\nextends = "cycle_a.toml"\n',
    "no_voters.toml": demo("voters = 2400\n", ""),
    "negative.toml": demo("personnel = 12", "personnel = -12"),
    "dup_candidate.toml": demo('id = "02"', 'id = "01"'),
    "support.toml": demo('support = { "01" = 0.50, "02" = 0.38 }',
                         'support = { "01" = 0.70, "02" = 0.38 }'),
    "ethnic.toml": demo("Kutai = 0.6, Bugis = 0.25", "Kutai = 0.1, Bugis = 0.25"),
    "event_kind.toml": demo('kind = "rally"', 'kind = "earthquake"'),
    "role.toml": demo('role = "kpps"', 'role = "sheriff"'),
    "sources.toml": demo('sources = { population = "estimate: invented teaching example" }',
                         'sources = { poplation = "BPS" }'),
    "hardship_bool.toml": demo("hardship = 0.55", "hardship = true"),
    "residents_huge.toml": demo("residents = 3600", "residents = 9223372036854775807"),
    "rate_inf.toml": DEMO + "\n[clash]\nincident_rate = inf\n",
    "weight_nan.toml": DEMO + "\n[grievance]\npartisan_weight = nan\n",
    "latitude.toml": demo("latitude = 0.60", "latitude = 100.0"),
    "text_number.toml": demo("tps = 6", 'tps = "6"'),
    "name_pattern.toml": demo('name = "desa_demo"', 'name = "Desa Demo"'),
    "official_place.toml": demo('role = "kpps"', 'role = "kpps"\ncommunity = "Atlantis"'),
    "force_base.toml": demo('base = "Desa Tengah"', 'base = "Markas"'),
    "event_candidate.toml": demo('candidate = "01"\nnote', 'candidate = "09"\nnote'),
    "no_candidates.toml": "\n".join(line for line in DEMO.splitlines()
                                    if "[[candidates]]" not in line and not line.startswith(
                                        ("id = ", "rhetoric", "incumbent")))
                          .replace('name = "Pasangan Satu"', "").replace(
                              'name = "Pasangan Dua"', ""),
    "exp_reps.toml": quick("replications = 8", "replications = 0"),
    "exp_seed_big.toml": quick("root_seed = 2024", "root_seed = 99999999999999999999999"),
    "exp_seed_neg.toml": quick("root_seed = 2024", "root_seed = -1"),
    "exp_seed_bool.toml": quick("root_seed = 2024", "root_seed = true"),
    "exp_scenario.toml": quick('scenarios = ["desa_demo"]', 'scenarios = ["desa_nowhere"]'),
    "exp_scenario_path.toml": quick('scenarios = ["desa_demo"]',
                                    'scenarios = ["sub/desa_demo.toml"]'),
    "exp_strategy.toml": quick('"baseline", "counter_hoax"]', '"baseline", "pray"]'),
    "exp_series.toml": quick('"riot"]', '"riot", "mood"]'),
    "exp_outcome.toml": quick('"dispute_probability"]', '"dispute_probability", "joy"]'),
    "exp_risk.toml": quick('risk_outcome = "incidents_total"', 'risk_outcome = "fear"'),
    "exp_confidence.toml": quick('risk_outcome = "incidents_total"',
                                 'risk_outcome = "incidents_total"\nconfidence = 1.5'),
    "exp_grid_path.toml": QUICK + '\n[grid]\n"grievance.legitimcy" = [0.5]\n',
    "exp_grid_value.toml": QUICK + '\n[grid]\n"grievance.legitimacy" = [0.5, 1.5]\n',
    "exp_grid_empty.toml": QUICK + '\n[grid]\n"grievance.legitimacy" = []\n',
    "exp_fixed_inf.toml": QUICK + '\n[fixed]\n"clash.incident_rate" = inf\n',
    "exp_sample.toml": QUICK + ('\n[sample]\nsize = 4\n[sample.parameters]\n'
                                '"grievance.legitimacy" = { low = 0.8, high = 0.2 }\n'),
    "exp_table.toml": QUICK + "\n[grids]\nx = [1]\n",
    "exp_sample_bool.toml": QUICK + ('\n[sample]\nsize = 4\n[sample.parameters]\n'
                                     '"grievance.legitimacy" = { low = true, high = 0.9 }\n'),
    "sens_typo.toml": QUICK + SENSITIVITY.format(
        '"grievance.legitimcy" = { low = 0.8, high = 0.9 }'),
    "sens_inf.toml": QUICK + SENSITIVITY.format(
        '"grievance.legitimacy" = { low = 0.8, high = inf }'),
    "exp_name.toml": quick('name = "quick"', 'name = "Quick Test"'),
    "exp_memory.toml": QUICK + ('\n[fixed]\n"communities.0.residents" = 900000000\n'
                                '"communities.0.voters" = 900000000\n"population.scale" = 1\n'),
    "fn_import.toml": function("", "").replace(FAULTY, "nosuch_module:f"),
    "fn_missing.toml": function("").replace(FAULTY, "sim.experiments.testfunctions:nosuch"),
    "fn_colon.toml": function("").replace(FAULTY, "faulty"),
    "fn_text.toml": function("[fixed]\ntext = 1\n"),
    "fn_scenario.toml": function("", 'scenarios = ["desa_demo"]'),
    "store/manifest.json": MANIFEST,
    "store/runs/.keep": "",
    "study.toml": QUICK,
}

# (id, arguments, what the message must contain)
CASES = [
    # run: the scenario argument
    ("run missing path", ["run", "/nowhere/kutim_2024.toml"],
     ["/nowhere/kutim_2024.toml", "no such scenario file", "kutim_2024"]),
    ("run missing file here", ["run", "kutim_2024.toml"],
     ["kutim_2024.toml: no such scenario file", "without a folder or .toml"]),
    ("run unknown name", ["run", "desa_nowhere"],
     ["desa_nowhere", "no such bundled scenario", "desa_demo, kutim_2024"]),
    ("run a folder", ["run", "store/"], ["store/", "is not a file"]),
    ("run TOML syntax", ["run", "syntax.toml"], ["syntax.toml", "TOML syntax error", "line"]),
    ("run binary file", ["run", "binary.toml"], ["binary.toml", "cannot be read as text"]),
    ("run a province file", ["run", "kaltim_2024"], ["kaltim_2024", "province file",
                                                     "kondusif province run kaltim_2024"]),
    ("run seed negative", ["run", "desa_demo", "--seed", "-1"],
     ["--seed", "'-1'", "whole number from 0"]),
    ("run seed text", ["run", "desa_demo", "--seed", "one"], ["--seed", "'one'", "whole number"]),
    ("run seed over 63 bits", ["run", "desa_demo", "--seed", str(2**64)],
     ["--seed", str(2**64), "9223372036854775807"]),
    ("run out is a file", ["run", "desa_demo", "--out", "a_file"],
     ["--out a_file", "is a file", "give a folder"]),
    ("run out under a file", ["run", "desa_demo", "--out", "a_file/run"],
     ["--out a_file/run", "lies under a_file", "folder"]),
    ("run set above one", ["run", "desa_demo", "--set", "grievance.legitimacy=1.4"],
     ["desa_demo.toml", "grievance.legitimacy = 1.4", "must be <= 1"]),
    ("run set inf", ["run", "desa_demo", "--set", "clash.incident_rate=inf"],
     ["desa_demo.toml", "clash.incident_rate = inf", "finite number"]),
    ("run set inf weight", ["run", "desa_demo", "--set", "grievance.partisan_weight=inf"],
     ["grievance.partisan_weight = inf", "finite number"]),
    ("run set nan", ["run", "desa_demo", "--set", "population.scale=nan"],
     ["population.scale = nan", "finite number"]),
    ("run set typo", ["run", "desa_demo", "--set", "grievance.legitimcy=0.5"],
     ["--set", "grievance.legitimcy", "unknown parameter 'legitimcy'", "legitimacy"]),
    ("run set unknown block", ["run", "desa_demo", "--set", "weather.rain=1"],
     ["--set", "weather.rain", "unknown parameter 'weather'", "known"]),
    ("run set without value", ["run", "desa_demo", "--set", "grievance.legitimacy"],
     ["--set", "'grievance.legitimacy'", "expected dotted.path=value"]),
    ("run set bool for number", ["run", "desa_demo", "--set", "communities.0.hardship=true"],
     ["communities.0.hardship = True", "must be a number, not true/false"]),
    ("run set text for number", ["run", "desa_demo", "--set", 'communities.0.hardship="0.5"'],
     ["communities.0.hardship = '0.5'", "must be a number, not text"]),
    ("run set huge residents",
     ["run", "desa_demo", "--set", "communities.0.residents=9223372036854775807"],
     ["communities.0.residents = 9223372036854775807", "<= 1000000000"]),
    ("run set 2e12 voters", ["run", "desa_demo", "--set", "communities.0.voters=2000000000000"],
     ["communities.0.voters = 2000000000000", "<= 1000000000"]),
    ("run set scale below one", ["run", "desa_demo", "--set", "population.scale=0.5"],
     ["population.scale = 0.5", ">= 1"]),
    ("run set unknown item", ["run", "desa_demo", "--set", "communities.Atlantis.hardship=0.5"],
     ["communities.Atlantis.hardship", "no list item 'Atlantis'"]),
    ("run memory above the machine",
     ["run", "desa_demo", "--set", "communities.0.residents=900000000", "--set",
      "communities.0.voters=900000000", "--set", "population.scale=1"],
     ["desa_demo.toml", "population.scale = 1", "GiB (estimate)", "--set population.scale="]),
    ("run unknown strategy", ["run", "desa_demo", "--strategy", "pray"],
     ["pray", "counter_hoax"]),
    ("run unknown package", ["run", "desa_demo", "--package", "magic"], ["magic", "package"]),
    ("run negative budget", ["run", "desa_demo", "--strategy", "counter_hoax", "--budget", "-5"],
     ["desa_demo.toml", "strategies.budget", "rupiah = -5.0", ">= 0"]),
    ("run budget text", ["run", "desa_demo", "--budget", "lots"], ["--budget", "'lots'"]),
    ("run unknown language", ["run", "desa_demo", "--lang", "fr"], ["--lang", "'fr'", "id"]),
    # validate: scenario files
    ("validate missing", ["validate", "nowhere.toml"], ["nowhere.toml", "no such scenario file"]),
    ("validate unknown table", ["validate", "unknown_table.toml"],
     ["unknown_table.toml", "grievence", "unknown field"]),
    ("validate duplicate community", ["validate", "duplicate.toml"],
     ["duplicate.toml", "communities.1.name = 'Desa Hulu'", "a second community", "unique"]),
    ("validate unknown neighbour", ["validate", "neighbour.toml"],
     ["neighbour.toml", "communities.0.neighbours.0.name = 'Desa Atas'", "no community"]),
    ("validate event outside calendar", ["validate", "outside.toml"],
     ["outside.toml", "events.0.date = 2025-10-20", "outside the calendar", "2024-09-25"]),
    ("validate calendar order", ["validate", "order.toml"],
     ["order.toml", "calendar", "quiet_start (2024-11-24) must come before voting_day"]),
    ("validate extends missing name", ["validate", "extends_missing.toml"],
     ["extends_missing.toml", "scenario.extends = 'no_base'", "no such bundled scenario",
      "desa_demo"]),
    ("validate extends missing path", ["validate", "extends_path.toml"],
     ["extends_path.toml", "scenario.extends = '../gone.toml'", "no such scenario file"]),
    ("validate extends cycle", ["validate", "cycle_a.toml"],
     ["cycle_a.toml", "scenario.extends = 'cycle_b.toml'", "a cycle"]),
    ("validate a province file", ["validate", "kaltim_2024"],
     ["kaltim_2024", "province file", "kondusif province validate kaltim_2024"]),
    ("validate missing field", ["validate", "no_voters.toml"],
     ["no_voters.toml", "communities.0.voters", "missing", "required"]),
    ("validate negative personnel", ["validate", "negative.toml"],
     ["negative.toml", "security.forces.0.personnel = -12", ">= 0"]),
    ("validate duplicate candidate", ["validate", "dup_candidate.toml"],
     ["dup_candidate.toml", "candidates.1.id = '01'", "a second candidate"]),
    ("validate support over one", ["validate", "support.toml"],
     ["support.toml", "communities.0", "support shares sum to 1.080", "at most 1"]),
    ("validate ethnic shares", ["validate", "ethnic.toml"],
     ["ethnic.toml", "communities.0.groups", "ethnic shares must sum to 1, they sum to 0.500"]),
    ("validate event kind", ["validate", "event_kind.toml"],
     ["event_kind.toml", "events.0.kind = 'earthquake'", "hoax_wave"]),
    ("validate official role", ["validate", "role.toml"],
     ["role.toml", "officials.0.role = 'sheriff'", "tokoh_agama"]),
    ("validate unknown source", ["validate", "sources.toml"],
     ["sources.toml", "region", "sources names fields this block does not have", "poplation"]),
    ("validate hardship true", ["validate", "hardship_bool.toml"],
     ["hardship_bool.toml", "communities.0.hardship = True", "not true/false"]),
    ("validate residents huge", ["validate", "residents_huge.toml"],
     ["residents_huge.toml", "communities.0.residents = 9223372036854775807", "<= 1000000000"]),
    ("validate rate inf", ["validate", "rate_inf.toml"],
     ["rate_inf.toml", "clash.incident_rate = inf", "finite number"]),
    ("validate weight nan", ["validate", "weight_nan.toml"],
     ["weight_nan.toml", "grievance.partisan_weight = nan", "finite number"]),
    ("validate latitude", ["validate", "latitude.toml"],
     ["latitude.toml", "communities.0.latitude = 100.0", "<= 90"]),
    ("validate text for count", ["validate", "text_number.toml"],
     ["text_number.toml", "communities.0.tps = '6'", "whole number, not text"]),
    ("validate name pattern", ["validate", "name_pattern.toml"],
     ["name_pattern.toml", "scenario.name = 'Desa Demo'", "pattern"]),
    ("validate officials place", ["validate", "official_place.toml"],
     ["official_place.toml", "officials.0.community = 'Atlantis'", "expected one of all"]),
    ("validate force base", ["validate", "force_base.toml"],
     ["force_base.toml", "security.forces.0.base = 'Markas'", "no community"]),
    ("validate event candidate", ["validate", "event_candidate.toml"],
     ["event_candidate.toml", "events.0.candidate = '09'", "candidates: 01, 02"]),
    ("validate no candidates", ["validate", "no_candidates.toml"],
     ["no_candidates.toml", "candidates", "required"]),
    ("validate set typo", ["validate", "desa_demo", "--set", "tension.escalated=0.5"],
     ["--set", "tension.escalated", "unknown parameter 'escalated'"]),
    # vulnerability, strategies, film, app
    ("vulnerability unknown", ["vulnerability", "desa_nowhere"],
     ["desa_nowhere", "no such bundled scenario"]),
    ("vulnerability bad set", ["vulnerability", "desa_demo", "--set", "grievance.legitimacy=2"],
     ["grievance.legitimacy = 2", "<= 1"]),
    ("vulnerability csv is a folder", ["vulnerability", "desa_demo", "--csv", "store"],
     ["--csv store", "is a folder"]),
    ("strategies unknown scenario", ["strategies", "--scenario", "desa_nowhere"],
     ["desa_nowhere", "no such bundled scenario"]),
    ("film no strategy", ["film", "desa_demo"], ["--strategy NAME"]),
    ("film missing path", ["film", "/nowhere/desa_demo.toml", "--strategy", "counter_hoax"],
     ["/nowhere/desa_demo.toml", "no such scenario file"]),
    ("film fps zero", ["film", "desa_demo", "--strategy", "counter_hoax", "--fps", "0"],
     ["--fps = 0", ">= 1"]),
    ("film out under a file",
     ["film", "desa_demo", "--strategy", "counter_hoax", "--out", "a_file/film.gif"],
     ["--out a_file/film.gif", "lies under a_file, which is a file"]),
    ("film seed negative", ["film", "desa_demo", "--strategy", "counter_hoax", "--seed", "-3"],
     ["--seed", "'-3'", "from 0"]),
    ("app unknown scenario", ["app", "desa_nowhere"], ["desa_nowhere", "no such bundled"]),
    ("app port zero", ["app", "desa_demo", "--port", "0"], ["--port = 0", "1 to 65535"]),
    # sweep: experiment files
    ("sweep unknown name", ["sweep", "nowhere"],
     ["nowhere", "no bundled experiment called 'nowhere'", "quick"]),
    ("sweep missing path", ["sweep", "/nowhere/quick.toml"],
     ["/nowhere/quick.toml", "no such file", "bundled experiments: "]),
    ("sweep a scenario name", ["sweep", "desa_demo"],
     ["desa_demo", "is a bundled scenario", "kondusif run desa_demo"]),
    ("sweep a scenario file", ["sweep", "duplicate.toml"],
     ["duplicate.toml", "is a scenario file, not an experiment file"]),
    ("sweep replications zero", ["sweep", "exp_reps.toml"],
     ["exp_reps.toml", "experiment.replications = 0", ">= 1"]),
    ("sweep root seed over 63 bits", ["sweep", "exp_seed_big.toml"],
     ["exp_seed_big.toml", "experiment.root_seed = 99999999999999999999999",
      "<= 9223372036854775807"]),
    ("sweep root seed negative", ["sweep", "exp_seed_neg.toml"],
     ["exp_seed_neg.toml", "experiment.root_seed = -1", ">= 0"]),
    ("sweep root seed bool", ["sweep", "exp_seed_bool.toml"],
     ["exp_seed_bool.toml", "experiment.root_seed = True", "whole number"]),
    ("sweep unknown scenario", ["sweep", "exp_scenario.toml"],
     ["exp_scenario.toml", "experiment.scenarios: 'desa_nowhere'", "no such bundled scenario"]),
    ("sweep missing scenario path", ["sweep", "exp_scenario_path.toml"],
     ["exp_scenario_path.toml", "'sub/desa_demo.toml'", "no such scenario file"]),
    ("sweep unknown strategy", ["sweep", "exp_strategy.toml"],
     ["exp_strategy.toml", "experiment.strategies", "unknown strategy 'pray'", "counter_hoax"]),
    ("sweep unknown series column", ["sweep", "exp_series.toml"],
     ["exp_series.toml", "keep.timeseries = 'mood'", "known: tension"]),
    ("sweep unknown outcome", ["sweep", "exp_outcome.toml"],
     ["exp_outcome.toml", "analysis.outcomes = 'joy'", "known: "]),
    ("sweep unknown risk outcome", ["sweep", "exp_risk.toml"],
     ["exp_risk.toml", "analysis.risk_outcome = 'fear'", "no such outcome"]),
    ("sweep confidence above one", ["sweep", "exp_confidence.toml"],
     ["exp_confidence.toml", "analysis.confidence = 1.5", "< 1"]),
    ("sweep grid typo", ["sweep", "exp_grid_path.toml"],
     ["exp_grid_path.toml", "grid.grievance.legitimcy", "unknown parameter", "legitimacy"]),
    ("sweep grid value out of range", ["sweep", "exp_grid_value.toml"],
     ["exp_grid_value.toml", "grid.grievance.legitimacy = 1.5", "<= 1"]),
    ("sweep grid empty", ["sweep", "exp_grid_empty.toml"],
     ["exp_grid_empty.toml", "grid.grievance.legitimacy = []", "at least one value"]),
    ("sweep fixed inf", ["sweep", "exp_fixed_inf.toml"],
     ["exp_fixed_inf.toml", "fixed.clash.incident_rate = inf", "finite number"]),
    ("sweep sample low above high", ["sweep", "exp_sample.toml"],
     ["exp_sample.toml", "sample.parameters.grievance.legitimacy = [0.8, 0.2]",
      "low must be below high"]),
    ("sweep unknown table", ["sweep", "exp_table.toml"],
     ["exp_table.toml", "grids", "unknown field"]),
    ("sweep name pattern", ["sweep", "exp_name.toml"],
     ["exp_name.toml", "experiment.name = 'Quick Test'", "pattern"]),
    ("sweep memory above the machine", ["sweep", "exp_memory.toml"],
     ["exp_memory.toml", "population.scale = 1", "GiB (estimate)", "population.scale="]),
    ("sweep model module missing", ["sweep", "fn_import.toml"],
     ["fn_import.toml", "experiment.model", "'nosuch_module:f'", "cannot import"]),
    ("sweep model function missing", ["sweep", "fn_missing.toml"],
     ["fn_missing.toml", "experiment.model", "has no function 'nosuch'"]),
    ("sweep model without colon", ["sweep", "fn_colon.toml"],
     ["fn_colon.toml", "experiment.model = 'faulty'", "'module:function'"]),
    ("sweep model returns text", ["sweep", "fn_text.toml"],
     ["fn_text.toml", "experiment.model", "returned y = 'high'", "must be a number"]),
    ("sweep function model with scenario", ["sweep", "fn_scenario.toml"],
     ["fn_scenario.toml", "experiment.scenarios", "a function model takes no scenario"]),
    ("sweep workers zero", ["sweep", "quick", "--workers", "0"], ["--workers = 0", "at least 1"]),
    ("sweep scheduler without dask", ["sweep", "quick", "--scheduler", "tcp://127.0.0.1:1"],
     ["--scheduler", "--executor dask"]),
    ("sweep out is a file", ["sweep", "quick", "--out", "a_file"],
     ["--out a_file", "is a file"]),
    ("sweep out under a file", ["sweep", "quick", "--out", "a_file/x"],
     ["--out a_file/x", "lies under a_file"]),
    ("sweep flush zero", ["sweep", "quick", "--flush-every", "0"],
     ["--flush-every", "'0'", ">= 1"]),
    ("sweep unknown executor", ["sweep", "quick", "--executor", "cloud"],
     ["--executor", "'cloud'", "serial"]),
    # sensitivity
    ("sensitivity without study", ["sensitivity", "quick"],
     ["quick.toml", "no [sensitivity] table"]),
    ("sensitivity unknown name", ["sensitivity", "nowhere"],
     ["nowhere", "no bundled experiment", "kutim_sobol"]),
    ("sensitivity unknown method", ["sensitivity", "kutim_sobol", "--method", "guess"],
     ["--method", "'guess'", "sobol"]),
    ("sensitivity parameter typo", ["sensitivity", "sens_typo.toml"],
     ["sens_typo.toml", "sensitivity.parameters.grievance.legitimcy", "unknown parameter"]),
    ("sensitivity infinite bound", ["sensitivity", "sens_inf.toml"],
     ["sens_inf.toml", "sensitivity.parameters.grievance.legitimacy.high = inf", "finite"]),
    ("sweep sample bound bool", ["sweep", "exp_sample_bool.toml"],
     ["exp_sample_bool.toml", "sample.parameters.grievance.legitimacy.low = True",
      "not true/false"]),
    ("sensitivity workers zero", ["sensitivity", "kutim_sobol", "--workers", "0"],
     ["--workers = 0"]),
    # summarize and report
    ("summarize not a store", ["summarize", "a_folder_that_is_not_there"],
     ["a_folder_that_is_not_there", "not a results store", "kondusif sweep"]),
    ("summarize empty store", ["summarize", "store"],
     ["store", "holds no finished runs yet", "kondusif sweep"]),
    ("summarize a file", ["summarize", "a_file"], ["a_file", "not a results store"]),
    ("report not a store", ["report", "nowhere_folder"], ["nowhere_folder"]),
    ("report empty store", ["report", "store"], ["store", "no run is stored yet"]),
    ("report out is a folder", ["report", "store", "--out", "store"],
     ["--out store", "is a folder"]),
    ("report out under a file", ["report", "store", "--out", "a_file/r.html"],
     ["--out a_file/r.html", "lies under a_file, which is a file"]),
    # validate-science
    ("validate-science unknown", ["validate-science", "nowhere"],
     ["nowhere", "no such validation experiment", "epstein"]),
    ("validate-science missing file", ["validate-science", "/nowhere/v.toml"],
     ["/nowhere/v.toml", "no such file"]),
    ("validate-science replications zero", ["validate-science", "--replications", "0"],
     ["--replications", "'0'", ">= 1"]),
    ("validate-science a scenario file", ["validate-science", "duplicate.toml"],
     ["duplicate.toml", "unknown field"]),
    # province
    ("province unknown", ["province", "validate", "nowhere"],
     ["nowhere", "no such bundled scenario"]),
    ("province missing path", ["province", "validate", "/nowhere/kaltim_2024.toml"],
     ["/nowhere/kaltim_2024.toml", "no such scenario file"]),
    ("province seed negative", ["province", "run", "kaltim_2024", "--seed", "-1"],
     ["--seed", "'-1'"]),
    ("province scale below one", ["province", "validate", "kaltim_2024", "--scale", "0.5"],
     ["--scale", "0.5", ">= 1"]),
    ("province negative reserve", ["province", "validate", "kaltim_2024", "--set",
                                   "reserve.personnel=-1"],
     ["kaltim_2024.toml", "reserve.personnel = -1", ">= 0"]),
    ("province out is a file", ["province", "run", "kaltim_2024", "--out", "a_file"],
     ["--out a_file", "is a file"]),
    ("province workers zero", ["province", "run", "kaltim_2024", "--workers", "0",
                               "--scale", "1000"], ["--workers = 0", "must be at least 1"]),
    ("province replications zero", ["province", "compare", "kaltim_2024", "--replications",
                                    "0"], ["--replications", "0", ">= 1"]),
    ("province unknown plan", ["province", "run", "kaltim_2024", "--plan", "everywhere",
                               "--executor", "serial", "--scale", "1000"],
     ["reserve.plan = 'everywhere'", "'hold'"]),
    ("province regency file", ["province", "validate", "desa_demo"],
     ["desa_demo.toml", "a regency scenario, not a province file", "kondusif run desa_demo"]),
    # the command line itself
    ("unknown command", ["simulate"], ["invalid choice", "'simulate'", "run"]),
    ("experiments extra argument", ["experiments", "quick"], ["unrecognized arguments: quick"]),
]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A current folder holding the files the cases name."""
    for name, content in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_command(argv: list[str], capsys) -> tuple[int, str]:
    try:
        status = kondusif(argv)
    except SystemExit as exc:  # argparse's own errors
        status = exc.code
    return status, capsys.readouterr().err


def test_the_corpus_has_at_least_eighty_kinds_of_bad_input():
    assert len(CASES) >= 80
    assert len({case[0] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("argv, fragments", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_exits_2_naming_where_what_and_what_was_expected(folder, capsys, argv,
                                                                   fragments):
    status, err = run_command(argv, capsys)
    assert "Traceback" not in err
    assert "(top level)" not in err  # a problem is named by its field path
    assert status == 2, err
    for fragment in fragments:
        assert fragment in err, f"{fragment!r} not in {err!r}"
