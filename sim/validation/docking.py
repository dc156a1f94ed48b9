"""Docking: the reference Epstein world and `ElectionConflictModel` agree where both apply.

Where nothing holds citizens back (no police, no partisan anger, no hoaxes,
one community whose hardship is uniform on 0-1, as Epstein's H is), both
models must turn active exactly the citizens whose grievance H(1 - L) exceeds
the threshold T, so both active shares must sit at 1 - T/(1 - L). The check
runs the torus (`sim.validation.epstein`) and the Pilkada model (through
`sim.run`) at the same L and T and judges the difference of their active
shares by its interval: it must hold 0 and be narrow. A Pilkada model whose
grievance, threshold or hardship drifts away from Epstein's rule fails, and
so does a reference world that does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
from pydantic import Field

from sim.model.mechanisms.grievance import max_active_share
from sim.validation.epstein import EpsteinWorld, epstein_params
from sim.validation.pilkada import run, skip_reason
from sim.validation.result import REPORTED, CheckResult, Measure, Panel, Series, Verdict
from sim.validation.spec import CheckParams, ShareItem
from sim.validation.stats import covers_within, mean_interval
from sim.validation.synthetic import community, scenario

# five days are enough: with nothing changing from day to day the share is the same each day
SHORT_CALENDAR = {"campaign_start": dt.date(2024, 9, 25), "quiet_start": dt.date(2024, 9, 28),
                  "voting_day": dt.date(2024, 9, 29), "recap_end": dt.date(2024, 9, 30),
                  "dispute_end": dt.date(2024, 10, 1)}


# Epstein's setting inside the Pilkada model: no partisan anger, and no legitimacy lost to a
# use of force (a backlash is drawn at riots even where no officer is stationed).
REDUCED = {"grievance.partisan_weight": 0.0, "policing.backlash_probability": 0.0,
           "activation.noise": 0.0, "activation.ratio_rounding": "floor",
           "clash.incident_rate": 0.0, "clash.protest_rate": 0.0}


class DockingParams(CheckParams):
    legitimacies: list[ShareItem] = Field([0.5, 0.6, 0.7, 0.8, 0.82, 0.85, 0.9], min_length=1)
    threshold: float = Field(0.1, ge=0, description="Epstein's T, in both models")
    voters: int = Field(10_000, ge=100, description="voters of the Pilkada model's one community")
    ticks: int = Field(10, ge=2, description="ticks of the reference world")
    width: int = Field(100, ge=10, description="side of the reference torus, cells: 7,000 "
                       "citizens keep its sampling noise near the Pilkada community's")
    tolerance: float = Field(0.03, gt=0, description="largest accepted half-width and distance "
                             "of the difference's interval from 0")
    hardship: float = Field(0.5, gt=0, lt=1, description="community mean hardship: 0.5 draws "
                            "H ~ U(0, 1) as Epstein does")
    overrides: dict[str, Any] = Field(default_factory=dict,
                                      description="extra overrides of the Pilkada run")


def pilkada_active_share(p: DockingParams, legitimacy: float,
                         seed: np.random.SeedSequence) -> float:
    """Mean daily active share of the reduced Pilkada model over its campaign days."""
    s = scenario([community("Kampung", p.voters, hardship=p.hardship)], "docking",
                 calendar=dict(SHORT_CALENDAR))
    overrides = {"grievance.legitimacy": legitimacy, "activation.threshold": p.threshold,
                 **REDUCED} | p.overrides
    series = run(s, overrides, seed).timeseries
    return float(series.loc[series["phase"] == "campaign", "active_share"].mean())


def reference_active_share(p: DockingParams, legitimacy: float,
                           seed: np.random.SeedSequence) -> float:
    """Mean active share of the reference world without cops, after its first tick."""
    world = epstein_params("netlogo", cop_density=0.0, legitimacy=legitimacy,
                           threshold=p.threshold, width=p.width, height=p.width)
    return float(EpsteinWorld(world, np.random.default_rng(seed)).run(p.ticks)
                 .active_share[1:].mean())


def epstein_docking(p: DockingParams, verdict: Verdict) -> CheckResult:
    """Both models put the active share at 1 - T/(1 - L) when nothing holds citizens back."""
    reason = skip_reason(p.overrides)
    if reason:
        verdict.skipped = reason
        return CheckResult(verdict)
    seeds = p.seeds()
    pilkada = np.array([[pilkada_active_share(p, L, s) for s in seeds] for L in p.legitimacies])
    reference = np.array([[reference_active_share(p, L, s) for s in seeds]
                          for L in p.legitimacies])
    bound = [max_active_share(L, p.threshold) for L in p.legitimacies]
    for i, L in enumerate(p.legitimacies):
        mean, low, high, ok = covers_within(pilkada[i] - reference[i], 0.0, p.tolerance)
        verdict.measures.append(Measure(
            f"active share, Pilkada model minus reference world, L = {L:g}", mean, low, high,
            "0 (both follow G = H(1 - L) > T)",
            f"interval holds 0 and is within +-{p.tolerance}", ok,
            "the two models turn different citizens active"))
    worst = int(np.argmax(np.abs(pilkada.mean(axis=1) - np.array(bound))))
    verdict.measures.append(Measure(
        f"Pilkada model's active share at L = {p.legitimacies[worst]:g} (farthest from the "
        "bound)", *mean_interval(pilkada[worst]), f"{bound[worst]:.4f} = 1 - T/(1 - L)",
        f"{REPORTED} beside the bound", True))
    x = list(p.legitimacies)
    series = [Series("bound 1 - T/(1 - L)", x, bound)]
    for name, table in (("Pilkada model (ElectionConflictModel)", pilkada),
                        ("reference world (Epstein torus)", reference)):
        stats = [mean_interval(row) for row in table]
        series.append(Series(name, x, [s[0] for s in stats], [s[1] for s in stats],
                             [s[2] for s in stats]))
    panel = Panel("Active share without police: both models against the bound",
                  "legitimacy L", "active share", series)
    return CheckResult(verdict, [panel])



