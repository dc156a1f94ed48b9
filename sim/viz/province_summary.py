"""Readable summaries of a province run and of a comparison of reserve plans, for the terminal."""

from __future__ import annotations

import pandas as pd

from sim.viz.labels import label, number, percent


def province_summary_text(result, province, lang: str = "en") -> str:
    """Headline outcomes of the province, then one line per region."""
    o = result.outcomes
    spec = province.spec
    lines = [
        f"{label('province_summary_title', lang)}: {spec.scenario.title}",
        f"  {label('regions', lang)}: {o['regions']}; {label('voters', lang)}: "
        f"{number(o['voters'], lang)}",
        f"  {label('incidents_total', lang)}: {o['incidents_total']}; {label('clashes', lang)}: "
        f"{o['clashes']}; {label('riots', lang)}: {o['riots']}",
        f"  {label('regions_with_unrest', lang)}: {o['regions_with_unrest']}; "
        f"{label('communities_escalated', lang)}: {o['communities_escalated']}; "
        f"{label('peak_tension', lang)}: {number(o['peak_tension'], lang, 2)}",
        f"  {label('regional_disputes_filed', lang)}: {o['regional_disputes_filed']}",
    ]
    if "governor_vote_shares" in o:
        real = spec.governor.result
        shares = ", ".join(
            f"{k} {percent(v, lang)}" + (f" ({label('real_result', lang)} "
                                         f"{percent(real[k], lang)})" if k in real else "")
            for k, v in o["governor_vote_shares"].items())
        lines += [f"  {label('governor_vote_shares', lang)}: {shares}",
                  f"  {label('governor_turnout', lang)}: {percent(o['governor_turnout'], lang)}; "
                  f"{label('governor_dispute_filed', lang)}: "
                  f"{label('yes' if o['governor_dispute_filed'] else 'no', lang)}"]
    if spec.reserve.enabled:
        lines.append(f"  {label('reserve_plan', lang)}: {spec.reserve.plan.value} "
                     f"({number(spec.reserve.personnel, lang)}); "
                     f"{label('reserve_moves', lang)}: {o['reserve_moves']}")
    lines.append("")
    lines.append(_regions_block(result.regions_table(), lang))
    lines.append(f"  ({label('executor', lang)}: {result.executor}; "
                 f"{number(result.seconds, lang, 1)} s)")
    return "\n".join(lines)


def _regions_block(table: pd.DataFrame, lang: str) -> str:
    shown = pd.DataFrame({
        label("region", lang): table["region"],
        label("voters", lang): [number(v, lang) for v in table["voters"]],
        label("incidents_total", lang): table["incidents"],
        label("riots", lang): table["riots"],
        label("peak_tension", lang): [number(v, lang, 2) for v in table["peak_tension"]],
        label("turnout", lang): [percent(v, lang) for v in table["turnout"]],
        label("margin", lang): [percent(v, lang) for v in table["margin"]],
        label("reserve_unit_days", lang): table["reserve_unit_days"],
    })
    return shown.to_string(index=False)


def plan_comparison_text(table: pd.DataFrame, replications: int, lang: str = "en") -> str:
    """Mean outcomes per reserve plan over common-random-number replications."""
    shown = table.copy()
    shown.columns = [label(c, lang) for c in shown.columns]
    head = (f"{label('plan_comparison_title', lang)} ({label('mean', lang)}, "
            f"{replications} {label('replications', lang).lower()})")
    return head + "\n" + shown.to_string(index=False, float_format=lambda v: number(v, lang, 2))
