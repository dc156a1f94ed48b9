"""The figure of one validation check: its panels side by side, the verdict in the title."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from sim.store_io import atomic_write_bytes  # noqa: E402
from sim.validation.result import CheckResult, Panel  # noqa: E402
from sim.viz.labels import label  # noqa: E402

STATUS_COLOURS = {"PASS": "#1b7837", "FAIL": "#b2182b", "SKIP": "#777777"}


def _draw(ax, panel: Panel) -> None:
    for series in panel.series:
        line, = ax.plot(series.x, series.y, marker="o" if len(series.x) < 30 else None,
                        ms=4, lw=1.3, label=series.label)
        if series.low is not None and series.high is not None:
            ax.fill_between(series.x, series.low, series.high, color=line.get_color(),
                            alpha=0.2, lw=0)
    if panel.reference is not None:
        ax.axhline(panel.reference, color="#333333", ls="--", lw=1, label=panel.reference_label)
    if panel.logx:
        ax.set_xscale("log")
    ax.set_title(panel.title, fontsize=9)
    ax.set_xlabel(panel.xlabel)
    ax.set_ylabel(panel.ylabel)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=7)


def validation_figure(result: CheckResult, lang: str = "id"):
    """One row of panels; the suptitle gives the verdict in the chosen language."""
    verdict = result.verdict
    panels = result.panels or [Panel(verdict.skipped or verdict.title, "", "", [])]
    width = max(7.5, 5.2 * len(panels))
    fig, axes = plt.subplots(1, len(panels), figsize=(width, 4.4), squeeze=False)
    for ax, panel in zip(axes[0], panels, strict=True):
        _draw(ax, panel)
    status = label(f"validation_{verdict.status.lower()}", lang)
    heading = textwrap.fill(f"{status}: {verdict.title}", int(width * 11))
    source = textwrap.fill(verdict.source, int(width * 13))
    fig.suptitle(f"{heading}\n{source}", fontsize=10, color=STATUS_COLOURS[verdict.status])
    fig.tight_layout()
    return fig


def save_validation_figure(result: CheckResult, path: Path, lang: str = "id") -> Path:
    """Write the check's figure as a PNG, atomically."""
    fig = validation_figure(result, lang)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    atomic_write_bytes(path, buffer.getvalue())
    return path
