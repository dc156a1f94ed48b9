"""Figures of a calibration: marginals against priors, which parameters the targets identify,
and posterior predictive checks for every target (held-out ones marked)."""

from __future__ import annotations

import io
import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from scipy import stats as st  # noqa: E402

from sim.calibration.spec import Calibration  # noqa: E402
from sim.store_io import atomic_write_bytes  # noqa: E402


def _save(fig, path: Path) -> None:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    atomic_write_bytes(path, buffer.getvalue())


def _grid(n: int):
    cols = min(4, n)
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(3.4 * cols, 2.6 * rows), squeeze=False,
                             layout="constrained")
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    return fig, axes.flat


def marginals_figure(spec: Calibration, posterior: pd.DataFrame, path: Path) -> None:
    """Each parameter: the posterior (weighted histogram) over its prior's density."""
    from sim.calibration.abc import scipy_law

    fig, axes = _grid(len(spec.priors))
    for ax, (name, prior) in zip(axes, spec.priors.items(), strict=False):
        law = scipy_law(prior)
        frozen = getattr(st, law[0])(*law[1], **law[2])
        low, high = frozen.ppf(0.001), frozen.ppf(0.999)
        x = np.linspace(low, high, 200)
        ax.plot(x, frozen.pdf(x), color="#777777", lw=1.2, label="prior")
        ax.hist(posterior[name], bins=15, range=(low, high), weights=posterior["weight"],
                density=True, color="#2166ac", alpha=0.6, label="posterior")
        ax.set_title(name, fontsize=8)
    axes[0].legend(fontsize=7)
    fig.suptitle(f"{spec.name}: sebaran posterior dan prior / posterior against prior",
                 fontsize=10)
    _save(fig, path)


def identification_figure(summary: dict, path: Path) -> None:
    """Contraction 1 - sd(posterior)/sd(prior): near 0 the targets leave a parameter as wide
    as before; towards 1 they identify it."""
    names = list(summary["parameters"])
    values = [summary["parameters"][n]["contraction"] for n in names]
    fig, ax = plt.subplots(figsize=(7, 0.35 * len(names) + 1.2))
    ax.barh(names, values, color=["#1b7837" if v >= 0.5 else "#999999" for v in values])
    ax.axvline(0.5, color="#333333", ls="--", lw=1)
    ax.set_xlim(min(0, min(values) - 0.05), 1)
    ax.set_xlabel("1 - sd(posterior) / sd(prior)")
    ax.set_title("Parameter mana yang dikenali target / which parameters the targets "
                 "identify", fontsize=10)
    ax.tick_params(axis="y", labelsize=8)
    _save(fig, path)


def predictive_figure(spec: Calibration, predictive: pd.DataFrame, path: Path) -> None:
    """Each target: posterior predictive draws against the observed figure and tolerance."""
    targets = spec.targets
    fig, axes = _grid(len(targets))
    held = {t.name for t in spec.held_out}
    for ax, target in zip(axes, targets, strict=False):
        values = predictive.loc[predictive["target"] == target.name, "value"].to_numpy(float)
        values = values[np.isfinite(values)]
        ax.axvspan(target.observed - target.tolerance, target.observed + target.tolerance,
                   color="#fdb863", alpha=0.4, label="observed +- tolerance")
        ax.axvline(target.observed, color="#b35806", lw=1.5)
        if values.size:
            ax.hist(values, bins=15, color="#542788" if target.name in held else "#2166ac",
                    alpha=0.7, label="posterior predictive")
        kind = "held out" if target.name in held else target.role
        ax.set_title(f"{target.name} ({kind})", fontsize=8)
        ax.tick_params(labelsize=7)
    axes[0].legend(fontsize=6)
    fig.suptitle(f"{spec.name}: uji prediktif posterior / posterior predictive checks",
                 fontsize=10)
    _save(fig, path)


def save_figures(spec: Calibration, posterior: pd.DataFrame, predictive: pd.DataFrame,
                 summary: dict, out: Path) -> list[Path]:
    """Write marginals.png, identification.png and predictive.png into `out`."""
    paths = [out / "marginals.png", out / "identification.png", out / "predictive.png"]
    marginals_figure(spec, posterior, paths[0])
    identification_figure(summary, paths[1])
    predictive_figure(spec, predictive, paths[2])
    return paths
