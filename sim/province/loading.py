"""Reading province files: the province TOML and every region's scenario, checked together.

Errors name the file, the field path, the bad value and what was expected,
as scenario errors do. A region's own scenario file is validated by the
scenario loader, so its errors name that file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sim.province.schema import Province, RegionEntry
from sim.scenario import Scenario, ScenarioError, bundled_path, load_scenario, read_toml
from sim.scenario.loading import apply_overrides, format_errors
from sim.strategies import resolve_strategies

SHARED_DATES = ("campaign_start", "quiet_start", "voting_day", "dispute_end")


@dataclass(frozen=True)
class Region:
    """A region of a loaded province: its entry in the province file and its scenario."""

    index: int
    entry: RegionEntry
    scenario: Scenario

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def voters(self) -> int:
        return self.scenario.total_voters


@dataclass(frozen=True)
class LoadedProvince:
    """A validated province with every region's scenario loaded."""

    spec: Province
    regions: tuple[Region, ...]
    source: str

    @property
    def name(self) -> str:
        return self.spec.scenario.name

    @property
    def total_voters(self) -> int:
        return sum(r.voters for r in self.regions)

    def region(self, name: str) -> Region:
        return next(r for r in self.regions if r.name == name)


def load_province(path: str | Path, overrides: dict[str, Any] | None = None,
                  population_scale: float | None = None) -> LoadedProvince:
    """Load a province file and the scenario of every region it names.

    Parameters
    ----------
    path : path or bundled name (``kaltim_2024``)
    overrides : dotted paths into the province file, e.g. ``{"reserve.plan": "hold"}``;
        a region's scenario is changed through ``regions.<name>.set``
    population_scale : voters per simulated resident in every region (faster, coarser)

    Examples
    --------
    >>> p = load_province("kaltim_2024", population_scale=200)
    >>> len(p.regions), p.total_voters
    (10, 2821202)
    """
    path = bundled_path(str(path))
    data = read_toml(path)
    if "regions" not in data and "communities" in data:
        raise ScenarioError(str(path), [
            "a regency scenario, not a province file (it has [[communities]], no "
            f"[[regions]]); run it with `kondusif run {path.stem}`"])
    if overrides:
        data = apply_overrides(data, overrides, model=Province)
    return province_from_data(data, path.parent, str(path), population_scale)


def province_from_data(data: dict[str, Any], folder: Path, source: str,
                       population_scale: float | None = None) -> LoadedProvince:
    """Validate raw province data whose region files live under `folder`."""
    try:
        spec = Province.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(source, format_errors(exc, data)) from None
    regions = tuple(_load_region(i, entry, spec, folder, source, population_scale)
                    for i, entry in enumerate(spec.regions))
    return LoadedProvince(spec, regions, source)


def _load_region(index: int, entry: RegionEntry, spec: Province, folder: Path, source: str,
                 population_scale: float | None) -> Region:
    where = f"regions.{index}"
    path = folder / entry.scenario
    if not path.is_file():
        raise ScenarioError(source, [f"{where}.scenario = {entry.scenario!r}: no such file "
                                     f"next to the province file ({folder})"])
    overrides = dict(entry.set)
    if population_scale is not None:
        overrides["population.scale"] = population_scale
    scenario = load_scenario(path, overrides)
    problems = _calendar_problems(scenario, spec, str(path))
    problems += _community_problems(entry, scenario, where)
    if problems:
        raise ScenarioError(source, problems)
    try:
        resolve_strategies(entry.strategies, scenario)
    except ScenarioError as exc:
        raise ScenarioError(source, [f"{where}.strategies = {entry.strategies!r}: {p}"
                                     for p in exc.problems]) from None
    return Region(index, entry, scenario)


def _calendar_problems(scenario: Scenario, spec: Province, region_file: str) -> list[str]:
    problems = []
    for name in SHARED_DATES:
        mine, shared = getattr(scenario.calendar, name), getattr(spec.calendar, name)
        if mine != shared:
            problems.append(f"{region_file}: calendar.{name} = {mine}: must equal the "
                            f"province calendar's {name} ({shared}); Pilkada serentak "
                            f"shares one calendar")
    return problems


def _community_problems(entry: RegionEntry, scenario: Scenario, where: str) -> list[str]:
    known = {c.name for c in scenario.communities}
    return [f"{where}.governor_support_by_community.{name}: no community {name!r} in "
            f"{entry.scenario}" for name in entry.governor_support_by_community
            if name not in known]
