"""The app's page, driven without a browser through Solara's render and find tools."""

import ipyvuetify as v
import ipywidgets
import pytest
import solara
from ipywidgets import Widget

from sim.scenario import bundled_path, load_scenario
from sim.strategies import CATALOGUE, Strategy
from sim.viz.app.i18n import rupiah
from sim.viz.app.page import Page
from sim.viz.app.server import EXERCISE_ENV, OVERRIDES_ENV, SCENARIO_ENV
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
def page(monkeypatch, tmp_path):
    monkeypatch.setenv(SCENARIO_ENV, "desa_demo")
    monkeypatch.delenv(EXERCISE_ENV, raising=False)
    monkeypatch.setenv("KONDUSIF_SESSIONS_DIR", str(tmp_path / "sessions"))
    box, rc = solara.render(Page(), handle_error=False)
    yield box, rc
    rc.close()


def click(rc, label):
    rc.find(v.Btn, children=[label]).widget.click()


def open_tab(rc, key):
    """Show one of the sidebar's sections (exercise, strategies, parameters, events, session)."""
    sections = ("exercise", "strategies", "parameters", "events", "session")
    toggle = [w for w in rc.find(v.BtnToggle).widgets if w.v_model in sections]
    assert len(toggle) == 1
    toggle[0].v_model = key


def images(rc) -> list[bytes]:
    """The map's and the charts' PNG, in that order."""
    return [rc.find(ipywidgets.Image, _dom_classes=("solara-image", f"kondusif-{name}"))
            .widget.value for name in ("map", "charts")]


def markdown(rc) -> str:
    """The rendered Markdown of the page (tables, lists, the About text)."""
    return "\n".join(w.template for w in rc.find(v.VuetifyTemplate).widgets
                     if "solara-markdown" in str(w.template))


def test_the_page_opens_in_indonesian_with_the_date_and_phase_visible(page):
    box, rc = page
    assert shows(box, "Belum dimulai: tekan Langkah atau Jalankan")
    click(rc, "Langkah")
    assert shows(box, "Hari 1 dari 87 · Rabu, 25 September 2024")
    assert shows(box, "Tahapan: Kampanye")


def test_the_language_switch_turns_every_label_to_english_and_back(page):
    box, rc = page
    switch = rc.find(v.BtnToggle, class_="kondusif-lang").widget
    switch.v_model = "en"
    assert shows(box, "Not started yet: press Step or Play")
    rc.find(v.Btn, children=["Step"]).assert_single()
    for tab in ("Exercise", "Strategies", "Parameters", "Events", "Session"):
        rc.find(v.Btn, children=[tab]).assert_single()
    assert not shows(box, "Langkah")
    switch.v_model = "id"
    rc.find(v.Btn, children=["Langkah"]).assert_single()


def test_turning_on_a_strategy_shows_the_difference_and_both_runs(page):
    box, rc = page
    open_tab(rc, "strategies")
    rc.find(v.Checkbox, label=COUNTER_HOAX["id"]).widget.v_model = True
    price = cost_of("counter_hoax", load_scenario(bundled_path("desa_demo"))).rupiah
    assert shows(box, f"Rp {rupiah(price)} (perkiraan)")
    assert shows(box, "Selisih dengan strategi dibanding baseline (seed sama)")
    assert shows(box, "baseline 0 → strategi 0")
    rc.find(v.BtnToggle, class_="kondusif-map-lane").assert_single()
    for head in ("Tanpa strategi (baseline)", "Dengan strategi", "Selisih"):
        assert f"<th>{head}</th>" in markdown(rc)


def test_a_cost_basis_is_said_in_indonesian(page):
    box, rc = page
    open_tab(rc, "strategies")
    assert shows(box, "staf x 87 hari kalender @ Rp 350.000 (perkiraan: honor harian")
    assert not shows(box, "calendar days")


def test_a_new_strategy_keeps_the_injected_event_and_the_day_reached(page):
    box, rc = page
    open_tab(rc, "events")
    click(rc, "Sisipkan")
    for _ in range(3):
        click(rc, "Langkah")
    open_tab(rc, "strategies")
    rc.find(v.Checkbox, label=COUNTER_HOAX["id"]).widget.v_model = True
    assert shows(box, "Hari 3 dari 87")
    assert shows(box, "1 peristiwa disisipkan lagi (0 tidak cocok), diputar sampai hari 3")
    assert "Gelombang hoaks di Semua wilayah, 25 Sep" in markdown(rc)


def test_reset_goes_back_to_day_one_keeping_the_injected_event(page):
    box, rc = page
    open_tab(rc, "events")
    click(rc, "Sisipkan")
    click(rc, "Langkah")
    click(rc, "Ulangi")
    assert shows(box, "Belum dimulai")
    assert "Gelombang hoaks di Semua wilayah, 25 Sep" in markdown(rc)


def test_the_jump_buttons_go_to_voting_day_and_back_to_the_campaign(page):
    box, rc = page
    click(rc, "Pemungutan suara")
    assert shows(box, "Hari 64 dari 87 · Rabu, 27 November 2024")
    assert shows(box, "Tahapan: Pemungutan suara")
    scrubber = [w for w in rc.find(v.Slider).widgets if w.max == 87][0]
    scrubber.v_model = 10
    assert shows(box, "Hari 10 dari 87")
    assert shows(box, "Diputar lagi dari awal sampai hari 10")


def test_a_disputed_count_during_the_campaign_is_refused_in_the_room_language(page):
    box, rc = page
    open_tab(rc, "events")
    rc.find(v.Select, label="Jenis peristiwa").widget.v_model = "Hasil hitung disengketakan"
    click(rc, "Sisipkan")
    assert shows(box, "Peristiwa ditolak: Hasil hitung disengketakan tidak dapat terjadi pada "
                      "tahapan Kampanye")
    assert "Peristiwa yang disisipkan" not in markdown(rc)


def test_a_saved_session_loads_back_to_the_same_day_and_events(page):
    box, rc = page
    open_tab(rc, "events")
    click(rc, "Sisipkan")
    for _ in range(2):
        click(rc, "Langkah")
    open_tab(rc, "session")
    click(rc, "Simpan sesi")
    assert shows(box, "Sesi disimpan: sesi-")
    click(rc, "Ulangi")
    open_tab(rc, "session")
    click(rc, "Muat sesi")
    assert shows(box, "Hari 2 dari 87")
    assert "Gelombang hoaks di Semua wilayah, 25 Sep" in markdown(rc)


def test_an_exercise_stops_at_its_question_for_the_room(monkeypatch, tmp_path):
    monkeypatch.setenv(EXERCISE_ENV, "pemetaan_konflik")
    monkeypatch.setenv(OVERRIDES_ENV, '{"population.scale": 100}')
    box, rc = solara.render(Page(), handle_error=False)
    assert shows(box, "Peserta memetakan kecamatan rawan sebelum kampanye")
    click(rc, "Langkah")
    assert shows(box, "Hari ke-1: kampanye dimulai.")
    click(rc, "Langkah")
    assert not shows(box, "Hari ke-1: kampanye dimulai.")
    rc.close()


def test_the_real_calm_scenario_says_why_it_is_calm(monkeypatch):
    monkeypatch.setenv(SCENARIO_ENV, "kutim_2024")
    monkeypatch.delenv(EXERCISE_ENV, raising=False)
    monkeypatch.setenv(OVERRIDES_ENV, '{"population.scale": 100}')
    box, rc = solara.render(Page(), handle_error=False)
    assert shows(box, "Pilkada 2024 yang sebenarnya, dan itu berjalan damai")
    rc.close()


def test_stepping_redraws_map_and_charts(page):
    box, rc = page
    open_tab(rc, "events")
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
    open_tab(rc, "events")
    click(rc, "Sisipkan")
    assert "Gelombang hoaks di Semua wilayah, 25 Sep" in markdown(rc)


def test_the_about_panel_has_the_netlogo_sections(page):
    box, rc = page
    click(rc, "Tentang model")
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
    open_tab(rc, "strategies")
    rc.find(v.Checkbox, label="Rusak pada hari kedua").widget.v_model = True
    click(rc, "Langkah")
    click(rc, "Langkah")
    assert shows(box, "Strategi breaks_on_second_day gagal pada 2024-09-26")
    assert shows(box, "no fuel for the patrol boats")
    assert rc.find(v.Btn, children=["Langkah"]).widget.disabled
    rc.close()


def test_the_timeline_follows_the_days_played(page):
    box, rc = page
    for _ in range(3):
        click(rc, "Langkah")
    scrubber = [w for w in rc.find(v.Slider).widgets if w.max == 87][0]
    assert scrubber.v_model == 3


def test_repeating_on_ten_seeds_puts_the_range_of_the_difference_in_the_banner(page):
    import time

    box, rc = page
    open_tab(rc, "strategies")
    rc.find(v.Checkbox, label=COUNTER_HOAX["id"]).widget.v_model = True
    open_tab(rc, "session")
    click(rc, "Ulang 10 kali (10 seed)")
    deadline = time.monotonic() + 120
    while not shows(box, "(10 seed)") or shows(box, "Menjalankan"):
        assert time.monotonic() < deadline, "the ten runs did not finish"
        time.sleep(0.5)
    assert sum("rentang" in t and "(10 seed)" in t for t in texts(box)) == 3
