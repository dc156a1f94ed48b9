"""What a validation check gives: measures beside the published figures, a verdict, a figure."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

PASS, FAIL, SKIP = "PASS", "FAIL", "SKIP"
REPORTED = "reported"  # a criterion that starts so is shown, not judged


@dataclass(frozen=True)
class Measure:
    """One measured quantity, its interval over replications, and the published one."""

    name: str
    value: float
    low: float
    high: float
    published: str
    criterion: str
    passed: bool
    null: str = ""  # the hypothesis the criterion rejects: what a wrong model would show

    @property
    def judged(self) -> bool:
        """Whether the measure counts towards the verdict (a reported one only informs)."""
        return not self.criterion.startswith(REPORTED)

    def text(self) -> str:
        shown = f"{self.name} = {_num(self.value)} [{_num(self.low)}, {_num(self.high)}]"
        if not self.judged:
            return f"{shown} vs published {self.published} ({self.criterion})"
        return (f"{shown} vs published {self.published} ({self.criterion}: "
                f"{'met' if self.passed else 'not met'}; null: {self.null})")


@dataclass(frozen=True)
class Series:
    """One line of a figure, with an optional band (interval over replications)."""

    label: str
    x: list[float]
    y: list[float]
    low: list[float] | None = None
    high: list[float] | None = None


@dataclass(frozen=True)
class Panel:
    """One panel of a check's figure."""

    title: str
    xlabel: str
    ylabel: str
    series: list[Series]
    reference: float | None = None
    reference_label: str = ""
    logx: bool = False


@dataclass
class Verdict:
    """The outcome of one check: PASS when every measure meets its criterion."""

    name: str
    title: str
    source: str
    published: str
    size: str
    replications: int
    null: str = ""
    measures: list[Measure] = field(default_factory=list)
    skipped: str = ""
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def status(self) -> str:
        if self.skipped:
            return SKIP
        judged = [m for m in self.measures if m.judged]
        return PASS if judged and all(m.passed for m in judged) else FAIL

    def line(self) -> str:
        """The printed verdict: status, name, and each measure beside the published figure."""
        head = f"{self.status} {self.name} ({self.size}, {self.replications} replications)"
        if self.skipped:
            return f"{head}: {self.skipped}"
        lines = [head, f"    null: {self.null}"] + [f"    {m.text()}" for m in self.measures]
        return "\n".join(lines + [f"    note: {n}" for n in self.notes])

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"status": self.status}


@dataclass
class CheckResult:
    """A verdict and the panels of its figure."""

    verdict: Verdict
    panels: list[Panel] = field(default_factory=list)


def _num(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    return f"{value:.4g}"
