"""Strategies compared: outcome tables with intervals, differences, costs, the Pareto front."""

from __future__ import annotations

import pandas as pd

from sim.experiments import analysis
from sim.experiments.analysis import KEYS
from sim.experiments.measures import outcome_label
from sim.viz import experiment_figures as figures
from sim.viz.labels import label, number
from sim.viz.report.formats import (
    arm_cell,
    difference_interval,
    difference_text,
    interval_text,
    missing,
    parameter_text,
    reduction_text,
    rupiah,
    text,
    value_text,
)
from sim.viz.report.gather import Results
from sim.viz.report.html import (
    Section,
    escape,
    figure_tag,
    note,
    paragraph,
    table_tag,
    wide_table_tags,
)

AVERTED = ("incidents_total", "riots")


def comparison_section(results: Results, lang: str) -> Section:
    """Tables per scenario and design point, then the figures of the first point."""
    parts = [note(text(g.key, lang, **g.values), "missing")
             for g in results.gaps.get("strategies", [])]
    summary = results.summary
    if summary is not None and not summary.stats.empty:
        confidence = confidence_text(results, lang)
        points = list(summary.stats.groupby(KEYS, sort=False).groups)
        for scenario_name, point in points:
            if len(points) > 1:
                where = f"{scenario_name}: " if scenario_name else ""
                heading = where + point_text(results, scenario_name, point, lang)
                parts.append(f"<h3>{escape(heading)}</h3>")
            parts += _tables(results, scenario_name, point, confidence, lang)
        parts += _figures(results, lang, several_points=len(points) > 1)
    return Section("strategies", text("section_strategies", lang), "".join(parts))


def confidence_text(results: Results, lang: str) -> str:
    """The experiment's confidence level as a percentage, e.g. ``95%``."""
    level = results.spec.analysis.confidence if results.spec is not None else 0.95
    return f"{number(100 * level, lang)}%"


def point_text(results: Results, scenario_name: str, point: int, lang: str) -> str:
    """``Design point 2 (grievance.legitimacy = 0,9)`` from the runs' parameter columns."""
    runs = results.runs
    row = runs[(runs["scenario"] == scenario_name) & (runs["point"] == point)].iloc[0]
    values = ", ".join(parameter_text(c.removeprefix("param."), row[c], lang)
                       for c in runs.columns if c.startswith("param.") and pd.notna(row[c]))
    return text("point_prefix", lang, point=point, values=values or "-")


def _tables(results: Results, scenario_name: str, point: int, confidence: str,
            lang: str) -> list[str]:
    summary = results.summary

    def at(frame: pd.DataFrame) -> pd.DataFrame:
        if frame.empty:
            return frame
        return frame[(frame["scenario"] == scenario_name) & (frame["point"] == point)]

    parts = [f"<h3>{escape(text('outcomes_table', lang, confidence=confidence))}</h3>",
             wide_table_tags(_stats_table(at(summary.stats), lang),
                             text_columns=(text("strategy", lang),))]
    effects = at(summary.effects)
    if not effects.empty:
        parts += [f"<h3>{escape(text('effects_table', lang))}</h3>",
                  wide_table_tags(_effects_table(effects, lang),
                                  text_columns=(text("strategy", lang),))]
    costs, front = at(summary.cost_effectiveness), at(summary.pareto)
    if not front.empty:
        parts += [f"<h3>{escape(text('costs_table', lang))}</h3>",
                  paragraph(text("costs_intro", lang)),
                  table_tag(_costs_table(costs, front, lang), (text("strategy", lang),)),
                  paragraph(front_sentence(front, lang))]
    return parts


def _stats_table(stats: pd.DataFrame, lang: str) -> pd.DataFrame:
    rows = {}
    for _, row in stats.iterrows():
        outcome = row["outcome"]
        cell = (f"{value_text(row['mean'], outcome, lang)}\n"
                f"{interval_text(row['mean_low'], row['mean_high'], outcome, lang)}")
        rows.setdefault(row["arm"], {text("strategy", lang): arm_cell(row["arm"], lang)})
        rows[row["arm"]][outcome_label(outcome, lang)] = cell
    return pd.DataFrame(list(rows.values()))


def _effects_table(effects: pd.DataFrame, lang: str) -> pd.DataFrame:
    rows = {}
    for _, row in effects.iterrows():
        outcome = row["outcome"]
        bounds = difference_interval(row["difference_low"], row["difference_high"], outcome, lang)
        cell = f"{difference_text(row['difference'], outcome, lang)}\n{bounds}"
        if not missing(row["relative_reduction"]):
            cell += f"\n{label('reduction', lang)} " + reduction_text(
                row["relative_reduction"], row["reduction_low"], row["reduction_high"], lang)
        rows.setdefault(row["arm"], {text("strategy", lang): arm_cell(row["arm"], lang)})
        rows[row["arm"]][outcome_label(outcome, lang)] = cell
    return pd.DataFrame(list(rows.values()))


def _costs_table(costs: pd.DataFrame, front: pd.DataFrame, lang: str) -> pd.DataFrame:
    averted = costs.set_index("arm") if not costs.empty else pd.DataFrame()
    rows = []
    for _, row in front.iterrows():
        arm = row["arm"]
        line = {text("strategy", lang): arm_cell(arm, lang),
                label("cost", lang): rupiah(row["cost_rupiah"], lang)}
        for outcome in AVERTED:
            column = f"{outcome}_averted"
            if arm in averted.index and column in averted.columns:
                found = averted.loc[arm]
                bounds = interval_text(found[f"{column}_low"], found[f"{column}_high"], outcome,
                                       lang)
                per_billion = value_text(found[f"{column}_per_billion_rp"], outcome, lang)
                line[text("averted", lang, outcome=outcome_label(outcome, lang))] = (
                    f"{value_text(found[column], outcome, lang)}\n{bounds}\n"
                    f"{per_billion} {text('per_billion', lang)}")
            else:
                line[text("averted", lang, outcome=outcome_label(outcome, lang))] = "–"
        line[label("on_front", lang)] = label("yes" if row["on_front"] else "no", lang)
        rows.append(line)
    return pd.DataFrame(rows)


def front_sentence(front: pd.DataFrame, lang: str) -> str:
    """Which sets are on the cost-risk Pareto front, in words."""
    names = ", ".join(arm_cell(a, lang).split("\n")[0] for a in front.loc[front["on_front"], "arm"])
    outcome = outcome_label(front["risk_outcome"].iloc[0], lang)
    return text("front_sentence", lang, outcome=outcome, arms=names)


def _figures(results: Results, lang: str, several_points: bool) -> list[str]:
    summary, runs = results.summary, results.runs
    outcomes = list(dict.fromkeys(summary.stats["outcome"]))
    first = analysis.first_design_point(runs)
    parts = [paragraph(text("first_point_figures", lang))] if several_points else []
    parts.append(figure_tag(figures.distributions_figure(first, outcomes, lang),
                            text("outcome_distributions", lang), "distributions"))
    if results.series is not None and results.scenario is not None:
        voters = {c.name: c.voters for c in results.scenario.communities}
        parts.append(figure_tag(figures.envelopes_figure(results.series, first, voters, lang),
                                text("envelopes_caption", lang), "envelopes"))
    if not summary.pareto.empty:
        parts.append(figure_tag(figures.cost_risk_figure(
            analysis.first_design_point(summary.pareto), lang),
                                text("cost_risk_caption", lang), "cost-risk"))
    return parts
