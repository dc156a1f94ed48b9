"""Results of a training run in numbers: the table, the headline difference, and its range
over repeated seeds. No Solara here: the page, the slide, the summary and the film share it.

Outcomes are named, formatted and judged (which direction is better) by their
declarations in `sim.experiments.measures`, as in the report and the summary.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.experiments.analysis import spread
from sim.experiments.measures import outcome, outcome_label
from sim.model.mechanisms.clash import SEVERITIES
from sim.viz.labels import label, number, percent

HEADLINE = ("incidents_total", "riots", "injuries")
# the table: incidents, then each severity (said by its own word), then the rest
TABLE = ("incidents_total", *(f"incidents_by_severity.{s}" for s in SEVERITIES), "injuries",
         "peak_tension", "peak_hoax_belief")
DIGITS = {"count": 0, "level": 2}


def lane_totals(lane) -> dict[str, float]:
    """Incidents by severity, injuries, peak tension and hoax belief of one lane so far."""
    counted = lane.track.totals()
    totals = {"incidents_total": float(counted["incidents_total"]),
              **{f"incidents_by_severity.{s}": float(counted[s]) for s in SEVERITIES}}
    totals["riots"] = totals["incidents_by_severity.riot"]
    totals["injuries"] = float(lane.model.ledger.totals.injuries)
    totals["peak_tension"] = float(lane.model.ledger.peak_tension_by_community.max())
    totals["peak_hoax_belief"] = float(lane.model.ledger.peak_belief)
    return totals


def outcome_rows(run, lang: str) -> list[tuple[str, list[str], str]]:
    """(label, value per lane, difference strategy - baseline) for the results table.

    Examples
    --------
    >>> from sim.viz.app.state import Settings, TrainingRun
    >>> rows = outcome_rows(TrainingRun.start(Settings("desa_demo", ("counter_hoax",))), "en")
    >>> rows[0]
    ('Incidents', ['0', '0'], '0')
    """
    totals = [lane_totals(lane) for lane in run.lanes]
    rows = []
    for name in TABLE:
        values = [t[name] for t in totals]
        head, _, severity = name.partition(".")
        words = label(severity, lang) if severity else outcome_label(name, lang)
        kind = outcome(name).kind
        if kind == "share":
            rows.append((words, [percent(v, lang) for v in values], ""))
        else:
            digits = DIGITS[kind]
            rows.append((words, [number(v, lang, digits) for v in values],
                         signed(values, lang, digits)))
    return rows


def signed(values: list[float], lang: str, digits: int = 0) -> str:
    """Last minus first with its sign ("" for a single value)."""
    if len(values) < 2:
        return ""
    delta = values[-1] - values[0]
    return ("+" if delta > 0 else "") + number(delta, lang, digits)


@dataclass
class BannerItem:
    key: str
    baseline: float | None
    strategy: float
    spread: tuple[float, float, float] | None = None  # min, median, max over seeds

    @property
    def delta(self) -> float | None:
        return None if self.baseline is None else self.strategy - self.baseline

    @property
    def better(self) -> bool | None:
        """Whether the strategies did better than the baseline, by the outcome's direction."""
        if not self.delta:
            return None
        return self.delta * outcome(self.key).direction > 0


def banner_items(run, spreads: dict | None = None) -> list[BannerItem]:
    """The headline numbers: incidents, riots, injuries (baseline, strategy, range)."""
    totals = [lane_totals(lane) for lane in run.lanes]
    base = totals[0] if len(totals) > 1 else None
    spreads = spreads or {}
    return [BannerItem(key, None if base is None else base[key], totals[-1][key],
                       spreads.get(key)) for key in HEADLINE]


def repeat_differences(start, seeds, on_progress=None) -> dict[str, tuple[float, float, float]]:
    """Run whole calendars on several seeds; min, median, max of each headline difference.

    Parameters
    ----------
    start : callable
        ``start(seed)`` returns a TrainingRun at day 0 with the room's settings and
        events on that seed.
    seeds : sequence of int
    on_progress : callable, optional
        Called with (runs done, runs in all) after each run.

    Examples
    --------
    >>> from sim.viz.app.state import Settings, TrainingRun
    >>> spread = repeat_differences(
    ...     lambda seed: TrainingRun.start(Settings("desa_demo", ("counter_hoax",), seed=seed)),
    ...     [1, 2])
    >>> sorted(spread)
    ['incidents_total', 'injuries', 'riots']
    """
    deltas: dict[str, list[float]] = {key: [] for key in HEADLINE}
    for done, seed in enumerate(seeds, start=1):
        run = start(seed)
        while run.step():
            pass
        for item in banner_items(run):
            deltas[item.key].append(item.delta if item.delta is not None else item.strategy)
        if on_progress is not None:
            on_progress(done, len(seeds))
    return {key: spread(v) for key, v in deltas.items()}
