"""The model settings a planner should know were assumed, in plain words, with their origin.

The report's scenario section lists them with their values as run; meanings
and origins are the ones documented in the ODD and calibration pages
(`kondusif docs ODD`, `kondusif docs calibration`).
"""

from __future__ import annotations

ESTIMATE = {"id": "perkiraan", "en": "estimate"}
CALIBRATED = {"id": "perkiraan, dikalibrasi pada Pilkada Kutai Timur 2024 "
                    "(kondusif docs calibration)",
              "en": "estimate, calibrated to the Kutai Timur 2024 Pilkada "
                    "(kondusif docs calibration)"}

# path -> meaning in both languages, and where the number comes from
MAIN_ASSUMPTIONS: dict[str, dict[str, dict[str, str]]] = {
    "grievance.legitimacy": {
        "meaning": {"id": "Legitimasi pemerintah dan pemilu di mata warga, 0-1 (L pada model "
                          "kekerasan sipil Epstein 2002)",
                    "en": "Legitimacy of government and election in residents' eyes, 0-1 (L in "
                          "Epstein's 2002 civil-violence model)"},
        "source": CALIBRATED,
    },
    "activation.threshold": {
        "meaning": {"id": "Ambang agar warga yang kecewa ikut bergerak (T Epstein)",
                    "en": "Threshold for an aggrieved resident to turn active (Epstein's T)"},
        "source": {"id": "Epstein 2002, PNAS 99 suppl. 3", "en": "Epstein 2002, PNAS 99 suppl. 3"},
    },
    "security.response_delay_hours": {
        "meaning": {"id": "Waktu dari insiden sampai unit keamanan dikirim (koordinasi), jam",
                    "en": "Time from an incident to the dispatch of a security unit "
                          "(coordination), hours"},
        "source": ESTIMATE,
    },
    "clash.containment_per_officer": {
        "meaning": {"id": "Jumlah orang dalam kerumunan yang dapat ditahan satu petugas",
                    "en": "Crowd members one officer on site can contain"},
        "source": {"id": "perkiraan; bentuk mengikuti Davies dkk. 2013, Sci. Rep. 3:1303",
                   "en": "estimate; form after Davies et al. 2013, Sci. Rep. 3:1303"},
    },
    "clash.contagion_share": {
        "meaning": {"id": "Bagian ketegangan sebuah insiden yang menjalar ke wilayah lain",
                    "en": "Share of an incident's tension felt in other communities"},
        "source": CALIBRATED,
    },
    "rumor.transmission": {
        "meaning": {"id": "Peluang hoaks berpindah saat penyebar bertemu orang yang belum tahu",
                    "en": "Chance a hoax passes when a spreader meets someone who has not "
                          "heard it"},
        "source": {"id": "perkiraan; model rumor Maki-Thompson 1973",
                   "en": "estimate; Maki-Thompson 1973 rumour model"},
    },
    "rumor.belief_probability": {
        "meaning": {"id": "Peluang orang yang mendengar hoaks mempercayainya",
                    "en": "Chance that someone who hears a hoax believes it"},
        "source": ESTIMATE,
    },
    "policing.deescalation_skill": {
        "meaning": {"id": "Keterampilan de-eskalasi aparat, 0 (hanya kekuatan) - 1 (terlatih "
                          "penuh)",
                    "en": "Officers' de-escalation skill, 0 (force only) - 1 (fully trained)"},
        "source": ESTIMATE,
    },
    "mediation.reach_per_leader": {
        "meaning": {"id": "Pemilih yang dijangkau satu tokoh dalam dialog per hari",
                    "en": "Voters one leader reaches in dialogue per day"},
        "source": ESTIMATE,
    },
    "voting.base_turnout": {
        "meaning": {"id": "Partisipasi pemilih tanpa rasa takut",
                    "en": "Turnout when nobody is afraid"},
        "source": CALIBRATED,
    },
    "population.scale": {
        "meaning": {"id": "Pemilih per penduduk simulasi (1 = setiap pemilih disimulasikan)",
                    "en": "Voters per simulated resident (1 = every voter simulated)"},
        "source": {"id": "pilihan kecepatan, bukan data", "en": "a speed setting, not data"},
    },
}
