"""The provincial reserve: units shared by the regions, sent where the risk is, with travel time.

Provincial police hold reinforcements (Brimob and Polda units) that they
send to the regions of the province during the Pilkada operation. Here the
reserve is a number of units, each in one region or on the road to one. At
every synchronisation point the plan sets a target number of units per
region from a weight per region:

    hold       all units at the base region
    by_voters  weight = the region's voters
    by_ikp     weight = the region's Bawaslu vulnerability index (IKP)
    by_risk    weight = IKP share + risk_weight * observed trouble, where
               trouble = max(0, max community tension - alert_tension)
                         + incident_weight * (clashes + 3 riots) per day

Targets are whole units by largest remainder. Units leave regions above
their target (latest arrived first) for regions below it (nearest first)
and arrive after ceil(travel hours / travel_hours_per_day) days; on the road
they guard nowhere, so the reserve one region draws is missing from the
others. Travel hours are the straight-line distance between the regions'
largest communities times a detour factor over a convoy speed, plus each
end's extra hours (river or air access). This is a planning rule in the
spirit of risk-based deployment (Davies et al. 2013: police presence where
disorder is contains it); the weights are estimates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from sim.province.schema import Reserve, ReservePlan

EARTH_RADIUS_KM = 6371.0
RIOT_AS_CLASHES = 3


@dataclass
class ReserveUnit:
    """One unit of the reserve: where it serves, or where it is going and when it arrives."""

    number: int
    region: int
    arrives_on_day: int = 0


def travel_hours(coords: np.ndarray, extra_hours: np.ndarray, spec: Reserve) -> np.ndarray:
    """Hours by road between every pair of regions, from (latitude, longitude) in degrees."""
    lat, lon = np.radians(coords[:, 0]), np.radians(coords[:, 1])
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin(dlon / 2) ** 2
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    hours = km * spec.detour_factor / spec.road_speed_kmh + extra_hours[:, None] + extra_hours
    np.fill_diagonal(hours, 0.0)
    return hours


def whole_units(weights: np.ndarray, n_units: int) -> np.ndarray:
    """Split `n_units` by `weights`, largest remainder, ties to the lower index."""
    weights = np.asarray(weights, dtype=float)
    if n_units == 0 or weights.sum() <= 0:
        return np.zeros(weights.size, dtype=int)
    exact = n_units * weights / weights.sum()
    whole = np.floor(exact).astype(int)
    short = n_units - int(whole.sum())
    whole[np.argsort(-(exact - whole), kind="stable")[:short]] += 1
    return whole


class ProvincialReserve:
    """The reserve's units, their plan, and a log of where they were each day."""

    def __init__(self, spec: Reserve, base: int, voters: np.ndarray, ikp: np.ndarray,
                 hours: np.ndarray):
        self.spec = spec
        self.base = base
        self.voters = voters
        self.ikp = ikp
        self.hours = hours
        n_units = spec.personnel // spec.unit_size if spec.enabled else 0
        start = self._prior_targets(n_units)
        regions = np.repeat(np.arange(voters.size), start)
        self.units = [ReserveUnit(i, int(r)) for i, r in enumerate(regions)]
        self.moves = 0

    @property
    def n_regions(self) -> int:
        return int(self.voters.size)

    def _prior_targets(self, n_units: int) -> np.ndarray:
        plan = self.spec.plan
        if plan == ReservePlan.HOLD:
            weights = np.zeros(self.n_regions)
            weights[self.base] = 1.0
        elif plan == ReservePlan.BY_VOTERS:
            weights = self.voters
        else:
            weights = self.ikp
        return whole_units(weights, n_units)

    def trouble(self, max_tension: np.ndarray, clashes_per_day: np.ndarray,
                riots_per_day: np.ndarray) -> np.ndarray:
        """Observed trouble per region (0 where calm)."""
        s = self.spec
        return (np.maximum(0.0, max_tension - s.alert_tension)
                + s.incident_weight * (clashes_per_day + RIOT_AS_CLASHES * riots_per_day))

    def targets(self, trouble: np.ndarray) -> np.ndarray:
        n_units = len(self.units)
        if self.spec.plan != ReservePlan.BY_RISK:
            return self._prior_targets(n_units)
        weights = self.ikp / self.ikp.sum() + self.spec.risk_weight * trouble
        return whole_units(weights, n_units)

    def reallocate(self, day: int, trouble: np.ndarray) -> None:
        """Send units from regions above their target to regions below it (nearest first)."""
        target = self.targets(trouble)
        committed = np.bincount([u.region for u in self.units], minlength=self.n_regions)
        surplus = {r: int(committed[r] - target[r]) for r in range(self.n_regions)
                   if committed[r] > target[r]}
        for r in np.argsort(-(target - committed), kind="stable"):
            need = int(target[r] - committed[r])
            while need > 0 and surplus:
                source = min(surplus, key=lambda s, r=r: (self.hours[s, r], s))
                unit = self._latest_unit_in(source)
                unit.region = int(r)
                unit.arrives_on_day = day + self.travel_days(source, int(r))
                self.moves += 1
                need -= 1
                surplus[source] -= 1
                if surplus[source] == 0:
                    del surplus[source]

    def _latest_unit_in(self, region: int) -> ReserveUnit:
        here = [u for u in self.units if u.region == region]
        return max(here, key=lambda u: (u.arrives_on_day, u.number))

    def travel_days(self, source: int, destination: int) -> int:
        return max(1, math.ceil(self.hours[source, destination] / self.spec.travel_hours_per_day))

    def present(self, day: int) -> np.ndarray:
        """Units serving in each region on `day` (units on the road are nowhere)."""
        here = [u.region for u in self.units if u.arrives_on_day <= day]
        return np.bincount(here, minlength=self.n_regions).astype(int)

    def in_transit(self, day: int) -> np.ndarray:
        going = [u.region for u in self.units if u.arrives_on_day > day]
        return np.bincount(going, minlength=self.n_regions).astype(int)
