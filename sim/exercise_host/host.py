"""A session served to many screens at once: a lock for the quick things, one worker for the model.

Claims, decisions, injections and pauses are quick: they take the lock, change
the session and publish new views. Playing a round, rewinding and the debrief
are slow: they go to a single worker thread, which alone touches the model,
and which takes the lock only to publish what it did (after every simulated
day). So no screen waits for the model, and the facilitator never waits for a
participant. After every round, rewind and at the end the session file is
written again.
"""

from __future__ import annotations

import json
import queue
import threading
from pathlib import Path

from sim.exercise_host.messages import Refusal
from sim.exercise_host.record import save
from sim.exercise_host.views import facilitator_view, participant_view, roles_view


class Host:
    """The session behind the web layer.

    Parameters
    ----------
    session : Session
    out : Path
        The session file, rewritten after every round.
    address : str
        The join address shown on the facilitator's screen.
    """

    def __init__(self, session, out: Path, address: str = ""):
        self.session = session
        self.out = Path(out)
        self.address = address
        self.lock = threading.RLock()
        self.jobs: queue.Queue = queue.Queue()
        self.busy: str | None = None  # "running", "rewinding", "ending" while the worker works
        self.abort = threading.Event()  # a rewind asked while a round runs (paused)
        self.failure: str | None = None
        self.version = 0
        self.progress: dict = {}
        self._views: dict[str, bytes] = {}
        self.worker = threading.Thread(target=self._work, name="exercise-worker", daemon=True)
        with self.lock:
            self._publish()
        self.worker.start()

    # --- reading: published views, never the model --------------------------------

    def view(self, name: str) -> bytes:
        """The latest JSON of a screen: ``facilitator``, ``roles`` or a role key.

        Raises
        ------
        Refusal
            For a role released since its token was checked.
        """
        try:
            return self._views[name]
        except KeyError:
            raise Refusal("not_joined", "Peran ini baru saja dilepas fasilitator.",
                          "The facilitator has just released this role.") from None

    # --- quick things, under the lock -------------------------------------------

    def claim(self, role: str, code: str, name: str) -> str:
        with self.lock:
            token = self.session.claim(role, code, name)
            self._publish()
            return token

    def role_of(self, token: str) -> str:
        with self.lock:
            return self.session.role_of(token)

    def submit(self, token: str, action: str, params: dict, round_index: int) -> dict:
        with self.lock:
            try:
                return self.session.submit(token, action, params, round_index)
            finally:
                self._publish()

    def cancel(self, token: str, decision_id: str) -> None:
        with self.lock:
            self.session.cancel(token, decision_id)
            self._publish()

    def command(self, name: str, body: dict) -> None:
        """A facilitator's command: run_round, pause, resume, inject, rewind, end, release.

        Raises
        ------
        Refusal
            If the command does not fit the session's state (e.g. rewinding while the
            worker is busy), or its arguments are wrong.
        """
        with self.lock:
            try:
                self._command(name, body)
            finally:
                self._publish()

    def _command(self, name: str, body: dict) -> None:
        session = self.session
        if name == "pause":
            session.pause()
        elif name == "resume":
            session.resume()
        elif name == "release":
            session.release(str(body.get("role", "")))
        elif name == "inject":
            session.inject(str(body.get("kind", "")), str(body.get("community", "all")),
                           _number(body.get("magnitude", 1.0), "magnitude"),
                           body.get("date") or None)
        elif name == "run_round":
            self._refuse_if_busy()
            session.close_round()
            self._start("running", self._play_round)
        elif name == "rewind":
            index = int(_number(body.get("round", -1), "round"))
            session.check_rewind(index)
            if self.busy == "running" and session.paused:
                self.abort.set()  # the paused round stops where it is; the rewind follows
            elif self.busy:
                self._refuse_if_busy()
            self._start("rewinding", lambda: self._rewind(index))
        elif name == "end":
            self._refuse_if_busy()
            if session.state == "ended":
                raise Refusal("finished", "Latihan sudah diakhiri.", "The exercise has ended.")
            self._start("ending", self._end)
        else:
            raise Refusal("bad_command", f"Perintah {name!r} tidak dikenal.",
                          f"Unknown command {name!r}.")

    def _refuse_if_busy(self) -> None:
        if self.busy:
            raise Refusal("busy", "Model sedang bekerja; tunggu sebentar.",
                          "The model is working; wait a moment.")

    def _start(self, what: str, job) -> None:
        self.busy = what
        self.jobs.put(job)

    # --- slow things, on the worker ---------------------------------------------------

    def _work(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            try:
                job()
            except Exception as exc:  # the room must see a message, not a dead screen
                with self.lock:
                    self.failure = f"{type(exc).__name__}: {exc}"
                    self.session._log("failure", detail=self.failure)
            finally:
                with self.lock:
                    if self.jobs.empty():
                        self.busy = None
                    self._publish()

    def _play_round(self) -> None:
        session = self.session
        while True:
            if self.abort.is_set():
                self.abort.clear()
                return
            if session.paused:
                self.abort.wait(0.05)
                continue
            if not session.step_day():
                break
            with self.lock:
                last = session.run.last_date
                self.progress = {"date": last.isoformat() if last else None,
                                 "day": session.run.model.steps}
                self._publish(phones=False)  # a phone's screen does not change mid-round
        with self.lock:
            session.finish_round()
            self._save()

    def _rewind(self, index: int) -> None:
        run, reports = self.session.rebuild(index)
        with self.lock:
            self.session.adopt(index, run, reports)
            self.progress = {}
            self._save()

    def _end(self) -> None:
        debrief = self.session.debrief_data()
        with self.lock:
            self.session.end(debrief)
            self._save()

    def _save(self) -> None:
        save(self.session, self.out)

    def stop(self) -> None:
        """Let the worker finish its job and stop; the session file is written once more.

        A round that waits, paused, stops where it is (as for a rewind).
        """
        if self.session.paused:
            self.abort.set()
        self.jobs.put(None)
        self.worker.join(timeout=60)
        with self.lock:
            self._save()

    # --- publishing -----------------------------------------------------------------

    def _publish(self, phones: bool = True) -> None:
        """New views for every screen (or for the facilitator's only)."""
        self.version += 1
        session = self.session
        view = facilitator_view(session, self.version, self.busy, self.progress, self.address)
        view["failure"] = self.failure
        views = {"facilitator": view}
        if phones:
            views["roles"] = roles_view(session)
            views.update({role: participant_view(session, role, self.version)
                          for role in session.seats})
        fresh = {k: json.dumps(v, ensure_ascii=False, allow_nan=False).encode()
                 for k, v in views.items()}
        self._views = {**self._views, **fresh} if not phones else fresh


def _number(value, name: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise Refusal("bad_params", f"{name} = {value!r}: harus angka",
                      f"{name} = {value!r}: expected a number") from None
