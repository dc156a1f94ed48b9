"""Maki-Thompson check on the real model: the share never reached by a hoax tends to 0.2032.

One well-mixed community (no neighbours, every contact inside it), one hoax
wave on the first day, transmission = stifling = 1, no counter-measures, and
enough contact rounds a day that the rumour dies out within the calendar. The
model is stepped (`sim.build_model`) until no spreader is left; the share of
voters still ignorant is compared with the root of x = exp(-2(1 - x))
(`rumor.final_ignorant_share`). Sub-rounds (`rumor.substeps`) are swept too:
fully synchronous rounds (1) overshoot, as the rumour module's docstring says.
"""

from __future__ import annotations

from typing import Annotated

import numpy as np
from pydantic import Field

from sim.model.mechanisms.rumor import final_ignorant_share
from sim.model.population import IGNORANT, SPREADER
from sim.scenario.schema import RumorParams
from sim.simulation import build_model
from sim.validation.result import CheckResult, Measure, Panel, Series, Verdict
from sim.validation.spec import CheckParams
from sim.validation.stats import mean_interval
from sim.validation.synthetic import community, scenario

MODEL_DEFAULT = RumorParams.model_fields["substeps"].default


class MakiThompsonParams(CheckParams):
    voters: list[Annotated[int, Field(ge=100)]] = Field([1_000, 10_000, 100_000], min_length=1,
                              description="sizes of the community, growing")
    substeps: list[Annotated[int, Field(ge=1, le=50)]] = Field([1, MODEL_DEFAULT, 20], min_length=1,
                                description="rumor.substeps values; the model's default is judged")
    contacts_per_day: int = Field(20, ge=1, le=50)
    tolerance: float = Field(0.01, gt=0, description="largest accepted |share - 0.2032|")


def one_run(voters: int, substeps: int, contacts_per_day: int,
            seed: np.random.SeedSequence) -> float:
    """Share of voters never reached by one hoax in one well-mixed community."""
    rumour = {"transmission": 1.0, "stifling": 1.0, "variant": "maki_thompson",
              "contacts_per_day": contacts_per_day, "substeps": substeps,
              "within_community_share": 1.0, "seeds_per_wave": 1,
              "takedown_per_day": 0.0, "clarification_per_day": 0.0}
    wave = {"date": "2024-09-25", "kind": "hoax_wave", "magnitude": 1.0}
    model = build_model(scenario([community("Kampung", voters)], "maki_thompson",
                                 rumor=rumour, events=[wave]), seed=seed)
    model.step()
    while model.running and (model.population.hoax == SPREADER).any():
        model.step()
    if (model.population.hoax == SPREADER).any():
        raise RuntimeError(f"the rumour outlived the calendar with {voters} voters: "
                           "raise contacts_per_day")
    return float((model.population.hoax == IGNORANT).mean())


def never_reached(p: MakiThompsonParams, verdict: Verdict) -> CheckResult:
    """Never-reached share by community size and sub-rounds; the model default is judged."""
    target = final_ignorant_share(1.0)
    table = {(n, k): [one_run(n, k, p.contacts_per_day, s) for s in p.seeds()]
             for k in p.substeps for n in p.voters}
    for n in p.voters:
        if MODEL_DEFAULT not in p.substeps:
            break
        mean, low, high = mean_interval(table[n, MODEL_DEFAULT])
        verdict.measures.append(Measure(
            f"never reached, N = {n:,}, substeps = {MODEL_DEFAULT} (model default)", mean, low,
            high, f"{target:.4f}", f"|share - {target:.4f}| <= {p.tolerance}",
            abs(mean - target) <= p.tolerance))
    largest = max(p.voters)
    verdict.notes = [
        f"N = {largest:,}, substeps = {k}: {mean_interval(table[largest, k])[0]:.4f} "
        f"(bias {mean_interval(table[largest, k])[0] - target:+.4f})" for k in p.substeps]
    series = []
    for k in p.substeps:
        stats = [mean_interval(table[n, k]) for n in p.voters]
        series.append(Series(f"substeps = {k}", [float(n) for n in p.voters],
                             [s[0] for s in stats], [s[1] for s in stats], [s[2] for s in stats]))
    panel = Panel("Share never reached by a hoax (one well-mixed community)", "voters N",
                  "never-reached share", series, target, f"Maki-Thompson limit {target:.4f}",
                  logx=True)
    return CheckResult(verdict, [panel])
