"""The Mesa model of a regency through the Pilkada calendar."""

from sim.model.model import ElectionConflictModel

__all__ = ["ElectionConflictModel"]
