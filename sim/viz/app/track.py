"""What the app keeps of each day of a run: a few numbers a day, in preallocated arrays.

Reading the model's DataCollector into a DataFrame every step would grow with
the run; these arrays are filled one row a day from the model's own
per-community state, so a step of the app costs the same on the last day as on
the first.
"""

from __future__ import annotations

import numpy as np

from sim.experiments.analysis import regency_mean
from sim.model.mechanisms.clash import SEVERITIES


class Track:
    """Daily series of one run: incidents by severity, mean tension, hoax belief, turnout.

    Parameters
    ----------
    n_days : int
        Length of the calendar.

    Examples
    --------
    >>> from sim import build_model
    >>> model = build_model("desa_demo", seed=1)
    >>> track = Track(87)
    >>> model.step(); track.record(model)
    >>> track.days
    1
    """

    def __init__(self, n_days: int):
        self.days = 0
        self.incidents = np.zeros((n_days, len(SEVERITIES)), dtype=int)
        self.tension = np.zeros(n_days)
        self.belief = np.zeros(n_days)
        self.turnout = np.full(n_days, np.nan)

    def record(self, model) -> None:
        """Keep today's numbers: the regency's tension and belief as the analysis defines them."""
        day = model.day_index
        self.incidents[day] = model.day.incidents.sum(axis=0)
        self.tension[day] = regency_mean(model.tension, model.voters)
        self.belief[day] = regency_mean(model.day.belief_share, model.voters)
        self.turnout[day] = model.ledger.vote.turnout if model.ledger.vote else np.nan
        self.days = day + 1

    def cumulative_incidents(self) -> np.ndarray:
        """(days so far, severities) running totals."""
        return np.cumsum(self.incidents[: self.days], axis=0)

    def totals(self) -> dict[str, int]:
        """Incidents so far by severity, and all together."""
        by_severity = self.incidents[: self.days].sum(axis=0)
        totals = {name: int(by_severity[k]) for k, name in enumerate(SEVERITIES)}
        totals["incidents_total"] = int(by_severity.sum())
        return totals
