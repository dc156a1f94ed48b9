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
# where a name may go beside its dot, in points, in order of preference
SPOTS = ((6, 4), (6, -4), (-6, 4), (-6, -4))


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
    lon = np.array([c.longitude for c in communities])
    lat = np.array([c.latitude for c in communities])
    fig, ax = plt.subplots(figsize=(7.5, _height(lon, lat)))
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
    fig.colorbar(points, ax=ax, label=colour_label, shrink=0.8)
    ax.set_title(title)
    ax.set_xlabel(label("longitude", lang))
    ax.set_ylabel(label("latitude", lang))
    ax.set_aspect("equal", adjustable="datalim")
    ax.margins(0.15)
    fig.tight_layout()
    _place_names(fig, ax, communities)
    return fig


def _height(lon: np.ndarray, lat: np.ndarray) -> float:
    """Figure height in inches that keeps the map's own shape, within readable bounds."""
    ratio = (np.ptp(lat) + 1e-9) / (np.ptp(lon) + 1e-9)
    return float(np.clip(6.0 * ratio + 1.0, 4.0, 8.0))


def _place_names(fig, ax, communities) -> None:
    """Name each community beside its dot, largest first, where no placed name is in the way.

    The spots in SPOTS are tried in turn; if all collide, the first is used.
    """
    renderer = fig.canvas.get_renderer()
    taken = []
    for c in sorted(communities, key=lambda c: -c.voters):
        def free(spot, c=c) -> bool:
            trial = _name(ax, c, spot)
            box = trial.get_window_extent(renderer)
            trial.remove()
            return not any(box.overlaps(other) for other in taken)

        spot = next((s for s in SPOTS if free(s)), SPOTS[0])
        taken.append(_name(ax, c, spot).get_window_extent(renderer))


def _name(ax, community, spot: tuple[int, int]):
    dx, dy = spot
    return ax.annotate(community.name, (community.longitude, community.latitude), fontsize=8,
                       xytext=spot, textcoords="offset points",
                       ha="left" if dx > 0 else "right", va="bottom" if dy > 0 else "top",
                       path_effects=HALO, zorder=3)


def colour_limits(values, step: float = 10.0) -> tuple[float, float]:
    """The values' range widened to whole steps (e.g. 30-50 for index totals of 34-47)."""
    low, high = float(np.min(values)), float(np.max(values))
    low, high = step * np.floor(low / step), step * np.ceil(high / step)
    return (low, high) if high > low else (low, low + step)
