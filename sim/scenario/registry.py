"""The bundled scenarios: the TOML files in the project's scenarios/ folder."""

from __future__ import annotations

from pathlib import Path

from sim.scenario.loading import ScenarioError, read_toml

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "scenarios"


def is_province_file(data: dict) -> bool:
    """A province file (several regions, `kondusif province`) rather than a regency scenario."""
    return "province" in data and "regions" in data


def bundled_names(kind: str = "regency") -> list[str]:
    """Names of the bundled regency scenarios (or `kind="province"` files), sorted."""
    wanted = kind == "province"
    return sorted(p.stem for p in SCENARIO_DIR.glob("*.toml")
                  if is_province_file(read_toml(p)) == wanted)


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
    """Name, kind, title and path of each bundled scenario, for `kondusif scenarios`."""
    rows = []
    for kind in ("regency", "province"):
        for name in bundled_names(kind):
            meta = read_toml(SCENARIO_DIR / f"{name}.toml").get("scenario", {})
            rows.append({"name": name, "kind": kind, "title": meta.get("title", ""),
                         "path": str(SCENARIO_DIR / f"{name}.toml")})
    return rows
