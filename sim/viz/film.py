"""A film of a Pilkada: the map and the charts, baseline beside the strategies, day by day.

For slides and for rooms without a laptop. Frames are 1600 x 900 pixels with
large type so they stay readable on a projector; they reuse the training
app's map and charts, so the film shows what the app shows. The last frame
puts the results table (each run and the difference) where the charts were.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

from matplotlib import animation
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.cm import ScalarMappable
from matplotlib.figure import Figure

from sim.strategies import CATALOGUE
from sim.viz.app.charts import ChartsView
from sim.viz.app.i18n import long_date, text
from sim.viz.app.map import TENSION_CMAP, MapView
from sim.viz.app.slide import draw_results_table
from sim.viz.app.state import unique_strategies

FIGSIZE = (16, 9)
DPI = 100
FONT_SCALE = 1.5
FORMATS = (".gif", ".mp4")


class FilmError(ValueError):
    """A film that cannot be made as asked (format, missing encoder, failed run)."""


def frame_days(n_days: int, every: int) -> list[int]:
    """Days (counted from 1) after which a frame is taken: every `every` days, and the last.

    Examples
    --------
    >>> frame_days(10, 4)
    [4, 8, 10]
    """
    days = list(range(every, n_days + 1, every))
    if not days or days[-1] != n_days:
        days.append(n_days)
    return days


def frame_count(n_days: int, every: int) -> int:
    """How many frames a calendar of `n_days` gives at one frame every `every` days."""
    return math.ceil(n_days / every)


class FilmFigure:
    """One 16:9 figure: maps side by side on top, the four charts below, date and phase above.

    Parameters
    ----------
    run : sim.viz.app.state.TrainingRun
    lang : {"id", "en"}
    """

    def __init__(self, run, lang: str = "id"):
        self.lang = lang
        self.figure = Figure(figsize=FIGSIZE, dpi=DPI)
        FigureCanvasAgg(self.figure)
        grid = self.figure.add_gridspec(2, 1, height_ratios=[1.25, 1], top=0.87, bottom=0.04,
                                        left=0.05, right=0.97, hspace=0.2)
        tops = grid[0].subgridspec(1, len(run.lanes), wspace=0.05)
        axes = [self.figure.add_subplot(tops[0, k]) for k in range(len(run.lanes))]
        self.maps = [MapView(ax, lane.model, text(lane.key, lang), lang, FONT_SCALE)
                     for ax, lane in zip(axes, run.lanes, strict=True)]
        bar = self.figure.colorbar(ScalarMappable(norm=self.maps[0].norm, cmap=TENSION_CMAP),
                                   ax=axes, shrink=0.85, extend="max", pad=0.01)
        bar.set_label(text("colorbar_tension", lang), fontsize=11 * FONT_SCALE)
        bar.ax.tick_params(labelsize=9 * FONT_SCALE)
        self.chart_spec = grid[1]
        self.charts = ChartsView(self.figure, grid[1], run.model.timeline,
                                 [lane.key for lane in run.lanes], lang, FONT_SCALE)
        self.table = None
        self.headline = self.figure.suptitle("", fontsize=18 * FONT_SCALE, fontweight="bold",
                                             y=0.975)
        self.figure.text(0.5, 0.905, self._strategies_line(run), ha="center",
                         fontsize=11 * FONT_SCALE)
        self.marked = 0

    def _strategies_line(self, run) -> str:
        names = unique_strategies(run.settings.strategies)
        titles = ", ".join(CATALOGUE[name].title[self.lang] for name in names)
        return f"{text('strategies', self.lang)}: {titles or text('none', self.lang)}"

    def show_results(self, run) -> None:
        """The results table in place of the charts (the film's last frame)."""
        for ax in self.charts.axes.values():
            ax.set_visible(False)
        ax = self.figure.add_subplot(self.chart_spec)
        draw_results_table(ax, run, self.lang, fontsize=11 * FONT_SCALE)
        self.table = ax.tables[0]

    def update(self, run) -> None:
        """Show the run's current day."""
        for view, lane in zip(self.maps, run.lanes, strict=True):
            view.update(lane.model)
        self.charts.update(run.lanes)
        if len(run.injections) != self.marked:
            self.charts.mark_events(run.injections, run.model.timeline)
            self.marked = len(run.injections)
        self.headline.set_text(f"{long_date(run.date, self.lang)} · "
                               f"{text(str(run.phase), self.lang)}")


def movie_writer(out: Path, fps: int):
    """Pillow for GIF; ffmpeg for MP4, with a clear error when ffmpeg is absent."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise FilmError(f"--out = {out}: must end in .gif or .mp4")
    if suffix == ".gif":
        return animation.PillowWriter(fps=fps)
    if shutil.which("ffmpeg") is None:
        raise FilmError(f"--out = {out}: an MP4 needs ffmpeg, which is not installed "
                        "(Debian: apt-get install ffmpeg); or write a .gif")
    return animation.FFMpegWriter(fps=fps)


def make_film(run, out: Path | None = None, frames_dir: Path | None = None, lang: str = "id",
              fps: int = 4, every: int = 1) -> int:
    """Step `run` through its calendar and film it; return the number of frames.

    Parameters
    ----------
    run : sim.viz.app.state.TrainingRun
        A run at day 0 (compare mode gives baseline beside strategies).
    out : Path, optional
        A ``.gif`` or ``.mp4`` file.
    frames_dir : Path, optional
        A folder for one PNG per frame, ``frame_0001.png`` onwards.
    lang : {"id", "en"}
    fps : int
        Frames per second of the animation.
    every : int
        Days between frames.

    Raises
    ------
    FilmError
        Wrong format, no ffmpeg for MP4, or a run that stopped with a failure.
    """
    writer = movie_writer(Path(out), fps) if out is not None else None
    film = FilmFigure(run, lang)
    if frames_dir is not None:
        Path(frames_dir).mkdir(parents=True, exist_ok=True)
    if writer is not None:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        writer.setup(film.figure, str(out), dpi=DPI)
    wanted = set(frame_days(run.n_days, every))
    frames = 0
    while run.step():
        if run.day not in wanted:
            continue
        film.update(run)
        if run.finished:
            film.show_results(run)
        frames += 1
        if writer is not None:
            writer.grab_frame()
        if frames_dir is not None:
            film.figure.savefig(Path(frames_dir) / f"frame_{frames:04d}.png", dpi=DPI)
    if writer is not None:
        writer.finish()
    if run.failure is not None:
        raise FilmError(run.failure.message("en"))
    return frames
