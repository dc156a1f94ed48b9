"""How much memory a run needs (an estimate), and a refusal before it tries to take more.

A run keeps a handful of arrays with one entry per simulated resident (about
28 bytes) plus vectorised temporaries of the same length; one simulated
resident stands for `population.scale` voters. The figure per resident is an
estimate, taken generously so that a refusal is never wrong by much.
"""

from __future__ import annotations

import os

from sim.scenario.schema import Scenario

# estimate: arrays per resident (28 bytes) and float64 temporaries of a step, with headroom
BYTES_PER_RESIDENT = 200
# estimate: the interpreter, numpy, Mesa and the community agents
BASE_BYTES = 300 * 2**20
GIB = 2**30


def simulated_residents(scenario: Scenario) -> int:
    """Residents the model will simulate: voters / population.scale per community, and at
    least population.min_residents (or all its voters) where the population has that floor."""
    scale = scenario.population.scale
    floor = getattr(scenario.population, "min_residents", 1)
    return sum(max(min(c.voters, floor), round(c.voters / scale), 1)
               for c in scenario.communities)


def estimated_bytes(scenario: Scenario) -> int:
    """Estimate of the memory one run of `scenario` needs, bytes.

    Examples
    --------
    >>> from sim.scenario import bundled_path, load_scenario
    >>> estimated_bytes(load_scenario(bundled_path("desa_demo"))) < 2**30
    True
    """
    return BASE_BYTES + BYTES_PER_RESIDENT * simulated_residents(scenario)


def machine_bytes() -> int | None:
    """Physical memory of this machine, bytes (None where the system does not say)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def memory_problem(scenario: Scenario, available: int | None = None) -> str:
    """'' if a run fits in memory, else what it would need and how to make it fit."""
    available = machine_bytes() if available is None else available
    need = estimated_bytes(scenario)
    if available is None or need <= available:
        return ""
    residents = simulated_residents(scenario)
    scale = scenario.population.scale
    fit = max(0.0, (available * 0.8 - BASE_BYTES) / BYTES_PER_RESIDENT)
    suggested = scale * residents / fit if fit > 0 else float("inf")
    return (f"population.scale = {scale:g}: {residents:,} simulated residents need about "
            f"{need / GIB:,.1f} GiB (estimate); this machine has {available / GIB:,.1f} GiB. "
            f"Simulate fewer, each standing for more voters: e.g. --set "
            f"population.scale={suggested:,.0f} / perlu memori terlalu besar; naikkan "
            f"population.scale")
