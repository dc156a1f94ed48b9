"""Serving a session on one address and port: the join address, the keys, uvicorn, a clean stop.

Beyond this machine only when asked: the default address is 127.0.0.1; a room's
phones can reach the server only if the facilitator starts it with ``--host``
(``0.0.0.0`` for every network of the laptop, or the laptop's address on the
room's network). The address shown for joining is then the laptop's own
address on its network, found by asking the system which local address it
would use for an outside route (a UDP socket that is connected, never sent on).
"""

from __future__ import annotations

import secrets
import socket
from pathlib import Path

from sim.exercise_host.host import Host
from sim.exercise_host.session import Session
from sim.exercise_host.web import create_app

ANY_ADDRESS = ("0.0.0.0", "::", "")


def reachable_address(host: str) -> str:
    """The address participants type: `host` itself, or this machine's own on the network."""
    if host not in ANY_ADDRESS:
        return host
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))  # no packet is sent: this only picks a route
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def join_url(host: str, port: int, code: str) -> str:
    address = reachable_address(host)
    shown = f"[{address}]" if ":" in address else address
    return f"http://{shown}:{port}/?code={code}"


def prepare(plan, host: str, port: int, out: Path, defaults: bool = True):
    """The session, its host, the app and the keys, ready for uvicorn."""
    session = Session(plan, defaults=defaults)
    url = join_url(host, port, session.join_code)
    worker = Host(session, out, address=url)
    key = secrets.token_urlsafe(12)
    return worker, create_app(worker, key, url), key, url


def serve(plan, host: str, port: int, out: Path) -> None:
    """Run the session's server until interrupted (Ctrl+C); the session file is kept."""
    import uvicorn

    worker, app, key, url = prepare(plan, host, port, out)
    local = "127.0.0.1" if host in ANY_ADDRESS or host == "127.0.0.1" else host
    print(f"Latihan / exercise: {plan.title['id']} / {plan.title['en']}\n"
          f"  peserta / participants: {url}  (kode / code {worker.session.join_code})\n"
          f"  fasilitator / facilitator: http://{local}:{port}/facilitator?key={key}\n"
          f"  rekaman sesi / session record: {out}\n"
          f"  melayani / serving on {host}:{port}" + ("" if host not in ("127.0.0.1", "localhost")
                                                      else " (hanya komputer ini / this "
                                                           "machine only; --host 0.0.0.0 for "
                                                           "the room)") +
          "  (Ctrl+C berhenti / to stop)", flush=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        worker.stop()
        print(f"rekaman sesi ditulis / session record written: {out}", flush=True)
