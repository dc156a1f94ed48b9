"""What a results folder holds for the report, and what it lacks (said, never crashed on).

A folder that cannot give any report (missing, empty, no manifest, no run
stored) raises `ReportError`, which the command prints and exits with status 2.
Anything else that is missing or odd (a sweep still running, failed runs, a
store made by another version, an experiment file this version cannot read,
no time series, no sensitivity study) becomes a `Gap`: the section it belongs
to says what is missing and why.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from sim.experiments.analysis import Summary, summarize
from sim.experiments.spec import (
    BASELINE,
    Experiment,
    ExperimentError,
    experiment_hash,
    scenario_path,
)
from sim.experiments.store import ResultStore, code_version, package_versions

RUN_COLUMNS = ("run_id", "arm", "point", "replication", "scenario", "status")


class ReportError(ExperimentError):
    """A results folder no report can be made from."""


@dataclass(frozen=True)
class Gap:
    """Something a section cannot show, and why: a sentence key of `texts` and its values."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Study:
    """A sensitivity study's folder and, when usable, its analysis."""

    folder: Path
    manifest: dict[str, Any]
    spec: Experiment | None = None
    result: Any = None  # sim.experiments.sensitivity.SensitivityResult
    runs: int = 0


@dataclass
class Results:
    """Everything the report reads from a results folder, and the gaps by section."""

    folder: Path
    manifest: dict[str, Any]
    runs: pd.DataFrame
    spec: Experiment | None = None
    experiment_path: Path | None = None
    current_hash: str | None = None
    summary: Summary | None = None
    series: pd.DataFrame | None = None
    scenario: Any = None  # sim.scenario.Scenario
    study: Study | None = None
    answer: Any = None  # sim.experiments.plan.Answer
    gaps: dict[str, list[Gap]] = field(default_factory=dict)

    def gap(self, section: str, key: str, **values: Any) -> None:
        self.gaps.setdefault(section, []).append(Gap(key, values))

    @property
    def is_study(self) -> bool:
        return "sensitivity" in self.manifest


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of a results folder; a `ReportError` that says what to do if there is none."""
    if not folder.is_dir():
        raise ReportError(str(folder), ["no such folder; give the output folder of "
                                        "`kondusif sweep` or `kondusif sensitivity`"])
    path = folder / "manifest.json"
    if not path.is_file():
        found = "is empty" if not any(folder.iterdir()) else "has no manifest.json"
        raise ReportError(str(folder), [f"{found}: not a results folder; run `kondusif sweep "
                                        f"EXPERIMENT --out {folder}` first"])
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ReportError(str(path), [f"cannot be read as JSON ({exc}); the folder may have "
                                      "been damaged"]) from None
    if not isinstance(manifest, dict):
        raise ReportError(str(path), ["expected a JSON object (the manifest of a sweep)"])
    return manifest


def read_runs(store: ResultStore) -> pd.DataFrame:
    """Every stored run; a `ReportError` when none is stored or the parts cannot be read."""
    try:
        runs = store.runs()
    except (OSError, ValueError) as exc:
        raise ReportError(str(store.folder), [f"the stored runs cannot be read ({exc})"]) from None
    if runs.empty:
        expected = store.manifest().get("total_runs", "?")
        raise ReportError(str(store.folder), [f"no run is stored yet (0 of {expected}); wait "
                                              "for the sweep, or run it again to resume"])
    return runs


def gather(folder: str | Path, sensitivity: str | Path | None = None) -> Results:
    """Read a results folder (and a sensitivity study's) for the report.

    Parameters
    ----------
    folder : path
        Output folder of ``kondusif sweep`` (or of ``kondusif sensitivity``).
    sensitivity : path, optional
        Output folder of ``kondusif sensitivity`` to report on beside the sweep.

    Returns
    -------
    Results
        What could be read, with a `Gap` for each thing that could not.
    """
    folder = Path(folder)
    store = ResultStore(folder)
    results = Results(folder, read_manifest(folder), pd.DataFrame())
    results.runs = read_runs(store)
    _check_completeness(results)
    _check_version(results)
    _load_experiment(results, store)
    _analyse(results, store)
    _load_scenario(results)
    _answer(results)
    _attach_study(results, Path(sensitivity) if sensitivity else None)
    return results


def _check_completeness(results: Results) -> None:
    runs, manifest = results.runs, results.manifest
    missing = [c for c in RUN_COLUMNS if c not in runs.columns]
    if missing:
        results.gap("strategies", "old_runs", columns=", ".join(missing))
        return
    expected = manifest.get("total_runs")
    if isinstance(expected, int) and len(runs) < expected:
        results.gap("summary", "partial", stored=len(runs), expected=expected)
    failed = runs[runs["status"] != "ok"]
    if not failed.empty:
        error = str(failed["error"].iloc[0]) if "error" in failed.columns else "?"
        results.gap("summary", "failed", failed=len(failed), error=error.splitlines()[0][:300])
    if len(failed) == len(runs):
        results.gap("strategies", "no_ok_runs")


def _check_version(results: Results) -> None:
    made = results.manifest.get("packages", {}).get("kondusif", "?")
    made_code = results.manifest.get("code_version", "?")
    now, now_code = package_versions()["kondusif"], code_version()
    if (made, made_code) != (now, now_code):
        results.gap("reproduce", "other_version", made=made, made_code=made_code, now=now,
                    now_code=now_code)


def _load_experiment(results: Results, store: ResultStore) -> None:
    if not (results.folder / "experiment.toml").is_file():
        results.gap("scenario", "old_experiment", detail="experiment.toml is missing")
        return
    try:
        results.spec, results.experiment_path = store.experiment()
    except ValueError as exc:  # ScenarioError and ExperimentError are ValueErrors
        results.gap("scenario", "old_experiment", detail=str(exc).splitlines()[0])
        return
    try:
        results.current_hash = experiment_hash(results.spec, results.experiment_path)
    except ValueError:
        return
    if results.current_hash != results.manifest.get("experiment_hash"):
        results.gap("scenario", "changed_files", now=results.current_hash,
                    made=results.manifest.get("experiment_hash", "?"))


def _analyse(results: Results, store: ResultStore) -> None:
    runs = results.runs
    if any(g.key in ("old_runs", "no_ok_runs") for g in results.gaps.get("strategies", [])):
        return
    if results.is_study:
        results.gap("strategies", "study_only", folder=results.folder)
        return
    spec = results.spec
    if spec is None:
        results.summary = summarize(runs)
    else:
        settings = spec.analysis
        results.summary = summarize(runs, settings.outcomes, settings.risk_outcome,
                                    settings.confidence, settings.bootstrap)
    if results.summary.effects.empty:
        arms = set(runs["arm"])
        results.gap("strategies", "single_arm" if arms == {BASELINE} else "no_baseline")
    try:
        series = store.timeseries()
    except (OSError, ValueError):
        series = pd.DataFrame()
    if "tension" in series.columns and not series.empty:
        results.series = series
    elif spec is None or not spec.is_function_model:
        results.gap("risk-map", "no_series")


def _answer(results: Results) -> None:
    """The planner's answer when there are at least two options to rank."""
    from sim.experiments.plan import planner_answer

    if results.spec is None or results.summary is None or results.summary.stats.empty:
        return
    try:
        answer = planner_answer(results.spec, results.experiment_path, results.folder)
    except (ValueError, KeyError) as exc:  # an old store, an outcome the runs lack
        results.gap("summary", "no_answer", detail=str(exc).splitlines()[0])
        return
    if len(answer.ranking.options) > 1:
        results.answer = answer


def _load_scenario(results: Results) -> None:
    from sim.scenario import load_scenario

    spec = results.spec
    if spec is None:
        return
    if spec.is_function_model:
        results.gap("scenario", "function_model", model=spec.experiment.model)
        return
    try:
        path = scenario_path(spec.experiment.scenarios[0], results.experiment_path)
        results.scenario = load_scenario(path, spec.fixed)
    except ValueError as exc:
        results.gap("scenario", "no_scenario", detail=str(exc).splitlines()[0])


def _attach_study(results: Results, sensitivity: Path | None) -> None:
    if sensitivity is None and not results.is_study:
        results.gap("drivers", "no_study")
        return
    if sensitivity is None:
        results.study = read_study(results.folder, results.manifest, results, len(results.runs))
        return
    try:
        manifest = read_manifest(sensitivity)
        runs = len(read_runs(ResultStore(sensitivity)))
    except ReportError as exc:
        results.gap("drivers", "study_unusable", folder=sensitivity, detail=exc.problems[0])
        return
    results.study = read_study(sensitivity, manifest, results, runs)
    study = results.study
    if study.spec is not None and results.spec is not None:
        ours, theirs = results.spec.experiment.scenarios, study.spec.experiment.scenarios
        if ours != theirs:
            results.gap("drivers", "study_other_scenario", study=", ".join(theirs),
                        sweep=", ".join(ours))


def read_study(folder: Path, manifest: dict[str, Any], results: Results, runs: int) -> Study:
    """The study's analysis (from the analysis layer); a gap in `results` if it cannot be had."""
    from sim.experiments.sensitivity import analyze_store

    study = Study(folder, manifest, runs=runs)
    if "sensitivity" not in manifest:
        results.gap("drivers", "study_unusable", folder=folder,
                    detail="it holds no sensitivity study (its manifest has no [sensitivity])")
        return study
    try:
        study.spec, _ = ResultStore(folder).experiment()
        study.result = analyze_store(folder)
    except (ValueError, KeyError) as exc:
        detail = exc.problems[0] if isinstance(exc, ExperimentError) else str(exc)
        results.gap("drivers", "study_unusable", folder=folder, detail=detail)
    return study
