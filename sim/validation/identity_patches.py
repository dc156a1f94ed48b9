"""Lim, Metzler and Bar-Yam (2007) check on the real model: violence peaks at intermediate patches.

Communities of two ethnic groups in equal shares, living in patches of one
group each (`communities.*.groups.patch_voters`); legitimacy low enough that
residents turn active, high enough that no district-wide cascade saturates the
incident count (in mass unrest every patch size gives the most incidents the
model allows, and the pattern cannot show). Incidents are counted over the
calendar as the patch size sweeps from well mixed (a few voters) to separated
(the whole community).
"""

from __future__ import annotations

from typing import Annotated

import numpy as np
from pydantic import Field

from sim.outcomes import outcomes_of
from sim.simulation import build_model
from sim.validation.result import CheckResult, Measure, Panel, Series, Verdict
from sim.validation.spec import CheckParams
from sim.validation.stats import bootstrap_interval, mean_interval
from sim.validation.synthetic import VOTERS_PER_TPS, community, scenario


class PatchParams(CheckParams):
    patch_voters: list[Annotated[float, Field(gt=0)]] = Field(
        [10, 50, 150, 400, 1000, 4000], min_length=3)
    communities: int = Field(4, ge=1)
    voters: int = Field(4000, ge=100, description="voters per community")
    legitimacy: float = Field(0.84, ge=0, le=1, description="grievance.legitimacy: low enough "
                              "for incidents, high enough that no cascade saturates them")
    police: int = Field(200, ge=0, description="police personnel, spread by voters")


def incidents_with(p: PatchParams, patch: float, seed: np.random.SeedSequence) -> tuple:
    """Incidents over the calendar, and the mean identity exposure, at one patch size."""
    groups = {"ethnic": {"A": 0.5, "B": 0.5}, "patch_voters": patch}
    s = scenario([community(f"C{i}", p.voters, groups=groups) for i in range(p.communities)],
                 "lim", grievance={"legitimacy": p.legitimacy},
                 security={"forces": [{"kind": "police", "personnel": p.police,
                                       "unit_size": 10}]})
    model = build_model(s, seed=seed)
    model.run()
    return float(outcomes_of(model)["incidents_total"]), float(model.identity_exposure.mean())


def _interior_excess(rows: np.ndarray) -> float:
    """Highest median at an interior patch size minus the higher of the two ends.

    Medians, because incidents per run are heavy-tailed: now and then a run
    cascades into district-wide unrest and counts ten times the usual number,
    whatever the patch size.
    """
    median = np.median(rows, axis=0)
    return float(median[1:-1].max() - max(median[0], median[-1]))


def patches(p: PatchParams, verdict: Verdict) -> CheckResult:
    """Incidents are highest where patches are of intermediate size."""
    table = np.array([[incidents_with(p, x, seed) for x in p.patch_voters]
                      for seed in p.seeds()])
    incidents = table[:, :, 0]
    rng = np.random.default_rng(p.seed)
    excess, low, high = bootstrap_interval(incidents, _interior_excess, rng)
    peak = p.patch_voters[int(np.argmax(np.median(incidents, axis=0)))]
    verdict.measures = [
        Measure("median incidents, busiest intermediate patch size minus the higher end",
                excess, low, high, "> 0 (intermediate is worst)", "interval above 0", low > 0),
    ]
    cascades = int((incidents > 3 * np.median(incidents)).sum())
    verdict.notes = [f"incidents peak at patches of {peak:g} voters; a neighbourhood (TPS "
                     f"area) holds about {VOTERS_PER_TPS} voters",
                     f"{cascades} of {incidents.size} runs counted over 3 times the median "
                     "(cascades); the mean is in the figure beside the median",
                     "median incidents by patch size: " + ", ".join(
                         f"{x:g}: {m:g}" for x, m in zip(
                             p.patch_voters, np.median(incidents, axis=0), strict=True))]
    x = [float(v) for v in p.patch_voters]
    panels = []
    for k, (title, ylabel) in enumerate([("Incidents against patch size", "incidents"),
                                         ("Identity exposure against patch size",
                                          "mean identity exposure")]):
        stats = [mean_interval(table[:, j, k]) for j in range(len(x))]
        quartiles = np.percentile(table[:, :, k], [25, 50, 75], axis=0)
        panels.append(Panel(title, "voters per single-group patch", ylabel, [
            Series("median over replications (band: quartiles)", x, quartiles[1].tolist(),
                   quartiles[0].tolist(), quartiles[2].tolist()),
            Series("mean over replications (band: 95% interval)", x, [s[0] for s in stats],
                   [s[1] for s in stats], [s[2] for s in stats])], logx=True))
    return CheckResult(verdict, panels)
