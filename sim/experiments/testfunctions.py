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


# Intensities under a budget with a known optimum: strategy -> (weight of the risk it leaves
# when weak, cost at full intensity). Invented numbers, chosen so the optimum is interior.
INTENSITY_WEIGHTS = {"a": 4.0, "b": 2.0, "c": 1.0, "d": 3.0}
INTENSITY_COSTS = {"a": 1.0, "b": 1.0, "c": 1.0, "d": 2.0}


def intensity_portfolio(params: dict, seed: int) -> dict:
    """Riots against intensities ``a``..``d`` in [0, 1], each with a cost; turnout mirrors them.

    ``riots = (1 + sum w_k (1 - x_k)^2) * exp(0.3 z)`` with ``z`` standard normal
    from `seed` (common random numbers: the same factor for every candidate),
    ``cost = sum c_k x_k`` (`INTENSITY_WEIGHTS`, `INTENSITY_COSTS`) and
    ``turnout = 1 / riots`` (higher is better, best where riots are lowest).
    The best intensities under a budget are `intensity_portfolio_best`.

    Examples
    --------
    >>> intensity_portfolio({"a": 1, "b": 1, "c": 1, "d": 1}, seed=0)["cost"]
    5.0
    """
    x = {k: float(params.get(k, 0.0)) for k in INTENSITY_WEIGHTS}
    left = 1.0 + sum(w * (1 - x[k]) ** 2 for k, w in INTENSITY_WEIGHTS.items())
    z = float(np.random.default_rng(seed).standard_normal())
    riots = left * math.exp(PORTFOLIO_NOISE * z)
    return {"riots": riots, "turnout": 1.0 / riots,
            "cost": sum(INTENSITY_COSTS[k] * x[k] for k in x)}


def intensity_portfolio_best(budget: float) -> dict[str, float]:
    """The intensities minimising `intensity_portfolio`'s risk at cost <= `budget` (KKT).

    Minimising ``sum w_k (1 - x_k)^2`` subject to ``sum c_k x_k <= B`` and
    ``0 <= x_k <= 1`` gives ``x_k = clip(1 - lambda c_k / (2 w_k), 0, 1)``, with
    the multiplier ``lambda`` found by bisection so the budget is spent.

    Examples
    --------
    >>> {k: round(v, 3) for k, v in intensity_portfolio_best(2.5).items()}
    {'a': 0.797, 'b': 0.595, 'c': 0.189, 'd': 0.459}
    """
    def at(multiplier: float) -> dict[str, float]:
        return {k: min(1.0, max(0.0, 1 - multiplier * INTENSITY_COSTS[k] / (2 * w)))
                for k, w in INTENSITY_WEIGHTS.items()}

    def cost(x: dict[str, float]) -> float:
        return sum(INTENSITY_COSTS[k] * v for k, v in x.items())

    if cost(at(0.0)) <= budget:
        return at(0.0)
    low, high = 0.0, 1.0
    while cost(at(high)) > budget:
        high *= 2
    for _ in range(100):
        middle = (low + high) / 2
        low, high = (middle, high) if cost(at(middle)) > budget else (low, middle)
    return at(high)


# Two harms pulling apart, with a known Pareto front: the best place for harm 1 is
# TRADE_OFF_A, for harm 2 TRADE_OFF_B (invented points); both cost less than TRADE_OFF_BUDGET.
TRADE_OFF_A = {"x1": 0.1, "x2": 0.2, "x3": 0.3}
TRADE_OFF_B = {"x1": 0.9, "x2": 0.6, "x3": 0.3}
TRADE_OFF_BUDGET = 2.0


def trade_off(params: dict, seed: int) -> dict:
    """Riots and injuries of intensities ``x1``..``x3``: squared distances to two points.

    ``riots = |x - A|^2``, ``injuries = |x - B|^2``, ``cost = x1 + x2 + x3``.
    The Pareto front is the segment from A to B (`trade_off_gap` is 0 on it).

    Examples
    --------
    >>> trade_off(TRADE_OFF_A, seed=0)["riots"]
    0.0
    """
    x = {k: float(params.get(k, 0.0)) for k in TRADE_OFF_A}
    return {"riots": sum((x[k] - TRADE_OFF_A[k]) ** 2 for k in x),
            "injuries": sum((x[k] - TRADE_OFF_B[k]) ** 2 for k in x),
            "cost": sum(x.values())}


def trade_off_gap(riots: float, injuries: float) -> float:
    """How far a pair of objectives is from `trade_off`'s front: ``sqrt f1 + sqrt f2 - |A - B|``.

    On the segment from A to B, ``sqrt(riots) + sqrt(injuries)`` is the
    distance from A to B; anywhere else it is more (the triangle inequality).

    Examples
    --------
    >>> round(trade_off_gap(0.0, 0.8), 12)
    0.0
    """
    distance = math.sqrt(sum((TRADE_OFF_A[k] - TRADE_OFF_B[k]) ** 2 for k in TRADE_OFF_A))
    return math.sqrt(max(riots, 0.0)) + math.sqrt(max(injuries, 0.0)) - distance


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
