"""Figures of an experiment: outcome distributions, time-series envelopes, cost vs risk, risk map.

Every statistic drawn here comes from `sim.experiments.analysis`; these
functions only draw. Each figure is saved as PNG and SVG.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from sim.experiments import analysis  # noqa: E402
from sim.experiments.measures import outcome_label  # noqa: E402
from sim.viz.labels import label  # noqa: E402

MAX_PANELS = 4


def arm_label(arm: str, lang: str) -> str:
    if arm == "baseline":
        return label("none", lang)
    return arm.replace("package:", label("package_mark", lang))


def distributions_figure(runs: pd.DataFrame, outcomes: list[str], lang: str = "id"):
    """Box plots of each outcome per arm, over the runs given (one design point)."""
    first = runs[runs["status"] == "ok"]
    shown = outcomes[:MAX_PANELS]
    # two panels a row: the figure stays inside an A4 page's width (7.2 inches)
    columns = min(2, len(shown))
    rows = -(-len(shown) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(7.2, 3.9 * rows), squeeze=False)
    arms = list(dict.fromkeys(first["arm"]))
    for ax in axes.flat[len(shown):]:
        ax.set_visible(False)
    for ax, outcome in zip(axes.flat, shown, strict=False):
        data = [pd.to_numeric(first.loc[first["arm"] == a, f"out.{outcome}"],
                              errors="coerce").dropna().to_numpy(dtype=float) for a in arms]
        ax.boxplot(data, showmeans=True)
        ax.set_xticks(range(1, len(arms) + 1), [arm_label(a, lang) for a in arms], fontsize=7,
                      rotation=60, ha="right")
        ax.set_title(outcome_label(outcome, lang), fontsize=9)
    fig.suptitle(label("outcome_distributions", lang))
    fig.tight_layout()
    return fig


def envelopes_figure(series: pd.DataFrame, runs: pd.DataFrame, voters: dict[str, float],
                     lang: str = "id"):
    """Median and 90% band over runs of regency tension and daily incidents, per arm.

    `voters` (community -> registered voters) weighs the regency's tension.
    """
    panels = [("tension", voters, "tension"), ("incidents", None, "incidents_per_day")]
    frame = series.copy()
    severities = [c for c in ("friction", "clash", "riot") if c in frame.columns]
    frame["incidents"] = frame[severities].sum(axis=1) if severities else np.nan
    fig, axes = plt.subplots(len(panels), 1, figsize=(7.2, 6.2), sharex=True)
    for ax, (column, weights, title) in zip(axes, panels, strict=True):
        table = analysis.envelopes(frame, runs, column, weights)
        for arm, rows in table.groupby("arm", sort=False):
            dates = pd.to_datetime(rows["date"])
            line, = ax.plot(dates, rows["median"], lw=1.3, label=arm_label(arm, lang))
            ax.fill_between(dates, rows["low"], rows["high"], color=line.get_color(), alpha=0.15)
        ax.set_ylabel(label(title, lang))
    axes[0].set_title(label("envelopes_title", lang))
    axes[0].legend(fontsize=7, ncol=3)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def cost_risk_figure(pareto: pd.DataFrame, lang: str = "id"):
    """Cost against mean risk with its interval; the Pareto front joined by a line.

    `pareto` holds one design point (`analysis.first_design_point`).
    """
    fig, ax = plt.subplots(figsize=(7.2, 4.6))
    table = pareto
    ax.errorbar(table["cost_rupiah"] / analysis.BILLION, table["risk"],
                yerr=[table["risk"] - table["risk_low"], table["risk_high"] - table["risk"]],
                fmt="o", color="#555555", ecolor="#bbbbbb", capsize=3)
    front = table[table["on_front"]].sort_values("cost_rupiah")
    ax.plot(front["cost_rupiah"] / analysis.BILLION, front["risk"], color="#b7094c", lw=1.5,
            label=label("pareto_front", lang))
    # points are numbered and named in a key beside the axes: names placed at the points
    # overlap as soon as two sets cost and risk about the same
    key = []
    for number, (_, row) in enumerate(table.iterrows(), start=1):
        ax.annotate(str(number), (row["cost_rupiah"] / analysis.BILLION, row["risk"]),
                    fontsize=7, xytext=(3, 3), textcoords="offset points", color="#333333")
        key.append(f"{number}  {arm_label(row['arm'], lang)}")
    ax.text(1.02, 1.0, "\n".join(key), transform=ax.transAxes, fontsize=7, va="top",
            ha="left", family="DejaVu Sans")
    ax.set_xlabel(label("cost_billion", lang))
    ax.set_ylabel(outcome_label(table["risk_outcome"].iloc[0], lang))
    ax.set_title(label("cost_vs_risk", lang))
    ax.legend()
    fig.tight_layout()
    return fig


def risk_map_figure(risk: pd.DataFrame, scenario, lang: str = "id"):
    """Communities at their coordinates: size by mean incidents, colour by escalation share."""
    where = {c.name: (c.longitude, c.latitude) for c in scenario.communities}
    risk = risk[risk["community"].isin(where)]
    lon = [where[n][0] for n in risk["community"]]
    lat = [where[n][1] for n in risk["community"]]
    fig, ax = plt.subplots(figsize=(6.5, 6))
    sizes = 40 + 600 * risk["mean_incidents"] / max(risk["mean_incidents"].max(), 1e-9)
    points = ax.scatter(lon, lat, s=sizes, c=risk["escalation_share"], cmap="YlOrRd", vmin=0,
                        vmax=1, edgecolors="#333333")
    for name, x, y in zip(risk["community"], lon, lat, strict=True):
        ax.annotate(name, (x, y), fontsize=7, xytext=(4, 4), textcoords="offset points")
    fig.colorbar(points, ax=ax, label=label("escalation_share", lang), shrink=0.8)
    ax.set_title(label("risk_map", lang))
    ax.set_xlabel(label("longitude", lang))
    ax.set_ylabel(label("latitude", lang))
    fig.tight_layout()
    return fig


def save(fig, out: Path, stem: str) -> list[Path]:
    """Write `fig` as PNG and SVG, close it, return the paths."""
    paths = [out / f"{stem}.png", out / f"{stem}.svg"]
    for path in paths:
        fig.savefig(path, dpi=110)
    plt.close(fig)
    return paths


def save_experiment_figures(store, summary: analysis.Summary, out: Path,
                            lang: str = "id") -> list[Path]:
    """Every figure of an experiment whose data the store holds; return the written paths."""
    from sim.scenario import load_scenario

    out.mkdir(parents=True, exist_ok=True)
    spec, path = store.experiment()
    runs = store.runs()
    first = analysis.first_design_point(runs)
    outcomes = analysis.outcome_columns(runs, spec.analysis.outcomes)
    written = save(distributions_figure(first, outcomes, lang), out, "distributions")
    if not summary.pareto.empty:
        written += save(cost_risk_figure(analysis.first_design_point(summary.pareto), lang),
                        out, "cost_risk")
    series = store.timeseries()
    if series.empty or "tension" not in series.columns:
        return written
    from sim.experiments.spec import scenario_path

    scenario = load_scenario(scenario_path(spec.experiment.scenarios[0], path), spec.fixed)
    voters = {c.name: c.voters for c in scenario.communities}
    written += save(envelopes_figure(series, first, voters, lang), out, "envelopes")
    first = runs[runs["scenario"] == spec.experiment.scenarios[0]]
    risk = analysis.community_risk(series, first, escalated_level=scenario.tension.escalated_level)
    written += save(risk_map_figure(risk, scenario, lang), out, "risk_map")
    return written
