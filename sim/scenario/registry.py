"""The bundled scenarios (the package's scenarios/ folder), and scenario arguments: path or name."""

from __future__ import annotations

from pathlib import Path

from sim import bundled
from sim.scenario.loading import ScenarioError, read_toml

KIND = "scenarios"


def is_province_file(data: dict) -> bool:
    """A province file (several regions, `kondusif province`) rather than a regency scenario."""
    return "province" in data and "regions" in data


def scenario_dir() -> Path:
    """The folder of the bundled scenarios, wherever kondusif is installed."""
    try:
        return bundled.bundled_root(KIND)
    except bundled.NotBundled as exc:
        raise ScenarioError("scenarios", [str(exc)]) from None


def bundled_names(kind: str = "regency") -> list[str]:
    """Names of the bundled regency scenarios (or `kind="province"` files), sorted."""
    wanted = kind == "province"
    return [p.stem for p in bundled.bundled_files(KIND)
            if is_province_file(read_toml(p)) == wanted]


def bundled_path(name: str, beside: Path | None = None) -> Path:
    """A scenario argument: a path to a file, or the name of a bundled scenario.

    A path (with a folder or a .toml suffix) must exist; it never falls back to
    the bundled scenario of the same stem. `beside` is the folder of the file
    that names this one (``scenario.extends``, an experiment's scenarios).

    Examples
    --------
    >>> bundled_path("kutim_2024").name
    'kutim_2024.toml'
    """
    try:
        return bundled.resolve(KIND, str(name), beside)
    except bundled.NotBundled as exc:
        raise ScenarioError(str(name), [_not_found(str(name), str(exc), beside)]) from None


def _not_found(name: str, reason: str, beside: Path | None) -> str:
    try:
        known = ", ".join(bundled_names() + bundled_names("province")) or "none"
    except bundled.NotBundled:  # an installation without its bundled files
        known = "none in this installation of kondusif (reinstall it: the package carries them)"
    if not bundled.looks_like_path(name):
        beside_too = f" (nor a file {name}.toml in {beside})" if beside is not None else ""
        return f"no such bundled scenario{beside_too}; bundled: {known}"
    where = f" (relative to {beside})" if beside not in (None, Path()) else ""
    stem = Path(name).stem
    hint = (f"; the bundled scenario of that name is `{stem}`, without a folder or .toml"
            if stem in known.split(", ") else f"; bundled scenarios: {known}")
    reason = "no such scenario file" if reason == "no such file" else reason
    return f"{reason}{where}{hint}"


def describe_bundled() -> list[dict[str, str]]:
    """Name, kind, title and path of each bundled scenario, for `kondusif scenarios`."""
    rows = []
    for kind in ("regency", "province"):
        for name in bundled_names(kind):
            path = bundled.bundled_path(KIND, name)
            meta = read_toml(path).get("scenario", {})
            rows.append({"name": name, "kind": kind, "title": meta.get("title", ""),
                         "path": str(path)})
    return rows
