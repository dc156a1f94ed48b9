"""Figures of one run: tension by community, incidents by severity, a map of peak tension."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from sim.model.mechanisms.clash import SEVERITIES  # noqa: E402
from sim.viz.labels import label  # noqa: E402

SEVERITY_COLOURS = {"friction": "#f2c14e", "clash": "#f78154", "riot": "#b7094c"}


def _phase_bands(ax, table: pd.DataFrame, lang: str) -> None:
    days = table.drop_duplicates("step")[["date", "phase"]]
    dates = pd.to_datetime(days["date"])
    shades = {"quiet": "#eeeeee", "voting": "#d0e1f9", "recapitulation": "#e8f1fb",
              "dispute": "#f6eee3"}
    for phase, colour in shades.items():
        mask = days["phase"].to_numpy() == phase
        if mask.any():
            ax.axvspan(dates[mask].min(), dates[mask].max() + pd.Timedelta(days=1),
                       color=colour, zorder=0, label=label(phase, lang))


def tension_figure(table: pd.DataFrame, lang: str = "id"):
    fig, ax = plt.subplots(figsize=(10, 4.5))
    _phase_bands(ax, table, lang)
    for name, rows in table.groupby("community", sort=False):
        ax.plot(pd.to_datetime(rows["date"]), rows["tension"], lw=1.2, label=name)
    ax.set_title(label("tension_over_time", lang))
    ax.set_ylabel(label("tension", lang))
    ax.set_ylim(0, 1)
    ax.legend(fontsize=7, ncol=3, loc="upper left")
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def incidents_figure(table: pd.DataFrame, lang: str = "id"):
    daily = table.groupby("date")[list(SEVERITIES)].sum()
    fig, ax = plt.subplots(figsize=(10, 3.5))
    dates = pd.to_datetime(daily.index)
    bottom = None
    for sev in SEVERITIES:
        ax.bar(dates, daily[sev], bottom=bottom, color=SEVERITY_COLOURS[sev],
               label=label(sev, lang), width=0.9)
        bottom = daily[sev] if bottom is None else bottom + daily[sev]
    ax.set_title(label("incidents_over_time", lang))
    ax.legend()
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def tension_map_figure(model, lang: str = "id"):
    fig, ax = plt.subplots(figsize=(6.5, 6))
    lon = [c.longitude for c in model.communities]
    lat = [c.latitude for c in model.communities]
    for i, c in enumerate(model.scenario.communities):
        for nb in c.neighbours:
            j = model.community_index[nb.name]
            ax.plot([lon[i], lon[j]], [lat[i], lat[j]], color="#cccccc", lw=0.8, zorder=1)
    sizes = 30 + 600 * model.voters / model.voters.max()
    points = ax.scatter(lon, lat, s=sizes, c=model.ledger.peak_tension_by_community, cmap="YlOrRd",
                        vmin=0, vmax=1, edgecolors="#333333", zorder=2)
    for c in model.communities:
        ax.annotate(c.name, (c.longitude, c.latitude), fontsize=7, xytext=(4, 4),
                    textcoords="offset points")
    fig.colorbar(points, ax=ax, label=label("peak_tension", lang), shrink=0.8)
    ax.set_title(label("tension_map", lang))
    ax.set_xlabel(label("longitude", lang))
    ax.set_ylabel(label("latitude", lang))
    fig.tight_layout()
    return fig


def save_run_figures(result, out: Path, lang: str = "id") -> list[Path]:
    """Write the three figures of a run as PNG; return their paths."""
    figures = {
        "tension.png": tension_figure(result.timeseries, lang),
        "incidents.png": incidents_figure(result.timeseries, lang),
        "tension_map.png": tension_map_figure(result.model, lang),
    }
    paths = []
    for name, fig in figures.items():
        fig.savefig(out / name, dpi=110)
        plt.close(fig)
        paths.append(out / name)
    return paths
