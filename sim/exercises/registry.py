"""The bundled exercises: the TOML files of the exercises/ data folder (see sim.bundled).

They are found the way bundled scenarios are, inside the installed package or
in the checkout, whatever the current folder.
"""

from __future__ import annotations

from pathlib import Path

from sim.bundled import NotBundled, bundled_names, resolve
from sim.exercises.loading import ExerciseError
from sim.scenario.loading import read_toml

KIND = "exercises"


def bundled_exercise_names() -> list[str]:
    """Names of the bundled exercises, sorted.

    Examples
    --------
    >>> "pemetaan_konflik" in bundled_exercise_names()
    True
    """
    return bundled_names(KIND)


def bundled_exercise_path(name: str) -> Path:
    """Path of an exercise file, or of a bundled exercise by name.

    A path is a path: one that does not exist is an error, never a bundled
    exercise of the same stem.

    Raises
    ------
    ExerciseError
        If there is no such file or bundled exercise.
    """
    try:
        return resolve(KIND, name)
    except NotBundled as exc:
        raise ExerciseError(name, [f"{exc}; bundled exercises: "
                                   f"{', '.join(bundled_exercise_names())}"]) from None


def describe_exercises() -> list[dict[str, str]]:
    """Name, titles, descriptions and path of each bundled exercise (read, not validated)."""
    rows = []
    for name in bundled_exercise_names():
        path = bundled_exercise_path(name)
        meta = read_toml(path).get("exercise", {})
        row = {"name": name, "path": str(path)}
        for field in ("title", "description"):
            for lang in ("id", "en"):
                row[f"{field}_{lang}"] = meta.get(field, {}).get(lang, "")
        rows.append(row)
    return rows
