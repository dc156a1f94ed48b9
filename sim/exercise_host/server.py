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
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from sim.exercise_host.host import Host
from sim.exercise_host.session import Session
from sim.exercise_host.web import create_app

ANY_ADDRESS = ("0.0.0.0", "::", "")


def reachable_address(host: str) -> str:
    """The address participants type: `host` itself, or this machine's own on the network.

    Examples
    --------
    >>> reachable_address("192.168.1.20")
    '192.168.1.20'
    """
    if host not in ANY_ADDRESS:
        return host
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))  # no packet is sent: this only picks a route
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def join_url(host: str, port: int, code: str) -> str:
    """The address in the QR code: the join page with the code filled in.

    Examples
    --------
    >>> join_url("127.0.0.1", 8770, "KX7AM")
    'http://127.0.0.1:8770/?code=KX7AM'
    """
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

    print("menyiapkan / preparing: the days before the first round are played ...",
          flush=True)
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


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on now (for a server started right after)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


@contextmanager
def served(plan, out: Path, port: int | None = None, defaults: bool = True):
    """A session served on 127.0.0.1 from a background thread, for tests and benchmarks.

    Yields the host, the base address and the facilitator's key; stops the server and
    writes the session file on the way out.

    Examples
    --------
    >>> import tempfile, httpx
    >>> from sim.exercise_host.plan import plan_of
    >>> plan = plan_of("hoaks_masa_tenang", {"population.scale": 100})
    >>> with served(plan, Path(tempfile.mkdtemp()) / "s.json") as (host, base, key):
    ...     httpx.get(f"{base}/api/roles").status_code
    200
    """
    import uvicorn

    port = port or free_port()
    worker, app, key, _ = prepare(plan, "127.0.0.1", port, out, defaults)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, name="exercise-server", daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError(f"the exercise server did not start on 127.0.0.1:{port}")
        time.sleep(0.02)
    try:
        yield worker, f"http://127.0.0.1:{port}", key
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        worker.stop()
