"""Epstein's punctuated outbursts in `ElectionConflictModel` itself, and the order of
activation within a day that they need.

The Pilkada model reduced to Epstein's setting (sim.validation.epstein_reduction:
one community, TPS areas as vision windows, random cops arresting in vision,
no partisan anger, hoaxes, crowds or backlash) is run for 600 days through
`sim.run`, once with residents acting in random sequential order within a day
(Epstein's) and once all at once
(synchronous), with the same seeds. Claims judged: with random sequential
order the daily active share shows recurring outbursts between long quiet
spells; synchronous updates spend less time in outbursts (the reference
world halves it, docs/validation.md section 1).

The check needs `activation.order`; on a model without it, it is skipped
with that reason.
"""

from __future__ import annotations

from typing import Any, get_args

import numpy as np
from pydantic import Field

from sim.scenario.schema import Order
from sim.validation.epstein_reduction import active_series, epstein_scenario
from sim.validation.pilkada import run, skip_reason
from sim.validation.result import CheckResult, Measure, Panel, Series, Verdict
from sim.validation.spec import CheckParams
from sim.validation.stats import mean_interval, outburst_starts

ORDERS = get_args(Order)


class OrderParams(CheckParams):
    days: int = Field(600, ge=100, description="length of the calendar, days")
    burn_in: int = Field(50, ge=0, description="days left out of the measures")
    outburst_share: float = Field(0.02, gt=0, le=1, description="share of citizens active "
                                  "above which a day is in an outburst (about half a vision "
                                  "window of the reduction)")
    min_outbursts: float = Field(3.0, ge=0, description="per 1000 days, at least")
    max_time_in_outburst: float = Field(0.3, gt=0, le=1)
    overrides: dict[str, Any] = Field(default_factory=dict,
                                      description="extra overrides of every run")


def _shares(p: OrderParams, order: str, seed) -> np.ndarray:
    scenario = epstein_scenario(p.days, **({"activation.order": order} | p.overrides))
    return active_series(run(scenario, {}, seed))[p.burn_in:]


def activation_order(p: OrderParams, verdict: Verdict) -> CheckResult:
    """Outbursts in the Pilkada model under Epstein's order, fewer under synchronous updates."""
    reason = skip_reason({"activation.order": ORDERS[0]} | p.overrides)
    if reason:
        verdict.skipped = reason
        return CheckResult(verdict)
    runs = {o: [_shares(p, o, s) for s in p.seeds()] for o in ORDERS}
    per = {o: [outburst_starts(x, p.outburst_share).size * 1000 / x.size for x in v]
           for o, v in runs.items()}
    time_in = {o: [float((x >= p.outburst_share).mean()) for x in v] for o, v in runs.items()}
    m = mean_interval(per[ORDERS[0]])
    t = mean_interval(time_in[ORDERS[0]])
    d = mean_interval(np.subtract(time_in[ORDERS[0]], time_in[ORDERS[1]]))
    verdict.measures = [
        Measure("outbursts per 1000 days, random sequential", *m, "recurring outbursts",
                f"interval >= {p.min_outbursts}", m[1] >= p.min_outbursts,
                "the reduced Pilkada model settles: no recurring outbursts"),
        Measure("share of days in an outburst, random sequential", *t, "long quiet spells",
                f"interval <= {p.max_time_in_outburst}", t[2] <= p.max_time_in_outburst,
                "unrest is chronic: no long quiet spells"),
        Measure("share of days in an outburst, random sequential minus synchronous", *d,
                "> 0 (synchronous updates halve it in the reference world)",
                "interval above 0", d[1] > 0, "the order of activation makes no difference"),
    ]
    days = list(range(p.burn_in, p.burn_in + runs[ORDERS[0]][0].size))
    panel = Panel("Reduced Pilkada model: active share by day (replication 1)", "day",
                  "active share", [Series(o, days, runs[o][0].tolist()) for o in ORDERS],
                  p.outburst_share, "outburst threshold")
    return CheckResult(verdict, [panel])
