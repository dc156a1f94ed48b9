"""A training session saved to a file and loaded again: settings, the trainer's events, the day.

A session file is small JSON. Loading one starts the run anew from the same
seed, schedules the same events on their days and steps to the same day, so
the room sees exactly what it saw (the model is reproducible).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, fields
from pathlib import Path

from sim.store_io import atomic_write_bytes
from sim.viz.app.errors import AppError
from sim.viz.app.state import Injection, Settings

FORMAT = "kondusif-session/1"


def sessions_dir() -> Path:
    """``$KONDUSIF_SESSIONS_DIR``, else ``$XDG_DATA_HOME/kondusif/sessions`` (~/.local/share)."""
    if os.environ.get("KONDUSIF_SESSIONS_DIR"):
        return Path(os.environ["KONDUSIF_SESSIONS_DIR"])
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data / "kondusif" / "sessions"


def session_json(run) -> str:
    """The run's session as JSON text."""
    settings = asdict(run.settings)
    settings["strategies"] = list(settings["strategies"])
    return json.dumps({"format": FORMAT, "settings": settings,
                       "injections": [i.as_dict() for i in run.live_injections()],
                       "day": run.day}, ensure_ascii=False, indent=2)


def save_session(run, folder: Path | None = None, when: dt.datetime | None = None) -> Path:
    """Write the session to `folder` as ``sesi-YYYYMMDD-HHMMSS.json``; return its path."""
    folder = Path(folder or sessions_dir())
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    path = folder / f"sesi-{stamp}.json"
    atomic_write_bytes(path, session_json(run).encode("utf-8"))
    return path


def saved_sessions(folder: Path | None = None) -> list[Path]:
    """Saved session files, newest first."""
    folder = Path(folder or sessions_dir())
    return sorted(folder.glob("sesi-*.json"), reverse=True) if folder.is_dir() else []


def read_session(path: Path) -> tuple[Settings, list[Injection], int]:
    """Settings, the trainer's events and the day of a session file.

    Raises
    ------
    AppError
        Naming the file and what in it is wrong.

    Examples
    --------
    >>> import tempfile
    >>> from sim.viz.app.state import Settings, TrainingRun
    >>> run = TrainingRun.start(Settings("desa_demo", ("counter_hoax",), seed=4))
    >>> _ = run.step()
    >>> folder = Path(tempfile.mkdtemp())
    >>> settings, injections, day = read_session(save_session(run, folder))
    >>> settings == run.settings, day
    (True, 1)
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise AppError("error_session", f"{path}: cannot be read as JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AppError("error_session", f"{path}: format = {data.get('format')!r}: expected "
                                        f"{FORMAT!r}" if isinstance(data, dict) else
                                        f"{path}: expected a JSON object")
    known = {f.name for f in fields(Settings)}
    raw = data.get("settings", {})
    unknown = sorted(set(raw) - known)
    if unknown or "scenario" not in raw:
        raise AppError("error_session", f"{path}: settings: unknown fields {unknown} or no "
                                        "scenario")
    settings = Settings(**{**raw, "strategies": tuple(raw.get("strategies", ()))})
    try:
        injections = [Injection(i["choice"], i["community"], float(i["magnitude"]),
                                dt.date.fromisoformat(i["day"])) for i in data["injections"]]
        day = int(data["day"])
    except (KeyError, TypeError, ValueError) as exc:
        raise AppError("error_session", f"{path}: injections or day: {exc}") from None
    return settings, injections, day
