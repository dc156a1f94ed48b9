"""`kondusif film`: an animation of a run, baseline beside the strategies, for slides."""

from __future__ import annotations

from pathlib import Path

from sim.commands.common import (
    add_run_arguments,
    check_out_file,
    check_out_folder,
    overrides_of,
    strategy_names,
)
from sim.commands.errors import UserError
from sim.scenario import bundled_path


def add_parser(sub):
    parser = sub.add_parser("film", help="film a run (GIF or MP4, or PNG stills): baseline "
                                         "beside the strategies, same seed")
    add_run_arguments(parser)
    parser.add_argument("--out", type=Path, metavar="FILE.gif|.mp4",
                        help="the animation to write (default: SCENARIO-film.gif unless "
                             "--frames is given)")
    parser.add_argument("--frames", type=Path, metavar="DIR",
                        help="also (or only) write each frame as a PNG in DIR")
    parser.add_argument("--lang", choices=["id", "en"], default="id",
                        help="language of the labels (default id)")
    parser.add_argument("--fps", type=int, default=4, help="frames per second (default 4)")
    parser.add_argument("--every", type=int, default=1, metavar="K",
                        help="one frame every K days (default 1)")
    return parser


def main(args) -> int:
    from sim.viz.app.errors import AppError
    from sim.viz.app.state import Settings, TrainingRun
    from sim.viz.film import FilmError, frame_count, make_film

    chosen = strategy_names(args)
    if not chosen:
        raise UserError("a film shows the baseline beside strategies: name at least one "
                        "with --strategy NAME or --package NAME (see `kondusif strategies`)")
    if args.fps < 1 or args.every < 1:
        raise UserError(f"--fps = {args.fps}, --every = {args.every}: both must be >= 1")
    bundled_path(args.scenario)  # a missing file is exit 2 before anything is filmed
    out = args.out
    if out is None and args.frames is None:
        out = Path(f"{Path(args.scenario).stem}-film.gif")
    check_out_file(out)
    check_out_folder(args.frames, "--frames")
    settings = Settings(args.scenario, tuple(chosen), seed=args.seed)
    try:
        run = TrainingRun.start(settings, overrides_of(args))
        print(f"filming {frame_count(run.n_days, args.every)} frames ...", flush=True)
        frames = make_film(run, out, args.frames, args.lang, args.fps, args.every)
    except (AppError, FilmError) as exc:
        raise UserError(exc.message("en") if isinstance(exc, AppError) else str(exc)) from None
    written = [str(p) for p in (out, args.frames) if p is not None]
    print(f"{frames} frames written to {' and '.join(written)}")
    return 0
