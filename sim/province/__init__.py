"""Pilkada serentak across a province: regions, a shared governor race, a shared reserve."""

from sim.province.coordinator import ProvinceResult, region_seed, run_province
from sim.province.executors import EXECUTORS, open_executor
from sim.province.loading import LoadedProvince, load_province

__all__ = [
    "EXECUTORS",
    "LoadedProvince",
    "ProvinceResult",
    "load_province",
    "open_executor",
    "region_seed",
    "run_province",
]
