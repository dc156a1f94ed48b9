"""Figures of a sensitivity study: Sobol bars with intervals, Morris mu*-sigma, convergence.

Every number drawn comes from `sim.experiments.sensitivity`; these functions
only draw. Each figure is saved as PNG and SVG.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from sim.experiments.measures import outcome_label  # noqa: E402
from sim.viz.experiment_figures import save  # noqa: E402
from sim.viz.labels import label  # noqa: E402


def _panels(count: int, width: float = 4.5, height: float = 3.8):
    # at least 7.5 inches wide, so the title of a single panel is not cut
    fig, axes = plt.subplots(1, count, figsize=(max(7.5, width * count), height), squeeze=False)
    return fig, axes[0]


def indices_figure(indices: pd.DataFrame, first: str = "S1", total: str = "ST",
                   lang: str = "id"):
    """First-order and total indices per parameter, with interval bars, one panel per outcome."""
    groups = list(indices.groupby(["arm", "outcome"], sort=False))
    fig, axes = _panels(len(groups), height=0.35 * indices["parameter"].nunique() + 2)
    for ax, ((arm, outcome), table) in zip(axes, groups, strict=True):
        y = np.arange(len(table))
        ax.barh(y - 0.2, table[first], 0.4, xerr=table[f"{first}_conf"], label=first,
                color="#4c72b0", capsize=2)
        if total in table.columns:
            ax.barh(y + 0.2, table[total], 0.4, xerr=table[f"{total}_conf"], label=total,
                    color="#dd8452", capsize=2)
        ax.set_yticks(y, table["parameter"], fontsize=7)
        ax.invert_yaxis()
        ax.axvline(0, color="#888888", lw=0.8)
        ax.set_title(f"{outcome_label(outcome, lang)} ({arm})", fontsize=9)
    axes[0].legend(fontsize=8)
    fig.suptitle(label("sobol_indices", lang))
    fig.tight_layout()
    return fig


def morris_figure(indices: pd.DataFrame, lang: str = "id"):
    """mu* against sigma per parameter: far right matters, high up interacts or bends."""
    groups = list(indices.groupby(["arm", "outcome"], sort=False))
    fig, axes = _panels(len(groups))
    for ax, ((arm, outcome), table) in zip(axes, groups, strict=True):
        ax.errorbar(table["mu_star"], table["sigma"], xerr=table["mu_star_conf"], fmt="o",
                    color="#4c72b0", ecolor="#bbbbbb", capsize=2)
        for _, row in table.iterrows():
            ax.annotate(row["parameter"], (row["mu_star"], row["sigma"]), fontsize=7,
                        xytext=(3, 3), textcoords="offset points")
        top = max(float(table["mu_star"].max()), float(table["sigma"].max()), 1e-12)
        ax.plot([0, top], [0, top], color="#cccccc", lw=0.8, ls="--")
        ax.set_xlabel("mu*")
        ax.set_ylabel("sigma")
        ax.set_title(f"{outcome_label(outcome, lang)} ({arm})", fontsize=9)
    fig.suptitle(label("morris_screening", lang))
    fig.tight_layout()
    return fig


def convergence_figure(convergence: pd.DataFrame, lang: str = "id"):
    """The main index of each parameter at N/4, N/2 and N, with its interval."""
    groups = list(convergence.groupby(["arm", "outcome"], sort=False))
    fig, axes = _panels(len(groups))
    for ax, ((arm, outcome), table) in zip(axes, groups, strict=True):
        for parameter, rows in table.groupby("parameter", sort=False):
            line, = ax.plot(rows["base_samples"], rows["value"], marker="o", lw=1,
                            label=parameter)
            ax.fill_between(rows["base_samples"], rows["value"] - rows["conf"],
                            rows["value"] + rows["conf"], color=line.get_color(), alpha=0.1)
        ax.set_xscale("log", base=2)
        ax.set_xlabel(label("base_samples", lang))
        ax.set_ylabel(table["index"].iloc[0])
        ax.set_title(f"{outcome_label(outcome, lang)} ({arm})", fontsize=9)
    axes[0].legend(fontsize=6, ncol=2)
    fig.suptitle(label("convergence", lang))
    fig.tight_layout()
    return fig


def save_sensitivity_figures(result, out: Path, lang: str = "id") -> list[Path]:
    """Every figure the study's method has; return the written paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    if result.method == "morris":
        written += save(morris_figure(result.indices, lang), out, "morris")
    elif result.method == "delta":
        written += save(indices_figure(result.indices, "delta", "S1", lang), out, "delta_indices")
    else:
        written += save(indices_figure(result.indices, lang=lang), out, "sobol_indices")
    if not result.convergence.empty:
        written += save(convergence_figure(result.convergence, lang), out, "convergence")
    return written
