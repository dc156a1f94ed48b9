"""Davies et al. (2013) checks on the real model: spread of disorder against police numbers
and response.

A ring of communities (travel between neighbours in hours), legitimacy low
enough and a provocation in one community so that disorder starts; one police
force spread over the ring by voters. Runs go through `sim.run`.

Severity is measured by what Davies et al. claim police change, the **spread**
of disorder, and not by a count the model defines through police numbers (a
riot is a crowd larger than the officers on site can contain, so "more police,
fewer riots" holds by definition and is only reported): incidents in the
communities other than the provoked one, and communities escalated (tension
above `tension.escalated_level`). Trends are judged by Spearman's rho over all
runs with a permutation p-value (null: police make no difference); sweeps use
the same seeds at every point (common random numbers).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import numpy as np
from pydantic import Field

from sim.validation.pilkada import run, skip_reason
from sim.validation.result import REPORTED, CheckResult, Measure, Panel, Series, Verdict
from sim.validation.spec import CheckParams, NonNegativeItem
from sim.validation.stats import (
    bootstrap_interval,
    largest_step_share,
    mean_interval,
    spearman_permutation,
)
from sim.validation.synthetic import ring, scenario

SEVERITY = ("incidents beyond the provoked community", "communities escalated", "riots",
            "largest crowd")
ALPHA = 0.05


class RingParams(CheckParams):
    communities: int = Field(8, ge=2)
    voters: int = Field(2000, ge=100, description="voters per community")
    travel_hours: float = Field(1.5, gt=0, description="between neighbours on the ring")
    legitimacy: float = Field(0.8, ge=0, le=1, description="grievance.legitimacy")
    provocation: float = Field(2.0, ge=0, description="magnitude, in the first community")
    provocation_date: dt.date = dt.date(2024, 10, 15)
    unit_size: int = Field(10, ge=1, description="police per unit (one responder)")
    scale: float = Field(1.0, ge=1, description="population.scale")
    permutations: int = Field(20_000, ge=100, description="for the permutation p-values")
    overrides: dict[str, Any] = Field(default_factory=dict,
                                      description="extra overrides of every run")


class PoliceNumbersParams(RingParams):
    personnel: list[Annotated[int, Field(ge=0)]] = Field(
        [0, 40, 80, 160, 240, 320, 640], min_length=3)
    response_delay_hours: float = Field(3.0, ge=0)
    min_largest_step_share: float = Field(0.5, gt=0, le=1)


class ResponseSpeedParams(RingParams):
    response_delay_hours: list[NonNegativeItem] = Field([0.25, 1, 2, 4, 8], min_length=3)
    personnel: int = Field(240, ge=0)


def severity_of(p: RingParams, personnel: int, delay: float,
                seed: np.random.SeedSequence) -> tuple[float, float, float, float]:
    """Spread beyond the provoked community, communities escalated, riots, largest crowd."""
    s = scenario(ring(p.communities, p.voters, p.travel_hours), "davies",
                 security={"personnel": personnel, "forces": [
                     {"kind": "police", "personnel": 100, "unit_size": p.unit_size}]},
                 events=[{"date": p.provocation_date, "kind": "provocation",
                          "community": "C00", "magnitude": p.provocation}])
    overrides = {"grievance.legitimacy": p.legitimacy, "population.scale": p.scale,
                 "security.response_delay_hours": delay} | p.overrides
    result = run(s, overrides, seed)
    incidents = result.incidents
    spread = float((incidents["community"] != "C00").sum())
    crowd = float(incidents["crowd"].max()) if len(incidents) else 0.0
    return (spread, float(result.outcomes["communities_escalated"]),
            float(result.outcomes["riots"]), crowd)


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


def _trend(name: str, x, table: np.ndarray, k: int, alternative: str, published: str,
           rng: np.random.Generator, permutations: int) -> Measure:
    """Spearman's rho of the swept setting and one severity over every run, with its p-value."""
    xs = np.repeat(np.asarray(x, dtype=float)[None, :], table.shape[0], axis=0).ravel()
    rho, pvalue = spearman_permutation(xs, table[:, :, k].ravel(), rng, permutations,
                                       alternative)
    sign = "<" if alternative == "less" else ">"
    return Measure(f"{name}: Spearman rho over all runs (p = {pvalue:.3g})", rho, rho, rho,
                   published, f"rho {sign} 0 with permutation p < {ALPHA}",
                   bool(pvalue < ALPHA and np.isfinite(rho)),
                   "the swept setting makes no difference to the spread (exchangeable runs)")


def _reported(name: str, values, published: str) -> Measure:
    return Measure(name, *mean_interval(values), published,
                   f"{REPORTED}: true by the model's definition of a riot", True)


def _curve(title: str, x, values: np.ndarray) -> str:
    """A sweep's means in words, for the verdict's notes."""
    return f"{title}: " + ", ".join(f"{a:g}: {m:.1f}" for a, m in zip(
        x, values.mean(axis=0), strict=True))


def police_numbers(p: PoliceNumbersParams, verdict: Verdict) -> CheckResult:
    """Spread falls with police numbers, with a sharp transition."""
    if reason := skip_reason(p.overrides):
        verdict.skipped = reason
        return CheckResult(verdict)
    table = _sweep(p, [(n, p.response_delay_hours) for n in p.personnel])
    spread = table[:, :, 0]
    rng = np.random.default_rng(p.seed)
    step, low, high = bootstrap_interval(spread, lambda rows: largest_step_share(
        rows.mean(axis=0)), rng)
    straight = 1 / (len(p.personnel) - 1)
    verdict.measures = [
        _trend("incidents beyond the provoked community against police numbers", p.personnel,
               table, 0, "less", "negative (more police, less spread)", rng, p.permutations),
        _trend("communities escalated against police numbers", p.personnel, table, 1, "less",
               "negative", rng, p.permutations),
        Measure("largest step of the spread curve, share of all its change", step, low, high,
                "a critical number of police", f"interval >= {p.min_largest_step_share} "
                f"(a straight line gives {straight:.2f})", low >= p.min_largest_step_share,
                "spread falls evenly with police numbers (no critical number)"),
        _reported("riots, fewest minus most police", table[:, 0, 2] - table[:, -1, 2],
                  "> 0"),
    ]
    j = int(np.argmax(np.abs(np.diff(spread.mean(axis=0)))))
    verdict.notes = [f"sharpest change between {p.personnel[j]} and {p.personnel[j + 1]} "
                     f"police for {p.communities * p.voters:,} voters",
                     _curve("mean incidents beyond the provoked community by personnel",
                            p.personnel, spread)]
    return CheckResult(verdict, _panels([float(n) for n in p.personnel], table,
                                        "security personnel"))


def response_speed(p: ResponseSpeedParams, verdict: Verdict) -> CheckResult:
    """For the same numbers, a faster response lowers the spread."""
    if reason := skip_reason(p.overrides):
        verdict.skipped = reason
        return CheckResult(verdict)
    delays = p.response_delay_hours
    table = _sweep(p, [(p.personnel, d) for d in delays])
    spread = table[:, :, 0]
    rng = np.random.default_rng(p.seed)
    diff = mean_interval(spread[:, -1] - spread[:, 0])
    verdict.notes = [_curve("mean incidents beyond the provoked community by response delay "
                            "(hours)", delays, spread)]
    verdict.measures = [
        _trend("incidents beyond the provoked community against response delay", delays,
               table, 0, "greater", "positive (slower response, more spread)", rng,
               p.permutations),
        Measure("incidents beyond the provoked community, slowest minus fastest response",
                *diff, "> 0", "interval above 0", diff[1] > 0,
                "the response delay makes no difference to the spread"),
        _reported("riots, slowest minus fastest response", table[:, -1, 2] - table[:, 0, 2],
                  "> 0"),
    ]
    return CheckResult(verdict, _panels(list(delays), table, "response delay (hours)"))
