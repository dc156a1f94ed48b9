"""The training app in a real browser: Debian's Chromium driven by Playwright, at the three
screen sizes of a training room's projectors.

Starts `kondusif app` on a free port of this machine with a coarse population
(so a whole calendar plays in seconds), and checks what a trainer does: every
control can be reached and clicked without the map leaving the screen, the
language switch, an exercise played to the end, an event injected and seen on
the map and the charts, the keys, the presenter view, and the slide downloaded
and opened. Screenshots are kept in test-artifacts/.
"""

import io
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
# The first start may fetch the page's browser files with npm.
START_SECONDS = 300
SIZES = [(1024, 768), (1366, 768), (1920, 1080)]
COARSE = "population.scale=60"  # about 5,000 simulated residents for Kutai Timur
EVENT_PURPLE = (0x6A, 0x1B, 0x9A)
CONTROLS = ("button, input, [role=button], .v-input--selection-controls__ripple, "
            ".v-slider, .v-select__slot")


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
    folder = tmp_path_factory.mktemp("app")
    log = folder / "server.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KONDUSIF_SESSIONS_DIR": str(folder)}
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "sim.cli", "app", "kutim_2024", "--set", COARSE,
             "--port", str(port)], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until_listening(port, server, log)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=20)


def open_page(browser, url, size=(1366, 768)):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]},
                            accept_downloads=True)
    page.goto(url)
    page.wait_for_selector("img.kondusif-map", timeout=90_000)
    return page


def status(page) -> str:
    return page.locator(".kondusif-status").first.inner_text()


def wait_for_status(page, fragment: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while fragment not in status(page):
        if time.monotonic() > deadline:
            pytest.fail(f"status never showed {fragment!r}; it shows {status(page)!r}")
        page.wait_for_timeout(200)


def open_section(page, label: str) -> None:
    page.locator(".kondusif-tabs").get_by_role("button", name=label, exact=True).click()
    page.wait_for_timeout(600)


def choose(page, select_class: str, option: str) -> None:
    page.locator(f".{select_class}").click()
    page.locator(".v-overlay__content .v-list-item", has_text=option).first.click()


def purple_pixels(png: bytes) -> int:
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)
    return int((np.abs(pixels - EVENT_PURPLE).sum(axis=2) < 60).sum())


def reachable_and_clickable(page, element) -> bool:
    """In the viewport once brought into view, and not covered by anything else."""
    element.scroll_into_view_if_needed(timeout=5_000)
    box = element.bounding_box()
    size = page.viewport_size
    if box is None or box["width"] == 0:
        return True  # not rendered (a hidden input behind its widget): nothing to click
    inside = (box["x"] >= -1 and box["y"] >= -1 and box["x"] + box["width"] <= size["width"] + 1
              and box["y"] + box["height"] <= size["height"] + 1)
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    on_top = element.evaluate(
        "(el, [x, y]) => { const hit = document.elementFromPoint(x, y);"
        " return !!hit && (el === hit || el.contains(hit) || hit.contains(el)"
        " || el.closest('.v-input') === hit.closest('.v-input') && !!hit.closest('.v-input')); }",
        [x, y])
    return inside and on_top


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_control_is_in_view_and_clickable_with_the_map_on_the_first_screen(
        app_url, browser, artifacts, size):
    page = open_page(browser, app_url, size)
    width, height = size
    page.screenshot(path=str(artifacts / f"app-{width}x{height}.png"))
    banner = page.locator(".kondusif-banner").bounding_box()
    picture = page.locator("img.kondusif-map").bounding_box()
    assert banner["y"] + banner["height"] <= height
    assert picture["y"] < height / 2 and picture["y"] + picture["height"] <= height + 1
    assert picture["width"] >= 0.5 * (width - 340)
    assert page.get_by_text("This website runs on Solara").count() == 0
    for section in ("Latihan", "Strategi", "Parameter", "Peristiwa", "Sesi"):
        open_section(page, section)
        for area in (".kondusif-top", ".kondusif-side"):
            controls = page.locator(f"{area} :is({CONTROLS})")
            for k in range(controls.count()):
                control = controls.nth(k)
                if not control.is_visible():
                    continue
                assert reachable_and_clickable(page, control), \
                    f"{section}: control {k} of {area} ({control.inner_text()[:40]!r}) " \
                    f"is out of view or covered at {width}x{height}"
        assert page.locator("img.kondusif-map").bounding_box() == picture, \
            f"reaching the controls of {section} moved the map at {width}x{height}"
    page.close()


def test_names_on_the_map_read_from_the_back_of_the_room_at_1366x768(app_url, browser):
    from sim.viz.app.map import LABEL_PX

    page = open_page(browser, app_url, (1366, 768))
    shown = page.locator("img.kondusif-map").bounding_box()["width"]
    natural = page.locator("img.kondusif-map").evaluate("img => img.naturalWidth")
    assert LABEL_PX * shown / natural >= 14
    page.close()


def test_the_language_switch_turns_the_page_to_english_and_back(app_url, browser, artifacts):
    page = open_page(browser, app_url)
    page.locator(".kondusif-lang").get_by_role("button", name="EN").click()
    page.get_by_role("button", name="Step", exact=True).wait_for(timeout=20_000)
    # The page re-renders in parts after the switch: wait for each, do not count at once.
    for label in ("Exercise", "Strategies", "Parameters", "Events", "Session"):
        expect(page.locator(".kondusif-tabs").get_by_role("button", name=label)).to_have_count(1)
    expect(page.get_by_text("Results so far").first).to_be_visible(timeout=20_000)
    page.screenshot(path=str(artifacts / "app-english.png"))
    page.locator(".kondusif-lang").get_by_role("button", name="ID").click()
    page.get_by_role("button", name="Langkah", exact=True).wait_for(timeout=20_000)
    page.close()


def test_the_about_panel_opens_the_installed_trainers_guide_and_returns(app_url, browser,
                                                                        artifacts):
    page = open_page(browser, app_url)
    page.locator(".kondusif-about").click()
    page.get_by_role("heading", name="DOKUMENTASI").wait_for(timeout=20_000)
    page.locator(".kondusif-doc-training-app").click()
    page.get_by_role("heading", name="Panduan pelatih: aplikasi latihan Kondusif",
                     exact=False).first.wait_for(timeout=20_000)
    page.screenshot(path=str(artifacts / "app-docs-page.png"))
    page.locator(".kondusif-doc-back").click()
    page.get_by_text("APA INI").wait_for(timeout=20_000)
    page.close()


def test_an_exercise_plays_to_the_end_stopping_at_each_question(app_url, browser, artifacts):
    page = open_page(browser, app_url)
    choose(page, "kondusif-exercise", "Gelombang hoaks menjelang masa tenang")
    page.get_by_text("Hoaks surat suara sudah dicoblos").wait_for(timeout=30_000)
    choose(page, "kondusif-speed", "Secepatnya")
    questions = []
    deadline = time.monotonic() + 180
    page.locator(".kondusif-play").click()
    while "Kalender selesai" not in status(page):
        assert time.monotonic() < deadline, f"the exercise did not end: {status(page)}"
        prompt = page.locator(".kondusif-prompt")
        if prompt.count() and prompt.is_visible() and \
                page.get_by_role("button", name="Jalankan").count():
            text = prompt.inner_text().splitlines()[0]
            if text not in questions:
                questions.append(text)
                if len(questions) == 2:
                    page.screenshot(path=str(artifacts / "app-exercise-question.png"))
            page.locator(".kondusif-continue").click()
            page.wait_for_function(  # the run moved on: this question is gone or replaced
                "text => { const p = document.querySelector('.kondusif-prompt');"
                " return !p || !p.innerText.startsWith(text); }", arg=text, timeout=30_000)
        page.wait_for_timeout(300)
    assert len(questions) == 5, questions
    assert questions[1].startswith("Hari ke-55: hoaks menyebar di Sangatta Utara")
    expect(page.get_by_text("Terukur:")).to_have_count(1)
    page.screenshot(path=str(artifacts / "app-exercise-end.png"))
    page.close()


def test_an_injected_event_shows_on_the_map_and_on_the_charts(app_url, browser, artifacts):
    page = open_page(browser, app_url)
    open_section(page, "Peristiwa")
    choose(page, "kondusif-event-where", "Sangatta Utara")
    charts_before = purple_pixels(page.locator("img.kondusif-charts").screenshot())
    page.locator(".kondusif-inject").click()
    page.get_by_text("Gelombang hoaks di Sangatta Utara").wait_for(timeout=20_000)
    page.wait_for_timeout(800)
    assert purple_pixels(page.locator("img.kondusif-charts").screenshot()) > charts_before + 50
    map_before = purple_pixels(page.locator("img.kondusif-map").screenshot())
    page.locator(".kondusif-step").click()
    wait_for_status(page, "Hari 1 dari 87")
    page.wait_for_timeout(800)
    assert purple_pixels(page.locator("img.kondusif-map").screenshot()) > map_before + 50
    page.screenshot(path=str(artifacts / "app-event-injected.png"))
    page.close()


def test_keys_step_play_pause_and_reset(app_url, browser):
    page = open_page(browser, app_url)
    page.locator("img.kondusif-map").click()  # focus on the page, not on a field
    page.keyboard.press("ArrowRight")
    wait_for_status(page, "Hari 1 dari 87")
    page.keyboard.press(" ")
    page.get_by_role("button", name="Jeda").wait_for(timeout=20_000)
    page.keyboard.press(" ")
    page.get_by_role("button", name="Jalankan").wait_for(timeout=20_000)
    page.keyboard.press("r")
    wait_for_status(page, "Belum dimulai")
    page.close()


def test_the_presenter_view_shows_map_and_difference_and_escape_leaves_it(app_url, browser,
                                                                         artifacts):
    page = open_page(browser, app_url, (1366, 768))
    page.locator(".kondusif-present").first.click()
    page.locator(".kondusif-present-view").wait_for(timeout=20_000)
    expect(page.locator(".kondusif-side")).to_have_count(0)
    picture = page.locator("img.kondusif-map").bounding_box()
    assert picture["y"] + picture["height"] <= 768 + 1
    page.screenshot(path=str(artifacts / "app-presenter.png"))
    page.keyboard.press("Escape")
    page.locator(".kondusif-side").wait_for(timeout=20_000)
    page.close()


def test_the_slide_and_the_summary_download_and_open(app_url, browser, artifacts, tmp_path):
    page = open_page(browser, app_url)
    page.locator(".kondusif-step").click()
    wait_for_status(page, "Hari 1 dari 87")
    open_section(page, "Sesi")
    with page.expect_download(timeout=60_000) as slide:
        page.locator(".kondusif-slide").get_by_role("button").click()
    saved = tmp_path / slide.value.suggested_filename
    slide.value.save_as(saved)
    with Image.open(saved) as picture:
        assert picture.format == "PNG" and picture.size == (1920, 1080)
    (artifacts / "app-slide.png").write_bytes(saved.read_bytes())
    with page.expect_download(timeout=60_000) as summary:
        page.locator(".kondusif-summary").get_by_role("button").click()
    saved = tmp_path / summary.value.suggested_filename
    summary.value.save_as(saved)
    viewer = browser.new_page()
    viewer.goto(saved.as_uri())
    assert viewer.locator("h1").inner_text() == "Pilkada Kutai Timur 2024 / Kutai Timur " \
                                                 "regency election 2024"
    assert viewer.locator("table tr").count() == 8  # heading and seven outcomes
    assert viewer.locator("img").evaluate("img => img.naturalWidth") == 1920
    viewer.close()
    page.close()
