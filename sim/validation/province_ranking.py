"""Face validity across a province: East Kalimantan's regions ranked by simulated risk
beside Bawaslu's published vulnerability index (IKP).

Bawaslu Kaltim's 2024 mapping (mid 2024; see scenarios/kaltim_2024.toml) put
Kutai Kartanegara first (44.28%), then Kutai Timur (24.28%), PPU (23.57%),
Balikpapan (22.85%), Berau (5.71%), Samarinda (3.57%) and four regions at 1.42%.
A July 2024 launch named Kukar and Kubar "high" instead: the sources disagree.

Every region gets the same stress (legitimacy lowered to `stress_legitimacy`,
the reserve held where it is, so that no placement by IKP leaks into the
answer) and is ranked by its mean incidents per 10,000 voters over the
replications. The agreement is Spearman's rho of that ranking with the IKP,
judged against a permutation null: the share of the 10! orderings of the
regions that agree at least as well (a random ranking of ten regions reaches
rho 0.48 about one time in twelve). It passes only if p < 0.05. The rho of
each replication is reported with its interval. The agreement is measured, not
tuned to: nothing in the model or the scenarios was changed to raise it.
"""

from __future__ import annotations

import numpy as np
from pydantic import Field
from scipy.stats import spearmanr

from sim.province.coordinator import run_province
from sim.province.loading import province_from_data
from sim.scenario import bundled_path, read_toml
from sim.validation.result import REPORTED, CheckResult, Measure, Panel, Series, Verdict
from sim.validation.spec import CheckParams
from sim.validation.stats import mean_interval, spearman_permutation

ALPHA = 0.05


class RankingParams(CheckParams):
    province: str = Field("kaltim_2024", description="bundled province file")
    scale: float = Field(20.0, ge=1, description="population.scale in every region")
    stress_legitimacy: float = Field(0.9, gt=0, le=1,
                                     description="grievance.legitimacy given to every region")
    permutations: int = Field(20_000, ge=100, description="for the permutation p-value")
    unrest: bool = Field(True, description="false: every region's incident and protest rates "
                                           "are 0, a broken model with no unrest at all")


def stressed_province(p: RankingParams):
    path = bundled_path(p.province)
    data = read_toml(path)
    for region in data["regions"]:
        region.setdefault("set", {})["grievance.legitimacy"] = p.stress_legitimacy
        if not p.unrest:
            region["set"] |= {"clash.incident_rate": 0.0, "clash.protest_rate": 0.0}
    data.setdefault("reserve", {})["plan"] = "hold"
    return province_from_data(data, path.parent, str(path), p.scale)


def ikp_ranking(p: RankingParams, verdict: Verdict) -> CheckResult:
    """Spearman correlation of simulated incidents per 10k voters with Bawaslu's IKP."""
    province = stressed_province(p)
    regions = [r for r in province.regions if r.entry.ikp is not None]
    ikp = np.array([r.entry.ikp for r in regions])
    risks, rhos = [], []
    for seed in p.seeds():
        outcomes = run_province(province, seed=int(seed.generate_state(1)[0])).region_outcomes
        risk = np.array([outcomes[r.name]["incidents_total"] / r.voters * 10_000
                         for r in regions])
        risks.append(risk)
        rhos.append(spearmanr(risk, ikp).statistic if np.ptp(risk) > 0 else 0.0)
    rho = mean_interval(np.nan_to_num(np.array(rhos)))
    mean_risk = np.mean(risks, axis=0)
    overall, pvalue = spearman_permutation(mean_risk, ikp, np.random.default_rng(p.seed),
                                           p.permutations)
    verdict.measures = [
        Measure(f"Spearman rho, mean simulated risk vs Bawaslu IKP (permutation p = "
                f"{pvalue:.3g})", overall, overall, overall, "IKP 2024 ranking (Kukar first)",
                f"rho > 0 with permutation p < {ALPHA}",
                bool(np.isfinite(overall) and pvalue < ALPHA),
                "the simulated ranking is unrelated to the IKP (any ordering of the regions "
                "as likely)"),
        Measure("Spearman rho per replication", *rho, "positive",
                f"{REPORTED}: spread over replications", True),
    ]
    order = np.argsort(-mean_risk)
    verdict.notes = [
        "simulated ranking (incidents per 10k voters under the same stress): "
        + ", ".join(f"{regions[i].name} {mean_risk[i]:.1f}" for i in order),
        "Bawaslu ranking: " + ", ".join(f"{regions[i].name} {ikp[i]:g}%"
                                         for i in np.argsort(-ikp, kind="stable")),
        "region sizes, ethnic mixes, hardship and support outside Kutai Timur are "
        "estimates in the scenario files: the agreement tests those estimates as much "
        "as the mechanisms",
    ]
    by_ikp = np.argsort(ikp, kind="stable")
    panels = [Panel("Regions: simulated risk against Bawaslu IKP", "Bawaslu IKP 2024 (%)",
                    "incidents per 10k voters (stressed)",
                    [Series("regions, in order of IKP", ikp[by_ikp].tolist(),
                            mean_risk[by_ikp].tolist())])]
    return CheckResult(verdict, panels)
