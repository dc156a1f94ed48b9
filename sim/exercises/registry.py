"""The bundled exercises: the TOML files in the project's exercises/ folder.

They are found the way bundled scenarios are: by scanning the folder that
sits beside scenarios/.
"""

from __future__ import annotations

from pathlib import Path

from sim.exercises.loading import ExerciseError
from sim.scenario.loading import read_toml
from sim.scenario.registry import SCENARIO_DIR

EXERCISE_DIR = SCENARIO_DIR.parent / "exercises"


def bundled_exercise_names() -> list[str]:
    """Names of the bundled exercises, sorted.

    Examples
    --------
    >>> "pemetaan_konflik" in bundled_exercise_names()
    True
    """
    return sorted(p.stem for p in EXERCISE_DIR.glob("*.toml"))


def bundled_exercise_path(name: str) -> Path:
    """Path of a bundled exercise by name, or the path itself if it is a file.

    Raises
    ------
    ExerciseError
        If there is no such file or bundled exercise.
    """
    candidate = Path(name)
    if candidate.suffix == ".toml" and candidate.is_file():
        return candidate
    path = EXERCISE_DIR / f"{candidate.stem}.toml"
    if not path.is_file():
        raise ExerciseError(name, [f"no such exercise file or bundled exercise; bundled: "
                                   f"{', '.join(bundled_exercise_names())}"])
    return path


def describe_exercises() -> list[dict[str, str]]:
    """Name, titles, descriptions and path of each bundled exercise (read, not validated)."""
    rows = []
    for name in bundled_exercise_names():
        path = EXERCISE_DIR / f"{name}.toml"
        meta = read_toml(path).get("exercise", {})
        row = {"name": name, "path": str(path)}
        for field in ("title", "description"):
            for lang in ("id", "en"):
                row[f"{field}_{lang}"] = meta.get(field, {}).get(lang, "")
        rows.append(row)
    return rows
