"""The results store: append-only Parquet parts, a manifest, and resuming without duplicates.

Layout of an output folder::

    manifest.json              experiment hash, package and code versions, arms, counts
    experiment.toml            the experiment file as it was run
    runs/part-000001.parquet   one row per run: specification, seed, outcomes, status, timing
    timeseries/part-000001.parquet   kept daily columns per community, with run_id

Each flush writes the time-series part first and the runs part second, both
atomically; a runs part is what makes its runs count as stored, so a crash
between the two leaves only an orphan time-series part, removed on reopening.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import platform
import re
import subprocess
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from sim.experiments.spec import Experiment, ExperimentError, experiment_hash
from sim.experiments.worker import RunRecord
from sim.store_io import atomic_write_bytes, atomic_write_parquet

PACKAGES = ("kondusif", "mesa", "numpy", "pandas", "scipy", "pyarrow", "SALib", "pydantic",
            "dask", "distributed")
PART = re.compile(r"part-(\d{6})\.parquet$")


def package_versions() -> dict[str, str]:
    """Installed versions of the packages a result depends on."""
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def code_version() -> str:
    """``git describe`` of the source tree if it is a checkout, else the package version."""
    here = Path(__file__).resolve().parent
    try:
        described = subprocess.run(["git", "describe", "--always", "--dirty", "--tags"],
                                   cwd=here, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        described = None
    if described is not None and described.returncode == 0 and described.stdout.strip():
        return f"git {described.stdout.strip()}"
    return f"kondusif {package_versions()['kondusif']}"


class ResultStore:
    """An experiment's output folder: open it, see what is done, append runs, read them back.

    Examples
    --------
    >>> store = ResultStore("out/quick")        # doctest: +SKIP
    >>> store.runs().groupby("arm")["out.incidents_total"].mean()   # doctest: +SKIP
    """

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.runs_dir = self.folder / "runs"
        self.series_dir = self.folder / "timeseries"

    # --- creating and checking ---------------------------------------------

    @classmethod
    def open_for(cls, folder: str | Path, spec: Experiment, path: Path,
                 total_runs: int) -> ResultStore:
        """Open (or create) the store of `spec`; refuse one made by another experiment."""
        store = cls(folder)
        digest = experiment_hash(spec, path)
        if store.manifest_path.exists():
            found = store.manifest().get("experiment_hash")
            if found != digest:
                raise ExperimentError(str(store.folder), [
                    f"holds results of another experiment definition (hash {found}, this one "
                    f"is {digest}); use another --out folder, or delete this one to start over"])
            store.remove_orphans()
            return store
        store.runs_dir.mkdir(parents=True, exist_ok=True)
        store.series_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(store.folder / "experiment.toml", path.read_bytes())
        store.write_manifest({
            "experiment": spec.name,
            "experiment_hash": digest,
            "experiment_file": str(path.resolve()),
            "model": spec.experiment.model,
            "arms": spec.arms,
            "scenarios": spec.experiment.scenarios,
            "replications": spec.experiment.replications,
            "total_runs": total_runs,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "code_version": code_version(),
            "python": platform.python_version(),
            "packages": package_versions(),
        })
        return store

    @property
    def manifest_path(self) -> Path:
        return self.folder / "manifest.json"

    def manifest(self) -> dict[str, Any]:
        if not self.manifest_path.exists():
            raise ExperimentError(str(self.folder), ["not a results store (no manifest.json); "
                                                     "run `kondusif sweep` into it first"])
        return json.loads(self.manifest_path.read_text(encoding="utf-8"))

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        text = json.dumps(manifest, indent=2, sort_keys=True, default=str)
        atomic_write_bytes(self.manifest_path, text.encode())

    def experiment(self) -> tuple[Experiment, Path]:
        """The experiment as it was run: its file if still unchanged, else the store's copy.

        The original file comes first so that scenario paths relative to it resolve.
        """
        from sim.experiments.spec import load_experiment

        original = Path(self.manifest().get("experiment_file", ""))
        copy = self.folder / "experiment.toml"
        if original.is_file() and original.read_bytes() == copy.read_bytes():
            return load_experiment(original)
        return load_experiment(copy)

    # --- parts ---------------------------------------------------------------

    def _parts(self, folder: Path) -> dict[int, Path]:
        if not folder.exists():
            return {}
        return {int(m.group(1)): p for p in sorted(folder.iterdir())
                if (m := PART.match(p.name))}

    def remove_orphans(self) -> None:
        """Drop time-series parts whose runs part never reached disk (a crash between the two)."""
        runs = self._parts(self.runs_dir)
        for number, part in self._parts(self.series_dir).items():
            if number not in runs:
                part.unlink()

    def finished_ids(self) -> set[str]:
        """Run ids already stored, reading only that column."""
        done: set[str] = set()
        for part in self._parts(self.runs_dir).values():
            done.update(pq.read_table(part, columns=["run_id"]).column(0).to_pylist())
        return done

    def append(self, records: list[RunRecord]) -> None:
        """Write one part: time series first, then the rows that commit them."""
        if not records:
            return
        numbers = self._parts(self.runs_dir).keys() | self._parts(self.series_dir).keys()
        name = f"part-{max(numbers, default=0) + 1:06d}.parquet"
        series = [r.timeseries for r in records if r.timeseries is not None]
        if series:
            atomic_write_parquet(pd.concat(series, ignore_index=True), self.series_dir / name)
        atomic_write_parquet(pd.DataFrame([r.row for r in records]), self.runs_dir / name)

    # --- reading -------------------------------------------------------------

    def runs(self) -> pd.DataFrame:
        """Every stored run, one row each, in design order (replication, point, arm)."""
        parts = [pd.read_parquet(p) for p in self._parts(self.runs_dir).values()]
        if not parts:
            return pd.DataFrame(columns=["run_id", "arm", "point", "replication", "status"])
        table = pd.concat(parts, ignore_index=True)
        arms = self.manifest().get("arms", [])
        order = {a: i for i, a in enumerate(arms)}
        table["_arm"] = table["arm"].map(order)
        table = table.sort_values(["replication", "scenario", "point", "_arm"], kind="stable")
        return table.drop(columns="_arm").reset_index(drop=True)

    def timeseries(self, columns: list[str] | None = None) -> pd.DataFrame:
        """Kept daily series of every stored run (join to `runs()` on run_id)."""
        runs = set(self._parts(self.runs_dir))
        parts = [pd.read_parquet(p, columns=columns) for n, p in
                 self._parts(self.series_dir).items() if n in runs]
        if not parts:
            return pd.DataFrame(columns=["run_id", "step", "date", "community"])
        return pd.concat(parts, ignore_index=True)
