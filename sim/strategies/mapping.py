"""Conflict-potential mapping (pemetaan potensi konflik) and deployment by risk."""

from __future__ import annotations

import numpy as np
from pydantic import Field

from sim.strategies import rates
from sim.strategies.base import Cost, Strategy, StrategyParams
from sim.strategies.vulnerability import vulnerability_index


class ConflictMapping(Strategy):
    """Map vulnerability per community, then station units and leaders' effort by risk.

    The map is ``vulnerability_index`` (IKP-like, four dimensions). Each
    community's weight is its voters times ``(index / 100) ** risk_emphasis``;
    police and military units are re-based so their personnel follow the
    weights (``risk_emphasis = 0`` spreads them by voters alone), and a
    ``leader_share`` of the leaders' dialogue effort moves the same way.
    Presence deters where risk is (Epstein 2002) and is near when a crowd
    forms (Davies et al. 2013).
    """

    name = "conflict_mapping"
    title = {"id": "Pemetaan potensi konflik dan penempatan berbasis risiko",
             "en": "Conflict-potential mapping and targeted deployment"}
    practice = {
        "id": "Kesbangpol, Polres dan Bawaslu memetakan kerawanan tiap desa/kecamatan "
              "(seperti Indeks Kerawanan Pemilu Bawaslu) lalu menempatkan pasukan dan "
              "kegiatan tokoh masyarakat menurut tingkat rawan, bukan merata.",
        "en": "Kesbangpol, the police and Bawaslu map vulnerability village by village (like "
              "Bawaslu's election-vulnerability index, IKP), then place units and leaders' "
              "work by risk instead of evenly.",
    }
    effect = {
        "id": "Unit Polri/TNI dipindahkan ke wilayah dengan indeks kerawanan tertinggi, dan "
              "sebagian kegiatan dialog tokoh ikut dialihkan ke sana.",
        "en": "Police and military units move to the communities with the highest "
              "vulnerability index, and part of the leaders' dialogue effort follows.",
    }
    mechanisms = ("policing", "grievance", "mediation")
    levers = ("placement",)
    sources = (
        "Bawaslu IKP 2024: four dimensions, 12 sub-dimensions, 61 indicators",
        "Lim, Metzler and Bar-Yam (2007), Science 317:1540: where identity boundaries matter",
        "Kutai Timur Bimtek, 27-31 Oct 2024: mapping conflict potential as the first step",
    )

    class Params(StrategyParams):
        risk_emphasis: float = Field(
            2.0, ge=0, description="exponent on the index in the placement weights "
                                   "(0 = by voters alone; estimate)")
        unit_share: float = Field(
            0.5, ge=0, le=1,
            description="share of police and military personnel re-stationed by risk; the "
                        "rest stays where it is, e.g. the district reserve (estimate)")
        leader_share: float = Field(
            0.3, ge=0, le=1,
            description="share of leaders' dialogue effort moved by risk (estimate)")
        surveyors_per_community: int = Field(2, ge=0, description="mapping surveyors")
        survey_days: int = Field(10, ge=0, description="field days of the mapping")
        rupiah_per_surveyor_day: float = Field(rates.SURVEYOR_DAY, ge=0,
                                               description=rates.SURVEYOR_DAY_BASIS)

    def weights(self, scenario) -> np.ndarray:
        """Placement weight per community: voters times the index to the emphasis."""
        risk = vulnerability_index(scenario)
        return risk["voters"].to_numpy(float) * (
            risk["total"].to_numpy() / 100.0) ** self.params.risk_emphasis

    def prepare(self, levers):
        weights = self.weights(levers.scenario)
        levers.station_by_weight(weights, self.params.unit_share)
        levers.retarget_leaders(weights, self.params.leader_share)

    def cost(self, scenario):
        p = self.params
        days = p.surveyors_per_community * len(scenario.communities) * p.survey_days
        return Cost(days, days * p.rupiah_per_surveyor_day,
                    f"{p.surveyors_per_community} surveyors x {len(scenario.communities)} "
                    f"communities x {p.survey_days} days at Rp {p.rupiah_per_surveyor_day:,.0f} "
                    f"({rates.SURVEYOR_DAY_BASIS})")
