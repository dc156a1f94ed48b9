"""The validation checks by name, and running one experiment file."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from sim.validation import (
    civil_violence,
    docking,
    face_validity,
    identity_patches,
    pilkada_outbursts,
    province_ranking,
    riot_policing,
    rumour_limit,
)
from sim.validation.result import CheckResult, Verdict
from sim.validation.spec import CheckParams, Size, ValidationSpec


@dataclass(frozen=True)
class Check:
    """A check: its parameter schema and the function that runs it."""

    Params: type[CheckParams]
    run: Callable[[CheckParams, Verdict], CheckResult]


CHECKS: dict[str, Check] = {
    "epstein_punctuated": Check(civil_violence.PunctuatedParams, civil_violence.punctuated),
    "epstein_legitimacy_drop": Check(civil_violence.LegitimacyDropParams,
                                     civil_violence.legitimacy_drop),
    "epstein_cop_threshold": Check(civil_violence.CopThresholdParams,
                                   civil_violence.cop_threshold),
    "epstein_continuous_ratio": Check(civil_violence.OutburstParams,
                                      civil_violence.continuous_ratio),
    "epstein_docking": Check(docking.DockingParams, docking.epstein_docking),
    "epstein_activation_order": Check(pilkada_outbursts.OrderParams,
                                      pilkada_outbursts.activation_order),
    "maki_thompson_limit": Check(rumour_limit.MakiThompsonParams, rumour_limit.never_reached),
    "davies_police_numbers": Check(riot_policing.PoliceNumbersParams,
                                   riot_policing.police_numbers),
    "davies_response_speed": Check(riot_policing.ResponseSpeedParams,
                                   riot_policing.response_speed),
    "lim_intermediate_patches": Check(identity_patches.PatchParams, identity_patches.patches),
    "kutim_face_validity": Check(face_validity.FaceValidityParams, face_validity.kutim_baseline),
    "kaltim_ikp_ranking": Check(province_ranking.RankingParams, province_ranking.ikp_ranking),
}


def check_named(name: str) -> Check:
    return CHECKS[name]


def run_spec(spec: ValidationSpec, size: Size = "full",
             replications: int | None = None) -> CheckResult:
    """Run one experiment at `size`: its verdict (with the time it took) and its figure panels.

    Examples
    --------
    >>> from sim.validation.spec import bundled_specs
    >>> result = run_spec(bundled_specs()["epstein_docking"], "quick", replications=2)
    >>> result.verdict.null
    'the Pilkada model and the reference world turn different citizens active'
    """
    params = spec.params(size, replications)
    verdict = Verdict(name=spec.name, title=spec.title, source=spec.source,
                      published=spec.published, size=size, replications=params.replications,
                      null=spec.null)
    started = time.perf_counter()
    result = CHECKS[spec.check].run(params, verdict)
    result.verdict.seconds = round(time.perf_counter() - started, 2)
    return result
