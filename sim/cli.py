"""The `kondusif` command: parse, call the library, print. Errors for people, no tracebacks."""

from __future__ import annotations

import argparse
import importlib
import sys

from sim.commands.errors import EXIT_BAD_INPUT, UserError
from sim.experiments.executors import ExecutorError
from sim.scenario.loading import ScenarioError

# Each command is a module in sim/commands with `add_parser(subparsers)` and `main(args) -> int`.
COMMANDS = ["run", "validate", "scenarios", "experiments", "strategies", "vulnerability", "sweep",
            "plan", "summarize", "sensitivity", "report", "validate-science", "calibrate",
            "province", "app", "film", "exercise", "docs"]



def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kondusif",
        description="Simulate social conflict around a Pilkada and compare mitigation strategies.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"sim.commands.{name.replace('-', '_')}")
        command = module.add_parser(sub)
        command.set_defaults(handler=module.main)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except (ScenarioError, UserError, ExecutorError) as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # the reader stopped reading (`| head`): not an error of the command
        sys.stderr.close()
        return 0
    except OSError as exc:
        # a file or folder the command could not read or write: name it, no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"OSError: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except MemoryError:
        print("MemoryError: the run needs more memory than this machine has; simulate fewer "
              "residents with --set population.scale=N (each stands for N voters)",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130



if __name__ == "__main__":
    sys.exit(main())
