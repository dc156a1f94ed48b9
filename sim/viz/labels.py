"""Every label shown to people, in Indonesian (default) and English."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "incidents_total": {"id": "Jumlah insiden", "en": "Incidents"},
    "incidents_by_severity": {"id": "Insiden menurut tingkat", "en": "Incidents by severity"},
    "friction": {"id": "Gesekan", "en": "Friction"},
    "clash": {"id": "Bentrokan", "en": "Clash"},
    "riot": {"id": "Kerusuhan", "en": "Riot"},
    "riots": {"id": "Kerusuhan", "en": "Riots"},
    "communities_escalated": {"id": "Wilayah yang memanas", "en": "Communities escalated"},
    "peak_tension": {"id": "Ketegangan tertinggi", "en": "Peak tension"},
    "injuries": {"id": "Korban luka (perkiraan)", "en": "Injuries (estimate)"},
    "arrests": {"id": "Penangkapan", "en": "Arrests"},
    "backlash_events": {"id": "Tindakan aparat yang memicu balasan",
                        "en": "Backlash from use of force"},
    "non_neutrality_events": {"id": "Pelanggaran netralitas", "en": "Neutrality breaches"},
    "peak_hoax_belief": {"id": "Puncak kepercayaan hoaks", "en": "Peak hoax belief"},
    "days_of_unrest": {"id": "Hari dengan kerusuhan/bentrokan", "en": "Days of unrest"},
    "turnout": {"id": "Partisipasi pemilih", "en": "Turnout"},
    "vote_shares": {"id": "Perolehan suara", "en": "Vote shares"},
    "margin": {"id": "Selisih suara", "en": "Margin"},
    "dispute_filed": {"id": "Sengketa diajukan ke MK", "en": "Dispute filed"},
    "dispute_probability": {"id": "Peluang sengketa", "en": "Dispute probability"},
    "cost": {"id": "Biaya (Rp, perkiraan)", "en": "Cost (Rp, estimate)"},
    "cost_personnel_days": {"id": "Hari-orang personel", "en": "Personnel-days"},
    "tension": {"id": "Ketegangan", "en": "Tension"},
    "hoax_belief": {"id": "Kepercayaan hoaks", "en": "Hoax belief"},
    "date": {"id": "Tanggal", "en": "Date"},
    "community": {"id": "Wilayah", "en": "Community"},
    "tension_over_time": {"id": "Ketegangan per wilayah selama tahapan Pilkada",
                          "en": "Tension by community over the Pilkada calendar"},
    "incidents_over_time": {"id": "Insiden per hari menurut tingkat",
                            "en": "Incidents per day by severity"},
    "tension_map": {"id": "Peta ketegangan tertinggi per wilayah",
                    "en": "Map of peak tension by community"},
    "longitude": {"id": "Bujur", "en": "Longitude"},
    "latitude": {"id": "Lintang", "en": "Latitude"},
    "yes": {"id": "ya", "en": "yes"},
    "no": {"id": "tidak", "en": "no"},
    "summary_title": {"id": "Ringkasan simulasi", "en": "Simulation summary"},
    "strategies": {"id": "Strategi", "en": "Strategies"},
    "none": {"id": "tanpa strategi (baseline)", "en": "none (baseline)"},
    "campaign": {"id": "Kampanye", "en": "Campaign"},
    "quiet": {"id": "Masa tenang", "en": "Quiet period"},
    "voting": {"id": "Pemungutan suara", "en": "Voting"},
    "recapitulation": {"id": "Rekapitulasi", "en": "Recapitulation"},
    "dispute": {"id": "Masa sengketa", "en": "Dispute period"},
    "outcome_distributions": {"id": "Sebaran hasil per strategi (semua ulangan)",
                              "en": "Outcomes per strategy (all replications)"},
    "envelopes_title": {"id": "Median dan rentang 90% antar-ulangan selama tahapan Pilkada",
                        "en": "Median and 90% band over replications, across the Pilkada calendar"},
    "incidents_per_day": {"id": "Insiden per hari", "en": "Incidents per day"},
    "pareto_front": {"id": "Batas Pareto (biaya vs risiko)", "en": "Pareto front (cost vs risk)"},
    "cost_billion": {"id": "Biaya (miliar Rp, perkiraan)", "en": "Cost (Rp billion, estimate)"},
    "cost_vs_risk": {"id": "Biaya dan risiko tiap strategi",
                     "en": "Cost and risk of each strategy"},
    "escalation_share": {"id": "Peluang wilayah memanas", "en": "Chance a community escalates"},
    "risk_map": {"id": "Peta risiko per wilayah (baseline)",
                 "en": "Risk map by community (baseline)"},
    "mean": {"id": "rata-rata", "en": "mean"},
    "median": {"id": "median", "en": "median"},
    "vs_baseline": {"id": "selisih vs baseline", "en": "vs baseline"},
    "reduction": {"id": "penurunan", "en": "reduction"},
    "cost_effectiveness": {"id": "Efektivitas biaya (dicegah per Rp 1 miliar)",
                           "en": "Cost-effectiveness (averted per Rp 1 billion)"},
    "on_front": {"id": "di batas Pareto", "en": "on the Pareto front"},
    "runs_summary": {"id": "run berhasil", "en": "runs ok"},
    "runs_failed": {"id": "gagal", "en": "failed"},
    "sobol_indices": {"id": "Indeks Sobol: orde pertama (S1) dan total (ST), dengan selang",
                      "en": "Sobol indices: first order (S1) and total (ST), with intervals"},
    "morris_screening": {"id": "Penyaringan Morris: mu* (pengaruh) dan sigma (interaksi)",
                         "en": "Morris screening: mu* (influence) and sigma (interaction)"},
    "convergence": {"id": "Kekonvergenan indeks (N/4, N/2, N)",
                    "en": "Convergence of the indices (N/4, N/2, N)"},
    "base_samples": {"id": "Ukuran sampel dasar N", "en": "Base sample size N"},
    "catalogue_title": {"id": "Katalog strategi mitigasi", "en": "Mitigation strategy catalogue"},
    "priced_on": {"id": "biaya dihitung untuk skenario", "en": "costs priced on scenario"},
    "practice": {"id": "Praktik", "en": "In practice"},
    "effect": {"id": "Dalam model", "en": "In the model"},
    "levers": {"id": "Tuas", "en": "Levers"},
    "mechanisms": {"id": "mekanisme", "en": "mechanisms"},
    "parameters": {"id": "Parameter", "en": "Parameters"},
    "cost_estimate": {"id": "Biaya (perkiraan)", "en": "Cost (estimate)"},
    "fixed_part": {"id": "bagian tetap", "en": "fixed part"},
    "scales_with": {"id": "diskalakan anggaran lewat", "en": "a budget scales it through"},
    "basis": {"id": "dasar", "en": "basis"},
    "packages": {"id": "Paket", "en": "Packages"},
    "members": {"id": "anggota", "en": "members"},
    "budget_hint": {"id": "Batasi biaya dengan --budget RUPIAH atau "
                            "--set strategies.budget.rupiah=RUPIAH",
                    "en": "Hold the cost to a budget with --budget RUPIAH or "
                          "--set strategies.budget.rupiah=RUPIAH"},
    "lever:parameters": {"id": "parameter", "en": "parameters"},
    "lever:placement": {"id": "penempatan", "en": "placement"},
    "lever:daily policy": {"id": "kebijakan harian", "en": "daily policy"},
    "lever:observation": {"id": "pengamatan", "en": "observation"},
    "vulnerability_title": {"id": "Peta potensi konflik (indeks kerawanan, 0-100)",
                            "en": "Conflict-potential map (vulnerability index, 0-100)"},
    "context": {"id": "Konteks sosial politik", "en": "Social-political context"},
    "administration": {"id": "Penyelenggaraan", "en": "Election administration"},
    "contestation": {"id": "Kontestasi", "en": "Contestation"},
    "participation": {"id": "Partisipasi", "en": "Participation"},
    "total": {"id": "Total", "en": "Total"},
    "band": {"id": "Tingkat rawan", "en": "Band"},
    "high": {"id": "tinggi", "en": "high"},
    "medium": {"id": "sedang", "en": "medium"},
    "low": {"id": "rendah", "en": "low"},
    "validation_pass": {"id": "LULUS", "en": "PASS"},
    "validation_fail": {"id": "GAGAL", "en": "FAIL"},
    "validation_skip": {"id": "DILEWATI", "en": "SKIPPED"},
    "validation_summary": {"id": "Validasi ilmiah: {passed} lulus, {failed} gagal, "
                                 "{skipped} dilewati",
                           "en": "Scientific validation: {passed} passed, {failed} failed, "
                                 "{skipped} skipped"},
}


def label(key: str, lang: str = "id") -> str:
    """The label for `key` in `lang`; the key itself if none is defined."""
    return LABELS.get(key, {}).get(lang, key)


def number(value: float, lang: str = "id", digits: int = 0) -> str:
    """Format a number for the language: 1.234,5 in Indonesian, 1,234.5 in English."""
    text = f"{value:,.{digits}f}"
    if lang == "id":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def percent(value: float, lang: str = "id", digits: int = 1) -> str:
    return f"{number(100 * value, lang, digits)}%"
