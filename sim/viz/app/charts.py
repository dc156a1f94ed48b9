"""The charts over the calendar: incidents by severity, tension, hoax belief and turnout.

Four panels share the Pilkada calendar as their x axis, with the phases shaded
and a line for today. In compare mode the baseline is dashed and the run with
strategies solid, in the same colours. The axes, bands and legends are drawn
once; each day only the lines' data, the today line and the y limits change.
"""

from __future__ import annotations

import numpy as np

from sim.model.mechanisms.clash import SEVERITIES
from sim.scenario.schema import Phase
from sim.viz.app.i18n import short_date, text
from sim.viz.labels import MONTHS
from sim.viz.run_figures import SEVERITY_COLOURS

PHASE_SHADES = {Phase.QUIET: "#eeeeee", Phase.VOTING: "#c6dbf5",
                Phase.RECAPITULATION: "#e3eefa", Phase.DISPUTE: "#f6eee3"}
LANE_STYLES = {"baseline": "--", "with_strategy": "-"}
SERIES_COLOURS = {"tension": "#d7301f", "belief": "#6a51a3", "turnout": "#2171b5"}
PANELS = ("incidents", "tension", "belief", "turnout")
TITLES = {"incidents": "chart_incidents", "tension": "chart_tension",
          "belief": "chart_belief", "turnout": "turnout"}


class ChartsView:
    """Four panels in a 2 x 2 grid inside `spec` of `fig`, one set of lines per lane.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    spec : SubplotSpec
        The part of the figure the charts fill.
    timeline : sim.model.timeline.Timeline
        The calendar (dates and phases).
    lanes : sequence of str
        Lane keys, ``"baseline"`` and/or ``"with_strategy"``.
    lang : {"id", "en"}
    font_scale : float
        1 for the app, larger for films.
    """

    def __init__(self, fig, spec, timeline, lanes, lang: str = "id", font_scale: float = 1.0):
        self.lang = lang
        self.font_scale = font_scale
        self.n_days = len(timeline)
        grid = spec.subgridspec(2, 2, hspace=0.45 * font_scale, wspace=0.12 + 0.06 * font_scale)
        self.axes = {name: fig.add_subplot(grid[k // 2, k % 2]) for k, name in enumerate(PANELS)}
        for name, ax in self.axes.items():
            self._dress(ax, name, timeline)
        self.lines = {lane: self._lines(lane) for lane in lanes}
        self.today = [ax.axvline(0, color="#444444", lw=1.0, alpha=0.6)
                      for ax in self.axes.values()]
        self.markers: list = []
        self.rescaled = True
        self._legends(lanes)

    def _dress(self, ax, name: str, timeline) -> None:
        fs = self.font_scale
        for phase, colour in PHASE_SHADES.items():
            days = [i for i, p in enumerate(timeline.phases) if p == phase]
            if days:
                ax.axvspan(days[0], days[-1] + 1, color=colour, zorder=0, lw=0)
        ax.set_xlim(0, self.n_days)
        ax.set_title(text(TITLES[name], self.lang), fontsize=11 * fs, loc="left")
        ticks = [i for i, d in enumerate(timeline.dates) if d.day == 1]
        ax.set_xticks(ticks, [MONTHS[self.lang][timeline.dates[i].month - 1][:3] for i in ticks])
        ax.tick_params(labelsize=9 * fs)
        ax.set_ylim(0, 1 if name == "turnout" else 0.05)
        ax.grid(axis="y", color="#dddddd", lw=0.6)

    def _lines(self, lane: str) -> dict:
        style = LANE_STYLES[lane]
        width = 2.2 * self.font_scale
        incidents = self.axes["incidents"]
        lines = {sev: incidents.plot([], [], style, color=SEVERITY_COLOURS[sev], lw=width,
                                     label=text(sev, self.lang))[0] for sev in SEVERITIES}
        for name in ("tension", "belief", "turnout"):
            lines[name] = self.axes[name].plot([], [], style, color=SERIES_COLOURS[name],
                                               lw=width)[0]
        return lines

    def _legends(self, lanes) -> None:
        handles = [self.lines[lanes[-1]][sev] for sev in SEVERITIES]
        self.axes["incidents"].legend(handles=handles, loc="upper left",
                                      fontsize=8 * self.font_scale)
        if len(lanes) > 1:
            self.axes["tension"].legend(
                [self.lines["with_strategy"]["tension"], self.lines["baseline"]["tension"]],
                [text("legend_solid", self.lang), text("legend_dashed", self.lang)],
                loc="upper left", fontsize=8 * self.font_scale)

    def update(self, lanes) -> None:
        """Draw each lane's track up to today (lanes: objects with .key and .track)."""
        tops = {name: 0.0 for name in PANELS}
        for lane in lanes:
            track, lines = lane.track, self.lines[lane.key]
            x = np.arange(track.days) + 0.5
            cumulative = track.cumulative_incidents()
            for k, sev in enumerate(SEVERITIES):
                lines[sev].set_data(x, cumulative[:, k])
            for name, series in (("tension", track.tension), ("belief", track.belief),
                                 ("turnout", track.turnout)):
                lines[name].set_data(x, series[: track.days])
            tops["incidents"] = max(tops["incidents"], cumulative.max(initial=0))
            tops["tension"] = max(tops["tension"], track.tension[: track.days].max(initial=0))
            tops["belief"] = max(tops["belief"], track.belief[: track.days].max(initial=0))
        self.rescaled = self._rescale(tops)
        day = max((lane.track.days for lane in lanes), default=0)
        for line in self.today:
            line.set_xdata([day, day])

    def _rescale(self, tops: dict) -> bool:
        """Raise a y limit to the next 1-2-5 step when the data outgrow it; True if any moved.

        Limits move in steps, not every day, so the axes (the costly part of a
        picture) stay the same for many days and the app redraws only the lines.
        """
        moved = False
        for name, floor in (("incidents", 5.0), ("tension", 0.05), ("belief", 0.05)):
            top = nice_ceiling(max(floor, 1.1 * tops[name]))
            if name != "incidents":
                top = min(top, 1.0)
            if self.axes[name].get_ylim()[1] != top:
                self.axes[name].set_ylim(0, top)
                moved = True
        return moved

    def dynamic_artists(self) -> list:
        """What changes from day to day: the lines and the today marker."""
        lines = [line for lane in self.lines.values() for line in lane.values()]
        return lines + self.today

    def mark_events(self, injections, timeline) -> None:
        """A dotted line on each chart where an event was injected or scheduled, and its
        name (events of one day named together) along the line on every chart."""
        for artist in self.markers:
            artist.remove()
        self.markers = []
        start = timeline.dates[0]
        by_day: dict = {}
        for injection in injections:
            names = by_day.setdefault(injection.day, [])
            name = text(f"ev_{injection.choice}", self.lang)
            if name not in names:
                names.append(name)
        for day, names in sorted(by_day.items()):
            x = (day - start).days + 0.5
            label = f"{' + '.join(names)} {short_date(day, self.lang)}"
            for ax in self.axes.values():
                self.markers.append(ax.axvline(x, color="#6a1b9a", ls=":", lw=1.3))
                self.markers.append(ax.annotate(
                    label, (x, 0.98), xycoords=("data", "axes fraction"), rotation=90,
                    fontsize=7 * self.font_scale, va="top", ha="right", color="#6a1b9a"))


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5 times a power of ten that is >= value (value > 0).

    Examples
    --------
    >>> nice_ceiling(0.07), nice_ceiling(130), nice_ceiling(5)
    (0.1, 200.0, 5.0)
    """
    power = 10.0 ** np.floor(np.log10(value))
    for step in (1.0, 2.0, 5.0, 10.0):
        if step * power >= value * (1 - 1e-12):
            return float(round(step * power, 12))
    return float(10.0 * power)
