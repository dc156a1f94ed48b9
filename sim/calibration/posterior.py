"""A saved posterior (``posterior.parquet``: one row per particle, its parameters by override
path and its weight), and drawing parameter sets from it.

An experiment file's ``[parameters] posterior = "PATH"`` makes replication r of
every run use the r-th draw: each replication a different plausible parameter
set, so the summary's intervals carry parameter uncertainty, not only chance.
The draws are reproducible from the experiment's root seed.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame({"grievance.legitimacy": [0.9, 0.92], "weight": [0.5, 0.5]})
>>> draws = draw_parameter_sets(table, 3, root_seed=0)
>>> len(draws), sorted(draws[0])
(3, ['grievance.legitimacy'])
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from sim.experiments.spec import ExperimentError

WEIGHT = "weight"
POSTERIOR_KEY = 0x706F7374  # "post": the posterior's own stream of the root seed


def weighted_quantile(values, weights, q: float) -> float:
    """The q-quantile of weighted values (the lowest value whose cumulative weight reaches q).

    >>> weighted_quantile([1, 2, 3, 4], [0.1, 0.1, 0.1, 0.7], 0.5)
    4.0
    """
    values, weights = np.asarray(values, dtype=float), np.asarray(weights, dtype=float)
    order = np.argsort(values)
    cumulative = np.cumsum(weights[order]) / weights.sum()
    return float(values[order][np.searchsorted(cumulative, q)])


def load_posterior(path: str | Path) -> pd.DataFrame:
    """Read a saved posterior and check it is one (parameters and positive weights)."""
    path = Path(path)
    if not path.is_file():
        raise ExperimentError(str(path), ["no such posterior file; `kondusif calibrate` "
                                          "writes posterior.parquet in its output folder"])
    try:
        table = pd.read_parquet(path)
    except Exception as exc:  # pyarrow's own error, named with the file
        raise ExperimentError(str(path), [f"not a Parquet table: {exc}"]) from None
    problems = []
    if WEIGHT not in table.columns or len(table.columns) < 2:
        problems.append("needs a 'weight' column and at least one parameter column")
    elif not (table[WEIGHT] >= 0).all() or table[WEIGHT].sum() <= 0:
        problems.append("weights must be >= 0 and not all 0")
    if problems:
        raise ExperimentError(str(path), problems)
    return table


def draw_parameter_sets(posterior: pd.DataFrame, n: int, root_seed: int,
                        integer: frozenset[str] = frozenset()) -> list[dict[str, float | int]]:
    """`n` parameter sets drawn with replacement by weight (whole numbers for `integer`)."""
    rng = np.random.default_rng(np.random.SeedSequence(root_seed, spawn_key=(POSTERIOR_KEY,)))
    weights = posterior[WEIGHT].to_numpy(dtype=float)
    picks = rng.choice(len(posterior), size=n, p=weights / weights.sum())
    names = [c for c in posterior.columns if c != WEIGHT]
    return [{name: (round(float(posterior.at[i, name])) if name in integer
                    else float(posterior.at[i, name])) for name in names} for i in picks]


def integer_parameters() -> frozenset[str]:
    """Override paths whose prior is over whole numbers."""
    from sim.calibration.priors import prior_table

    return frozenset(p for p, prior in prior_table().items() if prior.integer)


def posterior_file(spec, experiment_file: Path) -> Path | None:
    """The posterior an experiment draws from (``[parameters] posterior``), or None."""
    section = getattr(spec, "parameters", None)
    if section is None:
        return None
    path = Path(section.posterior)
    return path if path.is_absolute() else Path(experiment_file).parent / path


def posterior_draws(spec, experiment_file: Path) -> list[dict[str, float | int]] | None:
    """One parameter set per replication from the experiment's posterior, or None."""
    path = posterior_file(spec, experiment_file)
    if path is None:
        return None
    return draw_parameter_sets(load_posterior(path), spec.experiment.replications,
                               spec.experiment.root_seed, integer_parameters())


def check_posterior_section(spec, experiment_file: Path) -> list[str]:
    """Problems with ``[parameters] posterior``: a file that is not one, or parameters that
    the grid or sample also set."""
    path = posterior_file(spec, experiment_file)
    if path is None:
        return []
    try:
        table = load_posterior(path)
    except ExperimentError as exc:
        return [f"parameters.posterior = {spec.parameters.posterior!r}: {p}"
                for p in exc.problems]
    drawn = set(table.columns) - {WEIGHT}
    varied = set(spec.grid) | set(spec.sample.parameters if spec.sample else {})
    varied |= set(spec.fixed)
    problems = [f"{name}: drawn from the posterior and also set in fixed, grid or sample; "
                f"choose one" for name in sorted(drawn & varied)]
    if spec.is_function_model or problems:
        return problems
    from sim.experiments.spec import scenario_path
    from sim.scenario import ScenarioError, load_scenario

    first = draw_parameter_sets(table, 1, spec.experiment.root_seed, integer_parameters())[0]
    for name in spec.experiment.scenarios:
        try:
            load_scenario(scenario_path(name, experiment_file), spec.fixed | first)
        except ScenarioError as exc:
            problems += [f"parameters.posterior: {exc.source}: {p}" for p in exc.problems]
    return problems


def posterior_digest(spec, experiment_file: Path) -> str | None:
    """SHA-256 of the posterior file, so a store notices when the posterior changed."""
    import hashlib

    path = posterior_file(spec, experiment_file)
    return None if path is None else hashlib.sha256(path.read_bytes()).hexdigest()
