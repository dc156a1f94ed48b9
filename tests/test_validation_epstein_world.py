"""The spatial Epstein Model I used for validation follows Epstein's rules exactly."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.validation.epstein import EpsteinWorld, epstein_params, vision_table


def small_world(seed: int, **changes) -> EpsteinWorld:
    params = epstein_params("netlogo", width=12, height=12, vision=3, **changes)
    return EpsteinWorld(params, np.random.default_rng(seed))


def test_netlogo_defaults_put_1120_citizens_and_64_cops_on_a_40_by_40_torus():
    world = EpsteinWorld(epstein_params("netlogo"), np.random.default_rng(0))
    assert (world.cit_cell.size, world.cop_cell.size) == (1120, 64)


def test_mesa_preset_uses_mesas_cop_density_legitimacy_jail_and_rounding():
    params = epstein_params("mesa")
    assert (params.cop_density, params.legitimacy, params.max_jail, params.rounding) == (
        0.074, 0.8, 1000, "round")


def test_vision_is_netlogos_disc_or_mesas_diamond_on_the_torus():
    disc = vision_table(40, 40, 7, "disc")
    diamond = vision_table(40, 40, 7, "diamond")
    assert disc.shape == (1600, 149) and diamond.shape == (1600, 113)
    assert all(np.unique(row).size == row.size for row in disc)
    corner = set(vision_table(40, 40, 1, "square")[0])
    assert corner == {0, 1, 39, 40, 41, 79, 1560, 1561, 1599}


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000), cops=st.floats(0.0, 0.2), legitimacy=st.floats(0.3, 1.0))
def test_movers_only_take_free_cells_and_the_jailed_stay_quiet(seed, cops, legitimacy):
    world = small_world(seed, cop_density=cops, legitimacy=legitimacy, citizen_density=0.6)
    for _ in range(10):
        world.step()
        blocked = world._blocked()
        movers = np.concatenate([world.cit_cell[world.jail == 0], world.cop_cell])
        moved = world._move(movers)
        changed = moved != movers
        assert not blocked[moved[changed]].any()
        assert np.unique(moved[changed]).size == changed.sum()
        assert not world.active[world.jail > 0].any()
        assert ((world.jail >= 0) & (world.jail < world.p.max_jail)).all()


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000), legitimacy=st.floats(0.0, 0.99))
def test_without_cops_exactly_those_with_grievance_above_threshold_are_active(seed, legitimacy):
    world = small_world(seed, cop_density=0.0, legitimacy=legitimacy)
    world.step()
    expected = world.hardship * (1 - legitimacy) > world.p.threshold
    assert np.array_equal(world.active, expected)


def test_full_legitimacy_leaves_everyone_quiet():
    run = small_world(3, legitimacy=1.0).run(30)
    assert run.active.max() == 0


def test_a_cop_next_to_a_lone_active_citizen_arrests_it():
    world = small_world(0, citizen_density=0.0, cop_density=0.0)
    world.cit_cell = np.array([0])
    world.hardship, world.risk_aversion = np.array([1.0]), np.array([0.0])
    world.active, world.jail = np.array([True]), np.array([0])
    world.cop_cell = np.array([1])
    arrests = world._enforce(np.array([0]))
    assert arrests == 1 and not world.active[0] and world.cop_cell[0] == 0
