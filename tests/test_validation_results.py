"""Each published result the model stands on, reproduced at the quick size (docs/validation.md)."""

import functools

import pytest

from sim.model.mechanisms.rumor import final_ignorant_share
from sim.validation import bundled_specs, run_spec
from sim.validation.face_validity import FaceValidityParams, kutim_baseline
from sim.validation.result import Verdict
from sim.validation.rumour_limit import MakiThompsonParams, never_reached


@functools.cache
def quick(name: str):
    return run_spec(bundled_specs()[name], "quick")


def assert_passes(name: str) -> None:
    verdict = quick(name).verdict
    assert verdict.status == "PASS", verdict.line()


def test_epstein_outbursts_punctuate_long_quiet_spells():
    assert_passes("epstein_punctuated_equilibrium")


def test_epstein_continuous_ratio_removes_the_outbursts():
    assert_passes("epstein_continuous_ratio")


def test_epstein_sudden_legitimacy_drop_sets_off_a_larger_outburst_than_a_gradual_one():
    assert_passes("epstein_legitimacy_drop")


def test_epstein_cutting_cops_has_a_threshold_effect():
    assert_passes("epstein_cop_threshold")


def test_epstein_active_share_never_exceeds_one_minus_t_over_one_minus_l():
    assert_passes("epstein_active_bound")


def test_maki_thompson_never_reached_share_tends_to_0_2032():
    assert_passes("maki_thompson_limit")


def test_synchronous_rumour_rounds_overshoot_maki_thompson():
    params = MakiThompsonParams(replications=3, voters=[20_000], substeps=[1])
    verdict = Verdict("sync", "", "", "", "quick", 3)
    share = never_reached(params, verdict).panels[0].series[0].y[0]
    assert share < final_ignorant_share(1.0) - 0.02


def test_more_police_lower_riot_severity_with_a_sharp_transition():
    assert_passes("davies_police_numbers")


def test_faster_police_response_lowers_riot_severity():
    assert_passes("davies_response_speed")


def test_violence_peaks_where_single_group_patches_are_of_intermediate_size():
    assert_passes("lim_intermediate_patches")


def test_kutai_timur_baseline_resembles_the_2024_pilkada():
    verdict = quick("kutim_face_validity").verdict
    if verdict.status == "SKIP":
        pytest.skip(verdict.skipped)
    assert verdict.status == "PASS", verdict.line()


def test_every_verdict_shows_its_published_figure_and_an_interval():
    for name in bundled_specs():
        for measure in quick(name).verdict.measures:
            assert measure.published
            assert measure.low <= measure.value <= measure.high, measure.text()


def test_face_validity_sets_turnout_share_and_riots_beside_the_real_2024_figures():
    params = FaceValidityParams(scenario="desa_demo", replications=1)
    verdict = kutim_baseline(params, Verdict("face", "", "", "", "quick", 1)).verdict
    published = [m.published for m in verdict.measures]
    assert published == ["0.6803", "0.5297", "0 (no major violence reported)"]
    assert 0.3 < verdict.measures[0].value < 0.9


def test_face_validity_is_skipped_with_its_reason_while_the_scenario_is_missing():
    params = FaceValidityParams(scenario="no_such_regency", replications=1)
    verdict = kutim_baseline(params, Verdict("face", "", "", "", "quick", 1)).verdict
    assert verdict.status == "SKIP" and "no_such_regency" in verdict.skipped


def test_east_kalimantan_regions_rank_like_bawaslus_vulnerability_index():
    assert_passes("kaltim_ikp_ranking")
