"""Limitations in plain words, from docs/calibration.md and from this experiment's own design."""

from __future__ import annotations

from sim.viz.labels import number
from sim.viz.report.formats import text
from sim.viz.report.gather import Results
from sim.viz.report.html import Section, bullets

ALWAYS = ("limit_one_election", "limit_estimates", "limit_tipping", "limit_compare")


def limits_section(results: Results, lang: str) -> Section:
    """What the numbers cannot say: one calm election, estimates, few replications, scale."""
    items = [text(key, lang) for key in ALWAYS]
    if results.spec is not None:
        items.append(text("limit_replications", lang,
                          replications=results.spec.experiment.replications))
    scenario = results.scenario
    if scenario is not None and scenario.population.scale > 1:
        items.append(text("limit_scale", lang, scale=number(scenario.population.scale, lang)))
    return Section("limitations", text("limitations", lang), bullets(items))
