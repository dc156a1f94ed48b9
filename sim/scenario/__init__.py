"""Scenarios: schema, TOML loading with overrides, and the bundled registry."""

from sim.scenario.loading import (
    ScenarioError,
    apply_overrides,
    load_scenario,
    missing_sources,
    parse_override,
    read_toml,
    validate_data,
)
from sim.scenario.registry import bundled_names, bundled_path, describe_bundled
from sim.scenario.schema import Phase, Scenario

__all__ = [
    "Phase",
    "Scenario",
    "ScenarioError",
    "apply_overrides",
    "bundled_names",
    "bundled_path",
    "describe_bundled",
    "load_scenario",
    "missing_sources",
    "parse_override",
    "read_toml",
    "validate_data",
]
