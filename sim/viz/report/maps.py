"""The conflict-potential map: communities at their coordinates, coloured by risk, sized by voters.

The map only draws: the risk values come from the analysis layer
(`sim.experiments.analysis.community_risk`) or from the vulnerability index.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.patheffects as path_effects  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from sim.viz.labels import label  # noqa: E402

SMALLEST_DOT, LARGEST_DOT = 40.0, 800.0
# white outline so that names stay readable over dots and links
HALO = [path_effects.withStroke(linewidth=3, foreground="white")]


def community_map(scenario, risk: dict[str, float], colour_label: str, title: str,
                  limits: tuple[float, float], lang: str = "id"):
    """Draw each community at its longitude/latitude, its travel links in grey.

    Parameters
    ----------
    scenario : Scenario
        Gives coordinates, voters and travel links.
    risk : dict
        Community name -> the value that colours it.
    colour_label, title : str
        Colour-bar label and figure title, in the report's language.
    limits : (float, float)
        Low and high end of the colour scale.

    Returns
    -------
    matplotlib.figure.Figure
    """
    communities = [c for c in scenario.communities if c.name in risk]
    where = {c.name: (c.longitude, c.latitude) for c in scenario.communities}
    fig, ax = plt.subplots(figsize=(7.5, 6.5))
    for c in communities:
        for link in c.neighbours:
            if link.name in where:
                (x0, y0), (x1, y1) = where[c.name], where[link.name]
                ax.plot([x0, x1], [y0, y1], color="#c8c8c8", lw=1, zorder=1)
    voters = np.array([c.voters for c in communities], dtype=float)
    sizes = SMALLEST_DOT + (LARGEST_DOT - SMALLEST_DOT) * np.sqrt(voters / voters.max())
    points = ax.scatter([c.longitude for c in communities], [c.latitude for c in communities],
                        s=sizes, c=[risk[c.name] for c in communities], cmap="YlOrRd",
                        vmin=limits[0], vmax=limits[1], edgecolors="#333333", zorder=2)
    for c in communities:
        ax.annotate(c.name, (c.longitude, c.latitude), fontsize=8, xytext=(6, 6),
                    textcoords="offset points", path_effects=HALO, zorder=3)
    fig.colorbar(points, ax=ax, label=colour_label, shrink=0.8)
    ax.set_title(title)
    ax.set_xlabel(label("longitude", lang))
    ax.set_ylabel(label("latitude", lang))
    ax.set_aspect("equal", adjustable="datalim")
    ax.margins(0.15)
    fig.tight_layout()
    return fig
