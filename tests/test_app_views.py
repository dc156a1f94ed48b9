"""The map and the charts show the run's state, and a picture is a real PNG."""

import io

import numpy as np
from PIL import Image

from sim.viz.app.board import Board
from sim.viz.app.charts import nice_ceiling
from sim.viz.app.placement import overlapping_pairs
from sim.viz.app.state import Settings, TrainingRun


def started(strategies=("counter_hoax",), seed=1):
    return TrainingRun.start(Settings("desa_demo", strategies, seed=seed))


def picture(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def test_map_colours_follow_tension():
    run = started()
    board = Board(run, "en")
    run.lanes[-1].model.tension[:] = [0.0, 0.15, 0.3]
    board.update()
    colours = board.map.cells.to_rgba(board.map.cells.get_array())
    reds, blues = colours[:, 0], colours[:, 2]
    assert blues[0] > blues[1] > blues[2]
    assert reds[2] < reds[0]  # the darkest red of YlOrRd is darker than its pale yellow


def test_map_shows_every_stationed_officer_and_todays_incidents():
    run = started()
    board = Board(run, "en")
    model = run.lanes[-1].model
    model.day.incidents[1] = [2, 1, 0]
    board.update()
    view = board.map
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


def test_the_map_shows_the_lane_asked_for():
    run = started()
    assert Board(run, "en").lane is run.lanes[-1]
    assert Board(run, "en", lane=0).lane is run.lanes[0]


def test_district_names_never_overlap_on_the_kutai_timur_map():
    run = TrainingRun.start(Settings("kutim_2024", seed=1), {"population.scale": 50})
    for lang in ("id", "en"):
        board = Board(run, lang)
        boxes = board.map.label_boxes()
        assert len(boxes) == 18
        assert overlapping_pairs(boxes) == []


def test_names_are_at_least_16_pixels_high_in_the_map_picture():
    board = Board(TrainingRun.start(Settings("kutim_2024", seed=1), {"population.scale": 50}))
    heights = [box.height for box in board.map.label_boxes()]
    assert min(heights) >= 16


def test_todays_event_is_ringed_on_the_map_and_named_above_it():
    run = started()
    run.inject("hoax_wave", "Desa Hulu", 1.0)
    board = Board(run, "en")
    assert len(board.map.events.get_offsets()) == 0
    run.step()
    board.update()
    assert len(board.map.events.get_offsets()) == 1
    assert "Hoax wave (Desa Hulu)" in board.map.events_line.get_text()
    run.step()
    board.update()
    assert board.map.events_line.get_text() == ""


def test_an_injected_event_is_marked_and_named_on_every_chart():
    run = started()
    run.inject("legitimacy_shock", "all", 1.0)
    board = Board(run, "en")
    labels = [a.get_text() for a in board.charts.markers if hasattr(a, "get_text")]
    assert len(labels) == 4 and all(label.startswith("Legitimacy shock") for label in labels)
