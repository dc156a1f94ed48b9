"""Events a trainer injects live: validated like any scenario input, acting tomorrow."""

from __future__ import annotations

import datetime as dt

from pydantic import ValidationError

from sim.scenario.loading import format_errors
from sim.scenario.schema import Event, EventKind, Scenario
from sim.viz.app.errors import AppError

# What the trainer picks, and the scenario events each choice becomes. A provocation
# happens at a rally: the rally brings rival supporters together, the provocation angers them.
INJECTABLE: dict[str, tuple[EventKind, ...]] = {
    "hoax_wave": (EventKind.HOAX_WAVE,),
    "provocation": (EventKind.RALLY, EventKind.PROVOCATION),
    "disputed_count": (EventKind.DISPUTED_COUNT,),
    "non_neutrality": (EventKind.NON_NEUTRALITY,),
    "legitimacy_shock": (EventKind.LEGITIMACY_SHOCK,),
}


def live_events(scenario: Scenario, choice: str, community: str, magnitude: float,
                day: dt.date) -> list[Event]:
    """The scenario events for one injection, checked as a scenario file's events are.

    Parameters
    ----------
    scenario : Scenario
        The running scenario (its communities and calendar bound the event).
    choice : str
        A key of ``INJECTABLE``.
    community : str
        A community name, or ``"all"``.
    magnitude : float
        Relative size; 1 is a typical event.
    day : datetime.date
        The day it happens.

    Raises
    ------
    AppError
        Naming the field, the value given and what was expected.

    Examples
    --------
    >>> import datetime as dt
    >>> from sim.scenario import bundled_path, load_scenario
    >>> s = load_scenario(bundled_path("desa_demo"))
    >>> [e.kind.value for e in live_events(s, "provocation", "Desa Hulu", 1.0,
    ...                                     dt.date(2024, 10, 1))]
    ['rally', 'provocation']
    """
    if choice not in INJECTABLE:
        raise AppError("error_event", f"kind = {choice!r}: must be one of "
                                      f"{', '.join(INJECTABLE)}")
    places = ["all"] + [c.name for c in scenario.communities]
    if community not in places:
        raise AppError("error_event", f"community = {community!r}: must be 'all' or one of "
                                      f"{', '.join(places[1:])}")
    cal = scenario.calendar
    if not cal.campaign_start <= day <= cal.dispute_end:
        raise AppError("error_event", f"date = {day}: must fall between {cal.campaign_start} "
                                      f"and {cal.dispute_end}")
    return [_validated({"date": day, "kind": kind, "community": community,
                        "magnitude": magnitude, "note": "injected live"})
            for kind in INJECTABLE[choice]]


def _validated(data: dict) -> Event:
    try:
        return Event.model_validate(data)
    except ValidationError as exc:
        raise AppError("error_event", "; ".join(format_errors(exc, data))) from None
