"""Strategies against hoaxes: counter-hoax communication and cyber patrol.

Both act on the rumour mechanism (Maki-Thompson 1973, sim.model.mechanisms.rumor),
at the two points the Indonesian practice works on: before a hoax spreads
(fewer seed accounts, content taken down) and after it is believed
(clarification through trusted channels, prebunking).
"""

from __future__ import annotations

import math

from pydantic import Field

from sim.strategies import rates
from sim.strategies.base import Cost, Strategy, StrategyParams, calendar_days


class CounterHoaxCampaign(Strategy):
    """Clarify hoaxes fast through trusted channels, so believers turn back.

    Acts on the rumour mechanism: a share ``reach * coverage`` of believers is
    reached by a clarification each day (``rumor.clarification_per_day``), and
    people who hear a hoax believe it less often (``rumor.belief_probability``
    times ``1 - prebunking * coverage``). Staff scale with the voters covered.
    """

    name = "counter_hoax"
    title = {"id": "Komunikasi efektif dan klarifikasi hoaks",
             "en": "Effective communication and counter-hoax campaign"}
    practice = {
        "id": "Diskominfo, KPU dan Bawaslu menyebarkan klarifikasi resmi lewat grup WhatsApp, "
              "radio lokal dan tokoh masyarakat begitu hoaks beredar, dan membekali warga "
              "untuk mengenali hoaks sebelum beredar (prebunking).",
        "en": "The communications office, KPU and Bawaslu push official clarifications "
              "through WhatsApp groups, local radio and community leaders as soon as a hoax "
              "circulates, and teach residents to recognise hoaxes before they arrive "
              "(prebunking).",
    }
    effect = {
        "id": "Setiap hari sebagian penganut hoaks menerima klarifikasi dan berhenti percaya; "
              "warga yang mendengar hoaks lebih jarang mempercayainya.",
        "en": "Each day a share of hoax believers receives a clarification and stops "
              "believing; residents who hear a hoax believe it less often.",
    }
    mechanisms = ("rumor",)
    levers = ("parameters",)
    sources = (
        "Maki and Thompson (1973), Mathematical Models and Applications: the rumour process",
        "Kominfo: 379 election hoax issues, Jan 2023 - 18 Nov 2024",
    )
    budget_knob = "coverage"

    class Params(StrategyParams):
        reach: float = Field(
            0.2, ge=0, le=1,
            description="share of believers clarified per day at full coverage (estimate)")
        prebunking: float = Field(
            0.3, ge=0, le=1,
            description="relative drop in belief among those who hear a hoax (estimate)")
        coverage: float = Field(1.0, ge=0, le=1,
                                description="share of voters the campaign's channels reach")
        voters_per_staff: float = Field(
            20_000, gt=0, description="voters one communication staff member serves (estimate)")
        rupiah_per_staff_day: float = Field(rates.STAFF_DAY, ge=0,
                                            description=rates.STAFF_DAY_BASIS)

    def parameter_changes(self, scenario):
        p = self.params
        belief = scenario.rumor.belief_probability * (1.0 - p.prebunking * p.coverage)
        return {"rumor.clarification_per_day": p.reach * p.coverage,
                "rumor.belief_probability": belief}

    def cost(self, scenario):
        p = self.params
        staff = math.ceil(p.coverage * scenario.total_voters / p.voters_per_staff)
        staff_days = staff * calendar_days(scenario)
        return Cost(staff_days, staff_days * p.rupiah_per_staff_day,
                    f"{staff} staff x {calendar_days(scenario)} calendar days at "
                    f"Rp {p.rupiah_per_staff_day:,.0f} ({rates.STAFF_DAY_BASIS})")


class CyberPatrol(Strategy):
    """Police and Kominfo patrol social media: fewer hoax seeds, faster take-down.

    Acts on the rumour mechanism: each hoax wave starts with fewer spreaders
    (``rumor.seeds_per_wave`` times ``1 - seed_prevention * coverage``: accounts
    and groups flagged before the wave) and a share ``takedown * coverage`` of
    spreaders is silenced each day (``rumor.takedown_per_day``).
    """

    name = "cyber_patrol"
    title = {"id": "Patroli siber", "en": "Cyber patrol"}
    practice = {
        "id": "Tim siber Polres/Polda dan Diskominfo memantau media sosial dan grup "
              "percakapan, menandai akun penyebar hoaks, SARA dan provokasi, meminta "
              "penurunan konten, dan menindak pelanggar UU ITE.",
        "en": "Police and communications-office cyber teams monitor social media and chat "
              "groups, flag accounts spreading hoaxes, identity (SARA) content and "
              "provocation, request take-downs, and prosecute under the ITE law.",
    }
    effect = {
        "id": "Gelombang hoaks dimulai dari lebih sedikit penyebar, dan setiap hari sebagian "
              "penyebar dihentikan (konten diturunkan).",
        "en": "Hoax waves start from fewer spreaders, and each day a share of spreaders is "
              "silenced (content taken down).",
    }
    mechanisms = ("rumor",)
    levers = ("parameters",)
    sources = (
        "Maki and Thompson (1973): the rumour process the patrol interrupts",
        "Kominfo 2023: 2,882 election items flagged, 1,399 taken down (49%)",
        "Polres Kutim cyber patrols before the 2020 Pilkada (Kaltim Today, 14 Aug 2020)",
    )
    budget_knob = "coverage"

    class Params(StrategyParams):
        seed_prevention: float = Field(
            0.3, ge=0, le=1, description="share of a wave's seed spreaders stopped (estimate)")
        takedown: float = Field(
            0.25, ge=0, le=1,
            description="share of spreaders silenced per day at full coverage (estimate, "
                        "Kominfo took down 49% of flagged items in 2023)")
        coverage: float = Field(1.0, ge=0, le=1,
                                description="share of platforms and groups patrolled")
        officers: int = Field(8, ge=0, description="patrol officers at full coverage (estimate)")
        rupiah_per_officer_day: float = Field(rates.SECURITY_PERSON_DAY, ge=0,
                                              description=rates.SECURITY_PERSON_DAY_BASIS)
        monitoring_tools_rupiah: float = Field(
            50_000_000, ge=0,
            description="fixed: media-monitoring software and devices (estimate)")

    def parameter_changes(self, scenario):
        p = self.params
        seeds = scenario.rumor.seeds_per_wave * (1.0 - p.seed_prevention * p.coverage)
        return {"rumor.seeds_per_wave": max(1, round(seeds)),
                "rumor.takedown_per_day": p.takedown * p.coverage}

    def cost(self, scenario):
        p = self.params
        officer_days = p.officers * p.coverage * calendar_days(scenario)
        return Cost(officer_days,
                    p.monitoring_tools_rupiah + officer_days * p.rupiah_per_officer_day,
                    f"Rp {p.monitoring_tools_rupiah:,.0f} tools (estimate) + {p.officers} "
                    f"officers x coverage x {calendar_days(scenario)} days at "
                    f"Rp {p.rupiah_per_officer_day:,.0f} ({rates.SECURITY_PERSON_DAY_BASIS})")
