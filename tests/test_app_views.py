"""The map and the charts show the run's state, and a picture is a real PNG."""

import io

import numpy as np
from PIL import Image

from sim.viz.app.board import Board
from sim.viz.app.charts import nice_ceiling
from sim.viz.app.state import Settings, TrainingRun


def started(strategies=("counter_hoax",), seed=1):
    return TrainingRun.start(Settings("desa_demo", strategies, seed=seed))


def picture(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_map_colours_follow_tension():
    run = started()
    board = Board(run, "en")
    run.lanes[0].model.tension[:] = [0.0, 0.15, 0.3]
    board.update()
    colours = board.maps[0].points.to_rgba(board.maps[0].points.get_array())
    reds, blues = colours[:, 0], colours[:, 2]
    assert blues[0] > blues[1] > blues[2]
    assert reds[2] < reds[0]  # the darkest red of YlOrRd is darker than its pale yellow


def test_map_shows_every_stationed_officer_and_todays_incidents():
    run = started()
    board = Board(run, "en")
    model = run.lanes[0].model
    model.day.incidents[1] = [2, 1, 0]
    board.update()
    view = board.maps[0]
    assert len(view.incidents.get_offsets()) == 2
    stations = {u.station for u in model.units}
    assert len(view.forces.get_offsets()) + len(view.linmas.get_offsets()) >= len(stations)


def test_charts_hold_one_point_per_simulated_day_for_each_run():
    run = started()
    board = Board(run, "en")
    for _ in range(12):
        run.step()
    board.update()
    for lane in ("baseline", "with_strategy"):
        x, y = board.charts.lines[lane]["tension"].get_data()
        assert len(x) == len(y) == 12


def test_stepping_changes_the_pictures():
    run = started()
    run.inject("provocation", "all", 2.0)
    board = Board(run, "en")
    before = picture(board.map_png()), picture(board.charts_png())
    for _ in range(5):
        run.step()
    board.update()
    after = picture(board.map_png()), picture(board.charts_png())
    assert (before[0] != after[0]).any()
    assert (before[1] != after[1]).any()


def test_a_fast_day_picture_equals_a_full_redraw():
    run = started()
    for _ in range(20):
        run.step()
    board = Board(run, "en")
    board.map_png()
    board.charts_png()
    run.step()
    board.update()
    blitted = picture(board.charts_png())
    board.charts_blitter.invalidate()
    redrawn = picture(board.charts_png())
    assert np.abs(blitted - redrawn).max() <= 2


def test_pictures_are_png_images_of_stable_size():
    run = started()
    board = Board(run, "id")
    sizes = {Image.open(io.BytesIO(board.map_png())).size}
    run.step()
    board.update()
    sizes.add(Image.open(io.BytesIO(board.map_png())).size)
    assert len(sizes) == 1


def test_y_limits_move_in_1_2_5_steps():
    assert [nice_ceiling(v) for v in (0.03, 0.07, 0.2, 3, 11, 130)] == \
        [0.05, 0.1, 0.2, 5.0, 20.0, 200.0]
