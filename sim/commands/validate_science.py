"""`kondusif validate-science`: reproduce the published results the model stands on.

Each experiment in experiments/validation/ writes NAME.png (its figure) and
NAME.json (its verdict) and prints PASS/FAIL with the measured value and its
interval beside the published one. Exit status 1 when any check fails.
"""

from __future__ import annotations

import json
from pathlib import Path

from sim.commands.common import positive
from sim.scenario import ScenarioError
from sim.store_io import atomic_write_bytes
from sim.validation import bundled_specs, load_spec, run_spec
from sim.viz.labels import label


def add_parser(sub):
    parser = sub.add_parser("validate-science",
                            help="reproduce published results (Epstein, Davies, Maki-Thompson, "
                            "Lim) and the Kutai Timur 2024 face validity")
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help="experiment names or .toml files (default: all bundled)")
    parser.add_argument("--out", type=Path, default=Path("out/validation"),
                        help="folder for NAME.png and NAME.json (default out/validation)")
    parser.add_argument("--replications", type=positive, metavar="N",
                        help="replications per sweep point (default: the file's)")
    parser.add_argument("--quick", action="store_true",
                        help="the small sizes the tests run, in seconds instead of minutes")
    parser.add_argument("--list", action="store_true", help="list the experiments and stop")
    parser.add_argument("--lang", choices=["id", "en"], default="id",
                        help="language of the figure titles and the summary")
    return parser


def chosen_specs(names: list[str]) -> list:
    """The bundled experiments, or those named (by name or by file)."""
    bundled = bundled_specs()
    if not names:
        return list(bundled.values())
    specs = []
    for name in names:
        if name.endswith(".toml"):
            specs.append(load_spec(name))
        elif name in bundled:
            specs.append(bundled[name])
        else:
            raise ScenarioError(name, [f"no such validation experiment; known: "
                                       f"{', '.join(bundled)}"])
    return specs


def main(args) -> int:
    from sim.viz.validation_figures import save_validation_figure

    specs = chosen_specs(args.names)
    if not specs:
        raise ScenarioError("validate-science", ["no validation experiments found in this "
                                                 "installation of kondusif"])
    if args.list:
        for spec in specs:
            print(f"{spec.name:<34} {spec.title}")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    size = "quick" if args.quick else "full"
    counts = {"PASS": 0, "FAIL": 0, "SKIP": 0}
    for spec in specs:
        result = run_spec(spec, size, args.replications)
        verdict = result.verdict
        counts[verdict.status] += 1
        save_validation_figure(result, args.out / f"{spec.name}.png", args.lang)
        atomic_write_bytes(args.out / f"{spec.name}.json",
                           json.dumps(verdict.to_dict(), indent=2).encode())
        print(f"{verdict.line()}\n    ({verdict.seconds:.1f} s)", flush=True)
    print(label("validation_summary", args.lang).format(
        passed=counts["PASS"], failed=counts["FAIL"], skipped=counts["SKIP"]))
    print(f"-> {args.out}/")
    return 1 if counts["FAIL"] else 0
