"""`kondusif film` writes an animation of the right kind with the expected frames."""

import shutil

import pytest
from PIL import Image

from sim.cli import main
from sim.viz.film import frame_count, frame_days

DEMO_DAYS = 87


def test_frame_days_end_on_the_last_day_of_the_calendar():
    assert frame_days(87, 30) == [30, 60, 87]
    assert frame_days(87, 1) == list(range(1, 88))
    assert len(frame_days(87, 29)) == frame_count(87, 29) == 3


def test_film_writes_a_gif_with_one_frame_every_k_days(tmp_path, capsys):
    out = tmp_path / "film.gif"
    status = main(["film", "desa_demo", "--strategy", "counter_hoax", "--seed", "1",
                   "--every", "15", "--out", str(out), "--lang", "en"])
    assert status == 0
    with Image.open(out) as gif:
        assert gif.format == "GIF"
        assert gif.n_frames == frame_count(DEMO_DAYS, 15) == 6
        assert gif.size == (1600, 900)
    assert "6 frames written" in capsys.readouterr().out


def test_film_frames_writes_one_png_per_frame(tmp_path):
    frames = tmp_path / "stills"
    status = main(["film", "desa_demo", "--strategy", "counter_hoax", "--every", "30",
                   "--frames", str(frames)])
    assert status == 0
    stills = sorted(frames.glob("*.png"))
    assert [p.name for p in stills] == ["frame_0001.png", "frame_0002.png", "frame_0003.png"]
    with Image.open(stills[0]) as still:
        assert still.format == "PNG" and still.size == (1600, 900)


def test_film_without_a_strategy_is_refused(capsys):
    assert main(["film", "desa_demo"]) == 2
    assert "at least one" in capsys.readouterr().err


def test_film_to_an_unknown_format_is_refused(tmp_path, capsys):
    assert main(["film", "desa_demo", "--strategy", "counter_hoax",
                 "--out", str(tmp_path / "film.avi")]) == 2
    assert "must end in .gif or .mp4" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("ffmpeg") is not None, reason="ffmpeg is installed here")
def test_film_mp4_without_ffmpeg_says_so_and_exits_2(tmp_path, capsys):
    out = tmp_path / "film.mp4"
    assert main(["film", "desa_demo", "--strategy", "counter_hoax", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "ffmpeg" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg is not installed")
def test_film_mp4_is_an_mp4_file(tmp_path):
    out = tmp_path / "film.mp4"
    assert main(["film", "desa_demo", "--strategy", "counter_hoax", "--every", "30",
                 "--out", str(out)]) == 0
    assert out.read_bytes()[4:8] == b"ftyp"


def test_the_last_frame_carries_the_results_table_with_the_difference():
    from sim.viz.app.state import Settings, TrainingRun
    from sim.viz.film import FilmFigure

    run = TrainingRun.start(Settings("desa_demo", ("counter_hoax",), seed=1))
    film = FilmFigure(run, "en")
    while run.step():
        pass
    film.update(run)
    film.show_results(run)
    cells = [cell.get_text().get_text() for cell in film.table.get_celld().values()]
    assert {"Baseline (no strategy)", "With strategies", "Difference", "Riot"} <= set(cells)
    assert not any(ax.get_visible() for ax in film.charts.axes.values())
