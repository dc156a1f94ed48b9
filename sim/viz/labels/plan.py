"""The words of the planner's figures: ranking, regret, the PRIM box, the Pareto front."""

from __future__ import annotations

PLAN: dict[str, dict[str, str]] = {
    "ranking": {"id": "{risk}: setiap pilihan dengan selang {confidence}",
                "en": "{risk}: each option with its {confidence} interval"},
    "regret": {"id": "Penyesalan per dunia (selisih dari pilihan terbaik di dunia itu)",
               "en": "Regret in each world (how far behind that world's best option)"},
    "regret_axis": {"id": "Penyesalan", "en": "Regret"},
    "box": {"id": "Di mana pilihan yang direkomendasikan masih gagal (garis putus-putus: kotak "
                  "PRIM)",
            "en": "Where the recommended option still fails (dashed: the PRIM box)"},
    "failing_share": {"id": "bagian run yang gagal", "en": "share of runs failing"},
    "front": {"id": "Front Pareto pencarian: tidak ada paket lain yang lebih baik pada keduanya",
              "en": "The search's Pareto front: no other package is better on both"},
    "front_points": {"id": "front Pareto", "en": "Pareto front"},
    "candidates": {"id": "paket lain yang dijalankan (muat anggaran)",
                   "en": "other packages run (within the budget)"},
}
