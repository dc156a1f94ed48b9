"""Face validity on real data: the Kutai Timur 2024 baseline against what happened.

Real figures (KPU Kutim regency plenary, 6 Dec 2024; see the scenario's
sources): turnout 202,732 of 297,994 registered voters (about 68%), the
incumbent pair 02 won 52.97% of valid votes, and no major violence was
reported (the losing pair conceded on 28 Nov 2024). The check runs the bundled
scenario with no strategy through `sim.run` and compares; it is skipped while
the scenario file is not bundled. The null of each criterion is that the
model misses the real figure by more than its tolerance; turnout and the
winner's share are also calibration targets (docs/calibration.md), so passing
here shows the calibration held, not an independent prediction.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from pydantic import Field

from sim.scenario import ScenarioError, bundled_path, load_scenario
from sim.validation.pilkada import run
from sim.validation.result import CheckResult, Measure, Panel, Series, Verdict
from sim.validation.spec import CheckParams
from sim.validation.stats import mean_interval

REAL_TURNOUT = 202_732 / 297_994  # KPU Kutim plenary, 6 Dec 2024
REAL_INCUMBENT_SHARE = 0.5297  # pair 02, share of valid votes, KPU Kutim plenary


class FaceValidityParams(CheckParams):
    scenario: str = Field("kutim_2024", description="bundled scenario name")
    scale: float = Field(1.0, ge=1, description="population.scale (voters per resident)")
    turnout_tolerance: float = Field(0.03, gt=0, description="largest accepted |turnout - real|")
    share_tolerance: float = Field(0.03, gt=0, description="largest accepted |share - real|")
    max_riots: float = Field(0.5, ge=0, description="mean riots per run, at most")
    overrides: dict[str, Any] = Field(default_factory=dict, description="extra overrides")


def _within(interval: tuple[float, float, float], real: float, tolerance: float) -> bool:
    """The whole interval lies within `tolerance` of the real figure."""
    return real - tolerance <= interval[1] and interval[2] <= real + tolerance


def kutim_baseline(p: FaceValidityParams, verdict: Verdict) -> CheckResult:
    """Turnout, the incumbent's share and the absence of riots, against the 2024 result."""
    try:
        base = load_scenario(bundled_path(p.scenario),
                             {"population.scale": p.scale} | p.overrides)
    except ScenarioError as exc:
        verdict.skipped = f"scenario {p.scenario!r} is not available here ({exc})"
        return CheckResult(verdict)
    incumbent = next(c.id for c in base.candidates if c.incumbent)
    rows = []
    for seed in p.seeds():
        o = run(base, {}, seed).outcomes
        rows.append((o["turnout"], o["vote_shares"][incumbent], o["riots"],
                     o["incidents_total"]))
    turnout, share, riots, incidents = np.array(rows).T
    t, s, r = mean_interval(turnout), mean_interval(share), mean_interval(riots)
    verdict.measures = [
        Measure("turnout", *t, f"{REAL_TURNOUT:.4f}",
                f"interval within {p.turnout_tolerance} of it", _within(t, REAL_TURNOUT,
                                                                        p.turnout_tolerance),
                "the model's turnout is off by more than the tolerance"),
        Measure(f"pair {incumbent} (incumbent) share of valid votes", *s,
                f"{REAL_INCUMBENT_SHARE:.4f}", f"interval within {p.share_tolerance} of it",
                _within(s, REAL_INCUMBENT_SHARE, p.share_tolerance),
                "the model's vote share is off by more than the tolerance"),
        Measure("riots per run", *r, "0 (no major violence reported)",
                f"interval <= {p.max_riots}", r[2] <= p.max_riots,
                "the calibrated baseline riots where 2024 was calm"),
    ]
    verdict.notes = [f"incidents of any severity per run: mean {incidents.mean():.1f}, "
                     f"max {incidents.max():.0f}",
                     "turnout and vote shares were calibrated on this election "
                     "(docs/calibration.md): agreement there shows the calibration held, "
                     "not an independent prediction"]
    reps = [float(i + 1) for i in range(len(rows))]
    panels = [
        Panel("Turnout", "replication", "ballots / registered voters",
              [Series("simulated baseline", reps, turnout.tolist())], REAL_TURNOUT,
              "KPU Kutim 2024"),
        Panel(f"Pair {incumbent} (incumbent) share of valid votes", "replication", "share",
              [Series("simulated baseline", reps, share.tolist())], REAL_INCUMBENT_SHARE,
              "KPU Kutim 2024"),
    ]
    return CheckResult(verdict, panels)
