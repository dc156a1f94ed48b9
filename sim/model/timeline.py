"""The Pilkada calendar: one step a day, the phase of each day, and events by date.

Phases follow KPU regulation PKPU 2/2024: campaign, quiet days (masa tenang),
voting and counting at the TPS, tiered recapitulation up to the regency
plenary, then the dispute period (Constitutional Court filing window).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sim.scenario.schema import Event, EventKind, Phase, Scenario


class Timeline:
    """Dates from the campaign's first day to the end of the dispute period."""

    def __init__(self, scenario: Scenario):
        cal = scenario.calendar
        self.dates = cal.dates
        self.phases = [scenario.phase_on(d) for d in self.dates]
        self.voting_day = cal.voting_day
        self._events: dict[dt.date, list[Event]] = defaultdict(list)
        for event in scenario.events:
            self.schedule(event)
        self._add_defaults(scenario)

    def _add_defaults(self, scenario: Scenario) -> None:
        """Every Pilkada announces a result and opens a dispute window: if the scenario
        does not date them, the result is announced at the regency plenary (recap_end)
        and the dispute decided the same day."""
        kinds = {e.kind for e in scenario.events}
        for kind in (EventKind.RESULT_ANNOUNCEMENT, EventKind.DISPUTE_FILING):
            if kind not in kinds:
                self.schedule(Event(date=scenario.calendar.recap_end, kind=kind,
                                    note="default date: regency plenary"))

    def __len__(self) -> int:
        return len(self.dates)

    def schedule(self, event: Event) -> None:
        """Add an event (scheduled in the scenario, by a strategy, or injected live)."""
        if not self.dates[0] <= event.date <= self.dates[-1]:
            raise ValueError(f"event date {event.date} is outside "
                             f"{self.dates[0]}..{self.dates[-1]}")
        self._events[event.date].append(event)

    def events_on(self, day: dt.date) -> list[Event]:
        return list(self._events.get(day, ()))

    def date_of(self, step: int) -> dt.date:
        return self.dates[step]

    def phase_of(self, step: int) -> Phase:
        return self.phases[step]
