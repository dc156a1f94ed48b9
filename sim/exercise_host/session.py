"""A participatory session: roles taken by people, decisions per round, one shared model.

The facilitator runs the calendar in rounds. While a round is open the
participants decide (each within its role's budget and personnel, seeing only
its own reports); closing the round gives every untaken role its default,
puts the round's decisions and injected events into the model, and the model
plays the round's days; then everyone gets the next reports. The facilitator
can pause, inject events, rewind to the start of any played round (the run is
rebuilt from the seed and the recorded rounds, so the replay is exact), and end
with a debrief: what each role did when, beside the same calendar played with
no one acting and with the exercise's strategies from the first day.

Threads: everything but the run is plain data. Only one thread (the host's
worker) may call the methods that touch the run (``close_round``,
``step_day``, ``finish_round``, ``rebuild``/``adopt``, ``debrief_data``/
``end``); the rest are quick and may be called under the host's lock.

Examples
--------
>>> from sim.exercise_host.plan import plan_of
>>> session = Session(plan_of("hoaks_masa_tenang", {"population.scale": 100}))
>>> token = session.claim("kominfo", session.join_code, "Rina")
>>> decision = session.submit(token, "counter_hoax", {"coverage": 0.5}, round_index=0)
>>> session.run_round()
>>> [r["name"] for r in session.rounds]
['sebelum_hoaks']
"""

from __future__ import annotations

import datetime as dt
import itertools
import secrets
from dataclasses import dataclass

from sim.exercise_host.actions import ACTIONS_BY_KEY, Desk, Programme
from sim.exercise_host.messages import Refusal, rupiah
from sim.exercise_host.roles import (
    DEFAULT_PROGRAMMES,
    budget_of,
    home_of,
    personnel_of,
    role_kind,
    roles_for,
)
from sim.exercise_host.run import Run, compared_outcomes
from sim.exercises.phases import phase_problem
from sim.scenario.schema import Event, EventKind

JOIN_CODE_LETTERS = "ACDEFHJKMNPRTUVWXY3479"  # no 0/O, 1/I/L, 2/Z, 5/S, 8/B: read aloud, typed
JOIN_CODE_LENGTH = 5
INJECTABLE = (EventKind.HOAX_WAVE, EventKind.RALLY, EventKind.PROVOCATION,
              EventKind.DISPUTED_COUNT, EventKind.LEGITIMACY_SHOCK, EventKind.NON_NEUTRALITY)
DEFAULT_DEPLOYMENT = {"personnel": 30, "days": 3}  # the doctrine's answer to a reported clash


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class Seat:
    """A role taken by a person: the secret that proves it, and a display name."""

    role: str
    token: str
    name: str
    joined: str


class Session:
    """One room playing one exercise.

    Parameters
    ----------
    plan : Plan
        From ``sim.exercise_host.plan.plan_of``.
    defaults : bool
        Untaken roles play their default (False: they do nothing; for tests and research).
    """

    def __init__(self, plan, defaults: bool = True):
        self.plan = plan
        self.defaults = defaults
        self.join_code = "".join(secrets.choice(JOIN_CODE_LETTERS)
                                 for _ in range(JOIN_CODE_LENGTH))
        scenario = plan.scenario
        self.roles = {r.key: r for r in roles_for(scenario)}
        self.budgets = {r: budget_of(r, scenario) for r in self.roles}
        self.personnel = {r: personnel_of(r, scenario) for r in self.roles}
        self.seats: dict[str, Seat] = {}
        self.rounds: list[dict] = []  # the played rounds, as recorded
        self.pending: list[dict] = []  # decisions for the open round
        self.injected: list[dict] = []  # events for the open round
        self.history: list[dict] = []  # every claim, decision, refusal, command, with its time
        self.index = 0  # the open (or running) round
        self.state = "deciding"  # deciding | running | done (all rounds played) | ended
        self.paused = False
        self.debrief: dict | None = None
        self._ids = itertools.count(1)
        self.run, self.reports = self._fresh_run()

    # --- seats ---------------------------------------------------------------------

    def claim(self, role: str, code: str, name: str = "") -> str:
        """Take a role; returns the token that proves it (kept by the participant's browser).

        Raises
        ------
        Refusal
            Wrong join code, unknown role, or a role someone else has.
        """
        if code.strip().upper() != self.join_code:
            raise self._refused(Refusal("bad_code", "Kode bergabung salah; lihat layar "
                                        "fasilitator.", "Wrong join code; see the "
                                        "facilitator's screen."), role=role)
        if role not in self.roles:
            raise Refusal("bad_role", f"Peran {role!r} tidak ada; pilih salah satu dari "
                          f"{', '.join(self.roles)}.", f"No role {role!r}; choose one of "
                          f"{', '.join(self.roles)}.")
        if role in self.seats:
            taken = self.roles[role].title
            raise self._refused(Refusal(
                "role_taken", f"Peran {taken['id']} sudah diambil {self.seats[role].name}; "
                "pilih peran lain, atau minta fasilitator melepaskannya.",
                f"The role {taken['en']} is taken by {self.seats[role].name}; choose another, "
                "or ask the facilitator to release it."), role=role)
        seat = Seat(role, secrets.token_urlsafe(16), name.strip()[:40] or role, now())
        self.seats[role] = seat
        self._log("claim", role=role, name=seat.name)
        return seat.token

    def role_of(self, token: str) -> str:
        """The role a token holds (a phone that rejoins keeps its role).

        Raises
        ------
        Refusal
            If the token holds no role (never joined, or released by the facilitator).
        """
        for seat in self.seats.values():
            if secrets.compare_digest(seat.token, token or ""):
                return seat.role
        raise Refusal("not_joined", "Anda belum memegang peran (atau peran dilepas "
                      "fasilitator); bergabung lagi dengan kode.", "You hold no role (or the "
                      "facilitator released it); join again with the code.")

    def release(self, role: str) -> None:
        """The facilitator frees a role (a lost phone); its token stops working."""
        if self.seats.pop(role, None) is not None:
            self._log("release", role=role)

    # --- decisions -------------------------------------------------------------------

    def desk(self, role: str) -> Desk:
        """What an action of `role` is checked against in the open round."""
        start = self.current_round.start
        return Desk(self.plan.scenario, start, role, self.budget_left(role),
                    self.personnel_free(role, start), frozenset(self.running_programmes()),
                    tuple(self.roles), home_of(role))

    def submit(self, token: str, action: str, params: dict, round_index: int) -> dict:
        """A participant's decision for round `round_index`; accepted or refused, never silent.

        Raises
        ------
        Refusal
            With the reason in Indonesian and English (too late, paused, not the role's
            action, bad parameters, over budget, not enough personnel, ...).
        """
        role = self.role_of(token)
        try:
            return self._accept(role, action, params, round_index, "participant")
        except Refusal as refusal:
            raise self._refused(refusal, role=role, action=action, params=params) from None

    def cancel(self, token: str, decision_id: str) -> None:
        """Take back a decision of the open round (not a budget transfer)."""
        role = self.role_of(token)
        found = next((d for d in self.pending if d["id"] == decision_id and d["role"] == role),
                     None)
        if found is None or self.state != "deciding":
            raise Refusal("cannot_cancel", "Keputusan ini tidak bisa dibatalkan lagi (ronde "
                          "sudah berjalan, atau bukan milik Anda).", "This decision can no "
                          "longer be taken back (the round has run, or it is not yours).")
        if found["action"] == "transfer":
            raise Refusal("cannot_cancel", "Transfer anggaran tidak bisa dibatalkan.",
                          "A budget transfer cannot be taken back.")
        self.pending.remove(found)
        self._log("cancel", role=role, decision=decision_id)

    def _accept(self, role, action_key, params, round_index, source) -> dict:
        self._check_open(round_index)
        action = ACTIONS_BY_KEY.get(action_key)
        if action is None or action.role != role_kind(role):
            mine = ", ".join(a.key for a in self.roles[role].actions)
            raise Refusal("not_your_action", f"Tindakan {action_key!r} bukan milik peran ini; "
                          f"yang bisa: {mine}.", f"{action_key!r} is not this role's action; "
                          f"this role can: {mine}.")
        desk = self.desk(role)
        params = dict(params or {})
        if desk.home is not None:
            params.setdefault("community", desk.home)
        values = action.validated(params, desk)
        price = action.price(values, desk)
        if price.rupiah > desk.budget_left + 0.5:
            raise Refusal("over_budget", f"Anggaran tidak cukup: perlu {rupiah(price.rupiah)}, "
                          f"sisa {rupiah(desk.budget_left)}.", f"Over budget: "
                          f"{rupiah(price.rupiah)} needed, {rupiah(desk.budget_left)} left.")
        decision = {"id": f"d{next(self._ids)}", "round": self.index, "role": role,
                    "action": action.key, "kind": action.kind, "params": values.model_dump(),
                    "rupiah": round(price.rupiah, 2), "personnel": price.personnel,
                    "days": price.days, "basis": price.basis, "source": source,
                    "submitted": now()}
        self.pending.append(decision)
        self._log("decision", **{k: decision[k] for k in ("id", "role", "action", "params",
                                                          "rupiah", "source")})
        return decision

    def _check_open(self, round_index: int) -> None:
        if self.state in ("done", "ended"):
            raise Refusal("finished", "Latihan sudah selesai; tidak ada ronde lagi.",
                          "The exercise is over; there are no more rounds.")
        if self.paused:
            raise Refusal("paused", "Fasilitator menjeda latihan; tunggu sampai dilanjutkan.",
                          "The facilitator has paused the exercise; wait until it resumes.")
        if round_index != self.index or self.state == "running":
            title = self.plan.rounds[min(round_index, len(self.plan.rounds) - 1)].title
            raise Refusal("late", f"Terlambat: ronde \"{title['id']}\" sudah ditutup; keputusan "
                          f"ini tidak dijalankan. Putuskan lagi untuk ronde berikutnya.",
                          f"Too late: the round \"{title['en']}\" is closed; this decision was "
                          f"not carried out. Decide again for the next round.")

    def all_decisions(self) -> list[dict]:
        return [d for r in self.rounds for d in r["decisions"]] + self.pending

    def budget_left(self, role: str) -> float:
        """The role's budget, plus grants received, less what its decisions cost."""
        left = self.budgets[role]
        for d in self.all_decisions():
            if d["role"] == role:
                left -= d["rupiah"]
            if d["action"] == "transfer" and d["params"]["to_role"] == role:
                left += d["params"]["rupiah"]
        return left

    def personnel_free(self, role: str, day: dt.date) -> float | None:
        """Deployable personnel of `role` not out on a deployment on `day`."""
        total = self.personnel[role]
        if total is None:
            return None
        for d in self.all_decisions():
            if d["role"] == role and d["kind"] == "deployment":
                start = self.plan.rounds[d["round"]].start
                if start <= day < start + dt.timedelta(days=d["days"]):
                    total -= d["personnel"]
        return total

    def running_programmes(self) -> set[str]:
        return {ACTIONS_BY_KEY[d["action"]].strategy for d in self.all_decisions()
                if d["kind"] == "programme"}

    def requests(self, to_role: str | None = None) -> list[dict]:
        """Requests (Kapolres to Dandim, Camat to Kapolres), newest last."""
        return [d for d in self.all_decisions() if d["kind"] == "request"
                and (to_role is None or ACTIONS_BY_KEY[d["action"]].to_role == to_role)]

    # --- the facilitator ---------------------------------------------------------------

    @property
    def current_round(self):
        return self.plan.rounds[min(self.index, len(self.plan.rounds) - 1)]

    def inject(self, kind: str, community: str = "all", magnitude: float = 1.0,
               date: str | None = None) -> dict:
        """An event in the open round (on its first day unless `date` is given).

        Raises
        ------
        Refusal
            Not an injectable kind, a place or a day outside the round, or an event
            that cannot happen in that phase (a rally after the campaign).
        """
        if self.state != "deciding":
            raise Refusal("not_open", "Peristiwa hanya bisa disisipkan saat ronde terbuka.",
                          "Events can be injected only while a round is open.")
        chosen = self.current_round
        try:
            day = chosen.start if not date else dt.date.fromisoformat(str(date))
        except ValueError:
            raise Refusal("bad_event", f"date = {date!r}: bukan tanggal (TTTT-BB-HH)",
                          f"date = {date!r}: expected a date (YYYY-MM-DD)") from None
        kinds = [k.value for k in INJECTABLE]
        if kind not in kinds:
            raise Refusal("bad_event", f"kind = {kind!r}: pilih salah satu dari "
                          f"{', '.join(kinds)}", f"kind = {kind!r}: expected one of "
                          f"{', '.join(kinds)}")
        if not chosen.start <= day <= chosen.end:
            raise Refusal("bad_event", f"date = {day}: harus di dalam ronde ini ({chosen.start}"
                          f" s.d. {chosen.end})", f"date = {day}: must fall in this round "
                          f"({chosen.start} to {chosen.end})")
        places = ["all"] + [c.name for c in self.plan.scenario.communities]
        if community not in places:
            raise Refusal("bad_event", f"community = {community!r}: bukan wilayah skenario ini",
                          f"community = {community!r}: expected 'all' or one of "
                          f"{', '.join(places[1:])}")
        why = phase_problem(kind, day, self.plan.scenario)
        if why:
            raise Refusal("bad_event", why, why)
        event = {"date": day.isoformat(), "kind": kind, "community": community,
                 "magnitude": float(magnitude)}
        try:
            Event.model_validate(event)
        except ValueError as exc:
            raise Refusal("bad_event", str(exc), str(exc)) from None
        self.injected.append(event)
        self._log("inject", **event)
        return event

    def pause(self) -> None:
        self.paused = True
        self._log("pause")

    def resume(self) -> None:
        self.paused = False
        self._log("resume")

    def close_round(self) -> None:
        """End the decision window: defaults for untaken roles, then into the model (worker)."""
        if self.state != "deciding" or self.paused:
            raise Refusal("not_open", "Tidak ada ronde terbuka untuk dijalankan (sedang "
                          "berjalan, dijeda, atau selesai).", "No open round to run (running, "
                          "paused, or over).")
        if self.defaults:
            self._play_defaults()
        self.run.begin_round(self.injected, self.pending, self.current_round.start)
        self.state = "running"
        self._log("run_round", round=self.index)

    def step_day(self) -> bool:
        """Simulate one day of the running round (worker); False when the round has no day left."""
        end = self.current_round.end
        if self.state != "running" or self.run.next_date is None or self.run.next_date > end:
            return False
        self.run.step()
        return True

    def finish_round(self) -> None:
        """Record the played round and open the next one (worker)."""
        chosen = self.current_round
        self.reports = self.run.reports(chosen.start, chosen.end)
        self.rounds.append({
            "index": chosen.index, "name": chosen.name, "start": chosen.start.isoformat(),
            "end": chosen.end.isoformat(), "events": self.injected, "decisions": self.pending,
            "outcomes": self.run.outcomes(), "daily": self.run.daily(chosen.start),
            "reports": self.reports,
            "budget_left": {r: round(self.budget_left(r), 2) for r in self.roles}})
        self.pending, self.injected = [], []
        self.index += 1
        self.state = "deciding" if self.index < len(self.plan.rounds) else "done"
        self._log("round_played", round=chosen.index)

    def run_round(self) -> None:
        """Close the open round, play its days and open the next one, in one call."""
        self.close_round()
        while self.step_day():
            pass
        self.finish_round()

    def check_rewind(self, index: int) -> None:
        """Refuse a rewind to a round that is neither played nor the open one."""
        if not 0 <= index <= len(self.rounds):
            raise Refusal("bad_round", f"Ronde {index + 1} belum dimainkan; bisa mundur ke "
                          f"ronde 1 s.d. {len(self.rounds) + 1}.", f"Round {index + 1} has not "
                          f"been played; rewind to round 1 to {len(self.rounds) + 1}.")

    def rebuild(self, index: int) -> tuple[Run, dict]:
        """A new run with rounds before `index` replayed from the record (worker, heavy).

        Raises
        ------
        Refusal
            If `index` is not a played round or the open one.
        """
        self.check_rewind(index)
        run, reports = self._fresh_run()
        for record in self.rounds[:index]:
            chosen = self.plan.rounds[record["index"]]
            run.begin_round(record["events"], record["decisions"], chosen.start)
            run.play_until(chosen.end)
            reports = run.reports(chosen.start, chosen.end)
        return run, reports

    def adopt(self, index: int, run: Run, reports: dict) -> None:
        """Put a rebuilt run in place: rounds from `index` on are dropped (kept in history)."""
        dropped = self.rounds[index:]
        self._log("rewind", round=index, dropped=[{"index": r["index"], "decisions":
                                                   r["decisions"], "events": r["events"]}
                                                  for r in dropped],
                  pending=self.pending)
        self.run.close()
        self.run, self.reports = run, reports
        self.rounds = self.rounds[:index]
        self.pending, self.injected = [], []
        self.index, self.state, self.paused, self.debrief = index, "deciding", False, None

    def rewind(self, index: int) -> None:
        """Back to the start of round `index`, the model replayed exactly to that day."""
        self.adopt(index, *self.rebuild(index))

    def debrief_data(self) -> dict:
        """Play the room's run to the calendar's end and the two comparisons (worker, heavy)."""
        self.run.play_until(self.plan.scenario.calendar.dispute_end)
        events = [e for r in self.rounds for e in r["events"]]
        nobody, nobody_daily = compared_outcomes(self.plan, events, compare=False)
        best, best_daily = compared_outcomes(self.plan, events, compare=True)
        return {
            "room": {"outcomes": self.run.outcomes(), "daily": self.run.daily()},
            "no_one": {"outcomes": nobody, "daily": nobody_daily},
            "best": {"outcomes": best, "daily": best_daily, "strategies": list(self.plan.compare)},
            "timeline": [{"round": d["round"], "role": d["role"], "action": d["action"],
                          "params": d["params"], "source": d["source"], "rupiah": d["rupiah"]}
                         for d in self.all_decisions()],
        }

    def end(self, debrief: dict | None = None) -> dict:
        """End the session with its debrief (computed here unless given)."""
        if self.state == "running":
            raise Refusal("running", "Tunggu ronde selesai berjalan.",
                          "Wait for the round to finish running.")
        self.debrief = self.debrief_data() if debrief is None else debrief
        self.state = "ended"
        self._log("end")
        return self.debrief

    # --- inside ----------------------------------------------------------------------

    def _fresh_run(self) -> tuple[Run, dict]:
        """A new run with the prologue (days before the first round) played, and the first
        reports."""
        run = Run(self.plan)
        first = self.plan.rounds[0].start
        run.play_until(first - dt.timedelta(days=1))
        return run, run.reports(self.plan.scenario.calendar.campaign_start,
                                first - dt.timedelta(days=1))

    def _play_defaults(self) -> None:
        """Untaken roles: their 2024 programmes in the first round, then the doctrine."""
        for role in self.roles:
            if role in self.seats:
                continue
            for action, params in self._default_actions(role):
                try:
                    self._accept(role, action, params, self.index, "default")
                except Refusal as refusal:
                    self._log("default_refused", role=role, action=action, **refusal.as_dict())

    def _default_actions(self, role: str) -> list[tuple[str, dict]]:
        chosen: list[tuple[str, dict]] = []
        running = self.running_programmes()
        for key in DEFAULT_PROGRAMMES[role_kind(role)]:
            action = ACTIONS_BY_KEY[key]
            if isinstance(action, Programme) and action.strategy not in running:
                chosen.append((key, {}))
        report = self.reports[role]
        if role == "kapolres":
            # the doctrine: answer reported clashes and the Camats' calls for help
            places = [row["community"] for row in report["rows"] if row.get("clashes")]
            places += [d["params"]["community"] for d in self.pending
                       if d["action"] == "ask_police"]
            chosen += [("deploy", {"community": c, **DEFAULT_DEPLOYMENT})
                       for c in dict.fromkeys(places)]
        if role == "dandim":
            # the doctrine: grant what the police asked for in this round
            chosen += [("reserve", dict(d["params"])) for d in self.pending
                       if d["action"] == "request_reserve"]
        return chosen

    def _log(self, what: str, **details) -> None:
        self.history.append({"at": now(), "what": what, "round": self.index, **details})

    def _refused(self, refusal: Refusal, **details) -> Refusal:
        self._log("refused", **details, **refusal.as_dict())
        return refusal
