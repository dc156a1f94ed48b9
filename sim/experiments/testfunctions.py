"""Functions with known answers, for checking the runner and sensitivity analysis end to end.

Each is a function model: ``function(params: dict, seed: int) -> dict``. Their
exact Sobol indices are known in closed form (given here too), so a pipeline
that samples, runs, stores and analyses them can be checked against truth.

- Ishigami and Homma (1990), "An importance quantification technique in
  uncertainty analysis for computer models", Proc. ISUMA '90, 398-403.
- Sobol' G function: Saltelli and Sobol' (1995), Reliab. Eng. Syst. Saf. 50:225;
  indices as in Saltelli et al. (2010), Comput. Phys. Commun. 181:259.
"""

from __future__ import annotations

import math

import numpy as np

ISHIGAMI_A = 7.0
ISHIGAMI_B = 0.1
SOBOL_G_A = (0.0, 1.0, 4.5, 9.0, 99.0, 99.0, 99.0, 99.0)


def ishigami(params: dict, seed: int) -> dict:
    """Ishigami: ``y = sin x1 + a sin^2 x2 + b x3^4 sin x1``, inputs U(-pi, pi).

    Optional ``a`` and ``b`` (default 7 and 0.1), and ``noise``: the standard
    deviation of Gaussian noise added from `seed` (0 by default: deterministic),
    to check how replication noise is handled.

    Examples
    --------
    >>> ishigami({"x1": 0.0, "x2": math.pi / 2, "x3": 1.0}, seed=0)["y"]
    7.0
    """
    a = params.get("a", ISHIGAMI_A)
    b = params.get("b", ISHIGAMI_B)
    x1, x2, x3 = params["x1"], params["x2"], params["x3"]
    y = math.sin(x1) + a * math.sin(x2) ** 2 + b * x3**4 * math.sin(x1)
    noise = params.get("noise", 0.0)
    if noise:
        y += noise * float(np.random.default_rng(seed).standard_normal())
    return {"y": y}


def ishigami_indices(a: float = ISHIGAMI_A, b: float = ISHIGAMI_B) -> dict[str, list[float]]:
    """Exact first-order (S1) and total (ST) Sobol indices of the Ishigami function.

    Examples
    --------
    >>> [round(s, 4) for s in ishigami_indices()["S1"]]
    [0.3139, 0.4424, 0.0]
    """
    v1 = 0.5 * (1 + b * math.pi**4 / 5) ** 2
    v2 = a**2 / 8
    v13 = b**2 * math.pi**8 * (1 / 18 - 1 / 50)
    total = v1 + v2 + v13
    return {"S1": [v1 / total, v2 / total, 0.0],
            "ST": [(v1 + v13) / total, v2 / total, v13 / total]}


def sobol_g(params: dict, seed: int) -> dict:
    """Sobol' G: ``y = prod (|4 x_i - 2| + a_i) / (1 + a_i)``, inputs U(0, 1).

    Inputs are ``x1 ... xk``; ``a_i`` are `SOBOL_G_A` unless given as ``a1 ... ak``.
    A small ``a_i`` makes ``x_i`` important.

    Examples
    --------
    >>> sobol_g({"x1": 0.5, "x2": 0.5}, seed=0)["y"]
    0.0
    """
    names = sorted((k for k in params if k.startswith("x")), key=lambda k: int(k[1:]))
    y = 1.0
    for name in names:
        a = params.get(f"a{name[1:]}", SOBOL_G_A[int(name[1:]) - 1])
        y *= (abs(4 * params[name] - 2) + a) / (1 + a)
    return {"y": y}


def sobol_g_indices(a: tuple[float, ...] = SOBOL_G_A) -> dict[str, list[float]]:
    """Exact first-order (S1) and total (ST) Sobol indices of the G function."""
    partial = np.array([1 / (3 * (1 + ai) ** 2) for ai in a])
    total = np.prod(1 + partial) - 1
    others = np.array([np.prod(np.delete(1 + partial, i)) for i in range(len(a))])
    return {"S1": list(partial / total), "ST": list(partial * others / total)}


# A budget portfolio with a known best subset and a known failure box, for the planner's
# pipeline: option -> (cost, share of the risk it removes at full strength). Invented numbers.
PORTFOLIO = {"a": (1.0, 0.30), "b": (2.0, 0.55), "c": (0.5, 0.15), "d": (1.5, 0.40),
             "e": (3.0, 0.60)}
PORTFOLIO_NOISE = 0.3
PORTFOLIO_BOX = {"legitimacy": (0.0, 0.3), "stress": (0.6, 1.0)}


def _portfolio_factor(chosen: list[str], budget: float) -> tuple[float, float]:
    """What is left of the risk with `chosen` held to `budget`, and what it then costs."""
    cost = sum(PORTFOLIO[k][0] for k in chosen)
    share = min(1.0, budget / cost) if cost > 0 else 1.0
    factor = math.prod(1 - PORTFOLIO[k][1] * share for k in chosen)
    return factor, cost * share


def budget_portfolio(params: dict, seed: int) -> dict:
    """Riots under a budget: on/off options ``a``..``e`` shrunk together to fit ``budget``.

    ``riots = base * prod(1 - effect_k * share) * exp(0.3 z)``, with ``z`` standard normal
    from `seed` (the same for every option: common random numbers), ``share`` the
    fraction of the options' cost the budget holds, and ``base`` 2, or 20 inside the
    failure box ``legitimacy < 0.3 and stress > 0.6`` (`PORTFOLIO_BOX`).

    Examples
    --------
    >>> budget_portfolio({"b": 1, "budget": 10.0, "legitimacy": 0.9}, seed=0)["cost"]
    2.0
    """
    chosen = [k for k in PORTFOLIO if params.get(k, 0) >= 0.5]
    factor, cost = _portfolio_factor(chosen, params.get("budget", math.inf))
    legitimacy, stress = params.get("legitimacy", 0.5), params.get("stress", 0.5)
    low, high = PORTFOLIO_BOX["legitimacy"][1], PORTFOLIO_BOX["stress"][0]
    base = 20.0 if legitimacy < low and stress > high else 2.0
    z = float(np.random.default_rng(seed).standard_normal())
    return {"riots": base * factor * math.exp(PORTFOLIO_NOISE * z), "cost": cost}


def budget_portfolio_best(budget: float) -> str:
    """The subset of `PORTFOLIO` that leaves the least risk at `budget`, by enumeration.

    Examples
    --------
    >>> budget_portfolio_best(1.0)
    'a'
    """
    from itertools import combinations

    names = list(PORTFOLIO)
    subsets = [list(c) for n in range(1, len(names) + 1) for c in combinations(names, n)]
    best = min(subsets, key=lambda s: (_portfolio_factor(s, budget)[0], len(s)))
    return "+".join(best)


def faulty(params: dict, seed: int) -> dict:
    """A function model that misbehaves on request, to check how sweeps survive faults.

    ``y`` is ``x`` (default 0). Besides: ``sleep`` waits that many seconds
    first; ``die_at`` = a value of ``x`` at which the worker process ends at
    once (``os._exit``, as the kernel's out-of-memory killer would end it);
    with ``once`` = a file path it dies there only while that file does not
    exist, creating it (a fault a retry survives); ``text`` = 1 returns text
    where a number belongs; ``fails`` = 1 raises in every run of a sweep (but
    not in the one call with seed 0 that checks an experiment before it starts).

    Examples
    --------
    >>> faulty({"x": 2.5}, seed=0)
    {'y': 2.5}
    """
    import os
    import time
    from pathlib import Path

    x = params.get("x", 0.0)
    time.sleep(float(params.get("sleep", 0.0)))
    if "die_at" in params and x == params["die_at"]:
        once = params.get("once")
        if not once or not Path(once).exists():
            if once:
                Path(once).touch()
            os._exit(9)
    if params.get("text") == 1:
        return {"y": "high"}
    if params.get("fails") == 1 and seed != 0:
        raise ValueError("this run fails, as asked (fails = 1)")
    return {"y": float(x)}
