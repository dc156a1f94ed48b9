"""Outcome measures of a finished run, and its daily series per community."""

from __future__ import annotations

from typing import Any

import pandas as pd

from sim.model.mechanisms.clash import SEVERITIES
from sim.model.record import EVENT_COLUMNS, INCIDENT_COLUMNS

OUTCOME_DOCS = {
    "incidents_total": "incidents of any severity over the calendar",
    "incidents_by_severity": "incidents by severity: friction, clash, riot",
    "riots": "incidents that police could not contain",
    "serious_incidents": "clashes and riots over the calendar",
    "any_riot": "whether at least one riot happened",
    "communities_with_incidents": "communities with at least one incident of any severity",
    "peak_active_share": "highest expected share of voters active (Epstein) on any day",
    "communities_escalated": "communities whose tension passed tension.escalated_level",
    "peak_tension": "highest tension of any community on any day, 0-1",
    "injuries": "expected injuries (estimate per incident severity)",
    "arrests": "people detained at clashes and riots (voters)",
    "backlash_events": "uses of force that backfired (legitimacy lost)",
    "non_neutrality_events": "breaches of official neutrality, scheduled and endogenous",
    "peak_hoax_belief": "highest share of residents believing a hoax on any day",
    "days_of_unrest": "days with at least one clash or riot",
    "longest_response_hours": "longest time a clash or riot grew before responders arrived, "
                              "hours (0 without one): how soon a bout was met",
    "turnout": "ballots cast / registered voters",
    "vote_shares": "share of valid votes per candidate id",
    "margin": "winner's share minus runner-up's, of valid votes",
    "dispute_filed": "whether the losing camp filed a dispute",
    "dispute_probability": "the probability of that dispute, given margin and hoax belief",
    "cost": "estimated cost of the strategies, rupiah",
    "cost_personnel_days": "personnel-days the strategies need",
}


def outcomes_of(model) -> dict[str, Any]:
    """The outcomes of a finished run as a JSON-ready dict (see OUTCOME_DOCS)."""
    ledger = model.ledger
    daily = ledger.incidents_by_day[: model.day_index + 1]
    by_severity = {name: int(daily[:, k].sum()) for k, name in enumerate(SEVERITIES)}
    escalated = ledger.peak_tension_by_community > model.scenario.tension.escalated_level
    cost = sum((s.cost(model.scenario) for s in model.strategies), start=_zero_cost())
    shares = model.vote_shares
    totals = ledger.totals
    return {
        "incidents_total": int(daily.sum()),
        "incidents_by_severity": by_severity,
        "riots": by_severity["riot"],
        "communities_escalated": int(escalated.sum()),
        "serious_incidents": by_severity["clash"] + by_severity["riot"],
        "any_riot": by_severity["riot"] > 0,
        "communities_with_incidents": int((ledger.incidents_by_community > 0).sum()),
        "peak_tension": round(float(ledger.peak_tension_by_community.max()), 6),
        "peak_active_share": round(float(ledger.peak_active_share), 8),
        "injuries": float(totals.injuries),
        "arrests": round(float(totals.arrests), 6),
        "backlash_events": int(totals.backlash_events),
        "non_neutrality_events": int(totals.non_neutrality),
        "peak_hoax_belief": round(float(ledger.peak_belief), 6),
        "days_of_unrest": int(((daily[:, 1] + daily[:, 2]) > 0).sum()),
        "longest_response_hours": round(float(totals.longest_response_hours), 4),
        "turnout": round(float(ledger.vote.turnout if ledger.vote else float("nan")), 6),
        "vote_shares": {c.candidate_id: round(float(v), 6)
                        for c, v in zip(model.candidates, shares, strict=True)},
        "margin": round(float(model.margin), 6),
        "dispute_filed": bool(ledger.dispute_filed),
        "dispute_probability": round(float(ledger.dispute_probability), 6),
        "cost": round(float(cost.rupiah), 2),
        "cost_personnel_days": round(float(cost.personnel_days), 2),
    }


def _zero_cost():
    from sim.strategies.base import NO_COST
    return NO_COST


def timeseries_of(model) -> pd.DataFrame:
    """One row per community per day: step, date, community, then the daily state."""
    table = model.datacollector.get_agenttype_vars_dataframe(_community_type())
    table = table.reset_index().rename(columns={"Step": "step"})
    dates = model.datacollector.get_model_vars_dataframe()
    day = table["step"].to_numpy() - 1
    table["date"] = dates["date"].to_numpy()[day]
    table["phase"] = dates["phase"].to_numpy()[day]
    first = ["step", "date", "phase", "community"]
    rest = [c for c in table.columns if c not in first and c != "AgentID"]
    return table[first + rest].sort_values(["step", "community"], kind="stable").reset_index(
        drop=True)


def incidents_of(model) -> pd.DataFrame:
    """Every incident of the run so far, one row each (columns: `INCIDENT_COLUMNS`)."""
    return pd.DataFrame(model.ledger.incident_log, columns=list(INCIDENT_COLUMNS))


def events_of(model) -> pd.DataFrame:
    """Every event that happened so far, one row each (columns: `EVENT_COLUMNS`)."""
    return pd.DataFrame(model.ledger.event_log, columns=list(EVENT_COLUMNS))


def _community_type():
    from sim.model.agents import Community
    return Community
