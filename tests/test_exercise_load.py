"""Twenty phones at once on the loopback address: join, decide every round, play to the end.

Bounded: 20 participants, one exercise at a coarse population scale, every
wait capped (a hang fails, nothing is timed).
"""

from concurrent.futures import ThreadPoolExecutor

from sim.exercise_host.plan import plan_of
from sim.exercise_host.record import read_record, replay
from sim.exercise_host.server import served
from tests.exercise_clients import Facilitator, Participant, until

PARTICIPANTS = 20


def test_twenty_participants_join_and_play_a_whole_exercise(tmp_path):
    plan = plan_of("hoaks_masa_tenang", {"population.scale": 50})
    out = tmp_path / "sesi.json"
    with served(plan, out) as (host, base, key):
        facilitator = Facilitator(base, key)
        code = facilitator.view()["join_code"]
        roles = list(host.session.roles)[:PARTICIPANTS]
        phones = [Participant(base, role, f"peserta {k}") for k, role in enumerate(roles)]
        with ThreadPoolExecutor(PARTICIPANTS) as pool:
            joins = list(pool.map(lambda p: p.join(code), phones))
            assert [j.status_code for j in joins] == [200] * PARTICIPANTS
            late = Participant(base, roles[0], "orang ke-21").join(code)
            assert late.status_code == 409 and late.json()["refusal"]["key"] == "role_taken"
            for chosen in plan.rounds:
                views = list(pool.map(lambda p: p.view(), phones))
                assert {v["round"]["index"] for v in views} == {chosen.index}
                list(pool.map(lambda pv: pv[0].decide(pv[1]), zip(phones, views, strict=True)))
                facilitator.run_round()
            facilitator.command("end").raise_for_status()
            until(lambda: facilitator.view()["state"] == "ended", "the debrief")
            final = list(pool.map(lambda p: p.view(), phones))
    assert all(v["ended"] for v in final)
    for phone in phones:
        assert len(phone.answers) == len(plan.rounds)
        for answer in phone.answers:
            assert "decision" in answer or {"id", "en"} <= set(answer["refusal"])
        assert any("decision" in a for a in phone.answers), phone.role
    record = read_record(out)
    accepted = [d["id"] for r in record["rounds"] for d in r["decisions"]
                if d["source"] == "participant"]
    sent = [a["decision"]["id"] for p in phones for a in p.answers if "decision" in a]
    assert sorted(accepted) == sorted(sent)
    assert len(record["roles"]) == PARTICIPANTS
    assert replay(record) == []
