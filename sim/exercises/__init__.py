"""Exercises: bilingual scripts for a training room (a scenario, events, stops, strategies).

An exercise file (``exercises/NAME.toml``) names a scenario, the strategies to
compare, events on set days, the stops where the trainer asks the room a
question, and optional rounds for a participatory session. It is validated
like a scenario: against its own schema, then against the scenario it names
(places, candidates, the calendar, and which events fit which phase).
"""

from sim.exercises.loading import ExerciseError, exercise_scenario, load_exercise
from sim.exercises.phases import EVENT_PHASES, phase_problem
from sim.exercises.registry import bundled_exercise_names, bundled_exercise_path, describe_exercises
from sim.exercises.schema import Exercise

__all__ = [
    "EVENT_PHASES",
    "Exercise",
    "ExerciseError",
    "bundled_exercise_names",
    "bundled_exercise_path",
    "describe_exercises",
    "exercise_scenario",
    "load_exercise",
    "phase_problem",
]
