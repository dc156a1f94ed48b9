"""Validation experiment files: experiments/validation/*.toml, one per published result.

A file names the published result and the check that reproduces it, with its
parameters at two sizes: ``full`` (the documented run) and ``quick`` (the size
tests run). Each check validates its own parameters; a bad file gives a
ScenarioError that names the file, the field path, the value and what was
expected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sim.scenario.loading import ScenarioError, format_errors, read_toml

Size = Literal["full", "quick"]
ShareItem = Annotated[float, Field(ge=0.0, le=1.0)]
NonNegativeItem = Annotated[float, Field(ge=0.0)]


class CheckParams(BaseModel):
    """Parameters every check has: how many replications, and the root seed."""

    model_config = ConfigDict(extra="forbid")

    replications: int = Field(10, ge=1, le=10_000, description="independent runs")
    seed: int = Field(0, ge=0, description="root seed; replication i uses its i-th child")

    def seeds(self) -> list[np.random.SeedSequence]:
        """One seed per replication; every sweep point reuses them (common random numbers)."""
        return np.random.SeedSequence(self.seed).spawn(self.replications)


class ValidationSpec(BaseModel):
    """One validation experiment file."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str
    source: str = Field(description="the publication, as cited in docs/validation.md")
    published: str = Field(description="the published result, in words")
    null: str = Field(description="the hypothesis the verdict rejects: what a model that "
                      "does not reproduce the result would show")
    check: str = Field(description="the check that reproduces it (sim.validation.registry)")
    full: dict[str, Any] = Field(default_factory=dict)
    quick: dict[str, Any] = Field(default_factory=dict)
    path: str = Field("", exclude=True)

    def params(self, size: Size, replications: int | None = None) -> CheckParams:
        """The check's validated parameters at `size`, with an optional replication count."""
        from sim.validation.registry import check_named

        table = dict(getattr(self, size))
        if replications is not None:
            table["replications"] = replications
        try:
            return check_named(self.check).Params.model_validate(table)
        except ValidationError as exc:
            problems = [f"{size}.{line}" for line in format_errors(exc, table)]
            raise ScenarioError(self.path or self.name, problems) from None


def load_spec(path: str | Path) -> ValidationSpec:
    """Read and validate one experiment file (its parameters at both sizes too)."""
    from sim.validation.registry import CHECKS

    data = read_toml(path)
    try:
        spec = ValidationSpec.model_validate(data | {"path": str(path)})
    except ValidationError as exc:
        raise ScenarioError(str(path), format_errors(exc, data)) from None
    if spec.check not in CHECKS:
        raise ScenarioError(str(path), [f"check = {spec.check!r}: must be one of "
                                        f"{sorted(CHECKS)}"])
    for size in ("full", "quick"):
        spec.params(size)
    return spec


def bundled_specs() -> dict[str, ValidationSpec]:
    """Every experiment file in experiments/validation, by name."""
    from sim.bundled import bundled_files

    specs = [load_spec(p) for p in bundled_files("experiments", "validation")]
    return {s.name: s for s in specs}
