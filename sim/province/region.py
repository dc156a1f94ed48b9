"""One region of a province between synchronisation points: its model, ballots and reserve.

A `RegionRun` wraps the regency model (`ElectionConflictModel`) with what the
province adds: each resident's governor pair, the governor count on voting
day (a second `Election` on the same residents and ballots), the reserve
units the province has sent, and mobilisation after a disputed governor
result. It advances by whole days on orders from the coordinator and reports
what the province may observe. Like a strategy it acts only through the
model's levers and reads the run's record (`model.day`, `model.ledger`).

Between synchronisation points a region depends on nothing else, so
`advance` runs as one task on any executor; a `Parcel` carries a region run
to and from a worker, pickled once with cloudpickle (the model's data
collector holds lambdas) and opened only where it is worked on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import cloudpickle
import numpy as np
import pandas as pd

from sim.model.election import Election
from sim.outcomes import events_of, incidents_of, outcomes_of, timeseries_of
from sim.scenario.schema import Event, EventKind, Scenario, SecurityKind
from sim.simulation import build_model


@dataclass(frozen=True)
class GovernorBallot:
    """How a region's residents back the governor pairs (shares of voters; the rest none)."""

    candidate_ids: tuple[str, ...]
    region_shares: dict[str, float]
    community_shares: dict[str, dict[str, float]]
    invalid_share: float
    seed: np.random.SeedSequence

    def shares_in(self, community: str) -> np.ndarray:
        """Share of voters backing each candidate in `community` (the region's by default)."""
        shares = self.community_shares.get(community, self.region_shares)
        return np.array([shares.get(cid, 0.0) for cid in self.candidate_ids])


@dataclass(frozen=True)
class RegionRecipe:
    """Everything needed to build a region run where it will be worked on."""

    index: int
    name: str
    scenario: Scenario
    strategies: tuple[str, ...]
    seed: np.random.SeedSequence
    ballot: GovernorBallot | None
    reserve_unit_size: int

    @property
    def residents(self) -> float:
        """Simulated residents, to balance regions between workers."""
        return self.scenario.total_voters / self.scenario.population.scale


@dataclass
class RegionOrders:
    """What the province tells a region for the days until the next synchronisation."""

    days: int
    reserve_units: int = 0
    hoaxes: list[tuple[dt.date, float]] = field(default_factory=list)
    mobilise_governor_camps: tuple[int, ...] = ()
    mobilisation_anger: float = 0.0


@dataclass
class RegionFinal:
    """The region's results at the end of the calendar, as `sim.run` gives them."""

    outcomes: dict
    timeseries: pd.DataFrame
    incidents: pd.DataFrame
    events: pd.DataFrame


@dataclass
class RegionReport:
    """What the province observes of a region at a synchronisation point."""

    index: int
    max_tension: float
    clashes: int
    riots: int
    belief_voters: float
    voters: float
    governor_votes: np.ndarray | None = None
    governor_ballots: float = 0.0
    final: RegionFinal | None = None


class RegionRun:
    """A region's model plus the province's additions, advanced by whole days."""

    def __init__(self, recipe: RegionRecipe):
        self.index = recipe.index
        self.name = recipe.name
        self.model = build_model(recipe.scenario, recipe.strategies, recipe.seed)
        self.ballot = recipe.ballot
        self.unit_size = recipe.reserve_unit_size
        self.reserve: list = []
        self.governor_support = None
        if self.ballot is not None:
            self.governor = Election(self.ballot.candidate_ids, [
                self.ballot.shares_in(c.name) for c in self.model.scenario.communities])
            # a stream of its own: the model's is untouched, so switching the governor race
            # off leaves the region's run unchanged
            self._governor_rng = np.random.default_rng(self.ballot.seed)
            residents = self.model.levers.residents
            self.governor_support = self.governor.draw_residents(
                residents.start, residents.stop, self._governor_rng)
        self.governor_votes: np.ndarray | None = None
        self.governor_ballots = 0.0

    def advance(self, orders: RegionOrders) -> RegionReport:
        """Follow the orders, step `orders.days` days, and report."""
        model = self.model
        self._station_reserve(orders.reserve_units)
        for day, magnitude in orders.hoaxes:
            model.levers.schedule(Event(date=day, kind=EventKind.HOAX_WAVE, community="all",
                                        magnitude=magnitude, note="governor race hoax"))
        if orders.mobilise_governor_camps and self.governor_support is not None:
            camps = np.isin(self.governor_support, orders.mobilise_governor_camps)
            model.levers.mobilise(camps, orders.mobilisation_anger)
        incidents = np.zeros(3, dtype=int)
        for _ in range(orders.days):
            model.step()
            incidents += model.day.incidents.sum(axis=0)
            if model.ledger.vote is not None and self.governor_votes is None \
                    and self.governor_support is not None:
                self._count_governor_votes()
        return self._report(incidents)

    def _station_reserve(self, units: int) -> None:
        """Bring the reserve present here to `units` units, all at the most tense community
        (the largest one when all are calm): the reserve goes where trouble is."""
        levers = self.model.levers
        if units < len(self.reserve):
            levers.withdraw_units(self.reserve[units:])
            del self.reserve[units:]
        hot = self._hot_spot()
        if units > len(self.reserve):
            for _ in range(units - len(self.reserve)):
                self.reserve += levers.add_units(SecurityKind.POLICE, self.unit_size,
                                                 self.unit_size, hot)
        for unit in self.reserve:
            unit.move_to(hot)

    def _hot_spot(self) -> int:
        levers = self.model.levers
        return int(np.lexsort((-levers.voters, -levers.reported_tension()))[0])

    def _count_governor_votes(self) -> None:
        """Votes for governor from the same ballots cast today (one visit to the TPS)."""
        residents = self.model.levers.residents
        cast = self.model.ledger.vote.cast
        valid = cast & (self._governor_rng.random(cast.size) >= self.ballot.invalid_share)
        weight = residents.voter_weight
        self.governor_votes = self.governor.count(
            self.governor_support, residents.community, valid, self._governor_rng, weight)
        self.governor_ballots = float(weight[cast].sum())

    def _report(self, incidents: np.ndarray) -> RegionReport:
        model = self.model
        levers = model.levers
        done = not model.running
        return RegionReport(
            index=self.index,
            max_tension=float(levers.reported_tension().max()),
            clashes=int(incidents[1]),
            riots=int(incidents[2]),
            belief_voters=levers.believing_voters(),
            voters=float(levers.voters.sum()),
            governor_votes=self.governor_votes,
            governor_ballots=self.governor_ballots,
            final=self._final() if done else None,
        )

    def _final(self) -> RegionFinal:
        model = self.model
        return RegionFinal(outcomes=outcomes_of(model), timeseries=timeseries_of(model),
                           incidents=incidents_of(model), events=events_of(model))


class Parcel:
    """A region run in transit between the coordinator and the workers.

    Pickling a parcel pickles its run once (cloudpickle); unpickling keeps the
    bytes until `open()` is called, so the coordinator, which only forwards
    parcels, never rebuilds a model. A serial executor never pickles at all.
    In a worker of a sticky executor (`sim.province.executors`) the run stays
    in the worker and only a claim ticket (`home`, `key`) travels.
    """

    def __init__(self, run: RegionRun | None = None):
        self._run = run
        self._blob: bytes | None = None
        self.key: int | None = None
        self.home: int | None = None

    def open(self) -> RegionRun:
        if self.key is not None:
            self._run = KEEPER.runs.pop(self.key)
            self.key = self.home = None
        elif self._run is None:
            self._run = cloudpickle.loads(self._blob)
            self._blob = None
        return self._run

    def __getstate__(self) -> dict:
        if self._run is not None and KEEPER.home is not None:
            return {"_run": None, "_blob": None, "key": KEEPER.keep(self._run),
                    "home": KEEPER.home}
        blob = self._blob if self._run is None else cloudpickle.dumps(self._run)
        return {"_run": None, "_blob": blob, "key": self.key, "home": self.home}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)


class Keeper:
    """Region runs kept in a worker process of a sticky executor between their tasks."""

    def __init__(self):
        self.home: int | None = None
        self.runs: dict[int, RegionRun] = {}

    def keep(self, run: RegionRun) -> int:
        """Keep `run` under its identity (a result pickled twice is still kept once)."""
        self.runs[id(run)] = run
        return id(run)


KEEPER = Keeper()


def become_keeper(home: int) -> None:
    """Worker initializer of a sticky executor: keep region runs here, send tickets back."""
    KEEPER.home = home


def become_keeper_at(addresses: list[str], dask_worker=None) -> None:
    """On a Dask worker: keep region runs here, its home the index of its address."""
    become_keeper(addresses.index(dask_worker.address))


def advance(start: RegionRecipe | Parcel, orders: RegionOrders) -> tuple[Parcel, RegionReport]:
    """One task: build the region (first interval) or open it, then advance it."""
    run = RegionRun(start) if isinstance(start, RegionRecipe) else start.open()
    report = run.advance(orders)
    return Parcel(run if report.final is None else None), report
