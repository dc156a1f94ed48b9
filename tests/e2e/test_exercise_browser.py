"""A whole participatory exercise in real browsers: a facilitator and three phones.

Starts `kondusif exercise host` on a free port of this machine at a coarse
population scale, opens the facilitator's screen and three participants'
screens in separate browser contexts (as separate phones), and plays the
exercise: joining with the code, a refused action, the English switch, a
phone that reloads and keeps its role, an injected event, a rewind, and the
debrief. Screenshots are kept in test-artifacts/.
"""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
START_SECONDS = 120
WAIT_MS = 60_000
PHONE = {"width": 390, "height": 844}
ROLES = {"kapolres": "Budi", "kominfo": "Rina", "camat:Sangatta Utara": "Andi"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listening(url: str) -> bool:
    port = int(url.split(":")[2].split("/")[0])
    with socket.socket() as client:
        return client.connect_ex(("127.0.0.1", port)) == 0


def started(server: subprocess.Popen, log: Path) -> tuple[str, str]:
    """The facilitator's and the participants' addresses, as the server printed them."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        text = log.read_text()
        facilitator = re.search(r"(http://\S+/facilitator\?key=\S+)", text)
        join = re.search(r"(http://\S+/\?code=\w+)", text)
        if facilitator and join and listening(facilitator.group(1)):
            return facilitator.group(1), join.group(1)
        if server.poll() is not None:
            pytest.fail(f"the exercise server exited with {server.returncode}:\n{text}")
        time.sleep(0.3)
    pytest.fail(f"the exercise server did not start within {START_SECONDS} s:\n"
                f"{log.read_text()}")


@pytest.fixture
def exercise_server(tmp_path, browser):
    port = free_port()
    log = tmp_path / "server.log"
    record = tmp_path / "sesi.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "sim.cli", "exercise", "host", "hoaks_masa_tenang",
             "--port", str(port), "--set", "population.scale=50", "--out", str(record)],
            cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        facilitator, join = started(server, log)
        yield facilitator, join, record
    finally:
        server.terminate()
        server.wait(timeout=60)


def state_of(page) -> str:
    return page.get_by_test_id("state").inner_text()


def join_as(page, join_url: str, role: str, name: str) -> None:
    page.goto(join_url)
    page.get_by_test_id("join-name").fill(name)
    page.locator(f'[data-testid="role-{role}"]').click()
    page.get_by_test_id("join-button").click()
    page.get_by_test_id("role-title").filter(has_text=re.compile(r"\S")).wait_for(
        timeout=WAIT_MS)


def decide(page, action: str, **fields) -> str:
    page.get_by_test_id("action-select").select_option(action)
    for name, value in fields.items():
        field = page.locator(f'[data-testid="field-{name}"]')
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(str(value))
        else:
            field.fill(str(value))
    page.get_by_test_id("send").click()
    message = page.get_by_test_id("action-message")
    message.wait_for(state="visible", timeout=WAIT_MS)
    return message.get_attribute("class") + "|" + message.inner_text()


def run_round(facilitator, number: int) -> None:
    facilitator.get_by_test_id("run-round").click()
    facilitator.wait_for_function(
        f"() => document.querySelector('[data-testid=round-title]').innerText.startsWith("
        f"'Ronde {number + 1} ') || document.querySelector('[data-testid=state]').innerText"
        f".includes('Semua ronde selesai')", timeout=WAIT_MS)


def test_a_facilitator_and_three_phones_play_a_whole_exercise(exercise_server, browser,
                                                              artifacts):
    facilitator_url, join_url, record = exercise_server
    desk = browser.new_context(viewport={"width": 1366, "height": 768})
    facilitator = desk.new_page()
    facilitator.goto(facilitator_url)
    code = join_url.rsplit("=", 1)[1]
    facilitator.get_by_test_id("join-code").get_by_text(code).wait_for(timeout=WAIT_MS)
    assert facilitator.get_by_test_id("qr").evaluate("img => img.naturalWidth") > 0

    phones = {}
    for role, name in ROLES.items():
        context = browser.new_context(viewport=PHONE, is_mobile=True)
        phones[role] = context.new_page()
        join_as(phones[role], join_url, role, name)
    assert "Kapolres" in phones["kapolres"].get_by_test_id("role-title").inner_text()
    facilitator.get_by_test_id("seat-kominfo").get_by_text("Rina").wait_for(timeout=WAIT_MS)

    kominfo = phones["kominfo"]
    kominfo.get_by_test_id("lang").click()
    assert kominfo.get_by_test_id("send").inner_text() == "Send decision"
    assert "ok" in decide(kominfo, "counter_hoax", coverage=0.5)
    refused = decide(phones["kapolres"], "deploy", community="Bengalon", personnel=5000, days=3)
    assert "error" in refused and "personnel" in refused
    assert "ok" in decide(phones["kapolres"], "deploy", community="Sangatta Utara",
                          personnel=60, days=5)
    assert "ok" in decide(phones["camat:Sangatta Utara"], "local_dialogue", people=5, days=3)
    facilitator.get_by_test_id("inject-kind").select_option("provocation")
    facilitator.get_by_test_id("inject-community").select_option("Bengalon")
    facilitator.get_by_test_id("inject").click()
    facilitator.get_by_text("provocation Bengalon").wait_for(timeout=WAIT_MS)
    run_round(facilitator, 1)

    kominfo.reload()  # a phone that drops keeps its role (the token is in local storage)
    kominfo.get_by_test_id("role-title").filter(has_text="Communications office").wait_for(
        timeout=WAIT_MS)
    kominfo.get_by_text("Round 2 of 3").wait_for(timeout=WAIT_MS)
    assert "ok" in decide(kominfo, "cyber_patrol", coverage=0.4)
    assert "ok" in decide(phones["camat:Sangatta Utara"], "ask_police", personnel=30, days=2)
    run_round(facilitator, 2)

    facilitator.get_by_test_id("rewind-round").select_option("1")
    facilitator.get_by_test_id("rewind").click()
    facilitator.wait_for_function(
        "() => document.querySelector('[data-testid=round-title]').innerText"
        ".startsWith('Ronde 2 ') && !document.querySelector('[data-testid=state]').innerText"
        ".includes('bekerja')", timeout=WAIT_MS)
    run_round(facilitator, 2)
    run_round(facilitator, 3)
    phones["kapolres"].screenshot(path=str(artifacts / "exercise-phone-kapolres.png"))

    facilitator.get_by_test_id("end").click()
    facilitator.get_by_test_id("who-did-what").wait_for(timeout=WAIT_MS)
    debrief = facilitator.get_by_test_id("debrief").inner_text()
    assert "Ruangan ini" in debrief and "Tanpa tindakan" in debrief
    assert "counter_hoax" in debrief and "local_dialogue" in debrief
    facilitator.screenshot(path=str(artifacts / "exercise-facilitator-debrief.png"),
                           full_page=True)
    for page in phones.values():
        page.wait_for_function("() => document.querySelector('[data-testid=state]')"
                               ".innerText.length > 0")
    kominfo.get_by_text("The exercise is over").wait_for(timeout=WAIT_MS)
    assert record.is_file()
