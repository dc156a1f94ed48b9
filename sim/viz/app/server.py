"""Start the app's web server on one host and port, with Solara set up for a workshop room.

Solara reads its settings from the environment when it is first imported, so
everything is set before that import: which page to serve, where the browser
files are, production mode (messages, not tracebacks, on the page), and no
usage telemetry sent out of the room.
"""

from __future__ import annotations

import errno
import json
import os
import socket

from sim.viz.app.assets import default_cache_dir, ensure_assets

SCENARIO_ENV = "KONDUSIF_APP_SCENARIO"
EXERCISE_ENV = "KONDUSIF_APP_EXERCISE"
OVERRIDES_ENV = "KONDUSIF_APP_SET"  # JSON of dotted-path overrides for every run


def app_overrides() -> dict:
    """The ``--set`` overrides the app was started with."""
    return json.loads(os.environ.get(OVERRIDES_ENV) or "{}")


def port_in_use(host: str, port: int) -> bool:
    """True if something already listens on `host`:`port`."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # as the server itself will: a closed connection's TIME_WAIT must not count as in use
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return True
            raise
    return False


def configure(scenario: str, exercise: str | None = None,
              overrides: dict | None = None) -> None:
    """Environment for Solara and the page, then the browser files; before solara is imported.

    Raises
    ------
    AssetError
        If the browser files are missing and cannot be fetched.
    """
    cache = default_cache_dir()
    os.environ[SCENARIO_ENV] = scenario
    os.environ[OVERRIDES_ENV] = json.dumps(overrides or {})
    if exercise:
        os.environ[EXERCISE_ENV] = exercise
    else:
        os.environ.pop(EXERCISE_ENV, None)
    os.environ["SOLARA_APP"] = "sim.viz.app.page"
    os.environ["SOLARA_MODE"] = "production"
    os.environ["SOLARA_TELEMETRY_MIXPANEL_ENABLE"] = "False"
    os.environ["SOLARA_THEME_SHOW_BANNER"] = "False"  # no framework badge over the picture
    os.environ["SOLARA_ASSETS_PROXY_CACHE_DIR"] = str(cache)
    ensure_assets(cache)


def serve(scenario: str, host: str = "127.0.0.1", port: int = 8765,
          exercise: str | None = None, overrides: dict | None = None) -> None:
    """Run the app until interrupted (Ctrl+C)."""
    configure(scenario, exercise, overrides)
    import uvicorn

    print(f"Kondusif app: open http://{host}:{port} in a browser (Ctrl+C to stop)", flush=True)
    uvicorn.run("solara.server.starlette:app", host=host, port=port, log_level="warning")
