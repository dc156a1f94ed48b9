"""Effective communication and counter-hoax campaigns (komunikasi efektif, klarifikasi hoaks)."""

from __future__ import annotations

from pydantic import Field

from sim.strategies.base import Cost, Strategy, StrategyParams


class CounterHoaxCampaign(Strategy):
    """Clarify hoaxes fast through trusted channels, so believers turn back.

    Acts on the rumour mechanism: a share `reach` of believers is reached by a
    clarification each day (`rumor.clarification_per_day`), and people who hear
    a hoax believe it less often (`rumor.belief_probability` times
    1 - `prebunking`).
    """

    name = "counter_hoax"
    title = {"id": "Komunikasi efektif dan klarifikasi hoaks",
             "en": "Effective communication and counter-hoax campaign"}
    practice = {
        "id": "Diskominfo, KPU dan Bawaslu menyebarkan klarifikasi resmi lewat grup WhatsApp, "
              "radio lokal dan tokoh masyarakat begitu hoaks beredar.",
        "en": "The communications office, KPU and Bawaslu push official clarifications "
              "through WhatsApp groups, local radio and community leaders as soon as a hoax "
              "circulates.",
    }
    mechanisms = ("rumor",)
    levers = ("parameters",)
    sources = ("Kominfo counted 379 election hoax issues Jan 2023 - Nov 2024",)

    class Params(StrategyParams):
        reach: float = Field(0.2, ge=0, le=1, description="share of believers clarified per day")
        prebunking: float = Field(0.3, ge=0, le=1,
                                  description="relative drop in belief among those who hear it")
        staff: int = Field(20, ge=0, description="communication staff, people")
        rupiah_per_staff_day: float = Field(
            350_000, ge=0, description="estimate: daily allowance and airtime per staff member")

    def parameter_changes(self, scenario):
        belief = scenario.rumor.belief_probability * (1.0 - self.params.prebunking)
        return {"rumor.clarification_per_day": self.params.reach,
                "rumor.belief_probability": belief}

    def cost(self, scenario):
        days = (scenario.calendar.dispute_end - scenario.calendar.campaign_start).days + 1
        staff_days = self.params.staff * days
        return Cost(staff_days, staff_days * self.params.rupiah_per_staff_day,
                    "estimate: staff x calendar days x daily allowance and airtime")
