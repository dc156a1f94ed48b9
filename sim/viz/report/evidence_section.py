"""The evidence behind the answer: pairs, other measures, budget, search, robustness, PRIM."""

from __future__ import annotations

import pandas as pd

from sim.experiments.robustness import per_world
from sim.viz import answer as words
from sim.viz.labels import label, number, percent
from sim.viz.plan_figures import discovery_figure, front_figure, robustness_figure
from sim.viz.report.formats import text
from sim.viz.report.gather import Results
from sim.viz.report.html import Section, escape, figure_tag, paragraph, table_tag


def evidence_section(results: Results, lang: str) -> Section | None:
    """Tables and figures behind each sentence of the answer."""
    answer = results.answer
    if answer is None:
        return None
    parts = [f"<h3>{escape(text('pairs_heading', lang))}</h3>",
             paragraph(text("pairs_intro", lang, n=answer.ranking.replications,
                            pairs=len(answer.ranking.pairs),
                            alpha=percent(answer.ranking.alpha, lang, 0),
                            power=percent(answer.power, lang, 0))),
             table_tag(_pairs_table(answer, lang), (text("pair", lang),))]
    if answer.others:
        parts += [f"<h3>{escape(text('other_measures', lang))}</h3>",
                  table_tag(_measures_table(answer, lang), (label("answer:option", lang),))]
    if not answer.costs.empty:
        parts += [f"<h3>{escape(text('budget_heading', lang))}</h3>",
                  paragraph(text("budget_intro", lang,
                                 budget=words.rupiah_short(answer.budget, lang)
                                 if answer.budget is not None else "–")),
                  table_tag(_budget_table(answer, lang), (label("answer:option", lang),
                                                          text("strategy_shares", lang))),
                  paragraph(text("plan_front", lang, risk=answer.measure.label(lang),
                                 options=", ".join(words.option_name(o, lang)
                                                   for o in answer.front)))]
    if answer.search is not None:
        parts += [f"<h3>{escape(text('search_heading', lang))}</h3>",
                  paragraph(words.search_sentence(answer, lang)),
                  table_tag(_rounds_table(answer, lang), (text("best_in_round", lang),))]
    if answer.intensities is not None:
        parts += [f"<h3>{escape(text('search_heading', lang))}</h3>",
                  paragraph(words.search_sentence(answer, lang))]
        if words.front_ends(answer.intensities) is not None:
            parts += [paragraph(words.trade_off_sentence(answer, lang)),
                      figure_tag(front_figure(answer, lang), text("front_caption", lang),
                                 "pareto-front"),
                      table_tag(words.front_rows(answer, lang), (label("answer:option", lang),))]
    if answer.robustness is not None:
        parts += [f"<h3>{escape(text('robustness_heading', lang))}</h3>",
                  *[paragraph(s) for s in words.robustness_sentences(answer, lang)],
                  table_tag(_robustness_table(answer, lang), (label("answer:option", lang),))]
        parts.append(figure_tag(robustness_figure(answer, _worlds(results), lang),
                                text("robustness_caption", lang), "robustness"))
        parts += [f"<h3>{escape(text('discovery_heading', lang))}</h3>",
                  paragraph(words.failure_sentence(answer, lang))]
        if answer.box is not None:
            parts.append(figure_tag(discovery_figure(answer, lang),
                                    text("discovery_caption", lang), "discovery"))
    return Section("evidence", text("evidence", lang), "".join(parts))


def _worlds(results: Results) -> pd.DataFrame:
    from sim.experiments.plan import stage_folder
    from sim.experiments.stages import read_stage

    info, runs = read_stage(stage_folder(results.folder, "robustness"))
    return per_world(runs, results.answer.measure, [o["label"] for o in info["options"]])


def _pairs_table(answer, lang: str) -> pd.DataFrame:
    measure, pairs = answer.measure, answer.ranking.pairs
    rows = []
    for _, pair in pairs.sort_values("p_holm", kind="stable").iterrows():
        better, worse = (pair["first"], pair["second"]) if pair["first_better"] else \
            (pair["second"], pair["first"])
        oriented = answer.ranking.pair(better, worse)
        size = abs(oriented["difference"])
        gap = (words.difference_size(size, measure, lang) if measure.is_share
               else words.measure_value(size, measure, lang))
        bounds = words.difference_bounds(-oriented["high"], -oriented["low"], measure, lang)
        more = pair["more_replications"]
        rows.append({
            text("pair", lang): f"{words.option_name(better, lang)} vs "
                                f"{words.option_name(worse, lang)}",
            text("lower_by", lang): f"{gap} {bounds}",
            text("p_holm", lang): number(pair["p_holm"], lang, 3),
            text("told_apart", lang): label("yes" if pair["told_apart"] else "no", lang),
            text("more_runs", lang): "–" if more is None or pd.isna(more) else
            number(more, lang)})
    return pd.DataFrame(rows)


def _measures_table(answer, lang: str) -> pd.DataFrame:
    rows: dict[str, dict[str, str]] = {}
    for ranking in [answer.ranking, *answer.others.values()]:
        m = ranking.measure
        for _, row in ranking.table.iterrows():
            line = rows.setdefault(row["option"], {
                label("answer:option", lang): words.option_name(row["option"], lang)})
            line[m.label(lang)] = (f"{words.measure_value(row['estimate'], m, lang)}\n"
                                   f"{words.measure_interval(row['low'], row['high'], m, lang)}")
    return pd.DataFrame(list(rows.values()))


def _budget_table(answer, lang: str) -> pd.DataFrame:
    rows = []
    for _, row in answer.costs.iterrows():
        shares = "\n".join(f"{name} {percent(share, lang, 0)}"
                           for name, share in row["strategies"].items()) or "–"
        rows.append({label("answer:option", lang): words.option_name(row["option"], lang),
                     label("answer:full_cost", lang): words.rupiah_short(row["full_cost"], lang),
                     label("answer:held_cost", lang): words.rupiah_short(row["held_cost"], lang),
                     label("answer:share_held", lang): percent(row["share_held"], lang, 0),
                     text("strategy_shares", lang): shares})
    return pd.DataFrame(rows)


def _rounds_table(answer, lang: str) -> pd.DataFrame:
    measure = answer.measure
    rows = []
    for found in answer.search.rounds:
        best = found.scores.iloc[0]
        rows.append({text("round", lang): str(found.number + 1),
                     text("search_candidates", lang): str(len(found.scores)),
                     text("replications_each", lang): str(found.replications),
                     text("kept", lang): str(int(found.scores["kept"].sum())),
                     text("best_in_round", lang):
                         f"{words.option_name(best['option'], lang)} "
                         f"({words.measure_value(best['value'], measure, lang)})"})
    return pd.DataFrame(rows)


def _robustness_table(answer, lang: str) -> pd.DataFrame:
    measure = answer.measure
    rows = []
    for _, row in answer.robustness.iterrows():
        line = {label("answer:option", lang): words.option_name(row["option"], lang),
                text("mean_risk", lang): words.measure_value(row["mean_risk"], measure, lang),
                text("mean_regret", lang): words.measure_value(row["mean_regret"], measure,
                                                               lang),
                text("max_regret", lang): words.measure_value(row["max_regret"], measure, lang),
                text("best_share", lang): percent(row["best_share"], lang, 0)}
        if "satisficing_share" in row:
            line[text("satisficing_share", lang)] = percent(row["satisficing_share"], lang, 0)
        rows.append(line)
    return pd.DataFrame(rows)
