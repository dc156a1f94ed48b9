"""The planner's report in a real browser: Debian's Chromium driven by Playwright, offline.

Every request the page makes is routed: only the report file itself may load,
and figures are data: URIs inside it. A screenshot and a printed PDF are kept
in test-artifacts/.
"""

from pathlib import Path

import pytest

from sim.experiments import load_experiment, run_experiment
from sim.viz.report import SECTION_IDS, write_report

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ("risk-map", "distributions", "envelopes", "cost-risk")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """The Indonesian report of the bundled quick experiment."""
    folder = tmp_path_factory.mktemp("report")
    spec, path = load_experiment(ROOT / "experiments" / "quick.toml")
    run_experiment(spec, path, folder / "out", executor="serial", progress=False)
    return write_report(folder / "out", folder / "laporan.html", lang="id")


@pytest.fixture
def offline_page(browser, report):
    """A page that lets only the report itself load; every other request is recorded, refused."""
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    own = report.resolve().as_uri()
    refused: list[str] = []

    def only_the_report(route):
        url = route.request.url
        if url == own or url.startswith("data:"):
            route.continue_()
        else:
            refused.append(url)
            route.abort()

    page.route("**/*", only_the_report)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(own, wait_until="load")
    yield page, own, requested, refused
    page.close()


def test_the_report_renders_offline_with_every_section_and_figure(offline_page, artifacts):
    page, own, requested, refused = offline_page
    assert refused == []
    assert all(url == own or url.startswith("data:") for url in requested)
    for ident in SECTION_IDS:
        assert page.locator(f"section#{ident} h2").is_visible()
    for figure in FIGURES:
        width = page.locator(f"#fig-{figure} img").evaluate("img => img.naturalWidth")
        assert width > 300, f"figure {figure} did not decode"
    page.screenshot(path=str(artifacts / "report-id.png"), full_page=True)


def test_the_report_prints_to_pdf(offline_page, artifacts):
    page, *_ = offline_page
    page.emulate_media(media="print")
    pdf = page.pdf(path=str(artifacts / "report-id.pdf"), format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and len(pdf) > 50_000
