"""A readable summary of one run, for the terminal."""

from __future__ import annotations

from sim.viz.labels import label, number, percent


def summary_text(result, lang: str = "en") -> str:
    o = result.outcomes
    model = result.model
    title = model.scenario.scenario.title if model is not None else ""
    strategies = ", ".join(s.name for s in model.strategies) if model is not None else ""
    sev = o["incidents_by_severity"]
    lines = [
        f"{label('summary_title', lang)}: {title}",
        f"  {label('strategies', lang)}: {strategies or label('none', lang)}",
        f"  {label('incidents_total', lang)}: {o['incidents_total']} "
        f"({label('friction', lang)} {sev['friction']}, {label('clash', lang)} {sev['clash']}, "
        f"{label('riot', lang)} {sev['riot']})",
        f"  {label('communities_escalated', lang)}: {o['communities_escalated']}",
        f"  {label('peak_tension', lang)}: {number(o['peak_tension'], lang, 2)}",
        f"  {label('injuries', lang)}: {number(o['injuries'], lang)}; "
        f"{label('arrests', lang)}: {number(o['arrests'], lang)}; "
        f"{label('backlash_events', lang)}: {o['backlash_events']}",
        f"  {label('peak_hoax_belief', lang)}: {percent(o['peak_hoax_belief'], lang)}",
        f"  {label('days_of_unrest', lang)}: {o['days_of_unrest']}",
        f"  {label('turnout', lang)}: {percent(o['turnout'], lang)}",
        f"  {label('vote_shares', lang)}: " + ", ".join(
            f"{k} {percent(v, lang)}" for k, v in o["vote_shares"].items()),
        f"  {label('margin', lang)}: {percent(o['margin'], lang)}; "
        f"{label('dispute_filed', lang)}: {label('yes' if o['dispute_filed'] else 'no', lang)}",
        f"  {label('cost', lang)}: {number(o['cost'], lang)}",
        f"  ({number(result.seconds, lang, 2)} s)",
    ]
    return "\n".join(lines)
