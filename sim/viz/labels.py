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
    "province_summary_title": {"id": "Ringkasan simulasi provinsi",
                               "en": "Province simulation summary"},
    "region": {"id": "Daerah", "en": "Region"},
    "regions": {"id": "Daerah (kabupaten/kota)", "en": "Regions (regencies/cities)"},
    "voters": {"id": "Pemilih (DPT)", "en": "Voters (DPT)"},
    "clashes": {"id": "Bentrokan", "en": "Clashes"},
    "regions_with_unrest": {"id": "Daerah dengan bentrokan/kerusuhan",
                            "en": "Regions with clashes or riots"},
    "regional_disputes_filed": {"id": "Sengketa pilkada kabupaten/kota",
                                "en": "Regent/mayor disputes filed"},
    "governor_vote_shares": {"id": "Perolehan suara gubernur", "en": "Governor vote shares"},
    "governor_turnout": {"id": "Partisipasi pemilihan gubernur", "en": "Governor turnout"},
    "governor_dispute_filed": {"id": "Sengketa pemilihan gubernur",
                               "en": "Governor dispute filed"},
    "real_result": {"id": "hasil nyata", "en": "real result"},
    "reserve_plan": {"id": "Rencana pasukan cadangan provinsi",
                     "en": "Provincial reserve plan"},
    "reserve_moves": {"id": "Perpindahan satuan cadangan", "en": "Reserve unit moves"},
    "reserve_unit_days": {"id": "Hari-satuan cadangan di daerah",
                          "en": "Reserve unit-days in regions"},
    "executor": {"id": "Pelaksana", "en": "Executor"},
    "plan_comparison_title": {"id": "Perbandingan rencana pasukan cadangan",
                              "en": "Comparison of reserve plans"},
    "plan": {"id": "Rencana", "en": "Plan"},
    "replications": {"id": "ulangan", "en": "replications"},
    "mean": {"id": "rata-rata", "en": "mean"},
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
