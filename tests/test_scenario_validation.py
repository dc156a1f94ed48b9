"""Bad scenario input gets an error naming the file, the field, the value and what was expected."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from sim.scenario import ScenarioError, apply_overrides, load_scenario, parse_override, read_toml
from sim.scenario.registry import bundled_path
from tests.factories import community, scenario_data

DEMO = bundled_path("desa_demo")


def problems_of(data: dict) -> str:
    from sim.scenario import validate_data
    with pytest.raises(ScenarioError) as err:
        validate_data(data, "bad.toml")
    text = str(err.value)
    assert text.startswith("bad.toml:")
    return text


def broken(**changes) -> dict:
    data = scenario_data([community("A", 1200, neighbours=[{"name": "B", "travel_hours": 1}]),
                          community("B", 800, neighbours=[{"name": "A", "travel_hours": 1}])])
    for path, value in changes.items():
        node = data
        keys = path.split("__")
        for key in keys[:-1]:
            node = node[int(key)] if isinstance(node, list) else node[key]
        last = keys[-1]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return data


CASES = [
    # (description, changes, expected fragments)
    ("negative personnel", {"security": {"forces": [{"kind": "police", "personnel": -5}]}},
     ["security.forces.0.personnel = -5", "must be >= 0"]),
    ("legitimacy above one", {"grievance": {"legitimacy": 1.4}},
     ["grievance.legitimacy = 1.4", "must be <= 1"]),
    ("voters not a number", {"communities__0__voters": "many"},
     ["communities.0.voters = 'many'", "whole number"]),
    ("zero polling stations", {"communities__0__tps": 0}, ["communities.0.tps = 0", ">= 1"]),
    ("latitude off the globe", {"communities__0__latitude": 123.0},
     ["communities.0.latitude = 123.0", "<= 90"]),
    ("unknown field", {"communities__0__voterz": 5}, ["communities.0.voterz", "unknown field"]),
    ("unknown neighbour", {"communities__0__neighbours": [{"name": "Z", "travel_hours": 1}]},
     ["communities.0.neighbours.0.name = 'Z'", "no community of that name"]),
    ("support over one", {"communities__0__support": {"01": 0.7, "02": 0.6}},
     ["support shares sum to 1.300"]),
    ("support for unknown candidate", {"communities__0__support": {"03": 0.5}},
     ["communities.0.support.03", "no candidate with id '03'"]),
    ("ethnic shares not summing to one",
     {"communities__0__groups": {"ethnic": {"Kutai": 0.5, "Bugis": 0.2}}},
     ["communities.0.groups", "ethnic shares must sum to 1"]),
    ("calendar out of order", {"calendar__voting_day": dt.date(2024, 11, 1)},
     ["quiet_start (2024-11-24) must come before voting_day (2024-11-01)"]),
    ("event outside the calendar",
     {"events": [{"date": dt.date(2025, 3, 1), "kind": "rally"}]},
     ["events.0.date = 2025-03-01: outside the calendar"]),
    ("unknown event kind", {"events": [{"date": dt.date(2024, 10, 1), "kind": "earthquake"}]},
     ["events.0.kind = 'earthquake'", "hoax_wave"]),
    ("unknown official role", {"officials": [{"role": "sheriff", "count": 3}]},
     ["officials.0.role = 'sheriff'", "tokoh_agama"]),
    ("officials in unknown place",
     {"officials": [{"role": "kpps", "count": 3, "community": "Atlantis"}]},
     ["officials.0.community = 'Atlantis'", "no community of that name"]),
    ("missing voters", {"communities__0": {"name": "A", "residents": 10, "tps": 1,
                                            "latitude": 0, "longitude": 0}},
     ["communities.0.voters: missing"]),
    ("voters exceed residents", {"communities__0__residents": 100},
     ["voters (1200) exceed residents (100)"]),
    ("bad rounding name", {"activation": {"ratio_rounding": "ceil"}},
     ["activation.ratio_rounding = 'ceil'", "'floor'"]),
    ("duplicate community names", {"communities__1__name": "A"},
     ["communities.1.name = 'A'", "a second community", "unique"]),
    ("scale below one", {"population": {"scale": 0.5}}, ["population.scale = 0.5", ">= 1"]),
    ("source for a field that does not exist",
     {"region": {"name": "T", "sources": {"poplation": "BPS"}}}, ["poplation"]),
]


@pytest.mark.parametrize("description, changes, fragments", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_named_with_path_value_and_expectation(description, changes, fragments):
    data = broken(**copy.deepcopy(changes))
    text = problems_of(data)
    for fragment in fragments:
        assert fragment in text, f"{description}: {fragment!r} not in {text!r}"


def test_several_problems_are_reported_at_once():
    data = broken(grievance={"legitimacy": 1.4}, communities__0__tps=0)
    text = problems_of(data)
    assert "2 problems" in text
    assert "grievance.legitimacy" in text and "communities.0.tps" in text


def test_toml_syntax_error_gives_line_and_column(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('[scenario]\nname = "x"\ntitle = \n')
    with pytest.raises(ScenarioError) as err:
        read_toml(path)
    assert str(path) in str(err.value)
    assert "line 3" in str(err.value) and "column" in str(err.value)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(ScenarioError, match="no such file"):
        load_scenario(tmp_path / "nowhere.toml")


def test_override_of_unknown_parameter_suggests_the_nearest():
    with pytest.raises(ScenarioError, match="did you mean 'legitimacy'"):
        load_scenario(DEMO, {"grievance.legitimcy": 0.5})


def test_override_is_validated_like_the_file():
    with pytest.raises(ScenarioError, match=r"grievance.legitimacy = 1.5: must be <= 1"):
        load_scenario(DEMO, {"grievance.legitimacy": 1.5})


def test_override_reaches_list_items_by_name():
    scenario = load_scenario(DEMO, {"communities.Desa Hulu.hardship": 0.9})
    assert scenario.communities[0].hardship == 0.9


def test_override_values_are_read_as_toml():
    assert parse_override("rumor.transmission=0.4") == ("rumor.transmission", 0.4)
    assert parse_override("rumor.variant=\"daley_kendall\"")[1] == "daley_kendall"
    assert parse_override("population.scale=10") == ("population.scale", 10)
    with pytest.raises(ScenarioError, match="expected dotted.path=value"):
        parse_override("legitimacy")


def test_override_of_a_missing_list_item_is_an_error():
    data = read_toml(DEMO)
    with pytest.raises(ScenarioError, match="no list item 'Atlantis'"):
        apply_overrides(data, {"communities.Atlantis.hardship": 0.2})


@pytest.mark.parametrize("path", ["grievance.legitimacy", "activation.threshold",
                                  "activation.arrest_constant", "security.personnel",
                                  "security.response_delay_hours", "rumor.transmission",
                                  "population.scale"])
def test_documented_parameter_paths_exist(path):
    value = {"security.personnel": 40, "population.scale": 2}.get(path, 0.5)
    load_scenario(DEMO, {path: value})


def test_scenario_reference_document_is_up_to_date():
    from pathlib import Path

    from sim.scenario.reference import scenario_reference
    assert Path("docs/scenarios.md").read_text() == scenario_reference(), (
        "regenerate: python -m sim.scenario.reference > docs/scenarios.md")


def test_setting_one_entry_of_a_table_keeps_the_others():
    scenario = load_scenario(DEMO, {"clash.mixing.campaign": 2.0,
                                    "policing.weights.linmas": 0.5})
    assert scenario.clash.mixing["campaign"] == 2.0
    assert scenario.clash.mixing["voting"] == 1.5
    assert scenario.policing.weights["linmas"] == 0.5
    assert scenario.policing.weights["police"] == 1.0
