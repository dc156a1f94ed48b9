"""Davies et al. (2013) checks on the real model: severity against police numbers and response.

A ring of communities (travel between neighbours in hours), legitimacy low
enough and a provocation in one community so that disorder starts; one police
force spread over the ring by voters. Severity is measured three ways: riots
(crowds the officers could not contain), the largest crowd, and communities
escalated. Sweeps use the same seeds at every point (common random numbers).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import numpy as np
from pydantic import Field

from sim.outcomes import outcomes_of
from sim.simulation import build_model
from sim.validation.result import CheckResult, Measure, Panel, Series, Verdict
from sim.validation.spec import CheckParams, NonNegativeItem
from sim.validation.stats import bootstrap_interval, largest_step_share, mean_interval, spearman
from sim.validation.synthetic import ring, scenario

SEVERITY = ("riots", "largest crowd", "communities escalated")


class RingParams(CheckParams):
    communities: int = Field(8, ge=2)
    voters: int = Field(2000, ge=100, description="voters per community")
    travel_hours: float = Field(1.5, gt=0, description="between neighbours on the ring")
    legitimacy: float = Field(0.8, ge=0, le=1, description="grievance.legitimacy")
    provocation: float = Field(2.0, ge=0, description="magnitude, in the first community")
    provocation_date: dt.date = dt.date(2024, 10, 15)
    unit_size: int = Field(10, ge=1, description="police per unit (one responder)")
    scale: float = Field(1.0, ge=1, description="population.scale")


class PoliceNumbersParams(RingParams):
    personnel: list[Annotated[int, Field(ge=0)]] = Field(
        [0, 40, 80, 160, 240, 320, 640], min_length=3)
    response_delay_hours: float = Field(3.0, ge=0)
    min_largest_step_share: float = Field(0.5, gt=0, le=1)


class ResponseSpeedParams(RingParams):
    response_delay_hours: list[NonNegativeItem] = Field([0.25, 1, 2, 4, 8], min_length=3)
    personnel: int = Field(240, ge=0)


def severity_of(p: RingParams, personnel: int, delay: float,
                seed: np.random.SeedSequence) -> tuple[float, float, float]:
    """Riots, largest crowd and communities escalated in one run of the ring."""
    s = scenario(ring(p.communities, p.voters, p.travel_hours), "davies",
                 grievance={"legitimacy": p.legitimacy}, population={"scale": p.scale},
                 security={"personnel": personnel, "forces": [
                     {"kind": "police", "personnel": 100, "unit_size": p.unit_size}]},
                 events=[{"date": p.provocation_date, "kind": "provocation",
                          "community": "C00", "magnitude": p.provocation}])
    model = build_model(s, seed=seed, overrides={"security.response_delay_hours": delay})
    model.run()
    outcomes = outcomes_of(model)
    crowd = max((row["crowd"] for row in model.ledger.incident_log), default=0.0)
    return float(outcomes["riots"]), float(crowd), float(outcomes["communities_escalated"])


def _sweep(p: RingParams, points: list[tuple[int, float]]) -> np.ndarray:
    """(replications, points, severities)."""
    return np.array([[severity_of(p, n, d, seed) for n, d in points] for seed in p.seeds()])


def _panels(x: list[float], table: np.ndarray, xlabel: str) -> list[Panel]:
    panels = []
    for k, name in enumerate(SEVERITY):
        stats = [mean_interval(table[:, j, k]) for j in range(len(x))]
        panels.append(Panel(name.capitalize(), xlabel, name, [Series(
            "mean over replications", x, [s[0] for s in stats], [s[1] for s in stats],
            [s[2] for s in stats])]))
    return panels


def _paired(name, values, published, criterion) -> Measure:
    """A paired difference over replications, judged by its interval lying above 0."""
    mean, low, high = mean_interval(values)
    return Measure(name, mean, low, high, published, criterion, low > 0)


def _curve(title: str, x, values: np.ndarray) -> str:
    """A sweep's means in words, for the verdict's notes."""
    return f"{title}: " + ", ".join(f"{a:g}: {m:.1f}" for a, m in zip(
        x, values.mean(axis=0), strict=True))


def police_numbers(p: PoliceNumbersParams, verdict: Verdict) -> CheckResult:
    """Severity falls with police numbers, with a sharp transition."""
    table = _sweep(p, [(n, p.response_delay_hours) for n in p.personnel])
    riots = table[:, :, 0]
    rng = np.random.default_rng(p.seed)
    step, low, high = bootstrap_interval(riots, lambda rows: largest_step_share(
        rows.mean(axis=0)), rng)
    rho, rlow, rhigh = bootstrap_interval(riots, lambda rows: spearman(
        p.personnel, rows.mean(axis=0)), rng)
    verdict.measures = [
        _paired("riots, fewest minus most police", riots[:, 0] - riots[:, -1],
                "> 0 (more police, less severity)", "interval above 0"),
        Measure("rank correlation of police numbers and riots", rho, rlow, rhigh,
                "negative", "< 0", rho < 0),
        Measure("largest step of the riot curve, share of all its change", step, low, high,
                "a sharp transition", f">= {p.min_largest_step_share} "
                f"(a straight line gives {1 / (len(p.personnel) - 1):.2f})",
                low >= p.min_largest_step_share),
    ]
    j = int(np.argmax(np.abs(np.diff(riots.mean(axis=0)))))
    verdict.notes = [f"sharpest change between {p.personnel[j]} and {p.personnel[j + 1]} "
                     f"police for {p.communities * p.voters:,} voters",
                     _curve("mean riots by personnel", p.personnel, riots)]
    return CheckResult(verdict, _panels([float(n) for n in p.personnel], table,
                                        "security personnel"))


def response_speed(p: ResponseSpeedParams, verdict: Verdict) -> CheckResult:
    """For the same numbers, a faster response lowers severity."""
    delays = p.response_delay_hours
    table = _sweep(p, [(p.personnel, d) for d in delays])
    riots, crowd = table[:, :, 0], table[:, :, 1]
    rng = np.random.default_rng(p.seed)
    rho, rlow, rhigh = bootstrap_interval(riots, lambda rows: spearman(
        delays, rows.mean(axis=0)), rng)
    verdict.notes = [_curve("mean riots by response delay (hours)", delays, riots)]
    verdict.measures = [
        _paired("riots, slowest minus fastest response", riots[:, -1] - riots[:, 0],
                "> 0 (faster response, less severity)", "interval above 0"),
        _paired("largest crowd, slowest minus fastest response", crowd[:, -1] - crowd[:, 0],
                "> 0", "interval above 0"),
        Measure("rank correlation of response delay and riots", rho, rlow, rhigh, "positive",
                "> 0", rho > 0),
    ]
    return CheckResult(verdict, _panels(list(delays), table, "response delay (hours)"))
