"""The scenario in plain words: place, candidates, calendar, forces, assumptions, strategies."""

from __future__ import annotations

import pandas as pd

from sim.experiments import analysis
from sim.experiments.spec import arm_strategies
from sim.viz.labels import label, number
from sim.viz.labels.assumptions import MAIN_ASSUMPTIONS
from sim.viz.report.formats import DASH, arm_title, date_text, rupiah, text
from sim.viz.report.gather import Results
from sim.viz.report.html import Section, bullets, escape, note, paragraph, table_tag

ESTIMATE_PREFIX = "estimate"


def scenario_section(results: Results, lang: str) -> Section:
    """The place and its people, the calendar, who keeps the peace, the assumptions."""
    parts = [note(text(g.key, lang, **g.values), "missing")
             for g in results.gaps.get("scenario", [])]
    scenario = results.scenario
    if scenario is not None:
        parts += [_place(results, lang), _candidates(scenario, lang), _calendar(scenario, lang),
                  _security(scenario, lang), _events(scenario, lang),
                  _assumptions(results, lang), _strategies(results, lang),
                  _community_sources(scenario, lang)]
    return Section("scenario", text("section_scenario", lang), "".join(parts))


def _heading(key: str, lang: str) -> str:
    return f"<h3>{escape(text(key, lang))}</h3>"


def _place(results: Results, lang: str) -> str:
    scenario = results.scenario
    region = scenario.region
    population = ""
    if region.population:
        population = text("population", lang, value=number(region.population, lang),
                          source=region.sources.get("population", DASH))
    sentence = text("place", lang, region=region.name,
                    province=f" ({region.province})" if region.province else "",
                    communities=len(scenario.communities),
                    voters=number(scenario.total_voters, lang),
                    tps=number(sum(c.tps for c in scenario.communities), lang),
                    population=population)
    html = f"<p><strong>{escape(scenario.scenario.title)}</strong></p>" + paragraph(sentence)
    if scenario.scenario.description:
        html += paragraph(scenario.scenario.description)
    if scenario.population.scale > 1:
        html += paragraph(text("scale", lang, scale=number(scenario.population.scale, lang)))
    others = results.spec.experiment.scenarios[1:]
    if others:
        html += paragraph(text("other_scenarios", lang, names=", ".join(others)))
    return html


def _candidates(scenario, lang: str) -> str:
    rows = [{"ID": c.id, text("name", lang): c.name,
             text("incumbent", lang): label("yes" if c.incumbent else "no", lang),
             text("source", lang): c.sources.get("name", c.sources.get("incumbent", DASH))}
            for c in scenario.candidates]
    return _heading("candidates", lang) + table_tag(
        pd.DataFrame(rows), (text("name", lang), text("source", lang)))


def _calendar(scenario, lang: str) -> str:
    cal = scenario.calendar
    one_day = pd.Timedelta(days=1)
    phases = [("campaign", cal.campaign_start, cal.quiet_start - one_day, "campaign_start"),
              ("quiet", cal.quiet_start, cal.voting_day - one_day, "quiet_start"),
              ("voting", cal.voting_day, cal.voting_day, "voting_day"),
              ("recapitulation", cal.voting_day + one_day, cal.recap_end, "recap_end"),
              ("dispute", cal.recap_end + one_day, cal.dispute_end, "dispute_end")]
    rows = [{text("what", lang): label(phase, lang), text("from", lang): date_text(start, lang),
             text("to", lang): date_text(end, lang),
             text("source", lang): cal.sources.get(field, DASH)}
            for phase, start, end, field in phases]
    return _heading("calendar", lang) + table_tag(
        pd.DataFrame(rows), (text("what", lang), text("source", lang)))


def _security(scenario, lang: str) -> str:
    rows = [{text("what", lang): f.kind.value, text("count", lang): number(f.personnel, lang),
             text("where", lang): f.base,
             text("source", lang): f.sources.get("personnel", DASH)}
            for f in scenario.security.forces]
    rows += [{text("what", lang): o.role.value, text("count", lang): number(o.count, lang),
              text("where", lang): o.community, text("source", lang): o.sources.get("count", DASH)}
             for o in scenario.officials]
    if not rows:
        return ""
    return _heading("security", lang) + table_tag(
        pd.DataFrame(rows), (text("what", lang), text("where", lang), text("source", lang)))


def _events(scenario, lang: str) -> str:
    if not scenario.events:
        return ""
    rows = [{label("date", lang): date_text(e.date, lang), text("what", lang): e.kind.value,
             text("where", lang): e.community, text("value", lang): number(e.magnitude, lang, 1),
             text("meaning", lang): e.note or DASH}
            for e in sorted(scenario.events, key=lambda e: e.date)]
    return _heading("events", lang) + table_tag(
        pd.DataFrame(rows), (text("what", lang), text("where", lang), text("meaning", lang)))


def _assumptions(results: Results, lang: str) -> str:
    spec = results.spec
    varied = set(spec.grid) | set(spec.sample.parameters if spec.sample else {})
    varied |= set(spec.sensitivity.parameters if spec.sensitivity else {})
    rows = []
    for path, about in MAIN_ASSUMPTIONS.items():
        value = _value_at(results.scenario, path)
        source = about["source"][lang]
        if path in varied:
            source = text("varied", lang)
        elif path in spec.fixed:
            source = f"{text('fixed_here', lang)}; {source}"
        rows.append({text("what", lang): path, text("value", lang): _plain(value, lang),
                     text("meaning", lang): about["meaning"][lang], text("source", lang): source})
    table = table_tag(pd.DataFrame(rows),
                      (text("what", lang), text("meaning", lang), text("source", lang)))
    return _heading("assumptions", lang) + paragraph(text("assumptions_intro", lang)) + table


def _plain(value, lang: str) -> str:
    if isinstance(value, float) and not value.is_integer():
        return number(value, lang, 3).rstrip("0")
    return number(value, lang)


def _strategies(results: Results, lang: str) -> str:
    """Each strategy set: what its members do in practice, and what it costs."""
    costs = _mean_costs(results)
    items = []
    for arm in results.spec.arms:
        members = _members(arm)
        lines = [f"{arm_title(arm, lang)}"]
        if arm in costs:
            lines[0] += f" ({text('mean_cost', lang)}: {rupiah(costs[arm], lang)})"
        for cls in members:
            strategy = cls.from_scenario(results.scenario)
            # strategies that describe their model effect carry it as `effect`
            effect = getattr(cls, "effect", {}).get(lang, "")
            basis = strategy.cost(results.scenario).basis
            lines.append(f"{cls.title[lang]}: {cls.practice[lang]} {effect}".strip()
                         + f" ({text('cost_basis', lang)}: {basis})")
        items.append("\n".join(lines))
    return _heading("strategy_list", lang) + bullets(items).replace("\n", "<br>")


def _members(arm: str) -> list:
    """The catalogue classes of a strategy set, packages opened into their members."""
    from sim.strategies import CATALOGUE, PACKAGES

    names = []
    for item in arm_strategies(arm):
        package = item.removeprefix("package:")
        names += PACKAGES.get(package, ()) if item.startswith("package:") else [item]
    return [CATALOGUE[n] for n in dict.fromkeys(names) if n in CATALOGUE]


def _mean_costs(results: Results) -> dict[str, float]:
    summary = results.summary
    if summary is None or summary.pareto.empty:
        return {}
    first = analysis.first_design_point(summary.pareto)
    return dict(zip(first["arm"], first["cost_rupiah"], strict=True))


def _community_sources(scenario, lang: str) -> str:
    """Community figures' sources, each source text once with the communities it covers."""
    grouped: dict[str, dict[str, list[str]]] = {}
    for community in scenario.communities:
        for field, source in community.sources.items():
            grouped.setdefault(source, {}).setdefault(field, []).append(community.name)
    rows = [{text("source", lang): source, text("fields", lang): ", ".join(fields),
             text("communities", lang): ", ".join(dict.fromkeys(
                 n for names in fields.values() for n in names))}
            for source, fields in grouped.items()]
    sourced = _all_sources(scenario)
    estimates = sum(s.lower().startswith(ESTIMATE_PREFIX) for s in sourced)
    html = _heading("community_sources", lang)
    html += paragraph(text("estimates_count", lang, estimates=estimates, total=len(sourced)))
    if rows:
        html += table_tag(pd.DataFrame(rows), tuple(rows[0]))
    return html


def _all_sources(scenario) -> list[str]:
    blocks = [scenario.region, scenario.calendar, *scenario.candidates, *scenario.communities,
              *scenario.officials, *scenario.security.forces]
    return [s for block in blocks for s in block.sources.values()]


def _value_at(scenario, path: str):
    """The value of a dotted parameter path in a scenario, e.g. ``grievance.legitimacy``."""
    node = scenario
    for key in path.split("."):
        node = getattr(node, key)
    return node
