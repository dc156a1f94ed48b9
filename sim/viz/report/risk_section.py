"""The conflict-potential map: simulated risk per community, and the IKP-style index beside it."""

from __future__ import annotations

import pandas as pd

from sim.experiments import analysis
from sim.experiments.spec import BASELINE
from sim.strategies.vulnerability import vulnerability_index
from sim.viz.labels import label, number
from sim.viz.report.formats import share_text, text
from sim.viz.report.gather import Results
from sim.viz.report.html import Section, figure_tag, note, paragraph, table_tag
from sim.viz.report.maps import colour_limits, community_map

INDEX_DIMENSIONS = ("context", "administration", "contestation", "participation")


def risk_section(results: Results, lang: str) -> Section:
    """The simulated risk map of the baseline, with the IKP-style index beside it."""
    parts = [note(text(g.key, lang, **g.values), "missing")
             for g in results.gaps.get("risk-map", [])]
    if results.scenario is None:
        parts.append(note(text("map_needs_scenario", lang), "missing"))
    else:
        if results.series is not None:
            parts.append(_simulated_map(results, lang))
        parts.append(_index_map(results.scenario, lang))
    return Section("risk-map", text("section_risk_map", lang), "".join(parts))


def baseline_risk(results: Results) -> pd.DataFrame:
    """Per-community risk of the baseline at the first design point of the first scenario."""
    first = analysis.first_design_point(results.runs, results.spec.experiment.scenarios[0])
    return analysis.community_risk(results.series, first, BASELINE,
                                   results.scenario.tension.escalated_level)


def _simulated_map(results: Results, lang: str) -> str:
    risk = baseline_risk(results)
    if risk.empty:
        return note(text("no_baseline", lang), "missing")
    scenario = results.scenario
    level = scenario.tension.escalated_level
    figure = community_map(scenario, dict(zip(risk["community"], risk["escalation_share"],
                                              strict=True)),
                           label("escalation_share", lang), text("risk_map_caption", lang),
                           (0.0, 1.0), lang)
    voters = {c.name: c.voters for c in scenario.communities}
    table = risk.sort_values(["escalation_share", "mean_incidents"], ascending=False,
                             kind="stable")
    rows = pd.DataFrame({
        label("community", lang): table["community"],
        text("voters", lang): [number(voters.get(n, 0), lang) for n in table["community"]],
        label("escalation_share", lang): [share_text(v, lang) for v in table["escalation_share"]],
        text("mean_incidents", lang): [number(v, lang, 2) for v in table["mean_incidents"]],
        label("peak_tension", lang): [number(v, lang, 3) for v in table["mean_peak_tension"]],
    })
    intro = text("risk_map_intro", lang, level=number(level, lang, 2),
                 runs=int(risk["runs"].max()))
    return (paragraph(intro) + figure_tag(figure, text("risk_map_caption", lang), "risk-map")
            + table_tag(rows, (label("community", lang),)))


def _index_map(scenario, lang: str) -> str:
    """The IKP-style vulnerability index, from the scenario's data alone."""
    try:
        index = vulnerability_index(scenario)
    except (ValueError, KeyError) as exc:
        return note(text("index_failed", lang, detail=exc), "missing")
    figure = community_map(scenario, dict(zip(index["community"], index["total"], strict=True)),
                           f"{label('total', lang)} (0-100)", text("index_caption", lang),
                           colour_limits(index["total"]), lang)
    ranked = index.sort_values("total", ascending=False, kind="stable")
    columns = [d for d in INDEX_DIMENSIONS if d in ranked.columns] + ["total"]
    rows = pd.DataFrame({label("community", lang): ranked["community"]})
    for column in columns:
        rows[label(column, lang)] = [number(v, lang, 1) for v in ranked[column]]
    if "band" in ranked.columns:
        rows[label("band", lang)] = [label(b, lang) for b in ranked["band"]]
    return (paragraph(text("index_intro", lang))
            + figure_tag(figure, text("index_caption", lang), "vulnerability-map")
            + table_tag(rows, (label("community", lang), label("band", lang))))
