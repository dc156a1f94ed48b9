"""Training of officials and security personnel (Bimtek): de-escalation and communication."""

from __future__ import annotations

import math

from pydantic import Field

from sim.scenario.schema import LEADER_ROLES, OfficialRole, SecurityKind
from sim.strategies import rates
from sim.strategies.base import Cost, Strategy, StrategyParams

RESPONDER_KINDS = (SecurityKind.POLICE, SecurityKind.MILITARY)
MEDIATING_ROLES = LEADER_ROLES | {OfficialRole.PEMDA}


def trainee_pool(scenario) -> int:
    """Police and military personnel plus leaders and local-government officials."""
    forces = scenario.security.forces
    given = sum(f.personnel for f in forces)
    scale = (scenario.security.personnel / given
             if scenario.security.personnel is not None and given else 1.0)
    security = sum(f.personnel for f in forces if f.kind in RESPONDER_KINDS) * scale
    mediators = sum(o.count for o in scenario.officials if o.role in MEDIATING_ROLES)
    return round(security + mediators)


class BimtekTraining(Strategy):
    """Technical training (Bimtek) in conflict mitigation for officers and officials.

    Better de-escalation: ``policing.deescalation_skill`` moves a
    ``trained_share`` of the way to ``skill_after``, so force at clashes
    backfires less often (backlash probability times 1 - skill). Better
    communication: mediation removes more tension and anger per voter reached
    (``mediation.tension_reduction`` and ``anger_reduction`` times
    ``1 + communication_gain * trained_share``).
    """

    name = "bimtek_training"
    title = {"id": "Bimbingan teknis (Bimtek) mitigasi konflik bagi aparat dan penyelenggara",
             "en": "Conflict-mitigation training (Bimtek) for security personnel and officials"}
    practice = {
        "id": "Pelatihan beberapa hari tentang teknik mitigasi konflik, komunikasi efektif dan "
              "simulasi penanganan gangguan keamanan, seperti Bimtek Pemkab Kutai Timur "
              "27-31 Oktober 2024 di Samarinda.",
        "en": "A few days' training in conflict-mitigation techniques, effective "
              "communication and simulated handling of security disturbances, like Kutai "
              "Timur's Bimtek of 27-31 October 2024 in Samarinda.",
    }
    effect = {
        "id": "Aparat lebih terampil meredakan situasi, sehingga tindakan keras lebih jarang "
              "memicu balasan; dialog tokoh dan pemda lebih efektif.",
        "en": "Officers de-escalate better, so force backfires less often; leaders' and local "
              "government's dialogue works better.",
    }
    mechanisms = ("policing", "mediation")
    levers = ("parameters",)
    sources = (
        "Kutai Timur Bimtek 'Mitigasi dan Penanganan Konflik Sosial pada Penyelenggaraan "
        "Pilkada 2024', 27-31 Oct 2024 (Selasar, 29 Oct 2024)",
        "Epstein (2002) with backlash: force that backfires lowers legitimacy",
    )
    budget_knob = "trained_share"

    class Params(StrategyParams):
        trained_share: float = Field(
            0.3, ge=0, le=1,
            description="share of police, military, leaders and pemda officials trained")
        skill_after: float = Field(0.9, ge=0, le=1,
                                   description="de-escalation skill of a trained force "
                                               "(estimate)")
        communication_gain: float = Field(
            0.3, ge=0, description="relative gain in mediation per unit trained share "
                                   "(estimate)")
        training_days: int = Field(5, ge=1, description="days of training per participant")
        rupiah_per_trainee_day: float = Field(rates.TRAINEE_DAY, ge=0,
                                              description=rates.TRAINEE_DAY_BASIS)

    def parameter_changes(self, scenario):
        p, policing, mediation = self.params, scenario.policing, scenario.mediation
        skill = policing.deescalation_skill
        gain = 1.0 + p.communication_gain * p.trained_share
        return {
            "policing.deescalation_skill": skill + p.trained_share * max(0.0,
                                                                         p.skill_after - skill),
            "mediation.tension_reduction": min(1.0, mediation.tension_reduction * gain),
            "mediation.anger_reduction": min(1.0, mediation.anger_reduction * gain),
        }

    def cost(self, scenario):
        p = self.params
        trainees = math.ceil(p.trained_share * trainee_pool(scenario))
        days = trainees * p.training_days
        return Cost(days, days * p.rupiah_per_trainee_day,
                    f"{trainees} trainees x {p.training_days} days at "
                    f"Rp {p.rupiah_per_trainee_day:,.0f} ({rates.TRAINEE_DAY_BASIS})")
