"""A strategy wrapped so that its failure names it, and the app can stop cleanly."""

from __future__ import annotations

from sim.simulation import clone
from sim.strategies.base import Strategy


class StrategyFailure(RuntimeError):
    """A strategy raised while it acted on the run."""

    def __init__(self, name: str, cause: BaseException):
        self.name = name
        self.cause = cause
        super().__init__(f"{name}: {type(cause).__name__}: {cause}")


class GuardedStrategy(Strategy):
    """Acts as `inner` does; turns any exception it raises into a StrategyFailure.

    Parameters
    ----------
    inner : Strategy
        The strategy to run.
    """

    def __init__(self, inner: Strategy):
        self.inner = inner
        self.name = inner.name
        self.title = inner.title
        self.params = inner.params

    def clone(self) -> GuardedStrategy:
        """A guard around a fresh copy of the inner strategy (see `sim.simulation.clone`)."""
        return GuardedStrategy(clone(self.inner))

    def _guarded(self, method: str, *args):
        try:
            return getattr(self.inner, method)(*args)
        except Exception as exc:
            raise StrategyFailure(self.name, exc) from exc

    def parameter_changes(self, scenario):
        return self._guarded("parameter_changes", scenario)

    def prepare(self, levers) -> None:
        self._guarded("prepare", levers)

    def on_day(self, levers) -> None:
        self._guarded("on_day", levers)

    def cost(self, scenario):
        return self._guarded("cost", scenario)
