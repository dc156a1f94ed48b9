"""Experiments: many runs compared honestly (design, executors, results store, analysis).

Three lines from a notebook::

    spec, path = load_experiment("experiments/quick.toml")
    run_experiment(spec, path, "out/quick", executor="local")
    summary = summarize_store("out/quick")      # pandas DataFrames
"""

from sim.experiments.analysis import Summary, summarize, summarize_store
from sim.experiments.design import RunTask, design_points, expand
from sim.experiments.executors import open_executor
from sim.experiments.runner import SweepReport, run_experiment
from sim.experiments.spec import Experiment, ExperimentError, load_experiment
from sim.experiments.store import ResultStore

__all__ = [
    "Experiment",
    "ExperimentError",
    "ResultStore",
    "RunTask",
    "Summary",
    "SweepReport",
    "design_points",
    "expand",
    "load_experiment",
    "open_executor",
    "run_experiment",
    "summarize",
    "summarize_store",
]
