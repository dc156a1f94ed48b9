"""Running the Pilkada model for a check: through `sim.run` with overrides, and knowing
which parameters the scenario schema has (a check needing a missing one is skipped).

Checks read only what a run publishes (`RunResult.outcomes`, `.timeseries`,
`.incidents`), never the model's internals, so they judge the model any
mechanism rewrite leaves behind.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from pydantic import BaseModel

import sim
from sim.scenario import Scenario

Seed = np.random.SeedSequence | int


def has_parameter(path: str) -> bool:
    """Whether the scenario schema knows a mechanism parameter ``block.field``.

    >>> has_parameter("grievance.legitimacy"), has_parameter("grievance.no_such_thing")
    (True, False)
    """
    schema: type[BaseModel] | None = Scenario
    for key in path.split("."):
        fields = getattr(schema, "model_fields", None)
        if fields is None or key not in fields:
            return False
        schema = fields[key].annotation if isinstance(fields[key].annotation, type) else None
    return True


def missing_parameters(overrides: dict[str, Any]) -> list[str]:
    """The override paths of mechanism blocks that the schema does not have (yet)."""
    blocks = set(Scenario.model_fields) - {"scenario", "region", "calendar", "candidates",
                                           "communities", "officials", "security", "events",
                                           "strategies"}
    return [p for p in overrides if p.split(".")[0] in blocks and not has_parameter(p)]


def skip_reason(overrides: dict[str, Any]) -> str:
    """Why a check cannot run on this model, or "" when it can."""
    missing = missing_parameters(overrides)
    if not missing:
        return ""
    return (f"the model has no parameter {', '.join(missing)} yet; this check needs it "
            "(scenario schema)")


def run(scenario: Scenario | str, overrides: dict[str, Any] | None = None,
        seed: Seed = 0) -> sim.RunResult:
    """One run through the public door, `sim.run`."""
    return sim.run(scenario, seed=seed, overrides=dict(overrides or {}))
