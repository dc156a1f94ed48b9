"""Global sensitivity analysis with SALib: which uncertain assumptions drive the outcomes.

Sampling and analysis are SALib's (`ProblemSpec`; Herman and Usher 2017,
Iwanaga et al. 2022): Sobol' indices with Saltelli's sampling (Saltelli 2002;
Saltelli et al. 2010), Morris elementary effects (Morris 1991; mu* from
Campolongo et al. 2007), extended FAST (Saltelli et al. 1999) and the
moment-independent delta (Borgonovo 2007). The runs go through the experiment
runner, so they are parallel, on Dask if asked, and resumable.

Replication noise. The model is stochastic. Every sample point is run
``replications`` times; replication r uses the same random numbers at every
point (common random numbers), so within one replication the model is a
deterministic function of the parameters, and the indices are computed on
the mean over replications at each point. The share of the analysed
variance that is replication noise is reported per outcome:
``noise_share = (mean within-point variance / R) / variance of point means``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from SALib import ProblemSpec

from sim.experiments.runner import SweepReport, run_experiment
from sim.experiments.sensitivity_spec import FAST_M, Sensitivity, nearest_powers_of_two
from sim.experiments.spec import Experiment, ExperimentError
from sim.experiments.store import ResultStore
from sim.store_io import atomic_write_bytes

INDEX_KEYS = {
    "sobol": ("S1", "S1_conf", "ST", "ST_conf"),
    "fast": ("S1", "S1_conf", "ST", "ST_conf"),
    "morris": ("mu", "mu_star", "mu_star_conf", "sigma"),
    "delta": ("delta", "delta_conf", "S1", "S1_conf"),
}
NOISE_WARNING = 0.2
# the convergence points only need rough intervals; full bootstraps there would triple the cost
CONVERGENCE_RESAMPLES = 100


def problem_of(study: Sensitivity) -> ProblemSpec:
    """The SALib problem: parameter names, bounds and distributions."""
    laws = study.parameters
    return ProblemSpec({"names": list(laws), "bounds": [d.salib_bounds() for d in laws.values()],
                        "dists": [d.dist for d in laws.values()]})


def sample(study: Sensitivity, seed: int) -> np.ndarray:
    """The method's sample (rows of parameter values), reproducible from `seed`."""
    problem = problem_of(study)
    n = study.base_samples
    if study.method == "sobol":
        problem.sample_sobol(n, calc_second_order=study.second_order, seed=seed)
    elif study.method == "morris":
        problem.sample_morris(n, num_levels=study.levels, seed=seed)
    elif study.method == "fast":
        problem.sample_fast(n, M=FAST_M, seed=seed)
    else:
        problem.sample_latin(n, seed=seed)
    return problem.samples


def points_of(study: Sensitivity, samples: np.ndarray) -> list[dict[str, Any]]:
    """Design points for the runner; whole-number parameters rounded."""
    laws = list(study.parameters.items())
    return [{name: (round(float(v)) if law.integer else float(v))
             for (name, law), v in zip(laws, row, strict=True)} for row in samples]


def with_method(spec: Experiment, method: str | None) -> Experiment:
    """The experiment with its sensitivity method replaced (the CLI's --method)."""
    if spec.sensitivity is None:
        raise ExperimentError(spec.name, ["has no [sensitivity] section"])
    if method is None or method == spec.sensitivity.method:
        return spec
    study = spec.sensitivity.model_copy(update={"method": method})
    from sim.experiments.sensitivity_spec import check_sensitivity

    problems = check_sensitivity(study)
    if problems:
        raise ExperimentError(spec.name, problems)
    return spec.model_copy(update={"sensitivity": study})


def run_sensitivity(spec: Experiment, path: Path, out: str | Path, **runner_options
                    ) -> SweepReport:
    """Sample with SALib and run every point (x arms x replications) through the runner.

    `runner_options` are those of `run_experiment` (executor, workers, scheduler,
    progress). Running again resumes.
    """
    study = spec.sensitivity
    points = points_of(study, sample(study, spec.experiment.root_seed))
    report = run_experiment(spec, path, out, points=points, **runner_options)
    store = ResultStore(out)
    manifest = store.manifest()
    manifest["sensitivity"] = study.model_dump(mode="json")
    store.write_manifest(manifest)
    return report


@dataclass
class SensitivityResult:
    """Indices, convergence, noise and warnings of a study, as DataFrames and text."""

    method: str
    indices: pd.DataFrame
    second_order: pd.DataFrame
    convergence: pd.DataFrame
    noise: pd.DataFrame
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def records(frame):
            return frame.replace({np.nan: None}).to_dict(orient="records")

        return {"method": self.method, "indices": records(self.indices),
                "second_order": records(self.second_order),
                "convergence": records(self.convergence), "noise": records(self.noise),
                "warnings": self.warnings}


def _analyze(study: Sensitivity, samples: np.ndarray, y: np.ndarray, seed: int,
             resamples: int | None = None) -> dict:
    problem = problem_of(study)
    problem.set_samples(samples)
    problem.set_results(y)
    options = {"num_resamples": resamples or study.bootstrap, "conf_level": study.confidence,
               "seed": seed}
    if study.method == "sobol":
        problem.analyze_sobol(calc_second_order=study.second_order, **options)
    elif study.method == "morris":
        problem.analyze_morris(num_levels=study.levels, **options)
    elif study.method == "fast":
        problem.analyze_fast(M=FAST_M, **options)
    else:
        problem.analyze_delta(**options)
        # Borgonovo's delta on the sample as drawn (SALib's "raw" bootstrap)
        return {"delta": problem.analysis["delta_raw"],
                "delta_conf": problem.analysis["delta_raw_conf"],
                "S1": problem.analysis["S1"], "S1_conf": problem.analysis["S1_conf"]}
    return problem.analysis


def rows_per_block(study: Sensitivity) -> int | None:
    """Sample rows per base sample, when a prefix of blocks is itself a valid sample."""
    d = len(study.parameters)
    return {"sobol": 2 * d + 2 if study.second_order else d + 2, "morris": d + 1,
            "delta": 1}.get(study.method)


def point_means(runs: pd.DataFrame, outcome: str, n_points: int) -> np.ndarray:
    """Mean over replications of `outcome` at each sample point, in sample order."""
    column = f"out.{outcome}"
    values = pd.to_numeric(runs[column], errors="coerce").astype(float)
    means = values.groupby(runs["point"]).mean().reindex(range(n_points))
    return means.to_numpy()


def noise_of(runs: pd.DataFrame, outcome: str) -> dict[str, float]:
    """How much of the variance of an outcome is replication noise (see the module docstring)."""
    values = pd.to_numeric(runs[f"out.{outcome}"], errors="coerce").astype(float)
    replications = int(runs["replication"].nunique())
    if replications < 2:
        return {"replications": replications, "within_point_variance": np.nan,
                "noise_share_of_means": np.nan, "noise_share_single_run": np.nan}
    within = float(values.groupby(runs["point"]).var(ddof=1).mean())
    between = float(values.groupby(runs["point"]).mean().var(ddof=1))
    total = float(values.var(ddof=1))
    return {"replications": replications, "within_point_variance": within,
            "noise_share_of_means": min(1.0, within / replications / between)
            if between > 0 else np.nan,
            "noise_share_single_run": min(1.0, within / total) if total > 0 else np.nan}


def analyze_runs(spec: Experiment, runs: pd.DataFrame) -> SensitivityResult:
    """Indices with intervals, convergence (N/4, N/2, N), noise and warnings from stored runs."""
    study = spec.sensitivity
    samples = sample(study, spec.experiment.root_seed)
    ok = runs[runs["status"] == "ok"]
    _check_complete(runs, ok, len(samples) * spec.experiment.replications * len(spec.arms))
    indices, second, convergence, noise = [], [], [], []
    for arm in spec.arms:
        arm_runs = ok[ok["arm"] == arm]
        for outcome in study.outcomes:
            y = point_means(arm_runs, outcome, len(samples))
            result = _analyze(study, samples, y, spec.experiment.root_seed)
            indices.append(_index_table(study, result, arm, outcome))
            second.append(_second_order_table(study, result, arm, outcome))
            convergence.append(_convergence(study, samples, y, spec.experiment.root_seed,
                                            arm, outcome))
            noise.append({"arm": arm, "outcome": outcome, **noise_of(arm_runs, outcome)})
    result = SensitivityResult(study.method, pd.concat(indices, ignore_index=True),
                               pd.concat(second, ignore_index=True),
                               pd.concat(convergence, ignore_index=True), pd.DataFrame(noise))
    result.warnings = warnings_of(study, result)
    return result


def _check_complete(runs: pd.DataFrame, ok: pd.DataFrame, expected: int) -> None:
    if len(ok) == expected:
        return
    failed = int((runs["status"] != "ok").sum())
    missing = expected - len(runs)
    raise ExperimentError("sensitivity", [
        f"{len(ok)} of {expected} runs are usable ({missing} not run yet, {failed} failed): "
        "indices need every sample point; run the study again to finish it"
        + (", and look at the failed runs' error column" if failed else "")])


def _index_table(study: Sensitivity, result: dict, arm: str, outcome: str) -> pd.DataFrame:
    table = pd.DataFrame({key: np.asarray(result[key], dtype=float)
                          for key in INDEX_KEYS[study.method]})
    table.insert(0, "parameter", list(study.parameters))
    table.insert(0, "outcome", outcome)
    table.insert(0, "arm", arm)
    return table


def _second_order_table(study: Sensitivity, result: dict, arm: str,
                        outcome: str) -> pd.DataFrame:
    if study.method != "sobol" or not study.second_order:
        return pd.DataFrame()
    names = list(study.parameters)
    rows = [{"arm": arm, "outcome": outcome, "parameter_i": names[i], "parameter_j": names[j],
             "S2": float(result["S2"][i][j]), "S2_conf": float(result["S2_conf"][i][j])}
            for i in range(len(names)) for j in range(i + 1, len(names))]
    return pd.DataFrame(rows)


def _convergence(study: Sensitivity, samples: np.ndarray, y: np.ndarray, seed: int,
                 arm: str, outcome: str) -> pd.DataFrame:
    """Indices recomputed on the first N/4 and N/2 base samples, beside those at N."""
    block = rows_per_block(study)
    if block is None:
        return pd.DataFrame()
    main = "mu_star" if study.method == "morris" else "ST" if study.method == "sobol" else "S1"
    n = study.base_samples
    frames = []
    for size in (n // 4, n // 2, n):
        rows = size * block
        result = _analyze(study, samples[:rows], y[:rows], seed, CONVERGENCE_RESAMPLES)
        frames.append(pd.DataFrame({"arm": arm, "outcome": outcome,
                                    "parameter": list(study.parameters), "base_samples": size,
                                    "index": main,
                                    "value": np.asarray(result[main], dtype=float),
                                    "conf": np.asarray(result[f"{main}_conf"], dtype=float)}))
    return pd.concat(frames, ignore_index=True)


def _needed(study: Sensitivity, half_width: float) -> int:
    """Sample size bringing the interval half-width to the target (width ~ 1/sqrt(N))."""
    needed = math.ceil(study.base_samples * (half_width / study.wide_interval) ** 2)
    return nearest_powers_of_two(needed)[1] if study.method == "sobol" else needed


def warnings_of(study: Sensitivity, result: SensitivityResult) -> list[str]:
    """Wide intervals, indices not converged, and noisy outcomes, with what would help."""
    warnings = []
    if study.method == "fast":
        warnings.append("FAST intervals come from a bootstrap SALib calls unreliable for this "
                        "method (SALib issue 649): read them as indicative only")
    for (arm, outcome), table in result.indices.groupby(["arm", "outcome"], sort=False):
        if study.method == "morris":
            scale = max(float(table["mu_star"].max()), 1e-12)
            width = float((table["mu_star_conf"] / scale).max())
        else:
            width = float(table[[c for c in table.columns if c.endswith("_conf")]].max().max())
        if width > study.wide_interval:
            warnings.append(f"{outcome} ({arm}): intervals are wide (half-width up to "
                            f"{width:.3f}, target {study.wide_interval}); about "
                            f"base_samples = {_needed(study, width)} would narrow them")
    if not result.convergence.empty:
        n = study.base_samples
        for (arm, outcome), table in result.convergence.groupby(["arm", "outcome"], sort=False):
            at_n = table[table["base_samples"] == n].set_index("parameter")["value"]
            at_half = table[table["base_samples"] == n // 2].set_index("parameter")["value"]
            change = float((at_n - at_half).abs().max())
            if study.method == "morris":  # mu* has the outcome's units: compare to the largest
                change /= max(float(at_n.abs().max()), 1e-12)
            if change > study.converged_within:
                warnings.append(f"{outcome} ({arm}): indices have not converged (they moved "
                                f"by up to {change:.3f} from N/2 to N); try base_samples = "
                                f"{4 * n}")
    for _, row in result.noise.iterrows():
        share = row["noise_share_of_means"]
        if pd.notna(share) and share > NOISE_WARNING:
            warnings.append(f"{row['outcome']} ({row['arm']}): replication noise is "
                            f"{100 * share:.0f}% of the variance analysed; add replications")
        if row["replications"] < 2:
            warnings.append(f"{row['outcome']} ({row['arm']}): one replication, so the noise "
                            "cannot be measured; use replications >= 2")
    return warnings


def analyze_store(folder: str | Path, method: str | None = None) -> SensitivityResult:
    """Analyse the study stored in `folder` (the method it was run with, unless given)."""
    store = ResultStore(folder)
    stored = store.manifest().get("sensitivity")
    spec, _ = store.experiment()
    spec = with_method(spec, method or (stored or {}).get("method"))
    return analyze_runs(spec, store.runs())


def write_result(result: SensitivityResult, out: Path) -> list[Path]:
    """indices.csv, second_order.csv (if any), convergence.csv, noise.csv and sensitivity.json."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in ("indices", "second_order", "convergence", "noise"):
        frame = getattr(result, name)
        if frame.empty:
            continue
        atomic_write_bytes(out / f"{name}.csv", frame.to_csv(index=False).encode())
        written.append(out / f"{name}.csv")
    text = json.dumps(result.to_dict(), indent=1, default=float)
    atomic_write_bytes(out / "sensitivity.json", text.encode())
    return written + [out / "sensitivity.json"]
