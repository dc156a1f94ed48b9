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


def row_text(rows: list[dict[str, float]], measures) -> str:
    """One table row: each measure's mean [95% t interval], then P(any riot) [Wilson]."""
    from sim.validation.stats import mean_interval

    cells = []
    for m in measures:
        mean, lo, hi = mean_interval([r[m] for r in rows])
        cells.append(f"{mean:7.2f} [{lo:5.1f},{hi:5.1f}]")
    p, lo, hi = wilson(int(sum(r["any_riot"] for r in rows)), len(rows))
    return " ".join(cells) + f"   {p:5.2f} [{lo:4.2f},{hi:4.2f}]"
