"""`kondusif app`: the Bimtek training app in the browser (Solara), on this machine by default."""

from __future__ import annotations

from sim.commands.errors import UserError
from sim.scenario import bundled_path, load_scenario

DEFAULT_PORT = 8765


def add_parser(sub):
    parser = sub.add_parser("app", help="start the Bimtek training app (open it in a browser)")
    parser.add_argument("scenario", nargs="?", default="desa_demo",
                        help="scenario file, or the name of a bundled scenario (default "
                             "desa_demo)")
    parser.add_argument("--exercise", default=None,
                        help="start with a training exercise (a bundled name such as "
                             "pemetaan_konflik, or a file)")
    parser.add_argument("--set", action="append", default=[], metavar="PATH=VALUE",
                        dest="overrides",
                        help="override a parameter for every run of the app, e.g. --set "
                             "population.scale=20 for a coarse, fast population")
    parser.add_argument("--prepare", action="store_true",
                        help="fetch the page's browser files now (before a workshop) and exit")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port to listen on (default {DEFAULT_PORT})")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1, this machine only; "
                             "0.0.0.0 lets a workshop room's laptops connect)")
    return parser


def main(args) -> int:
    from sim.viz.app.assets import AssetError
    from sim.viz.app.server import port_in_use, serve

    if args.prepare:
        return prepare()
    from sim.commands.common import overrides_of_set

    overrides = overrides_of_set(args)
    load_scenario(bundled_path(args.scenario), overrides)
    if args.exercise is not None:
        from sim.exercises import bundled_exercise_path, exercise_scenario, load_exercise

        exercise_scenario(load_exercise(bundled_exercise_path(args.exercise)), overrides)
    if not 1 <= args.port <= 65535:
        raise UserError(f"--port = {args.port}: must be a port number from 1 to 65535")
    try:
        busy = port_in_use(args.host, args.port)
    except OSError as exc:
        raise UserError(f"--host = {args.host!r}: cannot listen there ({exc.strerror})") from None
    if busy:
        raise UserError(f"--port = {args.port}: already in use on {args.host} (another program, "
                        "or another kondusif app, listens there); choose another port with "
                        "--port")
    try:
        serve(args.scenario, args.host, args.port, args.exercise, overrides)
    except AssetError as exc:
        raise UserError(str(exc)) from None
    return 0


def prepare() -> int:
    """Fetch the browser files into the cache, saying each one; exit status 0 when all are there."""
    from sim.viz.app.assets import AssetError, default_cache_dir, ensure_assets

    try:
        cache = ensure_assets(default_cache_dir(), verbose=True)
    except AssetError as exc:
        raise UserError(str(exc)) from None
    print(f"kondusif app --prepare: browser files ready in {cache}", flush=True)
    return 0
