"""Function models with known posteriors, for checking a calibration end to end.

Each is ``function(params: dict, seed: int) -> dict`` as experiment function
models are (see `sim.experiments.testfunctions`).
"""

from __future__ import annotations

import numpy as np


def noisy_mean(params: dict, seed: int) -> dict:
    """``y = mu + noise``, noise normal with sd ``noise`` (default 0.05), and ``z`` that does
    not depend on ``mu`` at all (a target that identifies nothing), plus ``w = nu`` for a
    second parameter ``nu`` if given.

    With a uniform prior on ``mu`` and a target y = y0 +- tol, the ABC posterior of ``mu``
    lies within about tol + 2 noise of y0.

    Examples
    --------
    >>> noisy_mean({"mu": 1.0, "noise": 0.0}, seed=0)["y"]
    1.0
    """
    rng = np.random.default_rng(seed)
    noise = params.get("noise", 0.05)
    return {"y": float(params["mu"] + noise * rng.standard_normal()),
            "z": float(rng.random()), "w": float(params.get("nu", 0.0))}


def noisy_mean_with_event(params: dict, seed: int) -> dict:
    """`noisy_mean` plus ``event``: 1 with probability ``p``, else 0 (a riot, say).

    A target ``event = 0`` is a yes/no one: a miss is exactly 1/tolerance away, so
    half the particles can share one distance. With a uniform prior on ``p`` the
    exact posterior given one 0 is 2(1 - p), whose mean is 1/3.

    Examples
    --------
    >>> noisy_mean_with_event({"mu": 1.0, "p": 0.0}, seed=0)["event"]
    0.0
    """
    out = noisy_mean(params, seed)
    rng = np.random.default_rng([seed, 1])
    out["event"] = float(rng.random() < params["p"])
    return out
