"""The training app in a real browser: Debian's Chromium driven by Playwright.

Starts `kondusif app` on a free port of this machine, loads the page, switches
to English and back, turns on a strategy, steps the model and checks that the
map and the charts changed. A screenshot is kept in test-artifacts/.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sim.scenario import bundled_path, load_scenario
from sim.strategies import CATALOGUE
from sim.viz.app.i18n import rupiah
from sim.viz.app.state import cost_of

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
# The first start may fetch the page's browser files with npm.
START_SECONDS = 300
STRATEGY = CATALOGUE["counter_hoax"].title
DEMO_PRICE = cost_of("counter_hoax", load_scenario(bundled_path("desa_demo"))).rupiah
PRICE = f"Rp {rupiah(DEMO_PRICE)} (perkiraan)"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_listening(port: int, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the app exited with {server.returncode}:\n{log.read_text()}")
        with socket.socket() as client:
            if client.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    pytest.fail(f"the app did not listen within {START_SECONDS} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory, browser):
    port = free_port()
    log = tmp_path_factory.mktemp("app") / "server.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "sim.cli", "app", "desa_demo", "--port", str(port)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until_listening(port, server, log)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=20)


def status_text(page) -> str:
    return page.locator(".kondusif-status").inner_text()


def test_a_trainer_switches_language_turns_on_a_strategy_and_steps(app_url, browser, artifacts):
    page = browser.new_page(viewport={"width": 1600, "height": 1100})
    page.goto(app_url)
    page.wait_for_selector(".kondusif-step", timeout=90_000)
    assert page.get_by_role("button", name="Langkah").is_visible()

    page.get_by_role("button", name="English").click()
    page.get_by_role("button", name="Step").wait_for(timeout=20_000)
    page.get_by_text("Key parameters").wait_for(timeout=20_000)
    page.get_by_role("button", name="Bahasa Indonesia").click()
    page.get_by_role("button", name="Langkah").wait_for(timeout=20_000)

    map_before = page.locator("img.kondusif-map").screenshot()
    charts_before = page.locator("img.kondusif-charts").screenshot()

    page.get_by_text(STRATEGY["id"]).click()
    page.get_by_text(PRICE).wait_for(timeout=20_000)
    page.locator(".kondusif-inject").click()
    for day in range(1, 6):
        page.locator(".kondusif-step").click()
        page.get_by_text(f"Hari {day} dari 87").wait_for(timeout=20_000)
    page.wait_for_timeout(500)

    page.screenshot(path=str(artifacts / "app-after-five-days.png"), full_page=True)
    assert "Tahapan: Kampanye" in status_text(page)
    assert page.locator("img.kondusif-map").screenshot() != map_before
    assert page.locator("img.kondusif-charts").screenshot() != charts_before
    assert page.locator(".kondusif-error").count() == 0
    page.close()


def day_shown(page) -> int:
    text = status_text(page)
    return int(text.split()[1]) if text.startswith("Hari") else 0


def test_play_runs_days_on_its_own_until_paused(app_url, browser):
    page = browser.new_page(viewport={"width": 1600, "height": 1100})
    page.goto(app_url)
    page.wait_for_selector(".kondusif-play", timeout=90_000)
    page.locator(".kondusif-play").click()
    deadline = time.monotonic() + 30
    while day_shown(page) < 3 and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    page.get_by_role("button", name="Jeda").click()
    page.get_by_role("button", name="Jalankan").wait_for(timeout=20_000)
    page.wait_for_timeout(1000)  # a day already under way when Pause was pressed still ends
    paused_on = day_shown(page)
    page.wait_for_timeout(1500)
    assert paused_on >= 3
    assert day_shown(page) == paused_on
    page.close()
