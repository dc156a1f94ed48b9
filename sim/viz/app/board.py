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

DPI = 100
MAP_SIZE = (11.0, 6.4)  # inches at DPI: 1100 x 640 px, about the map's width on a projector


class Blitter:
    """Draws a figure's static artists once and its changing artists on every call.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    dynamic : list of Artist
        The artists that change; they are left out of the background.
    overlay : list of Artist
        Static artists that lie over the changing ones (a map's names): rendered once
        into a transparent layer laid over each day's picture.
    """

    def __init__(self, fig: Figure, dynamic: list, overlay: list = ()):
        self.fig = fig
        self.canvas = FigureCanvasAgg(fig)
        self.dynamic = dynamic
        self.overlay = list(overlay)
        self.background = None
        self.layer = None

    def invalidate(self) -> None:
        """The static part changed (limits, markers): render it again next time."""
        self.background = None

    def _render_layer(self) -> Image.Image:
        """The overlay alone on a transparent canvas, as an RGBA image."""
        self.canvas.draw()
        renderer = self.canvas.get_renderer()
        renderer.clear()  # every pixel transparent
        for artist in self.overlay:
            self.fig.draw_artist(artist)
        width, height = self.canvas.get_width_height()
        return Image.frombuffer("RGBA", (width, height), bytes(self.canvas.buffer_rgba()),
                                "raw", "RGBA", 0, 1)

    def png(self) -> bytes:
        """The figure as PNG (fast zlib: it is sent once and thrown away)."""
        if self.background is None:
            if self.overlay and self.layer is None:
                self.layer = self._render_layer()
            for artist in self.dynamic:
                artist.set_animated(True)
            for artist in self.overlay:
                artist.set_visible(False)
            self.canvas.draw()
            self.background = self.canvas.copy_from_bbox(self.fig.bbox)
        else:
            self.canvas.restore_region(self.background)
        for artist in self.dynamic:
            self.fig.draw_artist(artist)
        width, height = self.canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw",
                                 "RGBA", 0, 1)
        if self.layer is not None:
            image = Image.alpha_composite(image.copy(), self.layer)
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, format="png", compress_level=1)
        return buffer.getvalue()


class Board:
    """Map and charts of a TrainingRun in one language.

    The map shows one lane (by default the run with strategies, else the only
    one); the charts show every lane.

    Parameters
    ----------
    run : sim.viz.app.state.TrainingRun
    lang : {"id", "en"}
    lane : int
        Index of the lane the map shows (-1: the last).

    Examples
    --------
    >>> from sim.viz.app.state import Settings, TrainingRun
    >>> board = Board(TrainingRun.start(Settings("desa_demo")), "en")
    >>> board.map_png()[:4]
    b'\\x89PNG'
    """

    def __init__(self, run, lang: str = "id", lane: int = -1):
        self.run = run
        self.lang = lang
        self.lane = run.lanes[lane]
        self.map_figure = self._map_figure(run, lang)
        self.charts_figure = Figure(figsize=(11, 5.6), dpi=DPI)
        self.charts_figure.subplots_adjust(left=0.05, right=0.98, top=0.93, bottom=0.07)
        self.charts = ChartsView(self.charts_figure, self.charts_figure.add_gridspec(1, 1)[0],
                                 run.model.timeline, [lane.key for lane in run.lanes], lang)
        self.map.place_names()
        self.map_blitter = Blitter(self.map_figure, self.map.dynamic_artists(),
                                   self.map.overlay_artists())
        self.charts_blitter = Blitter(self.charts_figure, self.charts.dynamic_artists())
        self.marked = 0
        self.update()

    def _map_figure(self, run, lang: str) -> Figure:
        fig = Figure(figsize=MAP_SIZE, dpi=DPI)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0.005, 0.085, 0.905, 0.905))
        self.map = MapView(ax, self.lane.model, "", lang)
        bar_ax = fig.add_axes((0.925, 0.16, 0.018, 0.75))
        colorbar = fig.colorbar(ScalarMappable(norm=self.map.norm, cmap=TENSION_CMAP),
                                cax=bar_ax, extend="max")
        colorbar.set_label(text("colorbar_tension", lang), fontsize=12)
        fig.legend(handles=self.map.legend_handles(), loc="lower center", ncol=5,
                   frameon=False, fontsize=12, bbox_to_anchor=(0.46, 0.0))
        return fig

    def update(self) -> None:
        """Bring every artist to the run's current day."""
        run = self.run
        with run.lock:
            self.map.update(self.lane.model)
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
