"""Outcomes declared once (direction, kind, labels) and the risk measures built on them.

Like EMA Workbench's ``ScalarOutcome(name, kind=MINIMIZE)``, each outcome of
the model is declared here once with the direction that is better (lower
incidents, higher turnout) and how it prints; summary, report and app read
these declarations instead of guessing. Labels live in `sim.viz.labels`
(one table of words for every view); outcomes it lacks carry their own.

A **measure** turns an outcome's runs into one number of risk as people mean it:

- ``mean(riots)`` (or just ``riots``): the mean over replications;
- ``chance(riots > 0)``: the chance of any riot, the share of runs above N;
- ``p90(incidents_total)``: a high percentile (the bad years, not the average).

Examples
--------
>>> m = parse_measure("chance(serious_incidents > 5)")
>>> m.kind, m.outcome, m.threshold, m.lower_is_better
('chance', 'serious_incidents', 5.0, True)
>>> m.label("en")
'Chance of more than 5 serious incidents (clashes and riots)'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from sim.viz.labels import LANGUAGES, label

LOWER, HIGHER, NEITHER = -1, 1, 0
Kind = Literal["count", "share", "level", "rupiah", "flag"]


@dataclass(frozen=True)
class Outcome:
    """One outcome of a run: which direction is better, what kind of number, how it is named."""

    name: str
    direction: int
    kind: Kind
    labels: dict[str, str] | None = None  # when sim.viz.labels has none
    sum_of: tuple[str, ...] = ()  # a derived outcome: the sum of these stored outcomes

    def label(self, lang: str) -> str:
        """The outcome in words; a nested one as ``Incidents by severity: Riot``."""
        if self.labels is not None:
            return self.labels[lang]
        head, _, tail = self.name.partition(".")
        return f"{label(head, lang)}: {label(tail, lang)}" if tail else label(self.name, lang)


def _declare(*outcomes: Outcome) -> dict[str, Outcome]:
    return {o.name: o for o in outcomes}


OUTCOMES: dict[str, Outcome] = _declare(
    Outcome("incidents_total", LOWER, "count"),
    Outcome("riots", LOWER, "count"),
    Outcome("serious_incidents", LOWER, "count",
            {"id": "insiden serius (bentrokan dan kerusuhan)",
             "en": "serious incidents (clashes and riots)"},
            sum_of=("incidents_by_severity.clash", "incidents_by_severity.riot")),
    Outcome("incidents_by_severity.friction", LOWER, "count"),
    Outcome("incidents_by_severity.clash", LOWER, "count"),
    Outcome("incidents_by_severity.riot", LOWER, "count"),
    Outcome("communities_escalated", LOWER, "count"),
    Outcome("peak_tension", LOWER, "level"),
    Outcome("injuries", LOWER, "count"),
    Outcome("arrests", LOWER, "count"),
    Outcome("backlash_events", LOWER, "count"),
    Outcome("non_neutrality_events", LOWER, "count"),
    Outcome("peak_hoax_belief", LOWER, "share"),
    Outcome("days_of_unrest", LOWER, "count"),
    Outcome("longest_response_hours", LOWER, "level"),
    Outcome("turnout", HIGHER, "share"),
    Outcome("margin", NEITHER, "share"),
    Outcome("dispute_filed", LOWER, "flag"),
    Outcome("dispute_probability", LOWER, "share"),
    Outcome("cost", LOWER, "rupiah"),
    Outcome("cost_personnel_days", LOWER, "count"),
)


def outcome(name: str) -> Outcome:
    """The declaration of `name`; an undeclared outcome (a function model's) is lower-better.

    A candidate's vote share (``vote_shares.01``) is named by its number.

    Examples
    --------
    >>> outcome("vote_shares.01").label("en")
    'Vote shares: 01'
    """
    if name in OUTCOMES:
        return OUTCOMES[name]
    head, _, tail = name.partition(".")
    if head == "vote_shares" and tail:
        return Outcome(name, NEITHER, "share",
                       {lang: f"{label(head, lang)}: {tail}" for lang in LANGUAGES})
    return Outcome(name, LOWER, "level", {lang: name for lang in LANGUAGES})


def outcome_label(name: str, lang: str) -> str:
    """The words for outcome `name`, declared or not.

    Examples
    --------
    >>> outcome_label("incidents_by_severity.riot", "id")
    'Insiden menurut tingkat: Kerusuhan'
    """
    return outcome(name).label(lang)


MEASURE = re.compile(r"^\s*(?:(mean|p(\d{1,2}))\(\s*([\w.]+)\s*\)|chance\(\s*([\w.]+)\s*>\s*"
                     r"(-?\d+(?:\.\d+)?)\s*\)|([\w.]+))\s*$")
MEASURE_FORMS = "mean(OUTCOME), OUTCOME, chance(OUTCOME > N) or pNN(OUTCOME)"


@dataclass(frozen=True)
class Measure:
    """A number of risk from an outcome's runs: a mean, a chance above N, or a percentile."""

    kind: Literal["mean", "chance", "percentile"]
    outcome: str
    threshold: float = 0.0
    percentile: int = 90

    @property
    def name(self) -> str:
        if self.kind == "chance":
            return f"chance({self.outcome} > {self.threshold:g})"
        if self.kind == "percentile":
            return f"p{self.percentile}({self.outcome})"
        return f"mean({self.outcome})"

    @property
    def declared(self) -> Outcome:
        return outcome(self.outcome)

    @property
    def lower_is_better(self) -> bool:
        # a chance of exceeding is bad when the outcome is bad when high
        return self.declared.direction != HIGHER

    @property
    def is_share(self) -> bool:
        """Printed as a percentage: chances, and shares' means and percentiles."""
        return self.kind == "chance" or self.declared.kind in ("share", "flag")

    def label(self, lang: str) -> str:
        """The measure in words: 'Chance of any riot', 'Riots, 90th percentile'."""
        what = self.declared.label(lang)
        if self.kind == "mean":
            return f"{what} ({'rata-rata' if lang == 'id' else 'mean'})"
        if self.kind == "percentile":
            return (f"{what}, persentil ke-{self.percentile}" if lang == "id" else
                    f"{what}, {self.percentile}th percentile")
        small = what[0].lower() + what[1:]
        if self.threshold == 0:
            return f"Peluang ada {small}" if lang == "id" else f"Chance of any {_singular(small)}"
        n = f"{self.threshold:g}"
        return f"Peluang {small} lebih dari {n}" if lang == "id" else \
            f"Chance of more than {n} {small}"

    def values(self, runs: pd.DataFrame) -> np.ndarray:
        """The outcome of each run (derived outcomes summed), NaN where missing."""
        return outcome_values(runs, self.outcome)

    def per_run(self, runs: pd.DataFrame) -> np.ndarray:
        """What a run adds to the measure: its value, or 1/0 for above the threshold."""
        values = self.values(runs)
        if self.kind != "chance":
            return values
        return np.where(np.isnan(values), np.nan, (values > self.threshold).astype(float))

    def statistic(self, per_run: np.ndarray, axis: int = 0) -> np.ndarray:
        """The measure of per-run values along `axis` (a mean, or the percentile)."""
        if self.kind == "percentile":
            return np.nanpercentile(per_run, self.percentile, axis=axis)
        return np.nanmean(per_run, axis=axis)


def _singular(words: str) -> str:
    head, _, rest = words.partition(" ")
    if head.endswith("ies"):
        head = head[:-3] + "y"
    elif head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    return f"{head} {rest}".strip()


def parse_measure(text: str) -> Measure:
    """``"chance(riots > 0)"`` -> a `Measure`; a ValueError naming the forms otherwise.

    Examples
    --------
    >>> parse_measure("p90(riots)").name, parse_measure("riots").name
    ('p90(riots)', 'mean(riots)')
    """
    found = MEASURE.match(text)
    if found is None:
        raise ValueError(f"{text!r}: not a measure; expected {MEASURE_FORMS}")
    head, digits, inner, chanced, threshold, bare = found.groups()
    if chanced is not None:
        return Measure("chance", chanced, float(threshold))
    if bare is not None:
        return Measure("mean", bare)
    if head == "mean":
        return Measure("mean", inner)
    if not 1 <= int(digits) <= 99:
        raise ValueError(f"{text!r}: a percentile between p1 and p99")
    return Measure("percentile", inner, percentile=int(digits))


def outcome_values(runs: pd.DataFrame, name: str) -> np.ndarray:
    """``out.<name>`` of each run as floats; a derived outcome as the sum of its parts."""
    column = f"out.{name}"
    if column in runs.columns:
        return pd.to_numeric(runs[column], errors="coerce").to_numpy(dtype=float)
    parts = outcome(name).sum_of
    if parts and all(f"out.{p}" in runs.columns for p in parts):
        return sum(pd.to_numeric(runs[f"out.{p}"], errors="coerce").to_numpy(dtype=float)
                   for p in parts)
    raise KeyError(f"outcome {name!r} is not in the stored runs")


def has_outcome(runs: pd.DataFrame, name: str) -> bool:
    """True when `outcome_values` can give `name` from these runs."""
    try:
        outcome_values(runs.head(0), name)
    except KeyError:
        return False
    return True
