"""Strategies of trust: leaders' dialogue and supervision of officials' neutrality.

Dialogue adds mediators to the mediation mechanism (sim.model.mechanisms.mediation),
which lowers tension and anger in proportion to the share of voters reached.
Neutrality supervision acts on the same module's breaches of neutrality,
which lower legitimacy and so raise Epstein's grievance G = H (1 - L).
"""

from __future__ import annotations

from pydantic import Field

from sim.strategies import rates
from sim.strategies.base import Cost, Strategy, StrategyParams, calendar_days
from sim.strategies.vulnerability import coverage_by_risk


class LeadersDialogue(Strategy):
    """Community, religious and adat leaders hold dialogue between rival camps.

    Adds ``leaders_per_10k_voters`` mediators per 10,000 voters to the
    communities covered, riskiest first (by the vulnerability index) until
    ``coverage`` of all voters live in covered communities. Each mediator
    reaches ``mediation.reach_per_leader`` voters a day; where everyone is
    reached, tension and anger fall by ``mediation.tension_reduction`` and
    ``mediation.anger_reduction`` each day.
    """

    name = "leaders_dialogue"
    title = {"id": "Dialog tokoh masyarakat, agama dan adat (FKUB)",
             "en": "Community, religious and adat leaders' dialogue (FKUB)"}
    practice = {
        "id": "Forum Kerukunan Umat Beragama (FKUB), tokoh adat dan tokoh masyarakat "
              "mempertemukan pendukung pasangan calon, menyampaikan seruan damai, dan "
              "menengahi ketegangan di desa sepanjang tahapan Pilkada.",
        "en": "The religious-harmony forum (FKUB), adat and community leaders bring rival "
              "supporters together, call for peace, and mediate village tensions throughout "
              "the Pilkada calendar.",
    }
    effect = {
        "id": "Menambah mediator di wilayah yang dijangkau (paling rawan lebih dulu); "
              "ketegangan dan kemarahan turun sebanding dengan bagian pemilih yang dijangkau.",
        "en": "Adds mediators to the communities covered (riskiest first); tension and anger "
              "fall in proportion to the share of voters reached.",
    }
    mechanisms = ("mediation",)
    levers = ("placement",)
    sources = (
        "Peraturan Bersama Menteri Agama dan Mendagri 9 & 8/2006: FKUB in every regency",
        "Kutai Timur Forkopimda-Forkopimcam coordination, 30 Oct 2024: tokoh masyarakat "
        "named as partners",
    )
    budget_knob = "coverage"

    class Params(StrategyParams):
        leaders_per_10k_voters: float = Field(
            10.0, ge=0, description="extra mediators per 10,000 voters covered (estimate)")
        coverage: float = Field(1.0, ge=0, le=1,
                                description="share of voters in covered communities")
        rupiah_per_leader_day: float = Field(rates.LEADER_DAY, ge=0,
                                             description=rates.LEADER_DAY_BASIS)

    def mediators(self, scenario) -> list[float]:
        """Extra mediators per community."""
        covered = coverage_by_risk(scenario, self.params.coverage)
        return [self.params.leaders_per_10k_voters * c.voters / 10_000 * share
                for c, share in zip(scenario.communities, covered, strict=True)]

    def prepare(self, levers):
        for community, mediators in enumerate(self.mediators(levers.scenario)):
            levers.add_mediators(community, mediators)

    def cost(self, scenario):
        p = self.params
        leaders = sum(self.mediators(scenario))
        leader_days = leaders * calendar_days(scenario)
        return Cost(leader_days, leader_days * p.rupiah_per_leader_day,
                    f"{leaders:,.1f} leaders x {calendar_days(scenario)} "
                    f"days at Rp {p.rupiah_per_leader_day:,.0f} ({rates.LEADER_DAY_BASIS})")


class NeutralitySupervision(Strategy):
    """Bawaslu and its ad hoc supervisors watch civil servants and officials for bias.

    Fewer breaches: the rate of endogenous non-neutrality events falls by
    ``deterrence * coverage`` (``mediation.non_neutral_events_per_official_day``).
    Weaker breaches: quick handling (warnings, recommendations to the civil
    service commission) cuts the legitimacy each breach costs, scheduled ones
    included, by ``remedy * coverage`` (``mediation.non_neutrality_legitimacy_loss``).
    """

    name = "neutrality_supervision"
    title = {"id": "Pengawasan netralitas ASN dan penyelenggara (Bawaslu)",
             "en": "Supervision of civil-servant and official neutrality (Bawaslu)"}
    practice = {
        "id": "Bawaslu, Panwascam dan pengawas TPS memantau keberpihakan ASN, kepala desa dan "
              "penyelenggara, menerima laporan warga, dan meneruskan pelanggaran ke KASN dan "
              "atasan yang berwenang.",
        "en": "Bawaslu, district and polling-station supervisors watch civil servants, "
              "village heads and organisers for partisanship, take residents' reports, and "
              "forward breaches to the civil-service commission (KASN) and superiors.",
    }
    effect = {
        "id": "Pelanggaran netralitas lebih jarang, dan setiap pelanggaran menggerus "
              "legitimasi lebih sedikit.",
        "en": "Neutrality breaches happen less often, and each breach erodes less legitimacy.",
    }
    mechanisms = ("mediation", "grievance")
    levers = ("parameters",)
    sources = (
        "UU 10/2016 art. 71 and UU 5/2014: neutrality of civil servants in Pilkada",
        "Kutai Timur Forkopimda, 30 Oct 2024: ASN neutrality named a main vulnerability",
        "Epstein (2002): lower legitimacy raises grievance",
    )
    budget_knob = "coverage"

    class Params(StrategyParams):
        deterrence: float = Field(
            0.5, ge=0, le=1,
            description="share of would-be breaches deterred at full coverage (estimate)")
        remedy: float = Field(
            0.5, ge=0, le=1,
            description="share of a breach's legitimacy loss avoided by quick handling "
                        "(estimate)")
        coverage: float = Field(1.0, ge=0, le=1,
                                description="share of officials under active supervision")
        supervisors_per_10k_voters: float = Field(
            1.0, ge=0, description="extra supervisors per 10,000 voters at full coverage "
                                   "(estimate)")
        rupiah_per_supervisor_day: float = Field(rates.SUPERVISOR_DAY, ge=0,
                                                 description=rates.SUPERVISOR_DAY_BASIS)

    def parameter_changes(self, scenario):
        p, m = self.params, scenario.mediation
        return {
            "mediation.non_neutral_events_per_official_day":
                m.non_neutral_events_per_official_day * (1.0 - p.deterrence * p.coverage),
            "mediation.non_neutrality_legitimacy_loss":
                m.non_neutrality_legitimacy_loss * (1.0 - p.remedy * p.coverage),
        }

    def cost(self, scenario):
        p = self.params
        supervisors = p.supervisors_per_10k_voters * scenario.total_voters / 10_000 * p.coverage
        days = supervisors * calendar_days(scenario)
        return Cost(days, days * p.rupiah_per_supervisor_day,
                    f"{supervisors:,.1f} supervisors x {calendar_days(scenario)} days at "
                    f"Rp {p.rupiah_per_supervisor_day:,.0f} ({rates.SUPERVISOR_DAY_BASIS})")
