"""Helpers the benchmark scripts share."""

from __future__ import annotations

import numpy as np
from scipy import stats


def wilson(successes: int, n: int, level: float = 0.95) -> tuple[float, float, float]:
    """A share and its Wilson score interval."""
    z = stats.norm.ppf(0.5 + level / 2)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return p, max(0.0, centre - half), min(1.0, centre + half)
