"""Which event can happen in which phase of the Pilkada calendar, and the refusal when not.

A rally belongs to the campaign; a disputed count needs votes to count; a
result is announced after voting day. Exercises and the app's live events are
both checked here, so a trainer cannot stage a dispute before anyone has voted.
"""

from __future__ import annotations

import datetime as dt

from sim.scenario.schema import EventKind, Phase, Scenario

ALL_PHASES = tuple(Phase)
AFTER_VOTING = (Phase.VOTING, Phase.RECAPITULATION, Phase.DISPUTE)

EVENT_PHASES: dict[EventKind, tuple[Phase, ...]] = {
    EventKind.HOAX_WAVE: ALL_PHASES,
    EventKind.RALLY: (Phase.CAMPAIGN,),
    EventKind.PROVOCATION: ALL_PHASES,
    EventKind.RESULT_ANNOUNCEMENT: (Phase.RECAPITULATION, Phase.DISPUTE),
    EventKind.DISPUTE_FILING: (Phase.RECAPITULATION, Phase.DISPUTE),
    EventKind.DISPUTED_COUNT: AFTER_VOTING,
    EventKind.LEGITIMACY_SHOCK: ALL_PHASES,
    EventKind.NON_NEUTRALITY: (Phase.CAMPAIGN, Phase.QUIET, Phase.VOTING),
}

WHY = {
    EventKind.RALLY: "rallies are held only in the campaign",
    EventKind.RESULT_ANNOUNCEMENT: "a result is announced only after voting day",
    EventKind.DISPUTE_FILING: "a dispute is filed only after voting day",
    EventKind.DISPUTED_COUNT: "a count can be disputed only from voting day on",
    EventKind.NON_NEUTRALITY: "non-neutrality matters up to voting day",
}


def phase_problem(kind: EventKind | str, day: dt.date, scenario: Scenario) -> str | None:
    """Why an event of `kind` cannot happen on `day` of `scenario`'s calendar, or None.

    Examples
    --------
    >>> from sim.scenario import bundled_path, load_scenario
    >>> s = load_scenario(bundled_path("desa_demo"))
    >>> why = phase_problem("disputed_count", s.calendar.campaign_start, s)
    >>> why.startswith("kind = disputed_count on 2024-09-25 (campaign): a count can be disputed")
    True
    >>> phase_problem("hoax_wave", s.calendar.campaign_start, s) is None
    True
    """
    kind = EventKind(kind)
    phase = scenario.phase_on(day)
    allowed = EVENT_PHASES[kind]
    if phase in allowed:
        return None
    return (f"kind = {kind.value} on {day} ({phase.value}): {WHY[kind]} "
            f"(allowed in: {', '.join(p.value for p in allowed)})")
