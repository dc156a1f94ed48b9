"""The host between screens and the model: a paused round waits, a rewind can stop it, the file
is kept."""

import json
import time

import pytest

from sim.exercise_host import Refusal, Session
from sim.exercise_host.host import Host
from sim.exercise_host.record import read_record
from tests.exercise_clients import until
from tests.exercise_sessions import small_plan


@pytest.fixture
def host(tmp_path):
    running = Host(Session(small_plan(tmp_path)), tmp_path / "sesi.json")
    yield running
    running.stop()


def facilitator(host) -> dict:
    return json.loads(host.view("facilitator"))


def start_paused_round(host) -> int:
    """A round closed and handed to the worker while the session is paused."""
    with host.lock:
        host.session.close_round()
        host.session.pause()
        host._start("running", host._play_round)
        host._publish()
    return host.session.run.model.steps


def test_a_paused_round_waits_between_days_and_goes_on_when_resumed(host):
    before = start_paused_round(host)
    time.sleep(0.5)
    assert host.session.run.model.steps == before
    assert facilitator(host)["busy"] == "running"
    host.command("resume", {})
    until(lambda: not facilitator(host)["busy"], "the round")
    assert facilitator(host)["round"]["index"] == 1
    assert read_record(host.out)["rounds"][0]["index"] == 0


def test_a_rewind_stops_a_paused_round_and_restarts_it(host):
    start_paused_round(host)
    host.command("rewind", {"round": 0})
    until(lambda: not facilitator(host)["busy"], "the rewind")
    view = facilitator(host)
    assert view["state"] == "deciding" and view["round"]["index"] == 0 and not view["paused"]
    assert host.session.rounds == []
    assert [h["what"] for h in host.session.history][-1] == "rewind"


def test_a_second_run_while_the_model_works_is_refused(host):
    start_paused_round(host)
    with pytest.raises(Refusal) as caught:
        host.command("run_round", {})
    assert caught.value.key == "busy"
    host.command("resume", {})
    until(lambda: not facilitator(host)["busy"], "the round")


def test_participants_keep_deciding_while_the_facilitator_screen_updates(host):
    token = host.claim("kominfo", host.session.join_code, "Rina")
    decision = host.submit(token, "counter_hoax", {"coverage": 0.5}, 0)
    assert json.loads(host.view("kominfo"))["decisions"][0]["id"] == decision["id"]
    assert facilitator(host)["seats"][6]["pending"] == 1


def test_a_rewind_to_a_round_not_yet_played_is_refused_at_once(host):
    with pytest.raises(Refusal) as caught:
        host.command("rewind", {"round": 3})
    assert caught.value.key == "bad_round" and "round 1 to 1" in caught.value.en
    assert facilitator(host)["busy"] is None
