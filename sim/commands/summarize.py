"""`kondusif summarize`: compare the strategies of a stored experiment; tables and figures."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from sim.experiments.measures import outcome_label
from sim.viz.labels import label, number, percent


def add_parser(sub):
    parser = sub.add_parser("summarize", help="compare strategies in a sweep's results")
    parser.add_argument("folder", type=Path, help="output folder of `kondusif sweep`")
    parser.add_argument("--json", action="store_true", help="print every table as JSON")
    parser.add_argument("--lang", choices=["id", "en"], default="id",
                        help="language of the text and figures (default id)")
    parser.add_argument("--no-figures", action="store_true",
                        help="do not write figures to FOLDER/figures")
    return parser


def main(args) -> int:
    from sim.experiments import ResultStore, summarize_store
    from sim.store_io import atomic_write_bytes

    store = ResultStore(args.folder)
    store.manifest()
    store.require_runs()
    summary = summarize_store(args.folder)
    answer = answer_of(store)
    data = summary.to_dict() | {"answer": answer.to_dict() if answer is not None else None}
    atomic_write_bytes(args.folder / "summary.json",
                       json.dumps(data, indent=1, default=str).encode())
    if args.json:
        print(json.dumps(data, default=str))
    else:
        if answer is not None:
            print(answer_text(answer, args.lang) + "\n")
        print(summary_text(summary, args.lang, point_names(store.runs(), args.lang)))
    if not args.no_figures and summary.runs_ok:
        from sim.viz.experiment_figures import save_experiment_figures

        written = save_experiment_figures(store, summary, args.folder / "figures", args.lang)
        written += _save_front(answer, args.folder / "figures", args.lang)
        if not args.json:
            print(f"\n{len(written)} figures in {args.folder / 'figures'}/")
    return 0


def _save_front(answer, folder: Path, lang: str) -> list[Path]:
    """The search's Pareto front as a figure, when an NSGA-II search made one."""
    from sim.viz import answer as words

    if answer is None or words.front_ends(answer.intensities) is None:
        return []
    import matplotlib.pyplot as plt

    from sim.viz.plan_figures import front_figure

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"pareto_front_{lang}.png"
    fig = front_figure(answer, lang)
    fig.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(fig)
    return [path]


def answer_of(store):
    """The planner's answer of a store, or None when it has fewer than two options to rank."""
    from sim.experiments.plan import planner_answer

    spec, path = store.experiment()
    answer = planner_answer(spec, path, store.folder)
    return answer if len(answer.ranking.options) > 1 else None


def answer_text(answer, lang: str = "id") -> str:
    """The answer first (recommended option, effect, sureness, cost, failures), then the ranking."""
    from sim.viz import answer as words

    lines = [f"{label('answer:recommended', lang)}: "
             f"{words.option_name(answer.recommended, lang)}",
             words.headline(answer, lang), *words.sureness(answer, lang),
             words.cost_sentence(answer, lang), words.failure_sentence(answer, lang),
             *words.robustness_sentences(answer, lang), words.search_sentence(answer, lang),
             words.trade_off_sentence(answer, lang)]
    rows = _columns(words.ranking_rows(answer, lang))
    front = words.front_rows(answer, lang)
    if not front.empty:
        heading = label("answer:front_heading", lang, shown=len(front),
                        count=len(answer.intensities.front))
        rows += ["", f"{heading}:", *_columns(front)]
    return "\n".join([line for line in lines if line] + [""] + rows)


def _columns(table: pd.DataFrame) -> list[str]:
    """A table as lines of left-aligned columns."""
    widths = {c: max(len(c), *(len(str(v)) for v in table[c])) for c in table.columns}
    rows = ["  ".join(f"{c:<{widths[c]}}" for c in table.columns)]
    rows += ["  ".join(f"{str(v):<{widths[c]}}" for c, v in row.items())
             for _, row in table.iterrows()]
    return rows


def _interval(low: float, high: float, lang: str, digits: int) -> str:
    return f"[{number(low, lang, digits)}; {number(high, lang, digits)}]"


def _digits(value: float) -> int:
    return 0 if abs(value) >= 100 else 2 if abs(value) >= 1 else 3


def point_names(runs: pd.DataFrame, lang: str) -> dict[int, str]:
    """Each design point by its parameter values: ``anggaran Rp 3,00 miliar``."""
    from sim.viz.report.formats import parameter_text

    columns = [c for c in runs.columns if c.startswith("param.")]
    names = {}
    for point, rows in runs.groupby("point", sort=True):
        row = rows.iloc[0]
        names[int(point)] = ", ".join(parameter_text(c.removeprefix("param."), row[c], lang)
                                      for c in columns if pd.notna(row[c]))
    return names


def summary_text(summary, lang: str = "id", points: dict[int, str] | None = None) -> str:
    """The tables of a summary as plain text; `points` names the design points."""
    lines = [f"{summary.runs_ok} {label('runs_summary', lang)}, {summary.runs_failed} "
             f"{label('runs_failed', lang)}"]
    effects = summary.effects.set_index(["scenario", "point", "arm", "outcome"]) \
        if not summary.effects.empty else pd.DataFrame()
    for (scenario, point, outcome), rows in summary.stats.groupby(
            ["scenario", "point", "outcome"], sort=False):
        where = ", ".join(p for p in (scenario, (points or {}).get(point, "")) if p)
        lines.append(f"\n{outcome_label(outcome, lang)}" + (f" ({where})" if where else ""))
        for _, row in rows.iterrows():
            d = _digits(row["mean"])
            text = (f"  {row['arm']:<28} {label('mean', lang)} {number(row['mean'], lang, d)} "
                    f"{_interval(row['mean_low'], row['mean_high'], lang, d)}  "
                    f"{label('median', lang)} {number(row['median'], lang, d)}")
            key = (scenario, point, row["arm"], outcome)
            if key in effects.index:
                e = effects.loc[key]
                text += (f"  {label('vs_baseline', lang)} {number(e['difference'], lang, d)} "
                         f"{_interval(e['difference_low'], e['difference_high'], lang, d)}")
                if pd.notna(e["relative_reduction"]):
                    text += f"  {label('reduction', lang)} {percent(e['relative_reduction'], lang)}"
            lines.append(text)
    lines += _cost_lines(summary, lang)
    return "\n".join(lines)


def _cost_lines(summary, lang: str) -> list[str]:
    lines = []
    table = summary.cost_effectiveness
    if not table.empty and "incidents_total_averted_per_billion_rp" in table.columns:
        lines.append(f"\n{label('cost_effectiveness', lang)}")
        for _, row in table.iterrows():
            lines.append(f"  {row['arm']:<28} Rp {number(row['cost_rupiah'], lang)}  "
                         f"{label('incidents_total', lang)}: "
                         f"{number(row['incidents_total_averted_per_billion_rp'], lang, 2)}")
    if not summary.pareto.empty:
        front = summary.pareto[summary.pareto["on_front"]]
        lines.append(f"\n{label('pareto_front', lang)}: " + ", ".join(front["arm"]))
    return lines
