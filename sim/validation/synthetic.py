"""Scenarios built in code for the published special cases: one community, a ring, two groups.

Every number here is a setting of a validation experiment, not a fact about a
place; the scenarios carry no sources because nothing in them is taken from
the world.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sim.scenario import Scenario, validate_data

CALENDAR = {
    "campaign_start": dt.date(2024, 9, 25),
    "quiet_start": dt.date(2024, 11, 24),
    "voting_day": dt.date(2024, 11, 27),
    "recap_end": dt.date(2024, 12, 6),
    "dispute_end": dt.date(2024, 12, 20),
}
VOTERS_PER_TPS = 400


def community(name: str, voters: int, **fields: Any) -> dict:
    """A community dict: two camps of 40% each, one TPS per 400 voters, on the equator."""
    base = {
        "name": name, "residents": int(voters * 1.5), "voters": voters,
        "tps": max(1, voters // VOTERS_PER_TPS), "latitude": 0.5, "longitude": 117.5,
        "support": {"01": 0.4, "02": 0.4},
    }
    return base | fields


def scenario(communities: list[dict], name: str = "validation", **blocks: Any) -> Scenario:
    """A validated scenario: two candidate pairs, the 2024 Pilkada calendar, given communities."""
    data = {
        "scenario": {"name": name, "title": f"validation: {name}"},
        "region": {"name": "synthetic"},
        "calendar": dict(CALENDAR),
        "candidates": [{"id": "01", "name": "One"}, {"id": "02", "name": "Two", "incumbent": True}],
        "communities": communities,
    } | blocks
    return validate_data(data, f"validation scenario {name!r}")


def ring(n: int, voters: int, travel_hours: float) -> list[dict]:
    """`n` communities on a ring, each `travel_hours` from its two neighbours."""
    names = [f"C{i:02d}" for i in range(n)]
    return [
        community(names[i], voters, neighbours=[
            {"name": names[(i - 1) % n], "travel_hours": travel_hours},
            {"name": names[(i + 1) % n], "travel_hours": travel_hours},
        ][: min(2, n - 1)])
        for i in range(n)
    ]
