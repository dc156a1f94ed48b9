"""The province file's schema: regions, the governor race, the provincial reserve.

A province file composes regency scenarios: each region names its own
scenario file (a normal regency scenario, validated by the same loader) and
adds what only the province knows: the region's vulnerability index, how its
voters lean in the governor race, its strategies. The province adds the
shared calendar, the governor race and the reserve of personnel that the
provincial police share between regions.

Numbers taken from the world carry a source in the block's `sources` table;
an estimate says so.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from sim.scenario.schema import (
    Block,
    Calendar,
    Candidate,
    Count,
    Meta,
    NonNegative,
    Positive,
    Share,
    Sourced,
    VotingParams,
    duplicates,
    reference_problems,
)

Percent = Annotated[float, Field(ge=0.0, le=100.0, strict=True)]


class ProvinceInfo(Sourced):
    name: str
    voters: Count | None = Field(None, description="registered voters (DPT) of the province")
    tps: Count | None = Field(None, description="polling stations in the province")
    ikp: Percent | None = Field(None, description="Bawaslu vulnerability index of the province")


class GovernorEvent(Block):
    """A governor-race event: a hoax wave seeds in every region on its date."""

    date: dt.date
    kind: Literal["hoax_wave"] = "hoax_wave"
    candidate: str | None = Field(None, description="governor candidate the hoax targets")
    magnitude: NonNegative = Field(1.0, description="size in each region; 1 = a typical wave")
    note: str = ""


class GovernorRace(Sourced):
    """The shared governor race: residents of every region also back a governor pair."""

    enabled: bool = Field(True, description="false: no governor race (regions independent)")
    candidates: list[Candidate] = Field(min_length=1)
    result: dict[str, Share] = Field(
        default_factory=dict, description="the real result, share of valid votes (for comparison)"
    )
    turnout: Share | None = Field(None, description="the real turnout (for comparison)")
    events: list[GovernorEvent] = Field(default_factory=list)
    voting: VotingParams = Field(
        default_factory=VotingParams,
        description="invalid ballots, dispute odds and mobilisation of the governor race",
    )


class ReservePlan(StrEnum):
    HOLD = "hold"
    BY_VOTERS = "by_voters"
    BY_IKP = "by_ikp"
    BY_RISK = "by_risk"


class Reserve(Sourced):
    """The provincial reserve (e.g. Brimob and Polda reinforcements), shared between regions."""

    enabled: bool = Field(True, description="false: no reserve (regions independent)")
    personnel: Count = Field(0, description="reserve personnel, people")
    unit_size: Annotated[int, Field(ge=1)] = Field(30, description="personnel per unit (SSK)")
    base: str = Field(description="region where the reserve is held (provincial police HQ)")
    plan: ReservePlan = Field(
        ReservePlan.BY_RISK,
        description="hold: all at the base; by_voters / by_ikp: fixed shares; "
        "by_risk: IKP shares moved daily towards observed trouble",
    )
    alert_tension: Share = Field(
        0.1, description="tension above which a region's trouble draws the reserve (estimate)"
    )
    risk_weight: NonNegative = Field(
        10.0, description="weight of observed trouble against the IKP prior (estimate)"
    )
    incident_weight: NonNegative = Field(
        0.05, description="trouble per clash a day (a riot counts 3 clashes) (estimate)"
    )
    road_speed_kmh: Positive = Field(40.0, description="convoy speed on Kalimantan roads")
    detour_factor: Positive = Field(1.4, description="road distance / straight-line distance")
    travel_hours_per_day: Positive = Field(
        12.0, description="hours a convoy travels in one day (daylight driving)"
    )


class RegionEntry(Sourced):
    """One region (kabupaten or kota) holding its own regent or mayor race."""

    name: str
    scenario: str = Field(description="regency scenario file, relative to the province file")
    set: dict[str, Any] = Field(
        default_factory=dict, description="overrides of the region's scenario (dotted paths)"
    )
    strategies: list[str] = Field(default_factory=list, description="strategies in this region")
    ikp: Percent | None = Field(None, description="Bawaslu vulnerability index of the region, %")
    governor_support: dict[str, Share] = Field(
        default_factory=dict, description="share of voters backing each governor candidate"
    )
    governor_support_by_community: dict[str, dict[str, Share]] = Field(
        default_factory=dict, description="per-community shares where they differ from the region"
    )
    extra_travel_hours: NonNegative = Field(
        0.0, description="extra hours to reach the region beyond the road estimate (river, air)"
    )

    @model_validator(mode="after")
    def _support_is_a_share(self):
        tables = [("governor_support", self.governor_support)] + [
            (f"governor_support_by_community.{k}", v)
            for k, v in self.governor_support_by_community.items()]
        for label, shares in tables:
            total = sum(shares.values())
            if total > 1.0 + 1e-9:
                raise ValueError(f"{label} shares sum to {total:.3f}, at most 1 is possible")
        return self


class Province(Block):
    """A whole province file: regions, shared calendar, governor race, reserve."""

    scenario: Meta
    province: ProvinceInfo
    calendar: Calendar = Field(
        description="shared by every region; recap_end is the governor race's plenary"
    )
    governor: GovernorRace
    reserve: Reserve
    regions: list[RegionEntry] = Field(min_length=1)
    sync_days: Annotated[int, Field(ge=1, le=100)] = Field(
        1, description="days between synchronisation points (reserve moves, governor news)"
    )

    @model_validator(mode="after")
    def _references_resolve(self):
        names = [r.name for r in self.regions]
        problems = duplicates(names, "regions", "name", "region")
        if self.reserve.base not in names:
            problems.append(f"reserve.base = {self.reserve.base!r}: is not a region; "
                            f"regions: {', '.join(names)}")
        ids = [c.id for c in self.governor.candidates]
        problems += duplicates(ids, "governor.candidates", "id", "governor candidate")
        for region in self.regions:
            tables = [region.governor_support, *region.governor_support_by_community.values()]
            for cid in sorted({cid for table in tables for cid in table}):
                if cid not in ids:
                    problems.append(f"region {region.name!r} backs unknown governor "
                                    f"candidate {cid!r}; known: {', '.join(ids)}")
        for event in self.governor.events:
            if event.candidate is not None and event.candidate not in ids:
                problems.append(f"governor event on {event.date} names unknown "
                                f"candidate {event.candidate!r}")
            if not self.calendar.campaign_start <= event.date <= self.calendar.dispute_end:
                problems.append(f"governor event on {event.date} falls outside the calendar")
        needs_ikp = self.reserve.enabled and self.reserve.plan in (ReservePlan.BY_IKP,
                                                                   ReservePlan.BY_RISK)
        missing = [r.name for r in self.regions if r.ikp is None]
        if needs_ikp and missing:
            problems.append(f"reserve.plan {self.reserve.plan.value!r} needs ikp for every "
                            f"region; missing for: {', '.join(missing)}")
        if problems:
            raise reference_problems(problems)
        return self
