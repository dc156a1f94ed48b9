"""A training run: common random numbers, live events, parameters, failures as messages."""

import numpy as np
import pytest

import sim
from sim.scenario.schema import RumorParams
from sim.strategies import CATALOGUE, Strategy
from sim.viz.app.errors import AppError
from sim.viz.app.state import Settings, TrainingRun, scenario_personnel


class DoesNothing(Strategy):
    """A strategy with no effect at all: compare mode must then show no difference."""

    name = "does_nothing"
    title = {"id": "Tidak berbuat apa-apa", "en": "Does nothing"}
    practice = {"id": "-", "en": "-"}
    mechanisms = ()
    levers = ()


class FailsOnThirdDay(Strategy):
    """A strategy whose daily policy breaks on the third day."""

    name = "fails_on_third_day"
    title = {"id": "Gagal pada hari ketiga", "en": "Fails on the third day"}
    practice = {"id": "-", "en": "-"}
    mechanisms = ()
    levers = ("daily policy",)

    def on_day(self, levers):
        if levers.today.day == 27:
            raise RuntimeError("the command post lost its radio")


@pytest.fixture
def test_strategies(monkeypatch):
    monkeypatch.setitem(CATALOGUE, DoesNothing.name, DoesNothing)
    monkeypatch.setitem(CATALOGUE, FailsOnThirdDay.name, FailsOnThirdDay)


def run_to_end(run):
    while run.step():
        pass
    return run


def test_compare_mode_shows_baseline_and_strategy_runs():
    run = TrainingRun.start(Settings("desa_demo", ("counter_hoax",), seed=1))
    assert [lane.key for lane in run.lanes] == ["baseline", "with_strategy"]
    assert run.lanes[0].model.strategies == []
    assert [s.name for s in run.lanes[1].model.strategies] == ["counter_hoax"]


def test_without_compare_only_the_strategy_run_is_shown():
    run = TrainingRun.start(Settings("desa_demo", ("counter_hoax",), compare=False))
    assert [lane.key for lane in run.lanes] == ["with_strategy"]


def test_a_strategy_with_no_effect_gives_identical_runs_on_the_same_seed(test_strategies):
    run = run_to_end(TrainingRun.start(Settings("desa_demo", ("does_nothing",), seed=3)))
    baseline, strategy = (lane.track for lane in run.lanes)
    assert baseline.totals() == strategy.totals()
    np.testing.assert_array_equal(baseline.tension, strategy.tension)
    np.testing.assert_array_equal(baseline.belief, strategy.belief)


def test_the_app_baseline_is_the_same_run_as_kondusif_run():
    run = run_to_end(TrainingRun.start(Settings("desa_demo", seed=7)))
    plain = sim.run("desa_demo", seed=7)
    assert run.lanes[0].track.totals()["incidents_total"] == plain.outcomes["incidents_total"]
    assert run.lanes[0].track.turnout[-1] == pytest.approx(plain.outcomes["turnout"], abs=1e-6)


def test_both_runs_step_together_through_the_whole_calendar():
    run = run_to_end(TrainingRun.start(Settings("desa_demo", ("counter_hoax",))))
    assert run.finished and run.day == run.n_days == 87
    assert [lane.model.steps for lane in run.lanes] == [87, 87]
    assert run.step() is False


def test_an_injected_hoax_wave_raises_hoax_belief_in_both_runs():
    quiet = TrainingRun.start(Settings("desa_demo", ("counter_hoax",), seed=1))
    struck = TrainingRun.start(Settings("desa_demo", ("counter_hoax",), seed=1))
    struck.inject("hoax_wave", "Desa Hulu", 2.0)
    for run in (quiet, struck):
        for _ in range(3):
            run.step()
    for calm, hit in zip(quiet.lanes, struck.lanes, strict=True):
        assert hit.track.belief[:3].max() > calm.track.belief[:3].max()


def test_an_injected_event_acts_tomorrow_and_is_listed():
    run = TrainingRun.start(Settings("desa_demo", seed=1))
    run.step()
    injection = run.inject("legitimacy_shock", "all", 1.0)
    assert injection.day == run.model.timeline.date_of(1)
    run.step()
    assert run.lanes[0].model.legitimacy_deficit.min() > 0
    assert run.injections == [injection]


def test_a_provocation_at_a_rally_is_a_rally_and_a_provocation():
    run = TrainingRun.start(Settings("desa_demo", seed=1))
    run.inject("provocation", "Desa Tengah", 1.0)
    run.step()
    kinds = [e["kind"] for e in run.lanes[0].model.ledger.event_log]
    assert kinds == ["rally", "provocation"]


@pytest.mark.parametrize("choice, community, magnitude, expected", [
    ("hoax_wave", "Desa Entah", 1.0, "community = 'Desa Entah'"),
    ("hoax_wave", "all", -1.0, "magnitude = -1.0: must be >= 0"),
    ("earthquake", "all", 1.0, "kind = 'earthquake'"),
])
def test_an_invalid_injected_event_is_refused_with_field_value_and_expectation(
        choice, community, magnitude, expected):
    run = TrainingRun.start(Settings("desa_demo"))
    with pytest.raises(AppError) as refused:
        run.inject(choice, community, magnitude)
    assert refused.value.key == "error_event"
    assert expected in refused.value.detail
    assert run.injections == []


def test_no_event_can_be_injected_after_the_calendar_ends():
    run = run_to_end(TrainingRun.start(Settings("desa_demo")))
    with pytest.raises(AppError) as refused:
        run.inject("hoax_wave", "all", 1.0)
    assert refused.value.key == "error_event_after_end"


def test_key_parameters_reach_the_model():
    settings = Settings("desa_demo", legitimacy=0.6, personnel=84, response_delay_hours=9.0,
                        hoax_intensity=2.0)
    scenario = TrainingRun.start(settings).model.scenario
    assert scenario.grievance.legitimacy == 0.6
    assert scenario_personnel(scenario) == 84
    assert scenario.security.response_delay_hours == 9.0
    assert scenario.rumor.seeds_per_wave == 2 * RumorParams().seeds_per_wave


def test_more_personnel_on_the_slider_means_more_officers_on_the_map():
    few = TrainingRun.start(Settings("desa_demo", personnel=10)).model
    many = TrainingRun.start(Settings("desa_demo", personnel=200)).model
    assert sum(u.personnel for u in many.units) > sum(u.personnel for u in few.units)


def test_a_scenario_that_does_not_validate_names_file_field_and_value(tmp_path):
    from sim.scenario import bundled_path

    broken = tmp_path / "broken.toml"
    broken.write_text(bundled_path("desa_demo").read_text() + "\n[grievance]\nlegitimacy = 1.5\n")
    with pytest.raises(AppError) as refused:
        TrainingRun.start(Settings(str(broken)))
    assert refused.value.key == "error_scenario"
    assert "broken.toml" in refused.value.detail
    assert "grievance.legitimacy = 1.5: must be <= 1" in refused.value.detail


def test_a_strategy_that_fails_mid_run_stops_the_run_and_names_itself(test_strategies):
    run = TrainingRun.start(Settings("desa_demo", ("fails_on_third_day",)))
    stepped = [run.step() for _ in range(4)]
    assert stepped == [True, True, False, False]
    assert run.stopped and run.lanes[-1].track.days == 2
    assert run.failure.key == "error_strategy"
    assert run.failure.params == {"name": "fails_on_third_day", "date": "2024-09-27"}
    assert "lost its radio" in run.failure.detail
    assert "fails_on_third_day" in run.failure.headline("id")


def test_the_cost_of_the_chosen_strategies_is_known_at_the_start():
    run = TrainingRun.start(Settings("desa_demo", ("counter_hoax",)))
    assert run.cost.rupiah > 0 and "estimate" in run.cost.basis


def test_a_package_and_its_member_ticked_together_run_the_strategy_once(monkeypatch):
    from sim.strategies import PACKAGES

    monkeypatch.setitem(PACKAGES, "communication", ("counter_hoax",))
    run = TrainingRun.start(Settings("desa_demo", ("counter_hoax", "package:communication")))
    assert [s.name for s in run.lanes[-1].model.strategies] == ["counter_hoax"]


def test_an_unknown_package_is_refused_with_the_known_ones():
    with pytest.raises(AppError) as refused:
        TrainingRun.start(Settings("desa_demo", ("package:nowhere",)))
    assert "unknown package 'nowhere'" in refused.value.detail
    assert "kutim_2024_actual" in refused.value.detail
