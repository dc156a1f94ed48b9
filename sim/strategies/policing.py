"""Security strategies: joint command post, early warning, and polling-station security.

All three act on policing (sim.model.mechanisms.policing): presence deters
through Epstein's arrest probability, and officers on site or arriving soon
keep a crowd below the size at which it becomes a riot (Davies et al. 2013,
Sci. Rep. 3:1303: more police and a faster response lower severity).
"""

from __future__ import annotations

from collections import deque

import numpy as np
from pydantic import Field

from sim.strategies import rates
from sim.strategies.base import Cost, Strategy, StrategyParams, calendar_days
from sim.strategies.vulnerability import coverage_by_risk


class Reinforcements:
    """Temporary deployments: reserve units sent to a community, recalled after some days."""

    def __init__(self):
        self.days_left: dict[int, int] = {}
        self.units: dict[int, list[int]] = {}

    def send(self, levers, community: int, personnel: float, days: int) -> None:
        """Send reserves to `community` (once), or extend their stay there."""
        if community not in self.days_left:
            self.units[community] = levers.deploy_reserve(community, personnel)
        self.days_left[community] = days

    def count_down(self, levers) -> None:
        """One day passes; reserves whose stay is over go back to their bases."""
        for community in list(self.days_left):
            self.days_left[community] -= 1
            if self.days_left[community] <= 0:
                levers.recall(self.units.pop(community))
                del self.days_left[community]


class JointCommandPost(Strategy):
    """Forkopimda's joint command post: one room, one picture, faster dispatch.

    Shorter response: the coordination delay between an incident and the
    dispatch of the nearest unit falls to ``response_delay_hours``, so crowds
    have less time to grow (Davies et al. 2013). Shared information: every
    morning the post reads yesterday's situation reports and sends
    ``reinforcement_personnel`` from the reserve to each community that had a
    clash or riot, for ``hold_days`` days.
    """

    name = "joint_command_post"
    title = {"id": "Posko terpadu Forkopimda", "en": "Joint command post of the Forkopimda"}
    practice = {
        "id": "Bupati, Kapolres, Dandim, Kejaksaan, Pengadilan, DPRD, KPU dan Bawaslu membuka "
              "posko bersama selama tahapan: laporan situasi harian, keputusan pengerahan "
              "satu pintu, dan pergeseran pasukan cadangan ke titik yang memanas.",
        "en": "The regent, police and military commanders, prosecutor, court, DPRD, KPU and "
              "Bawaslu run a joint post through the calendar: daily situation reports, one "
              "chain of dispatch, and reserves moved to where trouble flared.",
    }
    effect = {
        "id": "Waktu tanggap ke insiden lebih singkat; wilayah yang kemarin mengalami bentrokan "
              "mendapat pasukan cadangan selama beberapa hari.",
        "en": "Shorter response to incidents; communities that had a clash yesterday get "
              "reserve units for a few days.",
    }
    mechanisms = ("policing", "clash")
    levers = ("parameters", "daily policy")
    sources = (
        "Davies, Fry, Wilson and Bishop (2013), Sci. Rep. 3:1303: a faster response lowers "
        "severity",
        "Kutai Timur Forkopimda-Forkopimcam coordination, 30 Oct 2024",
    )

    class Params(StrategyParams):
        response_delay_hours: float = Field(
            1.0, ge=0, description="coordination delay from incident to dispatch, hours "
                                   "(estimate)")
        reinforcement_personnel: float = Field(
            30, ge=0, description="reserve personnel sent after a clash or riot (a platoon)")
        hold_days: int = Field(3, ge=1, description="days reinforcements stay")
        staff: int = Field(12, ge=0,
                           description="post staff on duty each day, all agencies (estimate)")
        rupiah_per_staff_day: float = Field(rates.STAFF_DAY, ge=0,
                                            description=rates.STAFF_DAY_BASIS)

    def parameter_changes(self, scenario):
        current = scenario.security.response_delay_hours
        return {"security.response_delay_hours": min(current, self.params.response_delay_hours)}

    def prepare(self, levers):
        self.reinforcements = Reinforcements()

    def on_day(self, levers):
        self.reinforcements.count_down(levers)
        if self.params.reinforcement_personnel == 0:
            return
        for community in np.flatnonzero(levers.reported_incidents("clash")):
            self.reinforcements.send(levers, int(community),
                                     self.params.reinforcement_personnel, self.params.hold_days)

    def cost(self, scenario):
        p = self.params
        staff_days = p.staff * calendar_days(scenario)
        return Cost(staff_days, staff_days * p.rupiah_per_staff_day,
                    f"{p.staff} staff x {calendar_days(scenario)} days at "
                    f"Rp {p.rupiah_per_staff_day:,.0f} ({rates.STAFF_DAY_BASIS}); "
                    f"reinforcements come from forces already paid")


class EarlyWarning(Strategy):
    """Village monitors report rising tension; reserves deploy before violence starts.

    Monitored communities (riskiest first, ``coverage`` of voters) report their
    tension every day with noise ``report_noise`` and a delay of
    ``reporting_delay_days``. Where a report exceeds ``alert_tension``,
    ``deploy_personnel`` reserve personnel move there and stay while alerts
    continue, then ``hold_days`` more. Their presence deters activation
    (Epstein's arrest probability) and contains crowds on site.
    """

    name = "early_warning"
    title = {"id": "Sistem peringatan dini", "en": "Early-warning system"}
    practice = {
        "id": "Forum Kewaspadaan Dini Masyarakat (FKDM), Bhabinkamtibmas, Babinsa dan kepala "
              "desa melaporkan gejala ketegangan ke Kesbangpol dan Polres; laporan di atas "
              "ambang memicu pengerahan pasukan dan dialog sebelum pecah insiden.",
        "en": "Community early-awareness forums (FKDM), village police and military liaison "
              "officers and village heads report signs of tension to Kesbangpol and the "
              "police; a report above the threshold triggers deployment before incidents.",
    }
    effect = {
        "id": "Wilayah yang dilaporkan memanas mendapat pasukan cadangan lebih awal, sehingga "
              "lebih sedikit warga ikut aktif dan kerumunan lebih cepat dikendalikan.",
        "en": "Communities reported as heating up get reserve units early, so fewer "
              "residents turn active and crowds are contained sooner.",
    }
    mechanisms = ("policing", "grievance", "clash")
    levers = ("observation", "daily policy")
    sources = (
        "UU 7/2012 on handling social conflict: early warning as prevention",
        "Permendagri 46/2019 on regional early awareness (FKDM)",
        "Epstein (2002): visible police lower activation",
    )
    budget_knob = "coverage"

    class Params(StrategyParams):
        alert_tension: float = Field(0.15, ge=0, le=1,
                                     description="reported tension that raises an alert")
        reporting_delay_days: int = Field(1, ge=0, description="days from a sign to a report")
        report_noise: float = Field(0.03, ge=0, le=1,
                                    description="reporting error, s.d. in tension units "
                                                "(estimate)")
        deploy_personnel: float = Field(30, ge=0, description="personnel sent on an alert")
        hold_days: int = Field(5, ge=1, description="days they stay after the last alert")
        coverage: float = Field(1.0, ge=0, le=1,
                                description="share of voters in monitored communities")
        monitors_per_10k_voters: float = Field(5.0, ge=0,
                                               description="village monitors (estimate)")
        rupiah_per_monitor_day: float = Field(rates.MONITOR_DAY, ge=0,
                                              description=rates.MONITOR_DAY_BASIS)
        setup_rupiah: float = Field(25_000_000, ge=0,
                                    description="fixed: training monitors, hotline (estimate)")

    def prepare(self, levers):
        self.monitored = coverage_by_risk(levers.scenario, self.params.coverage) > 0
        self.reports: deque[np.ndarray] = deque(maxlen=self.params.reporting_delay_days + 1)
        self.reinforcements = Reinforcements()

    def on_day(self, levers):
        p = self.params
        self.reinforcements.count_down(levers)
        self.reports.append(levers.reported_tension(p.report_noise))
        if len(self.reports) <= p.reporting_delay_days:
            return
        reported = self.reports[0]
        alerted = np.flatnonzero(self.monitored & (reported > p.alert_tension))
        # The tensest community gets the nearest reserves first.
        for community in alerted[np.argsort(-reported[alerted], kind="stable")]:
            self.reinforcements.send(levers, int(community), p.deploy_personnel, p.hold_days)

    def cost(self, scenario):
        p = self.params
        monitors = p.monitors_per_10k_voters * scenario.total_voters / 10_000 * p.coverage
        days = monitors * calendar_days(scenario)
        return Cost(days, p.setup_rupiah + days * p.rupiah_per_monitor_day,
                    f"Rp {p.setup_rupiah:,.0f} set-up (estimate) + {monitors:,.1f} monitors x "
                    f"{calendar_days(scenario)} days at Rp {p.rupiah_per_monitor_day:,.0f} "
                    f"({rates.MONITOR_DAY_BASIS}); deployments use forces already paid")


class TpsSecurity(Strategy):
    """Extra officers at polling stations on voting and counting days, riskiest first.

    On voting day and the day after, every guarded TPS has ``officers_per_tps``
    more officers. TPS are guarded in the communities with the highest
    vulnerability index first, until ``coverage`` of voters vote at a guarded
    TPS. Officers present deter (Epstein) and contain crowds (Davies et al.).
    """

    name = "tps_security"
    title = {"id": "Pengamanan TPS", "en": "Polling-station security"}
    practice = {
        "id": "Operasi kepolisian (Mantap Praja) menempatkan personel Polri, TNI dan Linmas di "
              "TPS pada hari pemungutan dan penghitungan suara, lebih banyak di TPS rawan.",
        "en": "The police election operation (Mantap Praja) posts police, military and "
              "Linmas at polling stations on voting and counting days, more at vulnerable "
              "stations.",
    }
    effect = {
        "id": "Pada hari pemungutan dan penghitungan suara, TPS di wilayah paling rawan "
              "dijaga personel tambahan.",
        "en": "On voting and counting days, polling stations in the riskiest communities get "
              "extra officers.",
    }
    mechanisms = ("policing", "grievance", "clash")
    levers = ("placement",)
    sources = (
        "Polres Kutim, 30 Oct 2024: 171 vulnerable TPS of 701, at least two personnel each",
        "Pemilu Feb 2024 practice: 3-4 officers at very-high-risk TPS, one per 5-8 low-risk TPS",
        "Davies et al. (2013): officers on site contain crowds",
    )
    budget_knob = "coverage"
    COUNTING_DAYS = 2  # voting day and the day after (the model's counting days)

    class Params(StrategyParams):
        officers_per_tps: float = Field(2.0, ge=0,
                                        description="extra officers per guarded TPS")
        coverage: float = Field(
            171 / 701, ge=0, le=1,
            description="share of voters at guarded TPS, riskiest first (Kutim 2024: 171 of "
                        "701 TPS)")
        rupiah_per_officer_day: float = Field(rates.SECURITY_PERSON_DAY, ge=0,
                                              description=rates.SECURITY_PERSON_DAY_BASIS)

    def guards_per_tps(self, scenario) -> np.ndarray:
        """Extra officers per TPS in each community (a share of its TPS guarded)."""
        return self.params.officers_per_tps * coverage_by_risk(scenario, self.params.coverage)

    def prepare(self, levers):
        levers.guard_polling_stations(self.guards_per_tps(levers.scenario))

    def cost(self, scenario):
        p = self.params
        tps = np.array([c.tps for c in scenario.communities])
        officers = float(self.guards_per_tps(scenario) @ tps)
        days = officers * self.COUNTING_DAYS
        return Cost(days, days * p.rupiah_per_officer_day,
                    f"{officers:,.0f} officers x {self.COUNTING_DAYS} days at "
                    f"Rp {p.rupiah_per_officer_day:,.0f} ({rates.SECURITY_PERSON_DAY_BASIS})")
