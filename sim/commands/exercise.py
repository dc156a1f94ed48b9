"""`kondusif exercise`: host a participatory exercise for a room, or replay a recorded session."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from sim.commands.errors import UserError

DEFAULT_PORT = 8770


def add_parser(sub):
    parser = sub.add_parser("exercise", help="a participatory exercise: one shared model, "
                                             "roles played from phones")
    actions = parser.add_subparsers(dest="exercise_command", required=True, metavar="ACTION")
    host = actions.add_parser("host", help="serve an exercise to a facilitator's screen and "
                                           "participants' phones")
    host.add_argument("exercise", help="exercise file, or the name of a bundled exercise")
    host.add_argument("--host", default="127.0.0.1",
                      help="address to listen on (default 127.0.0.1, this machine only; "
                           "0.0.0.0 lets the room's phones join)")
    host.add_argument("--port", type=int, default=DEFAULT_PORT,
                      help=f"port to listen on (default {DEFAULT_PORT})")
    host.add_argument("--seed", type=int, help="root seed (default: the exercise's)")
    host.add_argument("--set", action="append", default=[], metavar="PATH=VALUE",
                      dest="overrides", help="override a scenario parameter, e.g. --set "
                                             "population.scale=20")
    host.add_argument("--compare", action="append", default=None, metavar="NAME",
                      help="strategy or package:NAME the debrief compares with (repeatable; "
                           "default: the exercise's strategies)")
    host.add_argument("--out", type=Path, metavar="FILE.json",
                      help="the session record (default: EXERCISE-session-UTCTIME.json here)")
    replay = actions.add_parser("replay", help="play a recorded session again and check "
                                               "that every outcome is identical")
    replay.add_argument("file", type=Path, help="a session record written by `exercise host`")
    replay.add_argument("--exercise", help="the exercise file, if not where the record says")
    return parser


def main(args) -> int:
    if args.exercise_command == "host":
        return host(args)
    return replay(args)


def host(args) -> int:
    from sim.commands.common import overrides_of_set
    from sim.exercise_host.plan import plan_of
    from sim.exercise_host.server import serve
    from sim.strategies import resolve_strategies
    from sim.viz.app.server import port_in_use

    plan = plan_of(args.exercise, overrides_of_set(args), args.seed)
    if args.compare:
        plan = dataclasses.replace(plan, compare=tuple(args.compare))
        resolve_strategies(plan.compare, plan.scenario)  # an unknown name stops here, exit 2
    if not 1 <= args.port <= 65535:
        raise UserError(f"--port = {args.port}: must be a port number from 1 to 65535")
    try:
        busy = port_in_use(args.host, args.port)
    except OSError as exc:
        raise UserError(f"--host = {args.host!r}: cannot listen there ({exc.strerror})") from None
    if busy:
        raise UserError(f"--port = {args.port}: already in use on {args.host}; choose another "
                        "port with --port")
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = args.out or Path(f"{plan.name}-session-{stamp}.json")
    if out.is_dir():
        raise UserError(f"--out = {out}: a folder; expected a file name ending in .json")
    serve(plan, args.host, args.port, out)
    return 0


def replay(args) -> int:
    from sim.exercise_host.record import read_record
    from sim.exercise_host.record import replay as replay_record

    record = read_record(args.file)
    if not record["rounds"]:
        raise UserError(f"{args.file}: the session played no round; nothing to replay")
    differences = replay_record(record, args.exercise)
    rounds = len(record["rounds"])
    if differences:
        print(f"BERBEDA / DIFFERENT: {len(differences)} of {rounds} rounds' records differ "
              f"from the replay:")
        for line in differences:
            print(f"  {line}")
        return 1
    debrief = " and the debrief's three runs" if record.get("debrief") else ""
    print(f"identik / identical: {rounds} rounds{debrief} replayed from seed "
          f"{record['seed']}; outcomes, daily totals and reports equal the record "
          f"({args.file})")
    return 0
