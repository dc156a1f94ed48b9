"""A session on disk: one JSON file that replays to identical outcomes, and the replay command."""

import json

import pytest

from sim.cli import main
from sim.exercise_host import Session
from sim.exercise_host.record import read_record, replay, save
from sim.scenario import ScenarioError
from tests.exercise_sessions import small_plan


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    """A session with a participant, an injected event, a rewind and a debrief, saved once
    for the module (tests that change the file work on a copy)."""
    tmp_path = tmp_path_factory.mktemp("played")
    session = Session(small_plan(tmp_path))
    token = session.claim("kominfo", session.join_code, "Rina")
    session.submit(token, "counter_hoax", {"coverage": 0.6}, 0)
    session.inject("provocation", "Desa Tengah", 1.5)
    session.run_round()
    session.run_round()
    session.rewind(1)
    session.submit(token, "cyber_patrol", {"coverage": 0.5}, 1)
    session.run_round()
    session.end()
    return save(session, tmp_path / "sesi.json"), session


def test_the_session_file_holds_decisions_events_reports_outcomes_and_history(played):
    path, session = played
    record = read_record(path)
    assert [r["index"] for r in record["rounds"]] == [0, 1]
    first = record["rounds"][0]
    assert first["events"][0]["kind"] == "provocation"
    assert {d["source"] for d in first["decisions"]} == {"participant", "default"}
    assert set(first["reports"]) == set(session.roles)
    assert first["outcomes"]["incidents_total"] >= 0
    assert record["roles"]["kominfo"]["taken_by"] == "Rina"
    assert [h["what"] for h in record["history"]].count("rewind") == 1
    assert record["debrief"]["best"]["strategies"] == ["counter_hoax", "leaders_dialogue"]


def test_a_recorded_session_replays_to_identical_outcomes(played):
    path, _ = played
    assert replay(read_record(path)) == []


def test_a_changed_debrief_replays_as_different(played):
    path, _ = played
    record = read_record(path)
    record["debrief"]["no_one"]["outcomes"]["riots"] += 1
    assert [d.split(":")[0] for d in replay(record)] == ["debrief.no_one.outcomes"]


def test_a_record_whose_outcomes_were_changed_replays_as_different(played):
    path, _ = played
    record = read_record(path)
    record["rounds"][1]["outcomes"]["incidents_total"] += 1
    differences = replay(record)
    assert differences == [f"rounds.1.outcomes: incidents_total recorded "
                           f"{record['rounds'][1]['outcomes']['incidents_total']}, replayed "
                           f"{record['rounds'][1]['outcomes']['incidents_total'] - 1}"]


def test_replaying_with_another_exercise_file_is_refused(played, tmp_path):
    path, _ = played
    changed = tmp_path / "desa_latihan.toml"
    original = path.parent / "desa_latihan.toml"
    changed.write_text(original.read_text(encoding="utf-8").replace("seed = 4", "seed = 9"),
                       encoding="utf-8")
    with pytest.raises(ScenarioError, match="not the exercise file the session played"):
        replay(read_record(path), exercise=str(changed))


def test_kondusif_exercise_replay_says_identical_and_exits_0(played, capsys):
    path, _ = played
    assert main(["exercise", "replay", str(path)]) == 0
    assert "identical" in capsys.readouterr().out


def test_kondusif_exercise_replay_exits_1_and_names_the_difference(played, tmp_path, capsys):
    path, _ = played
    record = json.loads(path.read_text(encoding="utf-8"))
    record["rounds"][0]["daily"][0]["incidents"] += 5
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(record), encoding="utf-8")
    assert main(["exercise", "replay", str(changed)]) == 1
    assert "rounds.0.daily: [0].incidents" in capsys.readouterr().out


def test_replaying_a_file_that_is_not_a_session_is_a_clear_error(tmp_path, capsys):
    other = tmp_path / "x.json"
    other.write_text('{"format": "something else"}', encoding="utf-8")
    assert main(["exercise", "replay", str(other)]) == 2
    err = capsys.readouterr().err
    assert str(other) in err and "kondusif-exercise-session/1" in err


def test_replaying_a_session_that_played_no_round_has_nothing_to_do(tmp_path, capsys):
    path = save(Session(small_plan(tmp_path)), tmp_path / "empty.json")
    assert main(["exercise", "replay", str(path)]) == 2
    assert "nothing to replay" in capsys.readouterr().err
