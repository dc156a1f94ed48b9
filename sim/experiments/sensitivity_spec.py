"""The ``[sensitivity]`` section of an experiment file: method, sample size, parameters, outcomes.

Each uncertain parameter has a distribution in SALib's terms (Herman and
Usher 2017; Iwanaga, Usher and Herman 2022)::

    [sensitivity.parameters]
    "grievance.legitimacy" = { low = 0.8, high = 0.95 }                  # uniform
    "security.response_delay_hours" = { dist = "triang", low = 1, high = 12, peak = 3 }
    "rumor.transmission" = { dist = "truncnorm", low = 0.1, high = 0.9, mean = 0.5, sd = 0.15 }
    "security.personnel" = { low = 300, high = 900, integer = true }     # rounded per run
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import Field, model_validator

from sim.scenario.schema import Block

METHODS = ("sobol", "morris", "fast", "delta")
FAST_M = 4  # SALib's default interference factor; FAST needs N > 4 M^2
NEEDS = {"unif": ("low", "high"), "triang": ("low", "high", "peak"), "norm": ("mean", "sd"),
         "truncnorm": ("low", "high", "mean", "sd"), "lognorm": ("mean", "sd")}


class Distribution(Block):
    """One uncertain parameter: its distribution and whether it is a whole number."""

    dist: Literal["unif", "triang", "norm", "truncnorm", "lognorm"] = "unif"
    low: float | None = None
    high: float | None = None
    peak: float | None = Field(None, description="mode of a triangular distribution")
    mean: float | None = Field(None, description="mean (of the log for lognorm)")
    sd: float | None = Field(None, description="standard deviation (of the log for lognorm)")
    integer: bool = Field(False, description="round each sampled value to a whole number")

    @model_validator(mode="after")
    def _complete_and_ordered(self):
        missing = [n for n in NEEDS[self.dist] if getattr(self, n) is None]
        if missing:
            raise ValueError(f"a {self.dist} distribution needs {', '.join(missing)}")
        if self.low is not None and self.high is not None and not self.low < self.high:
            raise ValueError(f"low ({self.low}) must be below high ({self.high})")
        if self.sd is not None and not self.sd > 0:
            raise ValueError(f"sd ({self.sd}) must be > 0")
        if self.dist == "triang" and not self.low <= self.peak < self.high:
            raise ValueError(f"peak ({self.peak}) must lie in [low, high)")
        return self

    def salib_bounds(self) -> list[float]:
        """The bounds list SALib expects for this distribution."""
        if self.dist == "triang":
            return [self.low, self.high, (self.peak - self.low) / (self.high - self.low)]
        return [getattr(self, n) for n in NEEDS[self.dist]]

    def extremes(self) -> tuple[float, float]:
        """The lowest and highest values a run may see (3 sd out for unbounded ones)."""
        if self.dist in ("unif", "triang", "truncnorm"):
            return self.low, self.high
        low, high = self.mean - 3 * self.sd, self.mean + 3 * self.sd
        return (math.exp(low), math.exp(high)) if self.dist == "lognorm" else (low, high)


class Sensitivity(Block):
    """A global sensitivity study over the experiment's model."""

    method: Literal["sobol", "morris", "fast", "delta"] = "sobol"
    base_samples: Annotated[int, Field(ge=4)] = Field(
        description="N: Sobol base samples (a power of two), Morris trajectories, "
                    "FAST samples per parameter, delta sample size")
    second_order: bool = Field(False, description="Sobol second-order indices too")
    levels: Annotated[int, Field(ge=2)] = Field(4, description="Morris grid levels")
    parameters: dict[str, Distribution] = Field(min_length=1)
    outcomes: list[str] = Field(min_length=1)
    confidence: Annotated[float, Field(gt=0, lt=1)] = 0.95
    bootstrap: Annotated[int, Field(ge=10)] = Field(1000, description="resamples for intervals")
    wide_interval: Annotated[float, Field(gt=0)] = Field(
        0.1, description="interval half-width above which a warning is given "
                         "(index units; relative to the largest mu* for Morris)")
    converged_within: Annotated[float, Field(gt=0)] = Field(
        0.05, description="largest change from N/2 to N accepted as converged (index units; "
                          "relative to the largest mu* for Morris)")


def nearest_powers_of_two(n: int) -> tuple[int, int]:
    """The powers of two just below and just above `n`."""
    below = 2 ** int(math.floor(math.log2(n)))
    return below, below * 2


def check_sensitivity(study: Sensitivity) -> list[str]:
    """Problems with the method and sample size, as messages naming the field."""
    n = study.base_samples
    problems = []
    if study.method == "sobol" and n & (n - 1):
        below, above = nearest_powers_of_two(n)
        problems.append(f"sensitivity.base_samples = {n}: Sobol sampling needs a power of "
                        f"two; the nearest are {below} and {above}")
    if study.method == "fast" and n <= 4 * FAST_M**2:
        problems.append(f"sensitivity.base_samples = {n}: FAST needs more than "
                        f"{4 * FAST_M**2} samples per parameter")
    return problems
