"""`kondusif run`: one simulation, a readable summary, and files to keep."""

from __future__ import annotations

import json
from pathlib import Path

from sim.commands.common import (
    add_run_arguments,
    check_out_folder,
    overrides_of,
    refuse_province_file,
    strategy_names,
)
from sim.simulation import run
from sim.viz.labels import label
from sim.viz.summary import summary_text


def add_parser(sub):
    parser = sub.add_parser("run", help="run one scenario through the Pilkada calendar")
    add_run_arguments(parser)
    parser.add_argument("--out", type=Path, help="folder for outcomes.json, timeseries.parquet "
                        "and figures")
    parser.add_argument("--json", action="store_true", help="print only the outcomes as JSON")
    parser.add_argument("--lang", choices=["id", "en"], default="id",
                        help="language of the summary and figures")
    return parser


def main(args) -> int:
    refuse_province_file(args.scenario)
    check_out_folder(args.out)
    result = run(args.scenario, strategies=strategy_names(args), seed=args.seed,
                 overrides=overrides_of(args), keep_model=True)
    if args.out:
        write_run(result, args.out, args.lang)
    if args.json:
        print(json.dumps(result.outcomes, sort_keys=True))
    else:
        print(summary_text(result, args.lang))
        if args.out:
            print(f"\n{label('written_to', args.lang)} {args.out}/")
    return 0


def write_run(result, out: Path, lang: str) -> None:
    """outcomes.json, timeseries.parquet, incidents.csv and the three figures."""
    from sim.store_io import atomic_write_bytes, atomic_write_parquet
    from sim.viz.run_figures import save_run_figures

    out.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(out / "outcomes.json",
                       json.dumps(result.outcomes, indent=2, sort_keys=True).encode())
    atomic_write_parquet(result.timeseries, out / "timeseries.parquet")
    atomic_write_bytes(out / "incidents.csv", result.incidents.to_csv(index=False).encode())
    save_run_figures(result, out, lang)
