"""The model as a whole: determinism, common random numbers, the shape of its results."""

from __future__ import annotations

import io

import numpy as np
import pytest

import sim
from sim.outcomes import OUTCOME_DOCS
from sim.strategies.base import Strategy
from sim.strategies.communication import CounterHoaxCampaign


def parquet_bytes(frame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


def test_same_seed_gives_the_same_bytes():
    first, second = sim.run("desa_demo", seed=7), sim.run("desa_demo", seed=7)
    assert first.outcomes == second.outcomes
    assert parquet_bytes(first.timeseries) == parquet_bytes(second.timeseries)
    assert first.incidents.equals(second.incidents)


def test_different_seeds_give_different_runs():
    a, b = sim.run("desa_demo", seed=1), sim.run("desa_demo", seed=2)
    assert not a.timeseries[["tension"]].equals(b.timeseries[["tension"]])


def test_run_one_is_run_with_the_specs_seed():
    spec = sim.RunSpec("desa_demo", strategies=("counter_hoax",), replication=3, root_seed=11)
    direct = sim.run("desa_demo", strategies=["counter_hoax"], seed=spec.seed_sequence())
    assert sim.run_one(spec).outcomes == direct.outcomes


def test_strategies_share_the_baselines_population_and_first_draws():
    base = sim.build_model("desa_demo", seed=5)
    treated = sim.build_model("desa_demo", strategies=[CounterHoaxCampaign()], seed=5)
    for name in ("support", "hardship", "risk_aversion", "group"):
        assert np.array_equal(getattr(base.population, name), getattr(treated.population, name))


def test_every_documented_outcome_is_reported():
    outcomes = sim.run("desa_demo", seed=0).outcomes
    assert set(outcomes) == set(OUTCOME_DOCS)
    assert set(outcomes["incidents_by_severity"]) == {"friction", "clash", "riot"}
    assert outcomes["riots"] == outcomes["incidents_by_severity"]["riot"]


def test_timeseries_has_one_row_per_community_per_day():
    result = sim.run("desa_demo", seed=0, keep_model=True)
    days = len(result.model.timeline)
    table = result.timeseries
    assert list(table.columns[:4]) == ["step", "date", "phase", "community"]
    assert len(table) == days * 3
    assert table.groupby("step").size().eq(3).all()
    assert table["date"].iloc[0] == "2024-09-25" and table["date"].iloc[-1] == "2024-12-20"
    assert set(table["phase"]) == {"campaign", "quiet", "voting", "recapitulation", "dispute"}


def test_outcomes_agree_with_the_timeseries():
    result = sim.run("desa_demo", seed=3)
    table = result.timeseries
    assert result.outcomes["incidents_total"] == int(table[["friction", "clash", "riot"]]
                                                      .to_numpy().sum())
    assert result.outcomes["peak_tension"] >= table["tension"].max() - 1e-6


def test_vote_shares_sum_to_one_and_margin_matches():
    o = sim.run("desa_demo", seed=4).outcomes
    shares = sorted(o["vote_shares"].values(), reverse=True)
    # each share and the margin are rounded to 6 decimals: half a millionth of error each
    assert sum(shares) == pytest.approx(1.0, abs=len(shares) * 5e-7)
    assert o["margin"] == pytest.approx(shares[0] - shares[1], abs=1.5e-6)


def test_less_legitimacy_means_more_unrest():
    calm = [sim.run("desa_demo", seed=s).outcomes["incidents_total"] for s in range(5)]
    angry = [sim.run("desa_demo", seed=s, overrides={"grievance.legitimacy": 0.6})
             .outcomes["incidents_total"] for s in range(5)]
    assert sum(angry) > sum(calm)


def test_more_security_means_fewer_riots_under_stress():
    stress = {"grievance.legitimacy": 0.7}
    few = [sim.run("desa_demo", seed=s, overrides=stress | {"security.personnel": 10})
           .outcomes["riots"] for s in range(8)]
    many = [sim.run("desa_demo", seed=s, overrides=stress | {"security.personnel": 400})
            .outcomes["riots"] for s in range(8)]
    assert sum(many) < sum(few)


def test_security_personnel_override_rescales_every_force():
    model = sim.build_model("desa_demo", overrides={"security.personnel": 84})
    assert sum(u.personnel for u in model.units) == 84


def test_injected_event_acts_on_its_date():
    from sim.scenario.schema import Event
    model = sim.build_model("desa_demo", seed=1)
    model.step()
    model.inject(Event(date=model.timeline.date_of(1), kind="legitimacy_shock", magnitude=2.0))
    model.step()
    assert model.legitimacy_deficit.min() > 0.15


def test_a_finished_run_lets_its_model_go():
    import gc
    import weakref

    from sim.model.model import ElectionConflictModel
    built = []
    original = ElectionConflictModel.__init__

    def remember(self, *args, **kwargs):
        original(self, *args, **kwargs)
        built.append(weakref.ref(self))

    ElectionConflictModel.__init__ = remember
    try:
        sim.run("desa_demo", seed=1)
    finally:
        ElectionConflictModel.__init__ = original
    gc.collect()
    assert built and built[0]() is None


class CountsItsDays(Strategy):
    """Keeps a per-run record it never resets itself: only cloning keeps runs apart."""

    name = "counts_its_days"
    title = {"id": "Menghitung hari", "en": "Counts its days"}
    practice = effect = {"id": "-", "en": "-"}
    mechanisms = levers = ()

    def __init__(self, **params):
        super().__init__(**params)
        self.days_seen: list = []

    def on_day(self, levers):
        self.days_seen.append(levers.today)


def test_a_strategy_object_given_to_several_runs_carries_no_state_between_them():
    counter = CountsItsDays()
    models = [sim.build_model("desa_demo", strategies=[counter], seed=1) for _ in range(2)]
    for model in models:
        model.run()
    seen = [model.strategies[0].days_seen for model in models]
    assert seen[0] == seen[1] and len(seen[0]) == len(models[0].timeline)
    assert counter.days_seen == []  # the caller's object is never the one that runs


def test_the_unit_roster_is_the_models_agentset_of_units_in_arrays():
    from sim.scenario.schema import SecurityKind

    model = sim.build_model("desa_demo", seed=2)
    model.levers.add_units(SecurityKind.POLICE, 45, 30, 1)  # a reserve joins mid-run
    units = model.units
    assert model.roster.units == list(units)
    assert model.roster.ids.tolist() == units.get("unique_id")
    assert model.roster.station.tolist() == units.get("station")
    assert model.roster.strength.tolist() == units.get("effective_personnel")
