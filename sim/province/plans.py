"""Comparing provincial reserve plans: one spec per run, common random numbers across plans.

`ProvinceRunSpec` is to a province what `sim.simulation.RunSpec` is to a
regency: everything that determines one run, so that any executor (or the
experiment runner) can map `run_province_one` over many of them. The plan is
not in the seed, so every plan meets the same replications.
"""

from __future__ import annotations

from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Any

import pandas as pd

from sim.province.coordinator import ProvinceResult, run_province
from sim.province.executors import SerialExecutor
from sim.province.loading import load_province
from sim.province.schema import ReservePlan

COMPARED = ["incidents_total", "clashes", "riots", "injuries", "peak_tension",
            "regions_with_unrest", "communities_escalated", "reserve_moves"]


@dataclass(frozen=True)
class ProvinceRunSpec:
    """Everything that determines one province run."""

    province: str  # path or bundled name
    plan: str | None = None
    overrides: tuple[tuple[str, Any], ...] = ()
    population_scale: float | None = None
    root_seed: int = 0
    replication: int = 0


def run_province_one(spec: ProvinceRunSpec) -> ProvinceResult:
    """Run one ProvinceRunSpec, its regions one after another (the caller parallelises runs)."""
    province = load_province(spec.province, dict(spec.overrides), spec.population_scale)
    return run_province(province, seed=spec.root_seed, replication=spec.replication,
                        plan=spec.plan)


def compare_plans(province: str, plans=None, replications: int = 3, root_seed: int = 0,
                  population_scale: float | None = None, overrides: dict | None = None,
                  executor: Executor | None = None) -> pd.DataFrame:
    """Mean outcomes of each reserve plan over the same replications.

    Examples
    --------
    >>> table = compare_plans("kaltim_2024", ["hold", "by_risk"], replications=1,
    ...                       population_scale=2000)
    >>> list(table["plan"])
    ['hold', 'by_risk']
    """
    plans = list(plans or [p.value for p in ReservePlan])
    specs = [ProvinceRunSpec(province, plan, tuple((overrides or {}).items()), population_scale,
                             root_seed, rep) for plan in plans for rep in range(replications)]
    results = (executor or SerialExecutor()).map(run_province_one, specs)
    rows = [{"plan": spec.plan, **{k: result.outcomes[k] for k in COMPARED}}
            for spec, result in zip(specs, results, strict=True)]
    table = pd.DataFrame(rows).groupby("plan", sort=False).mean().reset_index()
    return table
