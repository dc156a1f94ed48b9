"""The question and the short answer: what was compared, how, and what the intervals say."""

from __future__ import annotations

import pandas as pd

from sim.experiments.analysis import KEYS
from sim.experiments.measures import outcome_label
from sim.viz.report.comparison_section import confidence_text, front_sentence, point_text
from sim.viz.report.formats import (
    arm_title,
    difference_interval,
    difference_text,
    reduction_text,
    text,
)
from sim.viz.report.gather import Results
from sim.viz.report.html import Section, bullets, escape, note, paragraph

POINTS_IN_SUMMARY = 3
FINDING = {-1: "finding_lower", 1: "finding_higher", 0: "finding_unclear"}


def summary_section(results: Results, lang: str) -> Section:
    """The question, the design in one paragraph, what is missing, and the findings."""
    # with an answer, what is missing is said on the first screen, above it
    parts = [] if results.answer is not None else [
        note(text(g.key, lang, **g.values), "missing") for g in results.gaps.get("summary", [])]
    spec = results.spec
    if spec is not None and results.answer is None:
        parts.append(f"<h3>{escape(text('question', lang))}</h3>")
        parts.append(f"<p><strong>{escape(spec.experiment.title or spec.name)}</strong></p>")
        if spec.experiment.description:
            parts.append(paragraph(spec.experiment.description))
    if spec is not None:
        title = results.scenario.scenario.title if results.scenario is not None else \
            ", ".join(spec.experiment.scenarios)
        if not spec.is_function_model:
            parts.append(paragraph(text(
                "design", lang, arms=len(spec.arms) - 1, scenario=title,
                replications=spec.experiment.replications,
                confidence=confidence_text(results, lang))))
    if results.summary is not None and not results.summary.effects.empty:
        heading = "short_answer" if results.answer is None else "against_baseline"
        parts.append(f"<h3>{escape(text(heading, lang))}</h3>")
        parts += _findings(results, lang)
    heading = text("summary" if results.answer is None else "design_heading", lang)
    return Section("summary", heading, "".join(parts))


def _findings(results: Results, lang: str) -> list[str]:
    summary = results.summary
    risk_outcome = results.spec.analysis.risk_outcome if results.spec else "incidents_total"
    points = list(summary.effects.groupby(KEYS, sort=False))
    parts = []
    for (scenario_name, point), effects in points[:POINTS_IN_SUMMARY]:
        if len(points) > 1:
            parts.append(paragraph(point_text(results, scenario_name, point, lang)))
        parts.append(bullets(finding_sentences(effects, risk_outcome, lang)))
        front = summary.pareto
        if not front.empty:
            here = front[(front["scenario"] == scenario_name) & (front["point"] == point)]
            parts.append(paragraph(front_sentence(here, lang)))
    if len(points) > POINTS_IN_SUMMARY:
        parts.append(paragraph(text("more_points", lang,
                                    count=len(points) - POINTS_IN_SUMMARY)))
    return parts


def finding_sentences(effects: pd.DataFrame, risk_outcome: str, lang: str) -> list[str]:
    """One sentence per strategy set for the risk outcome, and one per other clear difference.

    Whether a difference is clear is the analysis's `clear` column.
    """
    sentences = []
    for arm, rows in effects.groupby("arm", sort=False):
        for _, row in rows.iterrows():
            key = FINDING[row["clear"]]
            if row["outcome"] != risk_outcome and key == "finding_unclear":
                continue
            outcome = row["outcome"]
            sentences.append(text(
                key, lang, arm=arm_title(arm, lang), outcome=outcome_label(outcome, lang),
                diff=difference_text(row["difference"], outcome, lang,
                                     signed=key == "finding_unclear"),
                # "lower by 16.8 [2.7; 34.1]": the bounds in the direction of the words
                interval=difference_interval(-row["difference_high"], -row["difference_low"],
                                             outcome, lang) if key == "finding_lower" else
                difference_interval(row["difference_low"], row["difference_high"], outcome,
                                    lang),
                reduction=reduction_text(row["relative_reduction"], row["reduction_low"],
                                         row["reduction_high"], lang)))
    return sentences

