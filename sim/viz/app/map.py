"""The map: communities at their real positions, coloured by tension, sized by voters.

Security units are drawn beside the community where they are stationed
(police and military as blue triangles, Linmas as small green squares, sized
by personnel), and today's incidents as crosses in the severity's colour.
The static parts (roads between neighbours, names below the circles) are
drawn once; each day only the colours, the units and the incidents are updated.
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import Normalize

from sim.model.mechanisms.clash import SEVERITIES
from sim.scenario.schema import SecurityKind
from sim.viz.app.i18n import text
from sim.viz.run_figures import SEVERITY_COLOURS

TENSION_CMAP = "YlOrRd"
UNIT_COLOURS = {"force": "#1f4e9c", "linmas": "#2e8b57"}


class MapView:
    """Draw one run's communities on `ax` and keep the artists to update each day.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    model : ElectionConflictModel
        Any model of the scenario (positions and neighbours are read once).
    title : str
        The lane's label, drawn above the map.
    lang : {"id", "en"}
    font_scale : float
        1 for the app, larger for films shown on a projector.
    """

    def __init__(self, ax, model, title: str, lang: str = "id", font_scale: float = 1.0):
        self.ax = ax
        self.lang = lang
        self.font_scale = font_scale
        self.lon = np.array([c.longitude for c in model.communities])
        self.lat = np.array([c.latitude for c in model.communities])
        self.span = self._frame(ax)
        self.norm = Normalize(0.0, max(model.scenario.tension.escalated_level, 1e-6))
        self._draw_roads(model)
        # markers shrink as communities get more numerous, so a regency's map stays legible
        self.marker_scale = font_scale * min(1.0, np.sqrt(3.0 / self.lon.size))
        sizes = 60 + 1400 * self.marker_scale * model.voters / model.voters.max()
        self.points = ax.scatter(self.lon, self.lat, s=sizes, c=np.zeros(self.lon.size),
                                 cmap=TENSION_CMAP, norm=self.norm, edgecolors="#333333",
                                 linewidths=1.0, zorder=3)
        # names sit just below their circle, so they can be drawn once, under the circles
        for c, size in zip(model.communities, sizes, strict=True):
            ax.annotate(c.name, (c.longitude, c.latitude),
                        fontsize=(9 if self.lon.size <= 10 else 7.5) * font_scale,
                        xytext=(0, -(np.sqrt(size) / 2 + 1)), textcoords="offset points",
                        ha="center", va="top", zorder=2)
        legend_size = 70 * font_scale
        self.forces = ax.scatter([], [], s=legend_size, marker="^",
                                 color=UNIT_COLOURS["force"], edgecolors="white", zorder=4,
                                 label=text("legend_units", lang))
        self.linmas = ax.scatter([], [], s=legend_size, marker="s",
                                 color=UNIT_COLOURS["linmas"], edgecolors="white", zorder=4,
                                 label=text("legend_linmas", lang))
        self.incidents = ax.scatter([], [], s=legend_size, marker="X",
                                    color=SEVERITY_COLOURS["clash"], edgecolors="#222222",
                                    zorder=5, label=text("legend_incident", lang))
        ax.set_title(title, fontsize=12 * font_scale, fontweight="bold")

    def _frame(self, ax) -> float:
        span = max(np.ptp(self.lon), np.ptp(self.lat), 0.05)
        pad_x, pad_y = 0.1 * np.ptp(self.lon) + 0.04, 0.14 * np.ptp(self.lat) + 0.04
        ax.set_xlim(self.lon.min() - pad_x, self.lon.max() + pad_x)
        ax.set_ylim(self.lat.min() - pad_y, self.lat.max() + pad_y)
        ax.set_aspect("equal", adjustable="box")
        ax.set_xticks([])
        ax.set_yticks([])
        return span

    def _draw_roads(self, model) -> None:
        index = model.community_index
        for i, c in enumerate(model.scenario.communities):
            for nb in c.neighbours:
                j = index[nb.name]
                self.ax.plot(self.lon[[i, j]], self.lat[[i, j]], color="#bbbbbb", lw=1.0,
                             zorder=1)

    def legend_handles(self) -> list:
        """Units and incidents, for one legend under all maps of a figure."""
        return [self.forces, self.linmas, self.incidents]

    def dynamic_artists(self) -> list:
        """What changes from day to day, in drawing order."""
        return [self.points, self.forces, self.linmas, self.incidents]

    def update(self, model) -> None:
        """Show the model's state today: tension, where units stand, today's incidents."""
        self.points.set_array(np.asarray(model.tension))
        self._update_units(model)
        self._update_incidents(model.day.incidents)

    def _update_units(self, model) -> None:
        n = self.lon.size
        force, linmas = np.zeros(n), np.zeros(n)
        for unit in model.units:
            target = linmas if unit.kind == SecurityKind.LINMAS else force
            target[unit.station] += unit.personnel
        offset = 0.06 * self.span
        for artist, people, dx in ((self.forces, force, offset), (self.linmas, linmas, -offset)):
            where = np.flatnonzero(people)
            artist.set_offsets(np.column_stack([self.lon[where] + dx, self.lat[where]]))
            artist.set_sizes(self.marker_scale * (30 + 6 * np.sqrt(people[where])))

    def _update_incidents(self, today: np.ndarray) -> None:
        rows, severities = np.nonzero(today)
        counts = today[rows, severities]
        shift = 0.05 * self.span
        self.incidents.set_offsets(np.column_stack([
            self.lon[rows] + shift * (severities - 1), self.lat[rows] + shift]))
        self.incidents.set_sizes(self.marker_scale * (80 + 40 * np.sqrt(counts)))
        self.incidents.set_facecolors([SEVERITY_COLOURS[SEVERITIES[k]] for k in severities])
