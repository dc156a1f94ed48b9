"""Kondusif: agent-based simulation of social conflict around Indonesian regional elections."""

from sim.scenario import Scenario, ScenarioError, load_scenario
from sim.simulation import RunResult, RunSpec, build_model, run, run_one

__all__ = ["RunResult", "RunSpec", "Scenario", "ScenarioError", "build_model", "load_scenario",
           "run", "run_one"]
__version__ = "0.1.0"
