"""The report's first screen at 1280 x 800 in Debian's Chromium: the answer, before any scrolling.

A planner opening the report on a laptop sees, without scrolling: the
recommended option, how much it lowers the risk, how sure (chance of being
best), what it costs against the budget, and where it still fails. Nothing is
wider than the screen. A screenshot is kept in test-artifacts/.
"""

from pathlib import Path

import pytest

from sim.experiments import load_experiment
from sim.experiments.plan import run_plan
from sim.experiments.stages import Runner
from sim.viz.report import write_report

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREEN = {"width": 1280, "height": 800}
BUDGET = "budget = 60_000_000"
PLAN = """
[plan]
risk = "chance(incidents_total > 0)"
measures = ["mean(incidents_total)"]

[plan.robustness]
options = 1
worlds = 3
replications = 2
satisficing = 0.5
[plan.robustness.parameters]
"grievance.legitimacy" = { low = 0.85, high = 0.97 }
"""


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    """The quick experiment with a budget and a small robustness stage, reported in id and en."""
    folder = tmp_path_factory.mktemp("answer")
    text = (ROOT / "experiments" / "quick.toml").read_text(encoding="utf-8")
    text = text.replace("replications = 8", "replications = 4")
    path = folder / "quick_plan.toml"
    path.write_text(text.replace("root_seed = 2024", f"root_seed = 2024\n{BUDGET}") + PLAN,
                    encoding="utf-8")
    spec, path = load_experiment(path)
    run_plan(spec, path, folder / "out", Runner("serial", progress=False))
    return {lang: write_report(folder / "out", folder / f"report-{lang}.html", lang=lang)
            for lang in ("id", "en")}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_first_screen_shows_the_answer_without_scrolling(browser, reports, artifacts, lang):
    page = browser.new_page(viewport=SCREEN)
    page.goto(reports[lang].resolve().as_uri(), wait_until="load")
    try:
        page.screenshot(path=str(artifacts / f"answer-first-screen-{lang}.png"))
        recommended = page.locator("#recommended-option")
        assert recommended.is_visible() and recommended.inner_text().strip()
        facts = page.locator("#the-answer ul.facts li")
        assert facts.count() >= 4  # effect, how sure, cost, where it fails
        texts = [facts.nth(k).inner_text() for k in range(facts.count())]
        sure = "peluang menjadi yang terbaik" if lang == "id" else "chance of being the best"
        cost = "Biaya:" if lang == "id" else "Cost:"
        fails = "Kapan masih gagal" if lang == "id" else "When it still fails"
        for needle in (sure, cost, fails):
            hits = [k for k, t in enumerate(texts) if needle in t]
            assert hits, f"no sentence with {needle!r} on the first screen"
            box = facts.nth(hits[0]).bounding_box()
            assert box["y"] + box["height"] <= SCREEN["height"], f"{needle!r} is below the fold"
        assert page.evaluate("document.documentElement.scrollWidth") <= SCREEN["width"]
    finally:
        page.close()


def test_no_figure_or_table_is_wider_than_the_page(browser, reports):
    page = browser.new_page(viewport=SCREEN)
    page.goto(reports["en"].resolve().as_uri(), wait_until="load")
    try:
        body = page.evaluate("document.body.getBoundingClientRect().right")
        widths = page.evaluate(
            "[...document.querySelectorAll('figure img, table')].map(e => "
            "e.getBoundingClientRect().right)")
        assert widths and max(widths) <= body + 1
    finally:
        page.close()
