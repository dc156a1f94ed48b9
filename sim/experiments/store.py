"""The results store: append-only Parquet parts, a manifest, and resuming without duplicates.

Layout of an output folder::

    manifest.json              experiment hash, package and code versions, arms, counts
    experiment.toml            the experiment file as it was run
    runs/part-000001.parquet   one row per run: specification, seed, outcomes, status, timing
    timeseries/part-000001.parquet   kept daily columns per community, with run_id

    .lock                      held by the one sweep writing here (filelock)
    damaged/                   parts that could not be read, set aside; their runs are redone

Each flush writes the time-series part first and the runs part second, both
atomically; a runs part is what makes its runs count as stored, so a crash
between the two leaves only an orphan time-series part, removed on reopening.
One writer at a time: a second sweep into the same folder is refused while the
first holds the lock, so no run is ever stored twice. Opening for writing also
checks every part (a damaged one is set aside and its runs redone) and removes
temporary files a killed sweep left behind.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import platform
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import filelock
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from sim.experiments.spec import (
    Experiment,
    ExperimentError,
    definition_changes,
    definition_hash,
    experiment_definition,
)
from sim.experiments.worker import RunRecord
from sim.store_io import atomic_write_bytes, atomic_write_parquet

PACKAGES = ("kondusif", "mesa", "numpy", "pandas", "scipy", "pyarrow", "SALib", "pydantic",
            "dask", "distributed")
PART = re.compile(r"part-(\d{6})\.parquet$")
LOCK = ".lock"
DAMAGED = "damaged"


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
        self._lock: filelock.BaseFileLock | None = None

    # --- creating and checking ---------------------------------------------

    @classmethod
    def open_for(cls, folder: str | Path, spec: Experiment, path: Path,
                 total_runs: int) -> ResultStore:
        """Open (or create) the store of `spec` for writing, and hold its lock until `close`.

        Refuses a folder another sweep is writing to, and one made by another
        experiment definition (saying what changed).
        """
        store = cls(folder)
        definition = experiment_definition(spec, path)
        digest = definition_hash(definition)
        store.lock()
        try:
            if store.manifest_path.exists():
                store._check_identity(digest, definition)
                store.remove_stale_temporaries()
                store.set_aside_damaged()
                store.remove_orphans()
                return store
            store._create(spec, path, digest, definition, total_runs)
        except BaseException:
            store.close()
            raise
        return store

    def lock(self) -> None:
        """Take the store's write lock, or refuse at once if another process holds it."""
        if self.folder.exists() and not self.folder.is_dir():
            raise ExperimentError(str(self.folder), ["is a file; --out must be a folder"])
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise ExperimentError(str(self.folder), [
                "cannot be created: a part of that path is a file"]) from None
        self._lock = filelock.FileLock(self.folder / LOCK)
        try:
            self._lock.acquire(timeout=0)
        except filelock.Timeout:
            self._lock = None
            raise ExperimentError(str(self.folder), [
                "another sweep is writing to this folder now (it holds "
                f"{self.folder / LOCK}); wait for it to finish, or use another --out"]) from None

    def close(self) -> None:
        """Release the write lock (if held)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _check_identity(self, digest: str, definition: dict[str, Any]) -> None:
        manifest = self.manifest()
        found = manifest.get("experiment_hash")
        if found == digest:
            return
        before = manifest.get("definition")
        changes = definition_changes(before, definition) if before is not None else []
        what = ("; what changed: " + "; ".join(changes)) if changes else ""
        raise ExperimentError(str(self.folder), [
            f"holds results of another experiment definition (hash {found}, this one is "
            f"{digest}){what}; use another --out folder, or delete this one to start over"])

    def _create(self, spec: Experiment, path: Path, digest: str, definition: dict[str, Any],
                total_runs: int) -> None:
        self.runs_dir.mkdir(parents=True, exist_ok=True)
        self.series_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.folder / "experiment.toml", path.read_bytes())
        self.write_manifest({
            "experiment": spec.name,
            "experiment_hash": digest,
            "definition": definition,
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

    def remove_stale_temporaries(self) -> list[Path]:
        """Delete the temporary files of a writer that was killed (only call holding the lock)."""
        stale = [p for folder in (self.folder, self.runs_dir, self.series_dir)
                 if folder.is_dir() for p in folder.glob(".*.tmp")]
        for path in stale:
            path.unlink(missing_ok=True)
        return stale

    def damaged_parts(self) -> dict[int, tuple[Path, str]]:
        """Part numbers whose runs or time-series file cannot be read, with the file and why."""
        damaged: dict[int, tuple[Path, str]] = {}
        for folder in (self.runs_dir, self.series_dir):
            for number, part in self._parts(folder).items():
                problem = part_problem(part)
                if problem and number not in damaged:
                    damaged[number] = (part, problem)
        return damaged

    def set_aside_damaged(self) -> list[Path]:
        """Move damaged parts (and their partner) to damaged/, so their runs are run again."""
        moved = []
        for number, (part, problem) in self.damaged_parts().items():
            print(f"{part}: damaged ({problem}); set aside in {self.folder / DAMAGED}/, its "
                  "runs will be run again / rusak, disisihkan; run-nya diulang",
                  file=sys.stderr)
            target = self.folder / DAMAGED
            target.mkdir(exist_ok=True)
            for folder in (self.runs_dir, self.series_dir):
                partner = folder / f"part-{number:06d}.parquet"
                if partner.exists():
                    destination = target / f"{folder.name}-{partner.name}"
                    suffix = 1
                    while destination.exists():
                        destination = target / f"{folder.name}-{suffix}-{partner.name}"
                        suffix += 1
                    partner.replace(destination)
                    moved.append(destination)
        return moved

    def remove_orphans(self) -> None:
        """Drop time-series parts whose runs part never reached disk (a crash between the two)."""
        runs = self._parts(self.runs_dir)
        for number, part in self._parts(self.series_dir).items():
            if number not in runs:
                part.unlink()

    def _readable(self, folder: Path) -> dict[int, Path]:
        """The parts of `folder` that can be read; a damaged one is named on stderr and skipped."""
        damaged = self.damaged_parts()
        for part, problem in damaged.values():
            if part.parent == folder:
                print(f"{part}: damaged ({problem}); its runs are left out here; run the sweep "
                      "again to set it aside and redo them", file=sys.stderr)
        return {n: p for n, p in self._parts(folder).items() if n not in damaged}

    def require_runs(self) -> None:
        """Refuse a store that holds no run yet (nothing to summarise or report)."""
        if not self._readable(self.runs_dir):
            raise ExperimentError(str(self.folder), [
                "holds no finished runs yet; run `kondusif sweep` into it first (or let the "
                "running sweep flush its first part) / belum ada run"])

    def finished_ids(self) -> set[str]:
        """Run ids already stored, reading only that column."""
        done: set[str] = set()
        for part in self._parts(self.runs_dir).values():
            done.update(pq.read_table(part, columns=["run_id"]).column(0).to_pylist())
        return done

    def append(self, records: list[RunRecord]) -> None:
        """Write one part: time series first, then the rows that commit them."""
        if self._lock is None:
            raise RuntimeError("ResultStore.append needs the write lock: open it with open_for")
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
        parts = [pd.read_parquet(p) for p in self._readable(self.runs_dir).values()]
        if not parts:
            return pd.DataFrame(columns=["run_id", "arm", "point", "replication", "status"])
        # one row per run even if an older version of kondusif stored a run twice (a design
        # may hold the same run at two points, as sensitivity samples do: both are kept)
        table = pd.concat(parts, ignore_index=True).drop_duplicates(["run_id", "point"])
        arms = self.manifest().get("arms", [])
        order = {a: i for i, a in enumerate(arms)}
        table["_arm"] = table["arm"].map(order)
        table = table.sort_values(["replication", "scenario", "point", "_arm"], kind="stable")
        return table.drop(columns="_arm").reset_index(drop=True)

    def timeseries(self, columns: list[str] | None = None) -> pd.DataFrame:
        """Kept daily series of every stored run (join to `runs()` on run_id)."""
        runs = set(self._readable(self.runs_dir))
        parts = [pd.read_parquet(p, columns=columns) for n, p in
                 self._readable(self.series_dir).items() if n in runs]
        if not parts:
            return pd.DataFrame(columns=["run_id", "step", "date", "community"])
        return pd.concat(parts, ignore_index=True)


def part_problem(path: Path) -> str:
    """Why a Parquet part cannot be read ('' if it can): a truncated or garbled file."""
    try:
        metadata = pq.read_metadata(path)
        if metadata.num_rows < 0:
            return "no rows"
    except (OSError, pa.ArrowException) as exc:
        return str(exc).splitlines()[0][:160]
    return ""
