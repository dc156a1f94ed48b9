"""Simulated participants and a facilitator talking to a served session over HTTP (httpx)."""

from __future__ import annotations

import time

import httpx

WAIT_SECONDS = 120  # a liveness bound: a test that waits longer has hung, it is not slow


def until(check, what: str, seconds: float = WAIT_SECONDS, every: float = 0.1):
    """Poll `check` until it returns something true; fail loudly after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"gave up waiting for {what} after {seconds} s")


class Facilitator:
    def __init__(self, base: str, key: str):
        self.http = httpx.Client(base_url=base, headers={"X-Key": key}, timeout=30)

    def view(self) -> dict:
        return self.http.get("/api/facilitator").raise_for_status().json()

    def command(self, name: str, **body) -> httpx.Response:
        return self.http.post(f"/api/command/{name}", json=body)

    def run_round(self) -> dict:
        """Run the open round and wait for the next one to open (or for the last to end)."""
        index = self.view()["round"]["index"]
        self.command("run_round").raise_for_status()

        def next_round():
            view = self.view()
            moved = view["round"]["index"] > index or view["state"] == "done"
            return view if moved and not view["busy"] else None

        return until(next_round, "the round")


class Participant:
    """One phone: joins a role, then sends one decision a round built from its form."""

    def __init__(self, base: str, role: str, name: str):
        self.http = httpx.Client(base_url=base, timeout=30)
        self.role, self.name = role, name
        self.token = ""
        self.answers: list[dict] = []

    def join(self, code: str) -> httpx.Response:
        answer = self.http.post("/api/join", json={"code": code, "role": self.role,
                                                   "name": self.name})
        if answer.status_code == 200:
            self.token = answer.json()["token"]
        return answer

    def view(self) -> dict:
        return self.http.get("/api/me", headers={"X-Token": self.token}).raise_for_status().json()

    def decide(self, view: dict) -> dict:
        """The round's action (one of the role's, in turn) with the form's defaults."""
        actions = view["actions"]
        action = actions[view["round"]["index"] % len(actions)]
        params = {}
        for field in action["fields"]:
            if field["type"] == "community":
                params[field["name"]] = view["communities"][0]
            elif field["type"] == "role":
                params[field["name"]] = view["roles"][0]["key"]
            else:
                params[field["name"]] = field["default"]
        if self.role.startswith("camat:"):
            params.pop("community", None)
        answer = self.http.post("/api/decide", headers={"X-Token": self.token}, json={
            "action": action["key"], "params": params, "round": view["round"]["index"]})
        self.answers.append({"status": answer.status_code, **answer.json()})
        return answer.json()
