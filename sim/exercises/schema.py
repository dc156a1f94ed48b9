"""The exercise file's schema: every field, its meaning and its check (pydantic).

These checks need only the file itself; the checks against the scenario it
names (places, candidates, calendar, phases) are in ``sim.exercises.loading``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import Field, model_validator

from sim.scenario.schema import Block, Event, EventKind, NonNegative, Phase


class Bilingual(Block):
    """A text in Indonesian (shown first) and English."""

    id: str = Field(min_length=1, description="Bahasa Indonesia")
    en: str = Field(min_length=1, description="English")

    def __call__(self, lang: str = "id") -> str:
        return self.en if lang == "en" else self.id


class Meta(Block):
    name: str = Field(pattern=r"^[a-z0-9_]+$", description="short id, lower case")
    title: Bilingual
    description: Bilingual
    scenario: str = Field(min_length=1, description="bundled scenario name or a path "
                          "(relative to the exercise file)")
    seed: Annotated[int, Field(ge=0)] = Field(0, description="seed of the runs on screen")
    theme: Bilingual | None = Field(None, description="the Bimtek theme it trains")
    strategies: list[str] = Field(min_length=1, description="strategies (or package:NAME) "
                                  "compared with the baseline")
    set: dict[str, Any] = Field(default_factory=dict,
                                description="dotted-path overrides of the scenario "
                                "(as `kondusif run --set`)")


class ExerciseEvent(Block):
    """An event on a set day, as in a scenario file, with an optional bilingual note."""

    date: dt.date
    kind: EventKind
    community: str = Field("all", description="community name or 'all'")
    candidate: str | None = Field(None, description="candidate id the event favours or targets")
    magnitude: NonNegative = Field(1.0, description="relative size; 1 = a typical event")
    note: Bilingual | None = None

    def to_event(self) -> Event:
        """The scenario event the model schedules."""
        return Event(date=self.date, kind=self.kind, community=self.community,
                     candidate=self.candidate, magnitude=self.magnitude,
                     note=f"exercise: {self.note.en}" if self.note else "exercise")


class Stop(Block):
    """A day the film pauses and the trainer asks the room a question."""

    date: dt.date
    prompt: Bilingual


class Round(Block):
    """A stretch of the calendar a participatory session plays as one round.

    Given either as ``phase`` (one phase of the calendar) or as ``start`` and
    ``end`` dates (both inclusive).
    """

    name: str = Field(pattern=r"^[a-z0-9_]+$")
    title: Bilingual
    phase: Phase | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    @model_validator(mode="after")
    def _phase_or_dates(self):
        dates = (self.start is not None, self.end is not None)
        if self.phase is not None and any(dates):
            raise ValueError("give either phase or start and end, not both")
        if self.phase is None and not all(dates):
            raise ValueError("give a phase, or both start and end dates")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"end ({self.end}) comes before start ({self.start})")
        return self


class Exercise(Block):
    """One exercise file.

    Examples
    --------
    >>> from sim.exercises import bundled_exercise_path, load_exercise
    >>> exercise = load_exercise(bundled_exercise_path("pemetaan_konflik"))
    >>> exercise.exercise.scenario
    'kutim_2024_stressed'
    """

    exercise: Meta
    events: list[ExerciseEvent] = Field(default_factory=list)
    stops: list[Stop] = Field(min_length=1)
    rounds: list[Round] = Field(default_factory=list)

    @model_validator(mode="after")
    def _in_order(self):
        days = [s.date for s in self.stops]
        if days != sorted(days) or len(set(days)) != len(days):
            raise ValueError("stops must be in date order, one per day")
        names = [r.name for r in self.rounds]
        if len(set(names)) != len(names):
            raise ValueError("round names must be unique")
        return self

    @property
    def name(self) -> str:
        return self.exercise.name

    @property
    def strategies(self) -> tuple[str, ...]:
        return tuple(self.exercise.strategies)

    def title(self, lang: str = "id") -> str:
        return self.exercise.title(lang)

    def description(self, lang: str = "id") -> str:
        return self.exercise.description(lang)

    def scenario_events(self) -> list[Event]:
        """The exercise's events as scenario events, in date order."""
        return [e.to_event() for e in sorted(self.events, key=lambda e: e.date)]
