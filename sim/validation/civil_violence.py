"""Epstein (2002) checks on the reference world, the spatial Model I: bursts, legitimacy
shocks, cops.

Each check runs `sim.validation.epstein.EpsteinWorld` (a reference
implementation calling the model's grievance kernels) over replications and
compares what it measures with what Epstein (2002) and the NetLogo "Rebellion"
model report. The reference world is for docking: `sim.validation.docking`
shows that it and `ElectionConflictModel` agree where both apply; claims about
the Pilkada model itself run on that model.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from pydantic import Field

from sim.validation.epstein import EpsteinRun, EpsteinWorld, epstein_params
from sim.validation.result import CheckResult, Measure, Panel, Series, Verdict
from sim.validation.spec import CheckParams, ShareItem
from sim.validation.stats import (
    bootstrap_interval,
    burstiness,
    lower_slope_share,
    mean_interval,
    outburst_starts,
)

PER = 1000  # outbursts are counted per this many ticks


class EpsteinCheckParams(CheckParams):
    preset: Literal["netlogo", "mesa"] = Field("netlogo", description="parameter set of Model I")
    world: dict[str, Any] = Field(default_factory=dict, description="changes to the preset")
    ticks: int = Field(1000, ge=10)
    burn_in: int = Field(100, ge=0, description="ticks left out of the measures")


class OutburstParams(EpsteinCheckParams):
    outburst_share: float = Field(0.05, gt=0, le=1, description="active share that is an outburst")
    min_outbursts: float = Field(3.0, ge=0, description="outbursts per 1000 ticks, at least")


class PunctuatedParams(OutburstParams):
    max_time_in_outburst: float = Field(0.3, gt=0, le=1, description="share of ticks, at most")
    min_peak_share: float = Field(0.1, gt=0, le=1, description="mean outburst peak, at least")
    min_burstiness: float = Field(
        -1 / 3, ge=-1, le=1, description="Goh-Barabasi B of the waiting times, at least: "
        "-1/3 is a coefficient of variation of 0.5, half way from a clock to a Poisson process")


class LegitimacyDropParams(EpsteinCheckParams):
    legitimacy_before: float = Field(0.9, ge=0, le=1)
    legitimacy_after: float = Field(0.7, ge=0, le=1)
    drop_tick: int = Field(50, ge=1)
    gradual_ticks: int = Field(200, ge=1, description="ticks the gradual drop takes")
    after_ticks: int = Field(30, ge=1, description="ticks measured after the drop ends")
    min_sudden_peak: float = Field(0.1, gt=0, le=1,
                                   description="peak active share of 'a large outburst', at least")
    max_gradual_peak: float = Field(0.05, gt=0, le=1,
                                    description="peak active share of 'little or none', at most")


class CopThresholdParams(EpsteinCheckParams):
    cop_densities: list[ShareItem] = Field([0.0, 0.01, 0.02, 0.03, 0.04, 0.06, 0.08], min_length=3)
    min_lower_slope_share: float = Field(0.8, gt=0.5, le=1)


def _runs(p: EpsteinCheckParams, ticks: int | None = None, **changes) -> list[EpsteinRun]:
    """One run per replication seed, of the preset with the check's and the call's changes."""
    world = epstein_params(p.preset, **(p.world | changes))
    return [EpsteinWorld(world, np.random.default_rng(s)).run(ticks or p.ticks)
            for s in p.seeds()]


def _measure(name, values, published, criterion, test, null) -> Measure:
    mean, low, high = mean_interval(values)
    return Measure(name, mean, low, high, published, criterion, bool(test(mean, low, high)),
                   null)


def _outburst_stats(run: EpsteinRun, p: OutburstParams) -> dict[str, float]:
    share = run.active_share[p.burn_in:]
    starts = outburst_starts(share, p.outburst_share)
    on = share >= p.outburst_share
    ends = np.append(starts[1:], share.size)[:starts.size]
    peaks = [share[a:b].max() for a, b in zip(starts, ends, strict=True)]
    return {
        "outbursts": starts.size * PER / share.size,
        "time_in_outburst": float(on.mean()),
        "median_share": float(np.median(share)),
        "peak": float(np.mean(peaks)) if peaks else 0.0,
        "burstiness": burstiness(np.diff(starts)),
    }


def _time_panel(title: str, runs: dict[str, EpsteinRun], reference: float | None,
                reference_label: str = "") -> Panel:
    series = [Series(label, list(range(len(r.active))), r.active_share.tolist())
              for label, r in runs.items()]
    return Panel(title, "tick", "active share of citizens", series, reference, reference_label)


def punctuated(p: PunctuatedParams, verdict: Verdict) -> CheckResult:
    """Long quiet spells broken by outbursts; burstiness of the waiting times between them."""
    runs = _runs(p)
    rows = [_outburst_stats(r, p) for r in runs]
    col = {k: [row[k] for row in rows] for k in rows[0]}
    b = [x for x in col["burstiness"] if np.isfinite(x)] or [float("nan")]
    verdict.measures = [
        _measure("outbursts per 1000 ticks", col["outbursts"], "recurring outbursts",
                 f"interval >= {p.min_outbursts}", lambda m, lo, hi: lo >= p.min_outbursts,
                 "the world settles: no recurring outbursts"),
        _measure("share of ticks in an outburst", col["time_in_outburst"],
                 "long quiet spells", f"interval <= {p.max_time_in_outburst}",
                 lambda m, lo, hi: hi <= p.max_time_in_outburst,
                 "unrest is chronic: no long quiet spells"),
        _measure("mean outburst peak (active share)", col["peak"], "large outbursts",
                 f"interval >= {p.min_peak_share}", lambda m, lo, hi: lo >= p.min_peak_share,
                 "only small flickers of activity"),
        _measure("burstiness B of waiting times", b, "irregular (punctuated, not periodic)",
                 f"interval >= {p.min_burstiness:.3f} (B = -1 periodic, 0 Poisson)",
                 lambda m, lo, hi: lo >= p.min_burstiness,
                 "outbursts recur like a clock (coefficient of variation of the waits < 0.5)"),
    ]
    verdict.notes = [f"median active share {np.mean(col['median_share']):.3f}; an outburst "
                     f"is an active share >= {p.outburst_share}"]
    panel = _time_panel("Active citizens over time (replication 1)", {"floor": runs[0]},
                        p.outburst_share, "outburst threshold")
    return CheckResult(verdict, [panel, _waiting_panel(runs, p)])


def _waiting_panel(runs: list[EpsteinRun], p: OutburstParams) -> Panel:
    """How often each waiting time between outburst starts occurs, over all replications."""
    waits = np.concatenate([np.diff(outburst_starts(r.active_share[p.burn_in:],
                                                    p.outburst_share)) for r in runs])
    counts = np.bincount(waits.astype(np.int64)) if waits.size else np.zeros(1, dtype=int)
    ticks = np.flatnonzero(counts)
    return Panel("Waiting times between outbursts (all replications)",
                 "ticks from one outburst start to the next", "outbursts",
                 [Series("count", ticks.tolist(), counts[ticks].tolist())])


def continuous_ratio(p: OutburstParams, verdict: Verdict) -> CheckResult:
    """With a continuous C/A ratio (no floor) the outbursts disappear."""
    stepped, smooth = _runs(p), _runs(p, rounding="none")
    with_step = [_outburst_stats(r, p)["outbursts"] for r in stepped]
    without = [_outburst_stats(r, p)["outbursts"] for r in smooth]
    peak = [float(r.active_share[p.burn_in:].max()) for r in smooth]
    verdict.measures = [
        _measure("outbursts per 1000 ticks, floor(C/A)", with_step, "outbursts",
                 f"interval >= {p.min_outbursts}", lambda m, lo, hi: lo >= p.min_outbursts,
                 "no outbursts even with the integer step"),
        _measure("outbursts per 1000 ticks, continuous C/A", without, "none",
                 "interval < 1", lambda m, lo, hi: hi < 1.0,
                 "the outbursts do not depend on the integer step"),
        _measure("highest active share, continuous C/A", peak, "no outburst",
                 f"interval < {p.outburst_share}", lambda m, lo, hi: hi < p.outburst_share,
                 "the outbursts do not depend on the integer step"),
    ]
    panel = _time_panel("Integer step in C/A against a continuous ratio (replication 1)",
                        {"floor(C/A)": stepped[0], "continuous C/A": smooth[0]},
                        p.outburst_share, "outburst threshold")
    return CheckResult(verdict, [panel])


def _legitimacy_path(p: LegitimacyDropParams, over: int) -> np.ndarray:
    ticks = p.drop_tick + p.gradual_ticks + p.after_ticks
    t = np.arange(ticks)
    progress = np.clip((t - p.drop_tick + 1) / max(over, 1), 0.0, 1.0)
    return p.legitimacy_before + (p.legitimacy_after - p.legitimacy_before) * progress


def legitimacy_drop(p: LegitimacyDropParams, verdict: Verdict) -> CheckResult:
    """A sudden drop of legitimacy sets off a larger outburst than the same drop made gradually."""
    world = epstein_params(p.preset, **p.world)
    paths = {"sudden": _legitimacy_path(p, 1), "gradual": _legitimacy_path(p, p.gradual_ticks)}
    runs: dict[str, list[EpsteinRun]] = {k: [] for k in paths}
    for seed in p.seeds():
        for label, path in paths.items():
            world_run = EpsteinWorld(world, np.random.default_rng(seed))
            runs[label].append(world_run.run(path.size, legitimacy=path))
    peak = {k: [float(r.active_share[p.drop_tick:].max()) for r in v] for k, v in runs.items()}
    diff = np.subtract(peak["sudden"], peak["gradual"])
    # Epstein's claim has two halves, judged as stated: a sudden drop sets off a large
    # outburst, and the same drop made gradually passes with little or none.
    verdict.measures = [
        _measure("peak active share, sudden drop", peak["sudden"], "a large outburst",
                 f"interval >= {p.min_sudden_peak}", lambda m, lo, hi: lo >= p.min_sudden_peak,
                 "a sudden drop sets off no large outburst"),
        _measure("peak active share, gradual drop", peak["gradual"], "little or none",
                 f"interval <= {p.max_gradual_peak}",
                 lambda m, lo, hi: hi <= p.max_gradual_peak,
                 "a gradual drop sets off an outburst too (the path does not matter)"),
        _measure("sudden minus gradual peak", diff, "> 0 (sudden is larger)",
                 "interval above 0", lambda m, lo, hi: lo > 0,
                 "the path of the drop makes no difference"),
    ]
    verdict.notes = [f"legitimacy {p.legitimacy_before} -> {p.legitimacy_after} at tick "
                     f"{p.drop_tick}, at once or over {p.gradual_ticks} ticks; peak measured "
                     f"from the drop to {p.after_ticks} ticks after the gradual drop ends"]
    mean = {k: np.mean([r.active_share for r in v], axis=0) for k, v in runs.items()}
    ticks = list(range(paths["sudden"].size))
    series = [Series(f"{k} (mean of replications)", ticks, m.tolist()) for k, m in mean.items()]
    series += [Series(f"legitimacy, {k}", ticks, path.tolist()) for k, path in paths.items()]
    panel = Panel("Sudden against gradual loss of legitimacy", "tick",
                  "active share / legitimacy", series)
    return CheckResult(verdict, [panel])


def cop_threshold(p: CopThresholdParams, verdict: Verdict) -> CheckResult:
    """Cutting cops does little until a threshold, then the active share grows sharply."""
    x = np.array(p.cop_densities)
    table = np.array([[r.active_share[p.burn_in:].mean() for r in _runs(p, cop_density=d)]
                      for d in x]).T
    rng = np.random.default_rng(p.seed)
    share, low, high = bootstrap_interval(table, lambda rows: lower_slope_share(
        x, rows.mean(axis=0)), rng)
    verdict.measures = [
        Measure("share of the change per cop below the middle density", share, low, high,
                "threshold (non-linear)",
                f"interval >= {p.min_lower_slope_share} (0.5 is linear)",
                low >= p.min_lower_slope_share, "activity falls linearly with cops (share 0.5)"),
        _measure("mean active share, fewest cops minus most cops", table[:, 0] - table[:, -1],
                 "> 0 (fewer cops, more activity)", "interval above 0",
                 lambda m, lo, hi: lo > 0, "cops make no difference"),
    ]
    stats = [mean_interval(col) for col in table.T]
    verdict.notes = ["mean active share by cop density: " + ", ".join(
        f"{d:g}: {s[0]:.3f}" for d, s in zip(x, stats, strict=True))]
    series = Series("mean active share", x.tolist(), [s[0] for s in stats],
                    [s[1] for s in stats], [s[2] for s in stats])
    panel = Panel("Active share against cop density", "cop density (cops per cell)",
                  "mean active share after burn-in", [series])
    return CheckResult(verdict, [panel])
