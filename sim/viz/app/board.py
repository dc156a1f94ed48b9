"""The app's two pictures of a training run: the map(s) and the charts, as PNG bytes.

Figures are built once per run and language, with matplotlib's object API
(no pyplot: every visitor of the app has figures of their own, drawn in
whichever thread serves them). Each day only what changed is drawn: the
axes, names of places, legends and phase bands are rendered once into a
background, and a day's picture is that background with the day's lines,
colours and markers drawn over it (matplotlib's blitting).
"""

from __future__ import annotations

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.cm import ScalarMappable
from matplotlib.figure import Figure
from PIL import Image

from sim.viz.app.charts import ChartsView
from sim.viz.app.i18n import text
from sim.viz.app.map import TENSION_CMAP, MapView

DPI = 80


def map_height(model, width: float) -> float:
    """Inches of height that fit the communities' north-south extent on a map `width` wide."""
    lon = [c.longitude for c in model.communities]
    lat = [c.latitude for c in model.communities]
    ratio = (1.28 * (max(lat) - min(lat)) + 0.08) / (1.2 * (max(lon) - min(lon)) + 0.08)
    return float(min(7.0, max(3.6, width * ratio + 1.3)))


class Blitter:
    """Draws a figure's static artists once and its changing artists on every call.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    dynamic : list of Artist
        The artists that change; they are left out of the background.
    """

    def __init__(self, fig: Figure, dynamic: list):
        self.fig = fig
        self.canvas = FigureCanvasAgg(fig)
        self.dynamic = dynamic
        self.background = None

    def invalidate(self) -> None:
        """The static part changed (limits, markers): render it again next time."""
        self.background = None

    def png(self) -> bytes:
        """The figure as PNG (fast zlib: it is sent once and thrown away)."""
        if self.background is None:
            for artist in self.dynamic:
                artist.set_animated(True)
            self.canvas.draw()
            self.background = self.canvas.copy_from_bbox(self.fig.bbox)
        else:
            self.canvas.restore_region(self.background)
        for artist in self.dynamic:
            self.fig.draw_artist(artist)
        width, height = self.canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw",
                                 "RGBA", 0, 1)
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, format="png", compress_level=1)
        return buffer.getvalue()


class Board:
    """Map and charts of a TrainingRun in one language.

    Parameters
    ----------
    run : sim.viz.app.state.TrainingRun
    lang : {"id", "en"}

    Examples
    --------
    >>> from sim.viz.app.state import Settings, TrainingRun
    >>> board = Board(TrainingRun.start(Settings("desa_demo")), "en")
    >>> board.map_png()[:4]
    b'\\x89PNG'
    """

    def __init__(self, run, lang: str = "id"):
        self.run = run
        self.lang = lang
        self.map_figure = self._map_figure(run, lang)
        self.charts_figure = Figure(figsize=(11, 5.6), dpi=DPI)
        self.charts_figure.subplots_adjust(left=0.05, right=0.98, top=0.93, bottom=0.07)
        self.charts = ChartsView(self.charts_figure, self.charts_figure.add_gridspec(1, 1)[0],
                                 run.model.timeline, [lane.key for lane in run.lanes], lang)
        self.map_blitter = Blitter(self.map_figure,
                                   [a for view in self.maps for a in view.dynamic_artists()])
        self.charts_blitter = Blitter(self.charts_figure, self.charts.dynamic_artists())
        self.marked = 0
        self.update()

    def _map_figure(self, run, lang: str) -> Figure:
        n = len(run.lanes)
        fig = Figure(figsize=(6.0 * n + 0.9, map_height(run.model, 6.0)), dpi=DPI)
        fig.subplots_adjust(left=0.02, right=0.90 if n == 1 else 0.94, top=0.93, bottom=0.09,
                            wspace=0.04)
        axes = fig.subplots(1, n, squeeze=False)[0]
        self.maps = [MapView(ax, lane.model, text(lane.key, lang), lang)
                     for ax, lane in zip(axes, run.lanes, strict=True)]
        colorbar = fig.colorbar(ScalarMappable(norm=self.maps[0].norm, cmap=TENSION_CMAP),
                                ax=list(axes), shrink=0.8, extend="max", pad=0.02)
        colorbar.set_label(text("colorbar_tension", lang))
        fig.legend(handles=self.maps[0].legend_handles(), loc="lower center", ncol=3,
                   frameon=False)
        return fig

    def update(self) -> None:
        """Bring every artist to the run's current day."""
        run = self.run
        with run.lock:
            for view, lane in zip(self.maps, run.lanes, strict=True):
                view.update(lane.model)
            self.charts.update(run.lanes)
            if self.charts.rescaled:
                self.charts_blitter.invalidate()
            if len(run.injections) != self.marked:
                self.charts.mark_events(run.injections, run.model.timeline)
                self.marked = len(run.injections)
                self.charts_blitter.invalidate()

    def map_png(self) -> bytes:
        return self.map_blitter.png()

    def charts_png(self) -> bytes:
        return self.charts_blitter.png()
