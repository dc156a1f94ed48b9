"""The participatory session: roles, what each sees, budgets, refusals, rewind, replay."""

import datetime as dt

import numpy as np
import pytest

import sim
from sim.exercise_host import Refusal, Session
from sim.exercise_host.views import participant_view
from sim.simulation import RunSpec
from tests.exercise_sessions import small_plan


@pytest.fixture
def plan(tmp_path):
    return small_plan(tmp_path)


def joined(session, role, name="peserta"):
    return session.claim(role, session.join_code, name)


def refusal_of(call, *args, **kwargs) -> Refusal:
    with pytest.raises(Refusal) as caught:
        call(*args, **kwargs)
    return caught.value


def test_two_people_cannot_take_one_role(plan):
    session = Session(plan)
    joined(session, "kapolres", "Budi")
    refusal = refusal_of(session.claim, "kapolres", session.join_code, "Rina")
    assert refusal.key == "role_taken"
    assert "Budi" in refusal.id and "Budi" in refusal.en
    assert session.seats["kapolres"].name == "Budi"


def test_a_phone_that_rejoins_keeps_its_role_until_the_facilitator_releases_it(plan):
    session = Session(plan)
    token = joined(session, "kominfo")
    assert session.role_of(token) == "kominfo"
    session.release("kominfo")
    assert refusal_of(session.role_of, token).key == "not_joined"


def test_a_wrong_join_code_is_refused_in_both_languages(plan):
    session = Session(plan)
    refusal = refusal_of(session.claim, "kpu", "WRONG", "Ani")
    assert refusal.key == "bad_code"
    assert refusal.id != refusal.en and refusal.id and refusal.en
    assert "kpu" not in session.seats


def test_every_district_has_a_camat_so_a_room_has_a_seat_for_each(plan):
    session = Session(plan)
    camats = [key for key in session.roles if key.startswith("camat:")]
    assert len(camats) == len(plan.scenario.communities)


def test_a_participant_sees_its_own_report_and_no_other_role_or_true_state(plan):
    session = Session(plan, defaults=False)
    joined(session, "kominfo")
    joined(session, "camat:Desa Hulu")
    session.run_round()
    view = participant_view(session, "kominfo", 1)
    assert view["report"]["role"] == "kominfo"
    assert {i["key"] for i in view["report"]["indicators"]} == {"hoax_belief"}
    assert "outcomes" not in view and "daily" not in view
    camat = participant_view(session, "camat:Desa Hulu", 1)
    assert [row["community"] for row in camat["report"]["rows"]] == ["Desa Hulu"]


def test_reports_are_late_by_their_channel_delay(plan):
    session = Session(plan, defaults=False)
    session.run_round()
    end = plan.rounds[0].end
    assert session.reports["kapolres"]["as_of"]["tension"] == (
        end - dt.timedelta(days=2)).isoformat()
    assert session.reports["kapolres"]["as_of"]["clashes"] == end.isoformat()


def test_reported_tension_is_the_true_tension_plus_noise(plan):
    session = Session(plan, defaults=False)
    session.run_round()
    session.run_round()
    true = session.run.model.levers.reported_tension()  # the true state, no noise
    seen = [row["tension"] for row in session.reports["tokoh"]["rows"]]
    names = [c.name for c in plan.scenario.communities]
    shown = [row["community"] for row in session.reports["tokoh"]["rows"]]
    truth = [round(float(true[names.index(n)]), 3) for n in shown]
    assert seen != truth
    assert np.allclose(seen, truth, atol=0.2)


def test_with_no_one_acting_the_room_is_the_plain_run_of_the_scenario(plan):
    """Reports draw from their own streams: they never move the model's random numbers."""
    session = Session(plan, defaults=False)
    for _ in plan.rounds:
        session.run_round()
    session.run.play_until(plan.scenario.calendar.dispute_end)
    seed = RunSpec("desa_demo", root_seed=plan.seed).seed_sequence()
    plain = sim.run(plan.scenario, seed=seed)
    room = session.run.outcomes()
    assert room["incidents_by_severity"] == plain.outcomes["incidents_by_severity"]
    assert room["peak_hoax_belief"] == plain.outcomes["peak_hoax_belief"]


def test_a_role_nobody_took_plays_its_default(plan):
    session = Session(plan)
    joined(session, "kominfo")
    session.run_round()
    decisions = session.rounds[0]["decisions"]
    defaults = {(d["role"], d["action"]) for d in decisions if d["source"] == "default"}
    assert ("bawaslu", "supervise") in defaults and ("bupati", "command_post") in defaults
    assert not any(d["role"] == "kominfo" for d in decisions)


def test_with_defaults_off_an_untaken_role_does_nothing(plan):
    session = Session(plan, defaults=False)
    session.run_round()
    assert session.rounds[0]["decisions"] == []


def test_spending_beyond_the_budget_is_refused_with_the_amounts(plan):
    session = Session(plan)
    token = joined(session, "bupati")
    left = session.budget_left("bupati")
    session.submit(token, "transfer", {"to_role": "kpu", "rupiah": left - 1_000_000}, 0)
    refusal = refusal_of(session.submit, token, "bimtek", {"trained_share": 1.0}, 0)
    assert refusal.key == "over_budget"
    assert "Rp 1.000.000" in refusal.id and "Rp 1.000.000" in refusal.en
    assert session.budget_left("kpu") > session.budgets["kpu"]


def test_deploying_more_than_the_free_personnel_is_refused(plan):
    session = Session(plan)
    token = joined(session, "kapolres")
    free = session.personnel_free("kapolres", plan.rounds[0].start)
    session.submit(token, "deploy", {"community": "Desa Hulu", "personnel": int(free),
                                     "days": 5}, 0)
    refusal = refusal_of(session.submit, token, "deploy",
                         {"community": "Desa Hilir", "personnel": 1, "days": 5}, 0)
    assert refusal.key == "over_personnel"
    assert "0" in refusal.en


def test_bad_parameters_name_the_field_the_value_and_the_limit(plan):
    session = Session(plan)
    token = joined(session, "kominfo")
    refusal = refusal_of(session.submit, token, "cyber_patrol", {"coverage": 3}, 0)
    assert refusal.key == "bad_params"
    assert "coverage = 3" in refusal.en and "1" in refusal.en
    unknown = refusal_of(session.submit, token, "deploy", {}, 0)
    assert unknown.key == "not_your_action"


def test_a_late_decision_is_refused_and_not_carried_out(plan):
    session = Session(plan)
    token = joined(session, "kominfo")
    session.run_round()
    refusal = refusal_of(session.submit, token, "counter_hoax", {"coverage": 0.5}, 0)
    assert refusal.key == "late"
    assert session.pending == []
    assert any(h["what"] == "refused" and h["key"] == "late" for h in session.history)


def test_a_paused_session_takes_no_decision_and_runs_no_round(plan):
    session = Session(plan)
    token = joined(session, "kominfo")
    session.pause()
    assert refusal_of(session.submit, token, "counter_hoax", {}, 0).key == "paused"
    assert refusal_of(session.close_round).key == "not_open"
    session.resume()
    session.submit(token, "counter_hoax", {}, 0)


def test_a_programme_starts_once_and_polling_station_guards_only_before_voting(plan):
    session = Session(plan, defaults=False)
    kominfo, kapolres = joined(session, "kominfo"), joined(session, "kapolres")
    session.submit(kominfo, "counter_hoax", {}, 0)
    assert refusal_of(session.submit, kominfo, "counter_hoax", {}, 0).key == "already_running"
    for _ in range(3):
        session.run_round()
    assert refusal_of(session.submit, kapolres, "tps_security", {}, 3).key == "phase"


def test_a_programme_started_mid_calendar_reaches_the_running_model(plan):
    session = Session(plan, defaults=False)
    token = joined(session, "kominfo")
    session.run_round()
    assert session.run.model.scenario.rumor.clarification_per_day == 0.0
    session.submit(token, "counter_hoax", {"coverage": 0.5}, 1)
    session.run_round()
    assert session.run.model.scenario.rumor.clarification_per_day == pytest.approx(0.1)


def test_clarifying_a_hoax_as_it_starts_lowers_belief(plan):
    def peak_belief(act: bool) -> float:
        session = Session(plan, defaults=False)
        token = joined(session, "kominfo")
        session.run_round()
        if act:
            session.submit(token, "counter_hoax", {"coverage": 1.0}, 1)
        session.run_round()
        return session.rounds[-1]["outcomes"]["peak_hoax_belief"]

    assert peak_belief(act=True) < peak_belief(act=False)


def test_an_injected_event_must_fit_the_round_and_the_phase(plan):
    session = Session(plan)
    for _ in range(3):
        session.run_round()
    refusal = refusal_of(session.inject, "rally", "Desa Hulu")
    assert refusal.key == "bad_event" and "campaign" in refusal.en
    assert refusal_of(session.inject, "hoax_wave", "Nowhere").key == "bad_event"
    assert refusal_of(session.inject, "hoax_wave", "all", 1.0, "2024-09-30").key == "bad_event"
    event = session.inject("disputed_count", "Desa Hulu", 2.0)
    assert event["date"] == plan.rounds[3].start.isoformat()


def test_rewind_replays_the_played_rounds_exactly(plan):
    session = Session(plan)
    token = joined(session, "kominfo")
    session.inject("provocation", "Desa Tengah")
    session.run_round()
    session.submit(token, "counter_hoax", {"coverage": 0.7}, 1)
    session.run_round()
    first, second = (dict(r["outcomes"]) for r in session.rounds)
    reports = session.reports
    session.rewind(1)
    assert session.index == 1 and len(session.rounds) == 1
    assert session.run.outcomes() == first
    session.submit(token, "counter_hoax", {"coverage": 0.7}, 1)
    session.run_round()
    assert session.rounds[1]["outcomes"] == second
    assert session.reports == reports
    assert any(h["what"] == "rewind" and h["dropped"] for h in session.history)


def test_the_debrief_sets_the_room_beside_no_one_acting_and_the_best_package(plan):
    session = Session(plan)
    token = joined(session, "tokoh")
    session.submit(token, "dialogue", {"community": "Desa Hulu", "people": 5, "days": 5}, 0)
    session.run_round()
    debrief = session.end()
    assert debrief["best"]["strategies"] == ["counter_hoax", "leaders_dialogue"]
    days = (plan.scenario.calendar.dispute_end - plan.scenario.calendar.campaign_start).days + 1
    for run in ("room", "no_one", "best"):
        assert len(debrief[run]["daily"]) == days
    assert debrief["no_one"]["outcomes"]["cost"] == 0
    assert debrief["best"]["outcomes"]["cost"] > 0
    assert ("tokoh", "dialogue", "participant") in {
        (d["role"], d["action"], d["source"]) for d in debrief["timeline"]}
    assert session.state == "ended"
