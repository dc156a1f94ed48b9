"""The bundled scenarios: the TOML files in the project's scenarios/ folder."""

from __future__ import annotations

from pathlib import Path

from sim.scenario.loading import ScenarioError, read_toml

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "scenarios"


def bundled_names() -> list[str]:
    """Names of the bundled scenarios, sorted."""
    return sorted(p.stem for p in SCENARIO_DIR.glob("*.toml"))


def bundled_path(name: str) -> Path:
    """Path of a bundled scenario by name (``kutim_2024``) or the path itself if it exists."""
    candidate = Path(name)
    if candidate.suffix == ".toml" and candidate.exists():
        return candidate
    path = SCENARIO_DIR / f"{candidate.stem}.toml"
    if not path.exists():
        raise ScenarioError(name, [f"no such scenario file or bundled scenario; "
                                   f"bundled: {', '.join(bundled_names())}"])
    return path


def describe_bundled() -> list[dict[str, str]]:
    """Name, title and path of each bundled scenario, for `kondusif scenarios`."""
    rows = []
    for name in bundled_names():
        meta = read_toml(SCENARIO_DIR / f"{name}.toml").get("scenario", {})
        rows.append({"name": name, "title": meta.get("title", ""),
                     "path": str(SCENARIO_DIR / f"{name}.toml")})
    return rows
