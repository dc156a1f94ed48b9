"""`kondusif province`: a whole province at once (run, validate, compare plans, national)."""

from __future__ import annotations

import json
from pathlib import Path

from sim.commands.common import (
    add_executor_arguments,
    check_executor_arguments,
    check_out_folder,
    seed,
)
from sim.commands.errors import UserError
from sim.scenario import parse_override
from sim.viz.labels import label


def add_parser(sub):
    parser = sub.add_parser("province", help="Pilkada serentak: every region of a province "
                            "at once, a shared governor race and reserve")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
    _add_run(verbs)
    _add_validate(verbs)
    _add_compare(verbs)
    _add_national(verbs)
    return parser


def main(args) -> int:
    return {"run": _run, "validate": _validate, "compare": _compare,
            "national": _national}[args.verb](args)


# --- arguments ------------------------------------------------------------------


def _province_arguments(parser) -> None:
    parser.add_argument("province", help="province file, or a bundled one (kaltim_2024)")
    parser.add_argument("--set", action="append", default=[], dest="overrides",
                        metavar="PATH=VALUE", help="override a field of the province file, e.g. "
                        "--set reserve.personnel=3000 or --set 'regions.Berau.ikp=30'")
    parser.add_argument("--scale", type=float, default=None,
                        help="voters per simulated resident in every region (faster, coarser)")


def _add_run(verbs) -> None:
    parser = verbs.add_parser("run", help="run every region through the shared calendar")
    _province_arguments(parser)
    add_executor_arguments(parser)
    parser.add_argument("--seed", type=seed, default=0)
    parser.add_argument("--plan", default=None, help="reserve plan: hold, by_voters, by_ikp, "
                        "by_risk (default: the file's)")
    parser.add_argument("--no-governor", action="store_true",
                        help="no governor race: regions do not share hoaxes or a dispute")
    parser.add_argument("--no-reserve", action="store_true", help="no provincial reserve")
    parser.add_argument("--out", type=Path, help="folder for outcomes.json, regions.csv, "
                        "reserve.csv, incidents.csv and timeseries.parquet")
    parser.add_argument("--json", action="store_true", help="print only the outcomes as JSON")
    parser.add_argument("--lang", choices=["id", "en"], default="id")


def _add_validate(verbs) -> None:
    parser = verbs.add_parser("validate", help="check a province file and its regions' files")
    _province_arguments(parser)


def _add_compare(verbs) -> None:
    parser = verbs.add_parser("compare", help="compare reserve plans on common random numbers")
    _province_arguments(parser)
    add_executor_arguments(parser)
    parser.add_argument("--plan", action="append", default=[], dest="plans",
                        help="a plan to compare (repeatable; default: all four)")
    parser.add_argument("--replications", type=int, default=3)
    parser.add_argument("--seed", type=seed, default=0)
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    parser.add_argument("--lang", choices=["id", "en"], default="id")


def _add_national(verbs) -> None:
    parser = verbs.add_parser("national", help="a synthetic country: 545 elections, about "
                              "204 million voters, at a reduced population.scale")
    add_executor_arguments(parser)
    parser.add_argument("--scale", type=float, default=2000.0,
                        help="voters per simulated resident (default 2000)")
    parser.add_argument("--provinces", type=int, default=None,
                        help="run only the first N of the 37 synthetic provinces")
    parser.add_argument("--seed", type=seed, default=0, help="draws the country and the runs")


# --- verbs ----------------------------------------------------------------------


def _load(args):
    from sim.province import load_province

    overrides = dict(parse_override(text) for text in args.overrides)
    if getattr(args, "no_governor", False):
        overrides["governor.enabled"] = False
    if getattr(args, "no_reserve", False):
        overrides["reserve.enabled"] = False
    _check_scale(args.scale)
    return load_province(args.province, overrides, population_scale=args.scale)


def _check_scale(scale) -> None:
    if scale is not None and scale < 1:
        raise UserError(f"--scale: {scale}: must be >= 1 (voters per simulated resident)")


def _open_regions(args):
    """Region tasks: each region stays in the worker that built it (province executors)."""
    from sim.province import open_executor

    check_executor_arguments(args)
    return open_executor(args.executor, args.workers, args.scheduler)


def _open_runs(args):
    """Whole province runs, independent of one another: the experiment runner's executors."""
    from sim.experiments.executors import open_executor

    check_executor_arguments(args)
    return open_executor(args.executor, args.workers, args.scheduler)


def _run(args) -> int:
    from sim.province import run_province
    from sim.viz.province_summary import province_summary_text

    check_out_folder(args.out)
    province = _load(args)
    with _open_regions(args) as executor:
        result = run_province(province, seed=args.seed, executor=executor, plan=args.plan)
    if args.out:
        _write(result, args.out)
    if args.json:
        print(json.dumps(result.outcomes, sort_keys=True))
    else:
        print(province_summary_text(result, province, args.lang))
        if args.out:
            print(f"\n{label('written_to', args.lang)} {args.out}/")
    return 0


def _write(result, out: Path) -> None:
    from sim.store_io import atomic_write_bytes, atomic_write_parquet

    out.mkdir(parents=True, exist_ok=True)
    outcomes = {"province": result.outcomes, "regions": result.region_outcomes}
    atomic_write_bytes(out / "outcomes.json",
                       json.dumps(outcomes, indent=2, sort_keys=True).encode())
    atomic_write_bytes(out / "regions.csv", result.regions_table().to_csv(index=False).encode())
    atomic_write_bytes(out / "reserve.csv", result.reserve.to_csv(index=False).encode())
    atomic_write_bytes(out / "incidents.csv", result.incidents.to_csv(index=False).encode())
    atomic_write_parquet(result.timeseries, out / "timeseries.parquet")


def _validate(args) -> int:
    province = _load(args)
    voters = province.total_voters
    print(f"{province.source}: valid ({len(province.regions)} regions, {voters:,} voters, "
          f"{len(province.spec.governor.candidates)} governor candidates, reserve "
          f"{province.spec.reserve.personnel:,} personnel)")
    stated = province.spec.province.voters
    if stated is not None and stated != voters:
        print(f"note: the regions hold {voters:,} voters; province.voters says {stated:,}")
    return 0


def _compare(args) -> int:
    from sim.province.plans import compare_plans
    from sim.viz.province_summary import plan_comparison_text

    if args.replications < 1:
        raise UserError(f"--replications: {args.replications}: must be >= 1")
    province = _load(args)  # the file's problems before any run starts
    overrides = dict(parse_override(text) for text in args.overrides)
    with _open_runs(args) as workers:
        table = compare_plans(province.source, args.plans or None, args.replications,
                              args.seed, args.scale, overrides, workers.executor)
    if args.json:
        print(table.to_json(orient="records"))
    else:
        print(plan_comparison_text(table, args.replications, args.lang))
    return 0


def _national(args) -> int:
    from sim.province.national import national_provinces

    _check_scale(args.scale)
    country = national_provinces(seed=args.seed, population_scale=args.scale,
                                 provinces=args.provinces)
    # provinces do not interact: each is one task, its regions run one after another there
    with _open_runs(args) as workers:
        results = list(workers.executor.map(_run_whole, country, [args.seed] * len(country)))
    for province, result in zip(country, results, strict=True):
        print(f"{province.name}: {len(province.regions)} regions, "
              f"{province.total_voters:,} voters, {result.outcomes['incidents_total']} "
              f"incidents")
    voters = sum(p.total_voters for p in country)
    regions = sum(len(p.regions) for p in country)
    incidents = sum(r.outcomes["incidents_total"] for r in results)
    days = country[0].spec.calendar.n_days
    residents = voters / args.scale
    seconds = sum(r.seconds for r in results)
    print(f"\n{len(country)} provinces, {regions} regent/mayor races and {len(country)} "
          f"governor races, {voters:,} voters ({residents:,.0f} simulated residents at "
          f"population.scale {args.scale:g}), {incidents} incidents")
    print(f"{seconds:.1f} s of province runs ({workers.description}); "
          f"{seconds / (residents * days) * 1e9:,.0f} ns per simulated resident-day (fixed "
          f"costs per region dominate at a coarse scale)")
    return 0


def _run_whole(province, seed: int):
    """One whole province run in a worker, its regions serially (a module function: pickled)."""
    from sim.province import run_province

    return run_province(province, seed=seed)
