"""The exercise's web layer: who may do what, rejoining, addresses, the host command's errors."""

import httpx
import pytest

from sim.cli import main
from sim.exercise_host.server import reachable_address, served
from tests.exercise_clients import Facilitator, Participant
from tests.exercise_sessions import exercise_file, small_plan


@pytest.fixture
def server(tmp_path):
    with served(small_plan(tmp_path), tmp_path / "sesi.json") as running:
        yield running


def test_facilitator_commands_need_the_key(server):
    host, base, key = server
    assert httpx.get(f"{base}/api/facilitator").status_code == 403
    refused = httpx.post(f"{base}/api/command/run_round", headers={"X-Key": "guess"})
    assert refused.status_code == 403
    assert refused.json()["refusal"]["key"] == "not_facilitator"
    assert host.session.state == "deciding"


def test_a_phone_that_drops_and_comes_back_has_its_role(server):
    host, base, key = server
    phone = Participant(base, "kominfo", "Rina")
    phone.join(Facilitator(base, key).view()["join_code"]).raise_for_status()
    again = httpx.get(f"{base}/api/me", headers={"X-Token": phone.token})  # a new connection
    assert again.json()["role"]["key"] == "kominfo"
    assert again.json()["role"]["name"] == "Rina"


def test_a_stranger_gets_a_message_not_a_role(server):
    _, base, _ = server
    answer = httpx.get(f"{base}/api/me", headers={"X-Token": "not-a-token"})
    assert answer.status_code == 403
    assert answer.json()["refusal"]["key"] == "not_joined"
    broken = httpx.post(f"{base}/api/decide", content=b"{not json", headers={"X-Token": "x"})
    assert broken.status_code == 409 and broken.json()["refusal"]["key"] == "bad_request"


def test_a_participants_view_is_its_own_role_only(server):
    _, base, key = server
    phone = Participant(base, "camat:Desa Hulu", "Andi")
    phone.join(Facilitator(base, key).view()["join_code"]).raise_for_status()
    view = phone.view()
    assert view["report"]["role"] == "camat:Desa Hulu"
    assert "join_code" not in view and "pending" not in view and "history" not in view


def test_the_facilitator_screen_shows_the_join_address_and_a_qr_code(server):
    _, base, key = server
    view = Facilitator(base, key).view()
    assert view["address"].startswith("http://127.0.0.1:") and view["join_code"] in view["address"]
    qr = httpx.get(f"{base}/qr.svg")
    assert qr.headers["content-type"].startswith("image/svg+xml") and "<svg" in qr.text


def test_this_machine_only_unless_an_address_is_given():
    assert reachable_address("127.0.0.1") == "127.0.0.1"
    assert reachable_address("0.0.0.0") != "0.0.0.0"


def test_the_host_command_refuses_a_bad_port_and_an_unknown_exercise(tmp_path, capsys):
    assert main(["exercise", "host", str(exercise_file(tmp_path)), "--port", "0"]) == 2
    assert "--port = 0" in capsys.readouterr().err
    assert main(["exercise", "host", "tidak_ada"]) == 2
    err = capsys.readouterr().err
    assert "tidak_ada" in err and "hoaks_masa_tenang" in err  # the name, and what there is
    assert main(["exercise", "host", str(exercise_file(tmp_path)), "--compare", "nothing"]) == 2
    assert "unknown strategy 'nothing'" in capsys.readouterr().err
