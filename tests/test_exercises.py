"""Exercise files: the bundled ones load, and a broken one names file, field, value, expectation."""

import re

import pytest

from sim.exercises import (
    ExerciseError,
    bundled_exercise_names,
    bundled_exercise_path,
    describe_exercises,
    exercise_scenario,
    load_exercise,
)
from sim.exercises.loading import round_span
from sim.scenario import bundled_names

GOOD = """
[exercise]
name = "uji"
title = {{ id = "Uji", en = "Test" }}
description = {{ id = "Latihan uji", en = "A test exercise" }}
scenario = "desa_demo"
strategies = ["counter_hoax"]

{events}

[[stops]]
date = 2024-10-01
prompt = {{ id = "Apa yang terjadi?", en = "What happened?" }}
"""


def write(tmp_path, events: str = "", name: str = "uji.toml"):
    path = tmp_path / name
    path.write_text(GOOD.format(events=events), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", bundled_exercise_names())
def test_every_bundled_exercise_loads_against_its_scenario(name):
    exercise = load_exercise(bundled_exercise_path(name))
    assert exercise.name == name
    assert exercise.title("id") and exercise.title("en")
    assert exercise.exercise.scenario in bundled_names()


def test_at_least_three_exercises_cover_mapping_hoaxes_and_a_dispute():
    names = bundled_exercise_names()
    assert len(names) >= 3
    kinds = {name: {e.kind.value for e in load_exercise(bundled_exercise_path(name)).events}
             for name in names}
    assert any("conflict_mapping" in load_exercise(bundled_exercise_path(n)).strategies
               for n in names)
    assert any("hoax_wave" in k for k in kinds.values())
    assert any({"disputed_count", "dispute_filing"} & k for k in kinds.values())


@pytest.mark.parametrize("name", bundled_exercise_names())
def test_a_prompt_that_names_a_day_names_the_day_of_its_stop(name):
    exercise = load_exercise(bundled_exercise_path(name))
    start = exercise_scenario(exercise).calendar.campaign_start
    for stop in exercise.stops:
        for lang, pattern in (("id", r"^Hari ke-(\d+)"), ("en", r"^Day (\d+)")):
            found = re.match(pattern, stop.prompt(lang))
            if found:
                assert int(found.group(1)) == (stop.date - start).days + 1, stop.prompt(lang)


def test_the_exercise_scenario_carries_the_exercise_events():
    exercise = load_exercise(bundled_exercise_path("pemetaan_konflik"))
    scenario = exercise_scenario(exercise)
    notes = [e.note for e in scenario.events]
    assert sum(n.startswith("exercise") for n in notes) == len(exercise.events)


def test_a_disputed_count_during_the_campaign_is_refused_with_the_reason(tmp_path):
    path = write(tmp_path, '[[events]]\ndate = 2024-10-02\nkind = "disputed_count"\n')
    with pytest.raises(ExerciseError) as caught:
        load_exercise(path)
    message = str(caught.value)
    assert "uji.toml" in message
    assert "events.0: kind = disputed_count on 2024-10-02 (campaign)" in message
    assert "only from voting day on" in message


def test_an_unknown_place_candidate_and_strategy_are_each_named(tmp_path):
    path = write(tmp_path, '[[events]]\ndate = 2024-10-02\nkind = "hoax_wave"\n'
                           'community = "Desa Atlantis"\ncandidate = "09"\n')
    path.write_text(path.read_text().replace('["counter_hoax"]', '["counter_hoax", "magic"]'))
    with pytest.raises(ExerciseError) as caught:
        load_exercise(path)
    problems = "\n".join(caught.value.problems)
    assert "events.0.community = 'Desa Atlantis': no such community" in problems
    assert "events.0.candidate = '09': no such candidate" in problems
    assert "exercise.strategies.1 = 'magic': no such strategy" in problems


def test_a_stop_outside_the_calendar_names_the_calendar(tmp_path):
    path = write(tmp_path)
    path.write_text(path.read_text().replace("2024-10-01", "2025-03-01"))
    with pytest.raises(ExerciseError, match=r"stops.0.date = 2025-03-01: outside the calendar"):
        load_exercise(path)


def test_a_missing_title_and_a_one_language_text_are_schema_errors(tmp_path):
    path = write(tmp_path)
    path.write_text(path.read_text().replace('title = { id = "Uji", en = "Test" }\n', "")
                    .replace('en = "What happened?"', 'fr = "Quoi?"'))
    with pytest.raises(ExerciseError) as caught:
        load_exercise(path)
    problems = caught.value.problems
    assert "exercise.title: missing; this field is required" in problems
    assert "stops.0.prompt.en: missing; this field is required" in problems


def test_a_round_is_a_phase_or_two_dates_and_rounds_follow_each_other(tmp_path):
    path = write(tmp_path)
    path.write_text(path.read_text() + """
[[rounds]]
name = "a"
title = { id = "A", en = "A" }
phase = "campaign"

[[rounds]]
name = "b"
title = { id = "B", en = "B" }
start = 2024-10-01
end = 2024-10-05
""")
    with pytest.raises(ExerciseError, match=r"rounds.1 \(b\) starts on 2024-10-01, before"):
        load_exercise(path)


def test_rounds_of_a_bundled_exercise_cover_days_in_order():
    exercise = load_exercise(bundled_exercise_path("selisih_tipis_sengketa"))
    scenario = exercise_scenario(exercise)
    spans = [round_span(r, scenario) for r in exercise.rounds]
    assert spans[0][0] == scenario.calendar.voting_day
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_an_unknown_exercise_name_lists_the_bundled_ones():
    with pytest.raises(ExerciseError, match="bundled: .*pemetaan_konflik"):
        bundled_exercise_path("no_such_exercise")


def test_the_exercise_list_has_both_languages_for_the_picker():
    rows = {row["name"]: row for row in describe_exercises()}
    assert rows["hoaks_masa_tenang"]["title_en"] == "A hoax wave before the quiet days"
    assert all(row["description_id"] and row["description_en"] for row in rows.values())
