"""Statistics of validation verdicts: intervals over replications, burstiness, thresholds."""

from __future__ import annotations

import numpy as np
from scipy import stats

LEVEL = 0.95


def mean_interval(values, level: float = LEVEL) -> tuple[float, float, float]:
    """Mean and its Student-t interval over replications (a point when there is one value).

    >>> mean_interval([1.0, 2.0, 3.0])[0]
    2.0
    """
    x = np.asarray(values, dtype=float)
    mean = float(x.mean())
    if x.size < 2 or np.all(x == x[0]):
        return mean, mean, mean
    half = stats.t.ppf(0.5 + level / 2, x.size - 1) * x.std(ddof=1) / np.sqrt(x.size)
    return mean, float(mean - half), float(mean + half)


def bootstrap_interval(samples: np.ndarray, statistic, rng: np.random.Generator,
                       resamples: int = 2000, level: float = LEVEL) -> tuple[float, float, float]:
    """A statistic of replications (rows of `samples`) and its percentile bootstrap interval.

    `statistic` maps an array of replications (rows) to one number; the
    replications are resampled with replacement.
    """
    samples = np.asarray(samples, dtype=float)
    value = float(statistic(samples))
    n = samples.shape[0]
    if n < 2:
        return value, value, value
    picks = rng.integers(0, n, size=(resamples, n))
    boot = np.array([statistic(samples[p]) for p in picks])
    boot = boot[np.isfinite(boot)]
    if boot.size == 0:
        return value, value, value
    tail = (1 - level) / 2
    return value, float(np.quantile(boot, tail)), float(np.quantile(boot, 1 - tail))


def outburst_starts(active_share: np.ndarray, threshold: float) -> np.ndarray:
    """Ticks at which the active share rises to `threshold` or above (an outburst begins)."""
    on = np.asarray(active_share) >= threshold
    return np.flatnonzero(on[1:] & ~on[:-1]) + 1


def burstiness(waiting_times) -> float:
    """Goh and Barabasi (2008) burstiness B = (sigma - mu) / (sigma + mu) of waiting times.

    -1 for a periodic series, 0 for a Poisson process, towards 1 for bursts;
    NaN with fewer than two waiting times.

    >>> burstiness([10, 10, 10])
    -1.0
    """
    w = np.asarray(waiting_times, dtype=float)
    if w.size < 2:
        return float("nan")
    mu, sigma = w.mean(), w.std()
    return float((sigma - mu) / (sigma + mu))


def lower_slope_share(x, y) -> float:
    """Share of the change per unit x that falls in the lower half of x: s_low / (s_low + s_up).

    0.5 for a straight line; towards 1 for a knee below the middle of the range
    (little change above it, a steep one below). Halves meet at the middle point.

    >>> lower_slope_share([0, 1, 2, 3, 4], [8, 4, 0, 0, 0])
    1.0
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    mid = len(x) // 2
    lower = abs(y[mid] - y[0]) / (x[mid] - x[0])
    upper = abs(y[-1] - y[mid]) / (x[-1] - x[mid])
    return float(lower / (lower + upper)) if lower + upper > 0 else 0.5


def largest_step_share(y) -> float:
    """Largest change between neighbouring sweep points, as a share of all the change.

    1 / (points - 1) for a straight line; 1 when everything happens in one step.

    >>> largest_step_share([10, 10, 9, 1, 0])
    0.8
    """
    steps = np.abs(np.diff(np.asarray(y, dtype=float)))
    return float(steps.max() / steps.sum()) if steps.sum() > 0 else 0.0


def spearman(x, y) -> float:
    """Spearman rank correlation (NaN when either side is constant)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if np.all(x == x[0]) or np.all(y == y[0]):
        return float("nan")
    return float(stats.spearmanr(x, y).statistic)


def spearman_permutation(x, y, rng: np.random.Generator, permutations: int = 20_000,
                         alternative: str = "greater") -> tuple[float, float]:
    """Spearman's rho of `x` and `y` and its permutation p-value (the null: no association).

    The p-value is the share of random pairings of `y` with `x` whose rho is at
    least as extreme as the observed one, counting the observed pairing
    (Phipson and Smyth 2010), so it is never 0. A constant side gives rho NaN
    and p = 1: nothing can be concluded from it.

    >>> rho, p = spearman_permutation([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6],
    ...                               np.random.default_rng(0))
    >>> rho, p < 0.01
    (1.0, True)
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if np.all(x == x[0]) or np.all(y == y[0]):
        return float("nan"), 1.0
    rx, ry = stats.rankdata(x), stats.rankdata(y)
    observed = _pearson(rx, ry[None, :])[0]
    shuffled = np.array([rng.permutation(ry) for _ in range(permutations)])
    null = _pearson(rx, shuffled)
    sign = {"greater": 1.0, "less": -1.0}.get(alternative)
    if sign is None:
        extreme = np.abs(null) >= abs(observed) - 1e-12
    else:
        extreme = sign * null >= sign * observed - 1e-12
    return float(observed), float((extreme.sum() + 1) / (permutations + 1))


def _pearson(x: np.ndarray, rows: np.ndarray) -> np.ndarray:
    xc = x - x.mean()
    rc = rows - rows.mean(axis=1, keepdims=True)
    return (rc @ xc) / (np.sqrt((rc**2).sum(axis=1)) * np.sqrt((xc**2).sum()))


def rank_test_power(n: int, rho: float, rng: np.random.Generator, trials: int = 400,
                    alpha: float = 0.05, permutations: int = 2_000) -> float:
    """Chance that `spearman_permutation` rejects its null at `alpha` for `n` pairs whose
    latent correlation is `rho` (bivariate normal): the power of a rank check.

    >>> rank_test_power(10, 0.0, np.random.default_rng(0), trials=50) < 0.2
    True
    """
    cov = [[1.0, rho], [rho, 1.0]]
    hits = 0
    for _ in range(trials):
        x, y = rng.multivariate_normal([0.0, 0.0], cov, size=n).T
        hits += spearman_permutation(x, y, rng, permutations)[1] < alpha
    return hits / trials


def covers_within(values, target: float, tolerance: float,
                  level: float = LEVEL) -> tuple[float, float, float, bool]:
    """Mean, interval, and whether the interval both holds `target` and is no wider than
    `tolerance` on either side of the mean: agreement judged by the interval, not the point.

    >>> covers_within([0.200, 0.206, 0.203, 0.204], 0.2032, 0.01)[3]
    True
    >>> covers_within([0.17, 0.171, 0.169], 0.2032, 0.01)[3]
    False
    """
    mean, low, high = mean_interval(values, level)
    return mean, low, high, bool(low <= target <= high and high - low <= 2 * tolerance)
