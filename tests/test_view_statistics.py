"""What views show is computed once, in the analysis: the regency's tension, clear differences,
the design point the figures show, and which direction of an outcome is better."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

import sim
from sim.experiments.analysis import (
    baseline_effects,
    clear_direction,
    envelopes,
    first_design_point,
    regency_daily,
)
from sim.experiments.measures import LOWER, outcome
from sim.outcomes import timeseries_of
from sim.viz.app.results import BannerItem
from sim.viz.app.track import Track


def test_the_apps_regency_tension_is_the_analysis_regency_tension_of_the_same_run():
    model = sim.build_model("desa_demo", seed=5)
    track = Track(len(model.timeline))
    while model.running:
        model.step()
        track.record(model)
    series = timeseries_of(model).assign(run_id="one")
    voters = {c.name: c.voters for c in model.scenario.communities}
    daily = regency_daily(series, "tension", voters).to_numpy()
    assert np.allclose(daily, track.tension[: track.days], rtol=0, atol=1e-12)
    unweighted = series.groupby("date", sort=False)["tension"].mean().to_numpy()
    assert not np.allclose(daily, unweighted)  # the weights matter in these villages


def test_the_report_envelope_of_one_run_is_its_regency_tension():
    result = sim.run("desa_demo", seed=2)
    series = result.timeseries.assign(run_id="r")
    voters = {c.name: c.voters for c in sim.build_model("desa_demo").scenario.communities}
    table = envelopes(series, pd.DataFrame({"run_id": ["r"], "arm": ["baseline"]}), "tension",
                      voters)
    assert np.allclose(table["median"], regency_daily(series, "tension", voters))


@given(st.floats(-5, 5), st.floats(0, 5))
def test_a_difference_is_clear_exactly_when_its_interval_leaves_out_zero(low, width):
    high = low + width
    direction = clear_direction(low, high)
    assert direction == (-1 if high < 0 else 1 if low > 0 else 0)
    assert (direction == 0) == (low <= 0 <= high)


def test_the_effects_table_says_which_differences_are_clear():
    rows = [{"scenario": "s", "point": 0, "arm": arm, "replication": k, "out.x": value,
             "status": "ok"}
            for k in range(8) for arm, value in (("baseline", 10.0 + k % 3),
                                                 ("lower", 5.0 + k % 3), ("same", 10.0 + k % 3))]
    effects = baseline_effects(pd.DataFrame(rows), ["x"], n_boot=200).set_index("arm")
    assert effects.loc["lower", "clear"] == -1
    assert effects.loc["same", "clear"] == 0


def test_the_figures_design_point_is_the_first_scenarios_lowest_point():
    frame = pd.DataFrame({"scenario": ["b", "b", "a", "b"], "point": [2, 1, 0, 1],
                          "x": [1, 2, 3, 4]})
    assert first_design_point(frame)["x"].tolist() == [2, 4]
    assert first_design_point(frame, "a")["x"].tolist() == [3]


def test_the_app_judges_a_difference_by_the_outcomes_declared_direction():
    assert outcome("riots").direction == LOWER
    assert BannerItem("riots", baseline=4, strategy=2).better is True
    assert BannerItem("riots", baseline=2, strategy=4).better is False
    assert BannerItem("riots", baseline=2, strategy=2).better is None
