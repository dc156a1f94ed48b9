"""Small provinces built in code for tests: three regions made from the demo villages."""

from __future__ import annotations

import copy
import datetime as dt

from sim.province.loading import province_from_data
from sim.scenario.registry import scenario_dir

CALENDAR = {
    "campaign_start": dt.date(2024, 9, 25),
    "quiet_start": dt.date(2024, 11, 24),
    "voting_day": dt.date(2024, 11, 27),
    "recap_end": dt.date(2024, 12, 9),
    "dispute_end": dt.date(2024, 12, 20),
}
REGIONS = ("Hulu", "Tengah", "Hilir")


def province_data(governor_race: bool = True, reserve_on: bool = True, **blocks) -> dict:
    """Three regions, each the desa_demo scenario, a two-pair governor race, a reserve."""
    data = {
        "scenario": {"name": "tiga_daerah", "title": "three demo regions"},
        "province": {"name": "Provinsi Contoh"},
        "calendar": dict(CALENDAR),
        "governor": {
            "enabled": governor_race,
            "candidates": [{"id": "01", "name": "Gubernur Satu"},
                           {"id": "02", "name": "Gubernur Dua"}],
        },
        "reserve": {"enabled": reserve_on, "personnel": 300, "unit_size": 30, "base": "Hulu"},
        "regions": [
            {"name": name, "scenario": "desa_demo.toml", "ikp": 10.0,
             "extra_travel_hours": 6.0 * i, "governor_support": {"01": 0.4, "02": 0.35}}
            for i, name in enumerate(REGIONS)
        ],
    }
    for key, value in blocks.items():
        data[key] = data[key] | copy.deepcopy(value)
    return data


def make_province(data: dict | None = None, population_scale: float | None = None):
    return province_from_data(data or province_data(), scenario_dir(), "test province",
                              population_scale)


def with_region_events(data: dict, region: str, events: list[dict]) -> dict:
    """The same province with `events` replacing the demo events of one region."""
    data = copy.deepcopy(data)
    entry = next(r for r in data["regions"] if r["name"] == region)
    entry["set"] = {"events": events}
    return data
