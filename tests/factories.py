"""Scenarios built in code for tests: raw TOML-shaped dicts, validated like files."""

from __future__ import annotations

import copy

from sim.scenario import validate_data
from sim.validation.synthetic import CALENDAR


def community(name: str, voters: int, **fields) -> dict:
    base = {
        "name": name, "residents": int(voters * 1.5), "voters": voters,
        "tps": max(1, voters // 400), "latitude": 0.5, "longitude": 117.5,
        "support": {"01": 0.4, "02": 0.4},
    }
    base.update(fields)
    return base


def scenario_data(communities: list[dict] | None = None, **blocks) -> dict:
    """A valid scenario dict: two candidates, the 2024 calendar, given communities."""
    data = {
        "scenario": {"name": "test", "title": "test scenario"},
        "region": {"name": "Test"},
        "calendar": dict(CALENDAR),
        "candidates": [{"id": "01", "name": "One"}, {"id": "02", "name": "Two"}],
        "communities": communities or [community("A", 1200)],
    }
    data.update(copy.deepcopy(blocks))
    return data


def make_scenario(communities: list[dict] | None = None, **blocks):
    return validate_data(scenario_data(communities, **blocks), "test")
