"""The map: schematic district cells coloured by tension, the sea and the capital marked,
names that never overlap, units where they stand and today's incidents as marks.

Cells, sea, coast, capital and names are drawn once; each day only the cells'
colours, the units and the incidents change. Names are placed once the
figure's layout is final (on the first update), so that they are measured in
the pixels they will be drawn in.
"""

from __future__ import annotations

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.colors import Normalize
from matplotlib.transforms import Bbox

from sim.model.mechanisms.clash import SEVERITIES
from sim.scenario.schema import SecurityKind
from sim.viz.app.geography import regency_geography
from sim.viz.app.i18n import text
from sim.viz.app.placement import place_labels
from sim.viz.run_figures import SEVERITY_COLOURS

TENSION_CMAP = "YlOrRd"
UNIT_COLOURS = {"force": "#1f4e9c", "linmas": "#2e8b57"}
SEA_COLOUR = "#d6e9f8"
EVENT_COLOUR = "#6a1b9a"
COAST_COLOUR = "#3b78b5"
MARK_SHIFT = 0.018  # units and incidents sit this share of the map's span from their place
LABEL_PX = 18  # type height in the figure's pixels: >= 14 px on a 1366-wide projector


class MapView:
    """Draw one run's communities on `ax` and keep the artists to update each day.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    model : ElectionConflictModel
        Any model of the scenario (positions are read once).
    title : str
        The lane's label, drawn above the map ("" for none).
    lang : {"id", "en"}
    font_scale : float
        1 for the app, larger for films shown on a projector.
    """

    def __init__(self, ax, model, title: str, lang: str = "id", font_scale: float = 1.0):
        self.ax = ax
        self.lang = lang
        self.font_scale = font_scale
        self.names = [c.name for c in model.communities]
        self.lon = np.array([c.longitude for c in model.communities])
        self.lat = np.array([c.latitude for c in model.communities])
        self.voters = np.asarray(model.voters, dtype=float)
        self.geo = regency_geography(model.scenario)
        xmin, ymin, xmax, ymax = self.geo.frame
        self.span = max(xmax - xmin, ymax - ymin)
        ax.set_xlim(xmin, xmax)
        ax.set_ylim(ymin, ymax)
        ax.set_aspect("equal", adjustable="box")
        ax.set_xticks([])
        ax.set_yticks([])
        for side in ax.spines.values():
            side.set_color("#bbbbbb")
        self.norm = Normalize(0.0, max(model.scenario.tension.escalated_level, 1e-6))
        self.sea_label = None
        self._draw_sea()
        self.cells = PolyCollection([np.asarray(c.exterior.coords) for c in self.geo.cells],
                                    cmap=TENSION_CMAP, norm=self.norm, edgecolors="#555555",
                                    linewidths=1.0, zorder=2)
        self.cells.set_array(np.zeros(len(self.names)))
        ax.add_collection(self.cells)
        # what lies on the cells is drawn after them on every day (see dynamic_artists)
        self.over_cells = ax.plot(*self.geo.outline.exterior.xy, color="#333333", lw=1.6,
                                  zorder=3)
        self.over_cells += self._draw_coast()
        self.over_cells.append(ax.scatter(self.lon, self.lat, s=14 * font_scale,
                                          color="#222222", zorder=4))
        if self.geo.capital is not None:
            k, town = self.geo.capital
            self.over_cells.append(ax.scatter(
                [self.lon[k]], [self.lat[k]], s=170 * font_scale, marker="*", color="#111111",
                edgecolors="white", zorder=5, label=text("legend_capital", lang, town=town)))
        self.marker_scale = font_scale
        size = 70 * font_scale
        self.forces = ax.scatter([], [], s=size, marker="^", color=UNIT_COLOURS["force"],
                                 edgecolors="white", zorder=6, label=text("legend_units", lang))
        self.linmas = ax.scatter([], [], s=size, marker="s", color=UNIT_COLOURS["linmas"],
                                 edgecolors="white", zorder=6, label=text("legend_linmas", lang))
        self.incidents = ax.scatter([], [], s=size, marker="X", color=SEVERITY_COLOURS["clash"],
                                    edgecolors="#222222", zorder=7,
                                    label=text("legend_incident", lang))
        self.events = ax.scatter([], [], s=260 * font_scale, marker="D", facecolors="none",
                                 edgecolors=EVENT_COLOUR, linewidths=2.5, zorder=7,
                                 label=text("legend_event", lang))
        self.events_line = ax.text(0.01, 0.985, "", transform=ax.transAxes, va="top",
                                   fontsize=13 * font_scale, color=EVENT_COLOUR,
                                   fontweight="bold", zorder=10)
        ax.text(0.01, 0.01, text("map_schematic", lang), transform=ax.transAxes,
                fontsize=8, color="#555555", va="bottom", zorder=8)
        if title:
            ax.set_title(title, fontsize=13 * font_scale, fontweight="bold")
        self.labels: list = []

    def _draw_sea(self) -> None:
        sea = self.geo.sea
        if sea is None or sea.is_empty:
            return
        for part in getattr(sea, "geoms", [sea]):
            self.ax.fill(*part.exterior.xy, color=SEA_COLOUR, lw=0, zorder=1)
        if self.geo.sea_name:
            x = (self.geo.outline.bounds[2] + self.geo.frame[2]) / 2
            y = sea.representative_point().y
            self.sea_label = self.ax.text(
                x, y, self.geo.sea_name[self.lang], rotation=90, ha="center", va="center",
                fontsize=13 * self.font_scale, color=COAST_COLOUR, fontstyle="italic", zorder=1)

    def _draw_coast(self) -> list:
        coast = self.geo.coast
        if coast is None or coast.is_empty:
            return []
        return [line for part in getattr(coast, "geoms", [coast])
                if part.geom_type == "LineString"
                for line in self.ax.plot(*part.xy, color=COAST_COLOUR,
                                         lw=3.0 * self.font_scale, zorder=3)]

    def place_names(self) -> None:
        """Write the district names where none overlaps another or a place's marker."""
        ax = self.ax
        dpi = ax.figure.dpi
        marker = 9.0 * self.font_scale * dpi / 72
        anchors = ax.transData.transform(np.column_stack([self.lon, self.lat]))
        # the place's dot, and where its units and its incidents are drawn (see below)
        shifts = [(0, 0), (1, -1), (-1, -1), (-1, 1), (0, 1), (1, 1)]
        step = self.ax.transData.transform((self.lon[0] + MARK_SHIFT * self.span,
                                            self.lat[0]))[0] - anchors[0][0]
        obstacles = [Bbox.from_bounds(x + sx * step - marker / 2, y + sy * step - marker / 2,
                                      marker, marker)
                     for x, y in anchors for sx, sy in shifts]
        names = list(self.names)
        if self.sea_label is not None:
            obstacles.append(self.sea_label.get_window_extent(ax.figure.canvas.get_renderer()))
        order = np.argsort(-self.voters)  # the largest places choose first
        placed = place_labels(ax, [(self.lon[k], self.lat[k]) for k in order],
                              [names[k] for k in order], LABEL_PX * self.font_scale,
                              obstacles, color="#111111", zorder=9,
                              bbox={"boxstyle": "square,pad=0.05", "fc": "white", "ec": "none",
                                    "alpha": 0.7})
        self.labels = [None] * len(names)
        for k, label in zip(order, placed, strict=True):
            self.labels[k] = label

    def label_boxes(self) -> list[Bbox]:
        """Each name's box in display pixels (after the first update)."""
        return [label.kondusif_box for label in self.labels]

    def legend_handles(self) -> list:
        """Capital, units and incidents, for one legend under all maps of a figure."""
        capital = [a for a in self.over_cells if a.get_label()
                   and not a.get_label().startswith("_")]
        return [*capital, self.forces, self.linmas, self.incidents, self.events]

    def dynamic_artists(self) -> list:
        """What changes from day to day, in drawing order."""
        return [self.cells, self.forces, self.linmas, self.incidents, self.events,
                self.events_line]

    def overlay_artists(self) -> list:
        """What does not change but lies over the cells: outline, coast, places, names.

        The names must be placed (``place_names``) before this is asked.
        """
        return [*self.over_cells, *self.labels]

    def update(self, model) -> None:
        """Show the model's state today: tension, where units stand, today's incidents."""
        if not self.labels:
            self.place_names()
        self.cells.set_array(np.asarray(model.tension, dtype=float))
        self._update_units(model)
        self._update_incidents(model.day.incidents)
        self._update_events(model)

    def _update_events(self, model) -> None:
        """A ring on each place an event touched today, and the events named at the top."""
        if model.steps == 0:
            happened = []
        else:
            happened = model.timeline.events_on(model.timeline.date_of(model.steps - 1))
        where = set()
        for event in happened:
            where |= set(range(len(self.names))) if event.community == "all" else \
                {self.names.index(event.community)} if event.community in self.names else set()
        rows = sorted(where)
        self.events.set_offsets(np.column_stack([self.lon[rows], self.lat[rows]])
                                .reshape(-1, 2))
        said = []
        for event in happened:
            name = text(f"ev_{event.kind.value}", self.lang)
            place = text("all_communities", self.lang) if event.community == "all" \
                else event.community
            said.append(f"{name} ({place})")
        self.events_line.set_text(f"{text('today_events', self.lang)}: {'; '.join(said)}"
                                  if said else "")

    def _update_units(self, model) -> None:
        n = self.lon.size
        force, linmas = np.zeros(n), np.zeros(n)
        for unit in model.units:
            target = linmas if unit.kind == SecurityKind.LINMAS else force
            target[unit.station] += unit.personnel
        offset = MARK_SHIFT * self.span
        for artist, people, dx in ((self.forces, force, offset), (self.linmas, linmas, -offset)):
            where = np.flatnonzero(people)
            artist.set_offsets(np.column_stack([self.lon[where] + dx,
                                                self.lat[where] - offset]).reshape(-1, 2))
            artist.set_sizes(self.marker_scale * (20 + 4 * np.sqrt(people[where])))

    def _update_incidents(self, today: np.ndarray) -> None:
        rows, severities = np.nonzero(today)
        counts = today[rows, severities]
        shift = MARK_SHIFT * self.span
        self.incidents.set_offsets(np.column_stack([
            self.lon[rows] + shift * (severities - 1), self.lat[rows] + shift]).reshape(-1, 2))
        self.incidents.set_sizes(self.marker_scale * (110 + 50 * np.sqrt(counts)))
        self.incidents.set_facecolors([SEVERITY_COLOURS[SEVERITIES[k]] for k in severities])
