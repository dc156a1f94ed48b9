"""The app's page, driven without a browser through Solara's render and find tools."""

import io

import ipyvuetify as v
import ipywidgets
import pytest
import solara
from ipywidgets import Widget
from PIL import Image

from sim.scenario import bundled_path, load_scenario
from sim.strategies import CATALOGUE, Strategy
from sim.viz.app.i18n import rupiah
from sim.viz.app.page import Page
from sim.viz.app.server import SCENARIO_ENV
from sim.viz.app.state import cost_of

COUNTER_HOAX = CATALOGUE["counter_hoax"].title


def texts(widget, found=None) -> list[str]:
    """Every string shown in a widget tree (children, labels)."""
    found = [] if found is None else found
    for name in ("children", "label"):
        value = getattr(widget, name, None)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list | tuple):
            for child in value:
                if isinstance(child, str):
                    found.append(child)
                elif isinstance(child, Widget):
                    texts(child, found)
    return found


def shows(box, fragment: str) -> bool:
    return any(fragment in t for t in texts(box))


@pytest.fixture
def page(monkeypatch):
    monkeypatch.setenv(SCENARIO_ENV, "desa_demo")
    box, rc = solara.render(Page(), handle_error=False)
    yield box, rc
    rc.close()


def click(rc, label):
    rc.find(v.Btn, children=[label]).widget.click()


def images(rc) -> list[bytes]:
    """The map's and the charts' PNG, in that order."""
    return [rc.find(ipywidgets.Image, _dom_classes=("solara-image", f"kondusif-{name}"))
            .widget.value for name in ("map", "charts")]


def markdown(rc) -> str:
    """The rendered Markdown of the page (tables, lists, the About text)."""
    return "\n".join(w.template for w in rc.find(v.VuetifyTemplate).widgets
                     if "solara-markdown" in str(w.template))


def width_of(png: bytes) -> int:
    return Image.open(io.BytesIO(png)).size[0]


def test_the_page_opens_in_indonesian_with_the_date_and_phase_visible(page):
    box, rc = page
    assert shows(box, "Kondusif: latihan mitigasi konflik Pilkada")
    click(rc, "Langkah")
    assert shows(box, "Hari 1 dari 87 · Rabu, 25 September 2024")
    assert shows(box, "Tahapan: Kampanye")


def test_the_language_switch_turns_every_label_to_english_and_back(page):
    box, rc = page
    switch = rc.find(v.BtnToggle, class_="kondusif-lang").widget
    switch.v_model = "en"
    assert shows(box, "Kondusif: Pilkada conflict-mitigation training")
    rc.find(v.Btn, children=["Step"]).assert_single()
    assert not shows(box, "Langkah")
    switch.v_model = "id"
    rc.find(v.Btn, children=["Langkah"]).assert_single()


def test_turning_on_a_strategy_shows_baseline_and_strategy_side_by_side(page):
    box, rc = page
    one_map = width_of(images(rc)[0])
    rc.find(v.Checkbox, label=COUNTER_HOAX["id"]).widget.v_model = True
    price = cost_of("counter_hoax", load_scenario(bundled_path("desa_demo"))).rupiah
    assert shows(box, f"Rp {rupiah(price)} (perkiraan)")
    assert width_of(images(rc)[0]) > 1.5 * one_map
    for head in ("Tanpa strategi (baseline)", "Dengan strategi", "Selisih"):
        assert f"<th>{head}</th>" in markdown(rc)


def test_stepping_redraws_map_and_charts(page):
    box, rc = page
    rc.find(v.Btn, children=["Sisipkan"]).widget.click()  # a hoax wave everywhere, tomorrow
    before = images(rc)
    for _ in range(4):
        click(rc, "Langkah")
    after = images(rc)
    assert after[0] != before[0] and after[1] != before[1]
    assert shows(box, "Hari 4 dari 87")


def test_an_injected_event_is_listed_with_its_place_and_date(page):
    box, rc = page
    assert "Peristiwa yang disisipkan" not in markdown(rc)
    click(rc, "Sisipkan")
    assert "Gelombang hoaks di Semua wilayah, 25 Sep" in markdown(rc)


def test_the_about_panel_has_the_netlogo_sections(page):
    box, rc = page
    rc.find(v.BtnToggle, class_="kondusif-view").widget.v_model = "about"
    for heading in ("APA INI", "BAGAIMANA CARA KERJANYA", "CARA MEMAKAINYA",
                    "YANG PERLU DIPERHATIKAN", "YANG BISA DICOBA"):
        assert heading in markdown(rc)


def test_a_scenario_that_does_not_validate_gives_a_message_not_a_traceback(tmp_path,
                                                                           monkeypatch):
    broken = tmp_path / "broken.toml"
    broken.write_text(bundled_path("desa_demo").read_text() + "\n[grievance]\nlegitimacy = 1.5\n")
    monkeypatch.setenv(SCENARIO_ENV, str(broken))
    box, rc = solara.render(Page(), handle_error=False)
    assert shows(box, "Skenario tidak dapat dipakai")
    assert shows(box, "grievance.legitimacy = 1.5: must be <= 1")
    rc.close()


def test_a_scenario_file_that_is_missing_gives_a_message_not_a_traceback(tmp_path,
                                                                      monkeypatch):
    monkeypatch.setenv(SCENARIO_ENV, str(tmp_path / "gone.toml"))
    box, rc = solara.render(Page(), handle_error=False)
    assert shows(box, "Skenario tidak dapat dipakai")
    assert shows(box, "no such scenario file")
    rc.close()


class BreaksOnSecondDay(Strategy):
    name = "breaks_on_second_day"
    title = {"id": "Rusak pada hari kedua", "en": "Breaks on the second day"}
    practice = {"id": "-", "en": "-"}
    mechanisms = ()
    levers = ("daily policy",)

    def on_day(self, levers):
        if levers.today.day == 26:
            raise ValueError("no fuel for the patrol boats")


def test_a_strategy_that_fails_mid_run_gives_a_message_on_the_page(page, monkeypatch):
    monkeypatch.setitem(CATALOGUE, BreaksOnSecondDay.name, BreaksOnSecondDay)
    box, rc = solara.render(Page(), handle_error=False)
    rc.find(v.Checkbox, label="Rusak pada hari kedua").widget.v_model = True
    click(rc, "Langkah")
    click(rc, "Langkah")
    assert shows(box, "Strategi breaks_on_second_day gagal pada 2024-09-26")
    assert shows(box, "no fuel for the patrol boats")
    assert rc.find(v.Btn, children=["Langkah"]).widget.disabled
    rc.close()
