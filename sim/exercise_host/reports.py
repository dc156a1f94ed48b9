"""What each role is told at the end of a round: delayed, noisy reports, never the true state.

Each role reads a few indicators through its own channel: the police hear of
clashes the same day but judge tension from intelligence two days old; the
Babinsa of the Dandim know village moods a day late; Kominfo watches hoaxes
online; Bawaslu hears complaints about legitimacy; the leaders know their own
places well and nothing of the rest. An indicator is either a level (the
value on the day the report is as of, plus Gaussian noise, clipped) or a count
(events summed over the round, each reported with a probability).

Noise is drawn from one stream per role, ``SeedSequence(seed, spawn_key=(key,
role index))``, apart from the model's streams: reading reports never moves
the model's random numbers (common random numbers hold), and the same
calendar of rounds gives the same reports. Every community's noise is drawn
whether or not the role sees it, so what a role sees does not change what
another is told.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sim.exercise_host.actions import T
from sim.exercise_host.roles import home_of, role_kind
from sim.simulation import stable_key
from sim.strategies.vulnerability import vulnerability_index

TOKOH_HOME_COMMUNITIES = 3  # leaders know the largest places they live in (estimate)


@dataclass(frozen=True)
class Indicator:
    """One line of a report: which daily columns, how read, how late and how noisy."""

    key: str
    columns: tuple[str, ...]
    how: str  # "level" or "count"
    delay_days: int
    noise: float  # level: s.d. of the error; count: share of events that reach the role
    label: dict[str, str]
    share: bool = True  # a 0-1 quantity (clipped to 0-1 after the noise)


def _tension(delay, sd):
    return Indicator("tension", ("tension",), "level", delay, sd, T("Ketegangan", "Tension"))


def _hoax(delay, sd):
    return Indicator("hoax_belief", ("hoax_belief",), "level", delay, sd,
                     T("Percaya hoaks", "Believe a hoax"))


def _clashes(delay, share):
    return Indicator("clashes", ("clash", "riot"), "count", delay, share,
                     T("Bentrokan dan kerusuhan", "Clashes and riots"), share=False)


# delays in days and noise are estimates of each channel, for training; docs/exercise.md
REPORTS: dict[str, tuple[Indicator, ...]] = {
    "kapolres": (_clashes(0, 0.95), _tension(2, 0.08),
                 Indicator("personnel", ("security_personnel",), "level", 0, 0.0,
                           T("Personel di wilayah", "Personnel there"), share=False)),
    "dandim": (_clashes(1, 0.8), _tension(1, 0.05)),
    "kpu": (_hoax(2, 0.08),
            Indicator("turnout", ("turnout",), "level", 1, 0.01,
                      T("Partisipasi", "Turnout")),
            Indicator("incidents", ("friction", "clash", "riot"), "count", 1, 0.5,
                      T("Gangguan di TPS", "Disturbances at TPS"), share=False)),
    "bawaslu": (Indicator("complaints", ("legitimacy_deficit",), "level", 2, 0.05,
                          T("Keluhan legitimasi", "Legitimacy complaints")),
                _hoax(2, 0.1), _clashes(1, 0.7)),
    "bupati": (_tension(3, 0.1),
               Indicator("incidents", ("friction", "clash", "riot"), "count", 1, 0.9,
                         T("Semua insiden", "All incidents"), share=False),
               Indicator("injuries", ("injuries",), "count", 1, 1.0,
                         T("Korban luka", "Injuries"), share=False)),
    "tokoh": (_tension(0, 0.02),
              Indicator("active", ("active_share",), "level", 0, 0.02,
                        T("Warga turun ke jalan", "Residents out on the street"))),
    "kominfo": (_hoax(1, 0.03),),
    "camat": (_clashes(0, 1.0), _tension(0, 0.03),
              Indicator("active", ("active_share",), "level", 0, 0.03,
                        T("Warga turun ke jalan", "Residents out on the street"))),
}


def report_streams(seed: int, roles: list[str]) -> dict[str, np.random.Generator]:
    """One noise stream per role (in the order of ``roles_for``), independent of the model's."""
    key = stable_key("exercise-reports")
    return {role: np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(key, i)))
            for i, role in enumerate(roles)}


def visible_communities(role: str, scenario, worked_in: set[str]) -> list[str]:
    """The places a role hears about: all of them, except for a Camat (its district) and
    the leaders (the largest places, where they live, and wherever they held dialogue)."""
    names = [c.name for c in scenario.communities]
    if home_of(role) is not None:
        return [home_of(role)]
    if role != "tokoh":
        return names
    largest = sorted(scenario.communities, key=lambda c: -c.voters)[:TOKOH_HOME_COMMUNITIES]
    known = {c.name for c in largest} | worked_in
    return [n for n in names if n in known]


class DailyTable:
    """The daily series as one array per column (days x communities), built once a round."""

    def __init__(self, series: pd.DataFrame, names: list[str]):
        self.series = series
        self.names = names
        self.dates = sorted(series["date"].unique()) if not series.empty else []
        self._columns: dict[str, np.ndarray] = {}

    def column(self, name: str) -> np.ndarray:
        if name not in self._columns:
            wide = self.series.pivot(index="date", columns="community", values=name)
            self._columns[name] = wide.reindex(index=self.dates, columns=self.names).to_numpy(
                dtype=float)
        return self._columns[name]

    def rows_until(self, day: dt.date) -> int:
        """How many days of the table fall on or before `day`."""
        return int(np.searchsorted(np.array(self.dates), day.isoformat(), side="right"))


def ikp_of(scenario) -> list[float]:
    """The public conflict-potential map every role starts from (IKP-like index, 0-100)."""
    return vulnerability_index(scenario)["total"].round(1).tolist()


def make_report(role: str, rng: np.random.Generator, table: DailyTable, scenario,
                start: dt.date, end: dt.date, visible: list[str], ikp: list[float]) -> dict:
    """A role's report on the round `start`..`end` from the daily table (JSON-ready).

    Parameters
    ----------
    table : DailyTable
        ``sim.outcomes.timeseries_of(model)`` so far, by column.
    visible : list of str
        The communities the role hears about.
    ikp : list of float
        ``ikp_of(scenario)``, one value per community.
    """
    names = table.names
    rows = {n: {"community": n, "ikp": v} for n, v in zip(names, ikp, strict=True)}
    as_of = {}
    first = scenario.calendar.campaign_start
    indicators = REPORTS[role_kind(role)]
    for indicator in indicators:
        values, day = _read(indicator, rng, table, start, end, first)
        as_of[indicator.key] = None if day is None else day.isoformat()
        for name, value in zip(names, values, strict=True):
            rows[name][indicator.key] = value
    shown = set(visible)
    return {
        "role": role, "start": start.isoformat(), "end": end.isoformat(), "as_of": as_of,
        "indicators": [{"key": i.key, "label": i.label, "delay_days": i.delay_days,
                        "how": i.how} for i in indicators],
        "rows": [rows[n] for n in names if n in shown],
    }


def _read(indicator: Indicator, rng, table: DailyTable, start, end, first):
    """Values per community (None where nothing is known yet) and the day they are as of."""
    n = len(table.names)
    # draw first, always the same amount, so the stream does not depend on what is known
    if indicator.how == "level":
        noise = rng.normal(0.0, indicator.noise, n) if indicator.noise else np.zeros(n)
    else:
        uniforms = rng.random((n, 64))
    day = end - dt.timedelta(days=indicator.delay_days)
    known = table.rows_until(day) if day >= first else 0
    if known == 0:
        return [None] * n, None
    if indicator.how == "level":
        true = sum(table.column(c)[known - 1] for c in indicator.columns)
        noisy = true + noise
        if indicator.share:
            noisy = np.clip(noisy, 0.0, 1.0)
        noisy = np.maximum(noisy, 0.0)
        return [None if np.isnan(v) else round(float(v), 3) for v in noisy], day
    since = table.rows_until(start - dt.timedelta(days=indicator.delay_days + 1))
    counts = sum(np.nansum(table.column(c)[since:known], axis=0) for c in indicator.columns)
    return [int(_thinned(int(k), indicator.noise, u)) for k, u in zip(counts, uniforms,
                                                                     strict=True)], day


def _thinned(count: int, share: float, uniforms: np.ndarray) -> int:
    """How many of `count` events reach the role, each with probability `share`.

    Uses a fixed number of uniforms per community; counts beyond them are thinned
    by their expected share (a round with more than 64 clashes in one place is
    reported as roughly that many).
    """
    seen = int((uniforms[:min(count, uniforms.size)] < share).sum())
    if count > uniforms.size:
        seen += round((count - uniforms.size) * share)
    return seen
