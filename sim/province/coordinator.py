"""The province run: regions step independently between synchronisation points.

Order of one synchronisation point (at the start of a day):
 1. the reserve is reallocated from what the regions reported (by_risk plan);
 2. at the province plenary, the governor dispute is decided;
 3. each region gets its orders (reserve units present, governor hoax waves
    dated in the coming interval, mobilisation after a governor dispute);
 4. every region advances to the next synchronisation point, one task per
    region on the executor; it reports tension, incidents, hoax belief and,
    after voting day, its governor votes.

Points fall every `sync_days` days, and also on the day after voting (the
governor count) and on the province plenary. With the governor race and the
reserve both off the regions do not interact: the whole calendar is one
interval and each region's run is exactly `sim.run` of its scenario with the
region's seed.

Randomness: region r of a province run has its own SeedSequence,
``SeedSequence(root, spawn_key=(province, replication, region))``, so results
do not depend on scheduling or on the executor; the reserve plan is not in
the key, so plans are compared on common random numbers.
"""

from __future__ import annotations

import datetime as dt
import time
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from pydantic import ValidationError

from sim.province.executors import SerialExecutor
from sim.province.governor import GovernorContest
from sim.province.loading import LoadedProvince, Region
from sim.province.region import (
    GovernorBallot,
    RegionOrders,
    RegionRecipe,
    RegionReport,
    advance,
)
from sim.province.reserve import ProvincialReserve, travel_hours
from sim.province.schema import Province
from sim.scenario import ScenarioError
from sim.scenario.loading import format_errors
from sim.simulation import stable_key


def region_seed(root: int, province: str, replication: int, region: str,
                part: str | None = None) -> np.random.SeedSequence:
    """The seed of one region's model (or of its `part`, e.g. "governor")."""
    key = (stable_key(province), replication, stable_key(region))
    return np.random.SeedSequence(root, spawn_key=key + ((stable_key(part),) if part else ()))


@dataclass
class ProvinceResult:
    """What a province run gives: province outcomes, and per-region results with `region`."""

    outcomes: dict[str, Any]
    region_outcomes: dict[str, dict[str, Any]]
    timeseries: pd.DataFrame
    incidents: pd.DataFrame
    events: pd.DataFrame
    reserve: pd.DataFrame
    seconds: float = 0.0
    executor: str = ""

    def regions_table(self) -> pd.DataFrame:
        """One row per region: its headline outcomes."""
        rows = []
        for name, o in self.region_outcomes.items():
            rows.append({"region": name, "voters": o["voters"],
                         "incidents": o["incidents_total"], "clashes":
                         o["incidents_by_severity"]["clash"], "riots": o["riots"],
                         "peak_tension": o["peak_tension"], "turnout": o["turnout"],
                         "margin": o["margin"], "dispute_filed": o["dispute_filed"],
                         "reserve_unit_days": o["reserve_unit_days"]})
        return pd.DataFrame(rows)


@dataclass
class _Sync:
    """The coordinator's view between intervals."""

    reports: list[RegionReport | None]
    days: int = 0  # length of the interval the reports cover
    reserve_rows: list[dict] = field(default_factory=list)
    mobilise: tuple[int, ...] = ()


def run_province(province: LoadedProvince, seed: int = 0, replication: int = 0,
                 executor: Executor | None = None, plan: str | None = None) -> ProvinceResult:
    """Run every region of a province through the shared calendar.

    Parameters
    ----------
    province : a loaded province (``sim.province.load_province``)
    seed, replication : the root seed and replication index
    executor : where region tasks run (default: serially in this process)
    plan : reserve plan to use instead of the file's (hold, by_voters, by_ikp, by_risk)

    Examples
    --------
    >>> from sim.province import load_province
    >>> p = load_province("kaltim_2024", population_scale=400)
    >>> result = run_province(p, seed=1)
    >>> sorted(result.region_outcomes)[:2]
    ['Balikpapan', 'Berau']
    """
    started = time.perf_counter()
    spec = province.spec if plan is None else _with_plan(province.spec, plan)
    executor = executor or SerialExecutor()
    cal = spec.calendar
    n_days, dates = cal.n_days, cal.dates
    governor = _governor(spec, seed, replication, province.name) if spec.governor.enabled \
        else None
    reserve = _reserve(spec, province.regions)
    starts: list = [_recipe(province, r, seed, replication) for r in province.regions]
    sync = _Sync(reports=[None] * len(starts))
    points = _sync_points(spec, n_days, governor is not None or reserve is not None)
    for first, last in zip(points, points[1:] + [n_days], strict=True):
        today = dates[first]
        if reserve is not None and first > 0:
            reserve.reallocate(first, _trouble(reserve, sync.reports, sync.days))
        if governor is not None and today == cal.recap_end and governor.decide_dispute(
                _belief_share(sync.reports)):
            sync.mobilise = governor.losers
        orders = [_orders(first, last - first, r.index, reserve, governor, today, sync,
                          spec.governor.voting.mobilisation_anger) for r in province.regions]
        results = list(executor.map(advance, starts, orders))
        starts = [parcel for parcel, _ in results]
        sync.reports = [report for _, report in results]
        sync.days = last - first
        if governor is not None and today <= cal.voting_day < today + dt.timedelta(
                days=last - first):
            for report in sync.reports:
                governor.add_votes(report.governor_votes, report.governor_ballots)
        if reserve is not None:
            sync.reserve_rows += _reserve_rows(reserve, province, first, last, today)
    return _result(province, sync, governor, reserve, time.perf_counter() - started,
                   type(executor).__name__)


def _with_plan(spec: Province, plan: str) -> Province:
    """The province with another reserve plan, validated as if the file said it."""
    data = spec.model_dump()
    data["reserve"]["plan"] = plan
    try:
        return Province.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError("--plan", format_errors(exc, data)) from None


def _governor(spec, seed: int, replication: int, name: str) -> GovernorContest:
    rng = np.random.default_rng(region_seed(seed, name, replication, "province", "governor"))
    return GovernorContest(spec.governor, rng)


def _reserve(spec, regions: tuple[Region, ...]) -> ProvincialReserve | None:
    r = spec.reserve
    if not r.enabled or r.personnel < r.unit_size:
        return None
    capitals = [max(reg.scenario.communities, key=lambda c: c.voters) for reg in regions]
    coords = np.array([(c.latitude, c.longitude) for c in capitals])
    extra = np.array([reg.entry.extra_travel_hours for reg in regions])
    voters = np.array([reg.voters for reg in regions], dtype=float)
    ikp = np.array([reg.entry.ikp if reg.entry.ikp is not None else 0.0 for reg in regions])
    base = next(reg.index for reg in regions if reg.name == r.base)
    return ProvincialReserve(r, base, voters, ikp, travel_hours(coords, extra, r))


def _recipe(province: LoadedProvince, region: Region, seed: int,
            replication: int) -> RegionRecipe:
    spec = province.spec
    ballot = None
    if spec.governor.enabled:
        ballot = GovernorBallot(
            candidate_ids=tuple(c.id for c in spec.governor.candidates),
            region_shares=dict(region.entry.governor_support),
            community_shares={k: dict(v) for k, v in
                              region.entry.governor_support_by_community.items()},
            invalid_share=spec.governor.voting.invalid_share,
            seed=region_seed(seed, province.name, replication, region.name, "governor"),
        )
    return RegionRecipe(
        index=region.index, name=region.name, scenario=region.scenario,
        strategies=tuple(region.entry.strategies),
        seed=region_seed(seed, province.name, replication, region.name),
        ballot=ballot, reserve_unit_size=spec.reserve.unit_size)


def _sync_points(spec, n_days: int, coupled: bool) -> list[int]:
    """First days of the intervals: every sync_days, the day after voting, the plenary."""
    if not coupled:
        return [0]
    cal = spec.calendar
    points = set(range(0, n_days, spec.sync_days))
    points.add(cal.step_of(cal.voting_day) + 1)
    points.add(cal.step_of(cal.recap_end))
    return sorted(p for p in points if 0 <= p < n_days)


def _trouble(reserve: ProvincialReserve, reports, days: int) -> np.ndarray:
    max_tension = np.array([r.max_tension for r in reports])
    clashes = np.array([r.clashes for r in reports]) / days
    riots = np.array([r.riots for r in reports]) / days
    return reserve.trouble(max_tension, clashes, riots)


def _belief_share(reports) -> float:
    voters = sum(r.voters for r in reports if r is not None)
    return sum(r.belief_voters for r in reports if r is not None) / voters if voters else 0.0


def _orders(first: int, days: int, index: int, reserve, governor, today: dt.date, sync: _Sync,
            anger: float) -> RegionOrders:
    last_date = today + dt.timedelta(days=days - 1)
    return RegionOrders(
        days=days,
        reserve_units=int(reserve.present(first)[index]) if reserve is not None else 0,
        hoaxes=governor.hoaxes_between(today, last_date) if governor is not None else [],
        mobilise_governor_camps=sync.mobilise, mobilisation_anger=anger)


def _reserve_rows(reserve: ProvincialReserve, province: LoadedProvince, first: int, last: int,
                  today: dt.date) -> list[dict]:
    present, going = reserve.present(first), reserve.in_transit(first)
    return [{"day": day, "date": (today + dt.timedelta(days=day - first)).isoformat(),
             "region": region.name, "units_present": int(present[region.index]),
             "units_on_the_road": int(going[region.index])}
            for day in range(first, last) for region in province.regions]


def _result(province: LoadedProvince, sync: _Sync, governor, reserve, seconds: float,
            executor: str) -> ProvinceResult:
    finals = {province.regions[r.index].name: r.final for r in sync.reports}
    reserve_table = pd.DataFrame(sync.reserve_rows, columns=["day", "date", "region",
                                                             "units_present",
                                                             "units_on_the_road"])
    unit_days = reserve_table.groupby("region")["units_present"].sum() if len(reserve_table) \
        else pd.Series(dtype=float)
    region_outcomes = {}
    for region in province.regions:
        outcomes = dict(finals[region.name].outcomes)
        outcomes["voters"] = region.voters
        outcomes["reserve_unit_days"] = int(unit_days.get(region.name, 0))
        region_outcomes[region.name] = outcomes
    tables = {kind: _stack(finals, kind) for kind in ("timeseries", "incidents", "events")}
    outcomes = _province_outcomes(province, region_outcomes, tables["timeseries"])
    if governor is not None:
        outcomes |= governor.outcomes(province.total_voters)
    outcomes["reserve_moves"] = reserve.moves if reserve is not None else 0
    return ProvinceResult(outcomes, region_outcomes, tables["timeseries"], tables["incidents"],
                          tables["events"], reserve_table, seconds, executor)


def _stack(finals: dict, kind: str) -> pd.DataFrame:
    frames = [getattr(final, kind).assign(region=name) for name, final in finals.items()]
    table = pd.concat(frames, ignore_index=True)
    return table[["region"] + [c for c in table.columns if c != "region"]]


def _province_outcomes(province: LoadedProvince, regions: dict[str, dict],
                       timeseries: pd.DataFrame) -> dict[str, Any]:
    def total(key):
        return sum(o[key] for o in regions.values())

    daily = timeseries.groupby("step")[["clash", "riot"]].sum()
    return {
        "regions": len(regions),
        "voters": province.total_voters,
        "incidents_total": total("incidents_total"),
        "clashes": sum(o["incidents_by_severity"]["clash"] for o in regions.values()),
        "riots": total("riots"),
        "injuries": round(float(total("injuries")), 6),
        "arrests": round(float(total("arrests")), 6),
        "peak_tension": max(o["peak_tension"] for o in regions.values()),
        "communities_escalated": total("communities_escalated"),
        "regions_with_unrest": sum(1 for o in regions.values()
                                   if o["incidents_by_severity"]["clash"] + o["riots"] > 0),
        "days_of_unrest": int(((daily["clash"] + daily["riot"]) > 0).sum()),
        "regional_disputes_filed": sum(1 for o in regions.values() if o["dispute_filed"]),
        "reserve_unit_days": total("reserve_unit_days"),
    }
