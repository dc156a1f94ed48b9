"""ABC-SMC with pyABC, every simulation done by the experiment runner.

pyABC (Schälte et al. 2022) does the inference: priors, proposals from the
last population, importance weights, the acceptance threshold schedule. Its
sampler here (`RunnerSampler`) evaluates candidates in batches: it asks
pyABC's own `simulate_one` for `batch` candidates, each under a seed of its
own (pyABC draws from numpy's global generator), catches the parameter set
each one asks to simulate, runs them all with `run_experiment` (as design
points of one experiment per batch: a local process pool, Dask, or serially;
resumable, every run stored), then replays the same candidates under the same
seeds with the results cached, so pyABC judges them. Every candidate runs
under random numbers of its own (the batch's experiment has
``random_numbers = "per_point"``): ABC needs each candidate's run to be an
independent draw of the model, or the particles of one batch would share one
chance and be correlated.

Resuming: pyABC's history (``abc.db``) keeps every finished generation, and
every finished run is in its batch's store, so running the same command
again continues where it stopped, generation by generation and run by run,
and gives the same posterior.

The distance is pyABC's weighted maximum norm with weights 1 / tolerance: a
distance of at most 1 means every fitted target is within its tolerance.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from sim.calibration.priors import Prior
from sim.calibration.spec import Calibration
from sim.calibration.targets import Target
from sim.experiments.design import expand
from sim.experiments.runner import run_experiment
from sim.experiments.spec import Experiment, ExperimentError
from sim.experiments.store import ResultStore
from sim.store_io import atomic_write_bytes

PREDICTIVE_BATCH = 10_000  # the "batch" index of the posterior predictive runs


class NeedsRuns(Exception):  # noqa: N818 - a signal, not an error
    """Raised by the model when pyABC asks for a parameter set not simulated yet."""

    def __init__(self, parameters: dict[str, float]):
        super().__init__("not simulated yet")
        self.parameters = parameters


def scipy_law(prior: Prior) -> tuple[str, tuple, dict]:
    """The scipy.stats name and arguments of a prior (pyABC's RV takes the same).

    >>> scipy_law(Prior(low=1.0, high=3.0, source="estimate: x"))
    ('uniform', (1.0, 2.0), {})
    """
    if prior.dist == "unif":
        return "uniform", (prior.low, prior.high - prior.low), {}
    if prior.dist == "triang":
        width = prior.high - prior.low
        return "triang", ((prior.peak - prior.low) / width, prior.low, width), {}
    if prior.dist == "norm":
        return "norm", (prior.mean, prior.sd), {}
    if prior.dist == "truncnorm":
        a, b = (prior.low - prior.mean) / prior.sd, (prior.high - prior.mean) / prior.sd
        return "truncnorm", (a, b, prior.mean, prior.sd), {}
    return "lognorm", (prior.sd,), {"scale": math.exp(prior.mean)}


def safe_names(spec: Calibration) -> dict[str, str]:
    """pyABC parameter names (identifiers) for the override paths, in order."""
    return {f"p{i:02d}": path for i, path in enumerate(spec.priors)}


def overrides_of(spec: Calibration, parameters: dict[str, float]) -> dict[str, Any]:
    """A pyABC parameter set as overrides of the model (whole numbers rounded)."""
    names = safe_names(spec)
    out = {}
    for safe, value in parameters.items():
        path = names[safe]
        out[path] = round(float(value)) if spec.priors[path].integer else float(value)
    return out


def particle_key(parameters: dict[str, float]) -> tuple:
    return tuple(sorted((k, repr(float(v))) for k, v in parameters.items()))


def _seed_global(seed: int) -> None:
    """Seed numpy's global generator, which pyABC (and scipy's rvs) draws proposals from."""
    np.random.seed(seed)  # noqa: NPY002 - pyABC has no generator argument


def _seed(*key: int) -> int:
    return int(np.random.SeedSequence(key[0], spawn_key=tuple(key[1:])).generate_state(1)[0])


@dataclass
class Simulator:
    """Runs parameter sets through the experiment runner and computes target statistics."""

    spec: Calibration
    out: Path
    executor: str = "local"
    workers: int | None = None
    scheduler: str | None = None
    cache: dict[tuple, dict[str, float]] = field(default_factory=dict)
    runs: int = 0
    failed: int = 0

    def experiment(self, root_seed: int, targets: list[Target]) -> Experiment:
        s = self.spec.settings
        return Experiment.model_validate({
            "experiment": {"name": s.name, "model": s.model, "replications": 1,
                           "root_seed": root_seed, "random_numbers": "per_point",
                           "scenarios": [] if self.spec.is_function_model
                           else self.spec.scenarios(targets)},
            "fixed": self.spec.fixed,
            "keep": {"timeseries": []},
        })

    def run_points(self, points: list[dict[str, Any]], targets: list[Target], root_seed: int,
                   folder: Path) -> list[dict[str, float]]:
        """Each point's target statistics (NaN where its run failed)."""
        if not points:
            return []
        experiment = self.experiment(root_seed, targets)
        report = run_experiment(experiment, self.spec.path, folder, self.executor,
                                self.workers, self.scheduler, points=points, progress=False)
        self.runs += report.ok + report.failed
        self.failed += report.failed
        wanted = {t.run_id for t in expand(experiment, self.spec.path, points)}
        rows = ResultStore(folder).runs()
        rows = rows[rows["run_id"].isin(wanted) & (rows["status"] == "ok")]
        by = {(int(r["point"]), r["scenario"] or ""): r for _, r in rows.iterrows()}
        stats = []
        for i in range(len(points)):
            stats.append({t.name: t.statistic(by[i, t.scenario]) if (i, t.scenario) in by
                          else float("nan") for t in targets})
        return stats

    def simulate_batch(self, proposals: list[dict[str, float]], t: int, b: int) -> None:
        """Run a batch of pyABC candidates and cache their statistics."""
        proposals = [p for p in proposals if particle_key(p) not in self.cache]
        points = [overrides_of(self.spec, p) for p in proposals]
        folder = self.out / "runs" / f"t{t:02d}-b{b:03d}"
        stats = self.run_points(points, self.spec.fitted, _seed(self.spec.settings.seed,
                                                                t + 1, b), folder)
        for p, s in zip(proposals, stats, strict=True):
            self.cache[particle_key(p)] = s


def _pyabc():
    try:
        import pyabc
    except ImportError:
        raise ExperimentError("kondusif calibrate", [
            "pyABC is not installed: pip install 'kondusif[calibration]'"]) from None
    return pyabc


def _model_class(pyabc):
    class CachedModel(pyabc.Model):
        """pyABC's model: statistics from the cache, or a request to simulate."""

        def __init__(self, cache):
            super().__init__(name="kondusif")
            self.cache = cache

        def sample(self, pars):
            key = particle_key(dict(pars))
            if key not in self.cache:
                raise NeedsRuns(dict(pars))
            return self.cache[key]

    return CachedModel


def _sampler_class(pyabc):
    class RunnerSampler(pyabc.sampler.Sampler):
        """Candidates in seeded batches; their simulations by the experiment runner."""

        def __init__(self, simulator: Simulator, batch: int, seed: int):
            super().__init__()
            self.simulator, self.batch, self.seed = simulator, batch, seed

        def sample_until_n_accepted(self, n, simulate_one, t, *, max_eval=np.inf,
                                    all_accepted=False, ana_vars=None):
            sample = self._create_empty_sample()
            evaluated = accepted = b = 0
            while accepted < n and evaluated < max_eval:
                seeds = [_seed(self.seed, t + 1, b, k) for k in range(self.batch)]
                proposals = []
                for s in seeds:
                    _seed_global(s)
                    try:
                        simulate_one()
                    except NeedsRuns as need:
                        proposals.append(need.parameters)
                self.simulator.simulate_batch(proposals, t, b)
                for s in seeds:
                    _seed_global(s)
                    particle = simulate_one()
                    sample.append(particle)
                    evaluated += 1
                    accepted += bool(particle.accepted)
                    if accepted >= n or evaluated >= max_eval:
                        break
                b += 1
            self.nr_evaluations_ = evaluated
            if sample.n_accepted < n:
                sample.ok = False
            return sample

    return RunnerSampler


@dataclass
class CalibrationResult:
    """What a calibration wrote, and the numbers to print."""

    out: Path
    generations: pd.DataFrame
    posterior: pd.DataFrame
    predictive: pd.DataFrame
    summary: dict[str, Any]
    runs: int = 0
    failed: int = 0

    def text(self) -> str:
        lines = [f"{self.out}: {len(self.generations)} generations, {self.runs} runs this "
                 f"time ({self.failed} failed)"]
        for _, g in self.generations.iterrows():
            lines.append(f"  generation {int(g['t'])}: epsilon {g['epsilon']:.3g}, "
                         f"{int(g['samples'])} candidates for {int(g['particles'])} accepted")
        lines.append("  parameter: prior mean -> posterior mean [90% interval], contraction")
        for name, p in self.summary["parameters"].items():
            lines.append(f"    {name}: {p['prior_mean']:.4g} -> {p['mean']:.4g} "
                         f"[{p['q05']:.4g}, {p['q95']:.4g}], {p['contraction']:.2f}")
        lines.append("  target (role): observed +- tolerance; predictive median [90%]; "
                     "share of draws within tolerance")
        for name, c in self.summary["predictive"].items():
            lines.append(f"    {name} ({c['role']}): {c['observed']:.4g} +- {c['tolerance']:.3g}; "
                         f"{c['median']:.4g} [{c['q05']:.4g}, {c['q95']:.4g}]; "
                         f"{c['within']:.2f}")
        return "\n".join(lines)


# settings that may change between a stopped calibration and its continuation
# a finished calibration may be continued with more generations or a lower threshold to
# stop at: neither changes the generations already run
CONTINUABLE = {"generations", "min_epsilon", "predictive_draws", "title", "description",
               "max_evaluations"}


def _definition_digest(spec: Calibration) -> str:
    """A digest of what decides the runs: priors, targets, fixed overrides, the sampler's
    settings; not how far it goes (`CONTINUABLE`)."""
    definition = spec.file.model_dump(mode="json", exclude={"calibration": CONTINUABLE})
    definition["targets_used"] = [vars(t) for t in spec.targets]
    text = json.dumps(definition, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _claim_folder(spec: Calibration, out: Path) -> None:
    """Refuse a folder that holds another calibration; mark a new one as this one's."""
    marker = out / "calibration.json"
    digest = _definition_digest(spec)
    if marker.exists():
        found = json.loads(marker.read_text(encoding="utf-8")).get("definition")
        if found != digest:
            raise ExperimentError(str(out), [
                f"holds another calibration (definition {found}, this one is {digest}); use "
                "another --out folder, or delete this one to start over"])
        return
    out.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(marker, json.dumps({"calibration": spec.name, "definition": digest,
                                           "file": str(spec.path)}, indent=2).encode())
    atomic_write_bytes(out / "calibration.toml", spec.path.read_bytes())


def run_calibration(spec: Calibration, out: str | Path, executor: str = "local",
                    workers: int | None = None, scheduler: str | None = None
                    ) -> CalibrationResult:
    """Fit the priors to the fitted targets by ABC-SMC; predict every target from the posterior.

    Writes to `out`: ``abc.db`` (pyABC's history), ``runs/`` (one experiment store per
    batch of candidates), ``posterior.parquet`` (the last population: one row per particle,
    its parameters and weight), ``predictive.parquet`` (target statistics of posterior
    draws), ``summary.json``, and the figures (``sim.calibration.figures``).

    Examples
    --------
    >>> from sim.calibration.spec import load_calibration
    >>> spec = load_calibration("experiments/kutim_calibration.toml")
    >>> result = run_calibration(spec, "out/kutim_calibration")  # doctest: +SKIP
    """
    pyabc = _pyabc()
    out = Path(out)
    _claim_folder(spec, out)
    s = spec.settings
    simulator = Simulator(spec, out, executor, workers, scheduler)
    names = safe_names(spec)
    prior = pyabc.Distribution(**{safe: pyabc.RV(law[0], *law[1], **law[2]) for safe, law in
                                  ((k, scipy_law(spec.priors[p])) for k, p in names.items())})
    distance = pyabc.PNormDistance(p=np.inf, fixed_weights={
        t.name: 1.0 / t.tolerance for t in spec.fitted})
    database = f"sqlite:///{(out / 'abc.db').resolve()}"
    resuming = (out / "abc.db").exists() and _finished_generations(pyabc, database) > 0
    # a resumed run takes its next threshold from the stored population, as an unbroken
    # run does; only a fresh one starts from the file's initial threshold
    abc = pyabc.ABCSMC(
        _model_class(pyabc)(simulator.cache), prior, distance, population_size=s.population_size,
        sampler=_sampler_class(pyabc)(simulator, s.batch, s.seed),
        eps=pyabc.QuantileEpsilon(initial_epsilon="from_sample" if resuming
                                  else s.initial_epsilon, alpha=s.alpha,
                                  quantile_multiplier=s.quantile_multiplier))
    _seed_global(_seed(s.seed, 0))
    if resuming:
        abc.load(database, 1)
        done = _finished_generations(pyabc, database)
    else:
        (out / "abc.db").unlink(missing_ok=True)
        abc.new(database, {t.name: t.observed for t in spec.fitted})
        done = 0
    if done < s.generations and not _converged(pyabc, database, s.min_epsilon):
        abc.run(minimum_epsilon=s.min_epsilon, max_nr_populations=s.generations - done,
                max_total_nr_simulations=s.max_evaluations * s.generations)
    return _finish(pyabc, spec, simulator, database, out)


def _finished_generations(pyabc, database: str) -> int:
    try:
        history = pyabc.History(database, create=False)
    except Exception:  # an empty or broken history: start over
        return 0
    return int(history.max_t + 1) if history.n_populations else 0


def _converged(pyabc, database: str, min_epsilon: float) -> bool:
    history = pyabc.History(database, create=False)
    populations = history.get_all_populations()
    populations = populations[populations["t"] >= 0]
    return bool(len(populations) and populations["epsilon"].iloc[-1] <= min_epsilon)


def _finish(pyabc, spec: Calibration, simulator: Simulator, database: str,
            out: Path) -> CalibrationResult:
    from sim.calibration.figures import save_figures
    from sim.calibration.posterior import weighted_quantile

    history = pyabc.History(database, create=False)
    frame, weights = history.get_distribution(m=0, t=history.max_t)
    names = safe_names(spec)
    posterior = frame.rename(columns=names)[list(names.values())].reset_index(drop=True)
    posterior["weight"] = np.asarray(weights, dtype=float) / np.sum(weights)
    generations = history.get_all_populations()
    generations = generations[generations["t"] >= 0].reset_index(drop=True)
    predictive = _predictive(spec, simulator, posterior, out)
    atomic_write_parquet(posterior, out / "posterior.parquet")
    atomic_write_parquet(predictive, out / "predictive.parquet")
    summary = {"calibration": spec.name, "parameters": {}, "predictive": {},
               "generations": generations[["t", "epsilon", "samples", "particles"]]
               .to_dict(orient="records"),
               "fitted": [t.name for t in spec.fitted],
               "held_out": [t.name for t in spec.held_out]}
    from scipy import stats as st
    for path, prior in spec.priors.items():
        law = scipy_law(prior)
        frozen = getattr(st, law[0])(*law[1], **law[2])
        values, w = posterior[path].to_numpy(), posterior["weight"].to_numpy()
        mean = float(np.sum(w * values))
        sd = float(np.sqrt(np.sum(w * (values - mean) ** 2)))
        summary["parameters"][path] = {
            "prior_mean": float(frozen.mean()), "prior_sd": float(frozen.std()), "mean": mean,
            "sd": sd, "q05": weighted_quantile(values, w, 0.05),
            "q95": weighted_quantile(values, w, 0.95),
            "contraction": float(1.0 - sd / frozen.std()) if frozen.std() > 0 else 0.0}
    for target in spec.targets:
        values = predictive.loc[predictive["target"] == target.name, "value"].to_numpy(float)
        values = values[np.isfinite(values)]
        # a held-out target predicts, unless the scenario's own estimates were written to give it
        role = (f"held out ({'input' if target.role == 'input' else 'independent'})"
                if target in spec.held_out else target.role)
        q = np.quantile(values, [0.05, 0.5, 0.95]) if values.size else [np.nan] * 3
        summary["predictive"][target.name] = {
            "role": role, "observed": target.observed, "tolerance": target.tolerance,
            "q05": float(q[0]), "median": float(q[1]), "q95": float(q[2]),
            "within": float(np.mean(np.abs(values - target.observed) <= target.tolerance))
            if values.size else float("nan"), "source": target.source}
    atomic_write_bytes(out / "summary.json", json.dumps(summary, indent=2).encode())
    save_figures(spec, posterior, predictive, summary, out)
    return CalibrationResult(out, generations, posterior, predictive, summary,
                             simulator.runs, simulator.failed)


def _predictive(spec: Calibration, simulator: Simulator, posterior: pd.DataFrame,
                out: Path) -> pd.DataFrame:
    """Target statistics of posterior draws, for every target (held-out ones too).

    Each draw is a parameter set from the posterior and a run under random numbers of its
    own (`Simulator.experiment`): draws that shared them would all carry the same chance
    (one lucky or unlucky election), so the share of draws within tolerance would
    measure one realisation, not the predictive spread.
    """
    rng = np.random.default_rng(_seed(spec.settings.seed, PREDICTIVE_BATCH))
    picks = rng.choice(len(posterior), size=spec.settings.predictive_draws,
                       p=posterior["weight"].to_numpy())
    points = [{path: (round(float(posterior.at[i, path])) if spec.priors[path].integer
                      else float(posterior.at[i, path])) for path in spec.priors}
              for i in picks]
    stats = simulator.run_points(points, spec.targets, _seed(spec.settings.seed,
                                                             PREDICTIVE_BATCH, 1),
                                 out / "runs" / "predictive")
    return pd.DataFrame([{"draw": d, "target": name, "value": value}
                         for d, row in enumerate(stats) for name, value in row.items()])


def atomic_write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Write a table as Parquet in one step (a reader never sees half a file)."""
    import io

    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    atomic_write_bytes(path, buffer.getvalue())
