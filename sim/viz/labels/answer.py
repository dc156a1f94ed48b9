"""The planner's answer in words: headline, sureness, cost, failures, robustness, search."""

from __future__ import annotations

ANSWER: dict[str, dict[str, str]] = {
    "recommended": {"id": "Rekomendasi", "en": "Recommended"},
    "headline_lower": {
        "id": "Pilihan ini menurunkan {risk} dari {base} menjadi {value}: turun {diff} {interval} "
              "dibanding tanpa strategi tambahan.",
        "en": "It lowers the {risk} from {base} to {value}: down {diff} {interval} "
              "against no extra measure.",
    },
    "headline_not_lower": {
        "id": "Pilihan ini tidak jelas menurunkan {risk}: {base} tanpa strategi tambahan, {value} "
              "dengannya (penurunan {diff} {interval}; selangnya mencakup nol).",
        "en": "It does not clearly lower the {risk}: {base} without an extra measure, "
              "{value} with it (lowered by {diff} {interval}; the interval includes zero).",
    },
    "headline_not_sure": {
        "id": "Pilihan ini menurunkan {risk} dari {base} menjadi {value} (turun {diff} "
              "{interval}), "
              "tetapi setelah koreksi Holm untuk {pairs} perbandingan selisih ini belum jelas.",
        "en": "It lowers the {risk} from {base} to {value} (down {diff} {interval}), but "
              "after Holm's correction for {pairs} comparisons the difference is not yet clear.",
    },
    "headline_higher": {
        "id": "Pilihan ini justru menaikkan {risk}: dari {base} menjadi {value} (naik {diff} "
              "{interval}).",
        "en": "It raises the {risk}: from {base} to {value} (up {diff} {interval}).",
    },
    "no_option": {"id": "Tidak ada pilihan selain baseline yang dibandingkan.",
                  "en": "No option other than the baseline was compared."},
    "sure": {
        "id": "Seberapa yakin: peluang menjadi yang terbaik {chance} (bootstrap atas {n} ulangan "
              "berpasangan, bilangan acak yang sama untuk semua pilihan).",
        "en": "How sure: chance of being the best {chance} (bootstrap over {n} paired "
              "replications, the same random numbers for every option).",
    },
    "clearly_best": {
        "id": "Pilihan ini jelas lebih baik daripada setiap pilihan lain (uji berpasangan, "
              "koreksi Holm, alfa {alpha}).",
        "en": "It is clearly better than every other option (paired tests, Holm's correction, "
              "alpha {alpha}).",
    },
    "tied": {
        "id": "Dengan {n} ulangan ini, pilihan ini belum dapat dibedakan dari {count} pilihan "
              "lain, yang terdekat {closest} (uji berpasangan, koreksi Holm untuk {pairs} "
              "perbandingan, alfa {alpha}){more}.",
        "en": "With these {n} replications it cannot yet be told apart from {count} other "
              "options, the closest {closest} (paired tests, Holm's correction over {pairs} "
              "comparisons, alpha {alpha}){more}.",
    },
    "more_runs": {
        "id": "; ulangan tambahan per pilihan yang akan membedakannya: sekitar {runs} (daya "
              "{power}, bila selisihnya memang sebesar perkiraan)",
        "en": "; further replications per option that would tell them apart: about {runs} "
              "(power {power}, if the differences are as estimated)",
    },
    "runs_from": {"id": "{runs} dari {other}", "en": "{runs} from {other}"},
    "no_more_runs": {
        "id": "; terhadap {other} tidak terlihat selisih sama sekali, menambah ulangan tidak "
              "akan memisahkannya",
        "en": "; against {other} no difference was seen at all, and more replications would "
              "not separate them",
    },
    "cost_partial": {
        "id": "Biaya: {held} dari anggaran {budget} (biaya penuh {full}; anggaran menanggung "
              "{share} dari bagian yang dapat diperkecil).",
        "en": "Cost: {held} of the budget of {budget} (full cost {full}; the budget holds "
              "{share} of the parts that can shrink).",
    },
    "cost_whole": {
        "id": "Biaya: {held} dari anggaran {budget}; paket ini muat utuh.",
        "en": "Cost: {held} of the budget of {budget}; the package fits whole.",
    },
    "cost_no_budget": {"id": "Biaya: {held} (tanpa batas anggaran).",
                       "en": "Cost: {held} (no budget set)."},
    "fails_when": {
        "id": "Kapan masih gagal: {event} tetap tinggi ({density} run, dibanding {base} di "
              "semua dunia) bila {conditions}. Kotak ini mencakup {coverage} dari semua "
              "kegagalan (PRIM, {runs} run di {worlds} dunia).",
        "en": "When it still fails: the {event} stays high ({density} of runs, against {base} "
              "over all worlds) when {conditions}. This box holds {coverage} of all failures "
              "(PRIM, {runs} runs in {worlds} worlds).",
    },
    "never_fails": {
        "id": "Kapan masih gagal: di {worlds} dunia yang diuji, {event} tidak pernah terjadi "
              "dengan pilihan ini.",
        "en": "When it still fails: in the {worlds} worlds tried, {event} never happened with "
              "this option.",
    },
    "fails_everywhere": {
        "id": "Kapan masih gagal: hampir di mana-mana; {event} terjadi di {base} run di {worlds} "
              "dunia, tanpa wilayah parameter yang menonjol.",
        "en": "When it still fails: nearly everywhere; {event} happened in {base} of runs over "
              "{worlds} worlds, with no region of the parameters standing out.",
    },
    "no_box": {
        "id": "Kapan masih gagal: kegagalan ({base} run) tersebar; PRIM tidak menemukan kondisi "
              "sederhana tempat kegagalan berkumpul.",
        "en": "When it still fails: failures ({base} of runs) are spread out; PRIM found no "
              "simple condition under which they gather.",
    },
    "no_threshold": {
        "id": "Kapan masih gagal: beri plan.robustness.satisficing agar kegagalan terdefinisi.",
        "en": "When it still fails: set plan.robustness.satisficing so a failure is defined.",
    },
    "no_robustness": {
        "id": "Kapan masih gagal: belum diuji di dunia lain (tambahkan [plan.robustness] dan "
              "jalankan kondusif plan).",
        "en": "When it still fails: not yet tried in other worlds (add [plan.robustness] and "
              "run kondusif plan).",
    },
    "robust": {
        "id": "Di {worlds} dunia yang masuk akal ({source}), {option} terbaik di {best} dunia itu; "
              "rata-rata penyesalan {mean_regret}, terbesar {max_regret}{satisficing}.",
        "en": "Across {worlds} plausible worlds ({source}), {option} is best in {best} of them; "
              "mean regret {mean_regret}, largest {max_regret}{satisficing}.",
    },
    "satisficing": {"id": "; risiko tetap ≤ {threshold} di {share} dunia",
                    "en": "; the risk stays at or under {threshold} in {share} of worlds"},
    "robust_other": {
        "id": "Yang paling tahan di semua dunia (penyesalan rata-rata terkecil) adalah {option}.",
        "en": "The most robust across worlds (least mean regret) is {option}.",
    },
    "source_ranges": {"id": "rentang parameter terdokumentasi", "en": "documented ranges"},
    "source_samples": {"id": "sampel posterior kalibrasi", "en": "calibration posterior draws"},
    "and": {"id": " dan ", "en": " and "},
    "rank": {"id": "Peringkat", "en": "Rank"},
    "option": {"id": "Pilihan", "en": "Option"},
    "full_cost": {"id": "Biaya penuh", "en": "Full cost"},
    "held_cost": {"id": "Biaya dalam anggaran", "en": "Cost within budget"},
    "share_held": {"id": "Bagian yang muat", "en": "Share that fits"},
    "search": {
        "id": "Pencarian: {candidates} kombinasi strategi yang muat anggaran disaring dengan "
              "successive halving ({rounds} putaran, {runs} run); finalis: {finalists}.",
        "en": "Search: {candidates} combinations of strategies that fit the budget, screened "
              "by successive halving ({rounds} rounds, {runs} runs); finalists: {finalists}.",
    },
    "intensity_search": {
        "id": "Pencarian: {algorithm} (pymoo) atas intensitas {strategies} strategi, "
              "{generations} generasi; {candidates} paket dijalankan ({runs} run). Paket di atas "
              "anggaran tidak layak (kendala), tidak pernah diperkecil. Finalis: {finalists}.",
        "en": "Search: {algorithm} (pymoo) over the intensities of {strategies} strategies, "
              "{generations} generations; {candidates} packages run ({runs} runs). Packages "
              "over the budget are infeasible (a constraint), never shrunk. Finalists: "
              "{finalists}.",
    },
    "ga": {"id": "algoritma genetika", "en": "a genetic algorithm"},
    "nsga2": {"id": "NSGA-II", "en": "NSGA-II"},
    "trade_off": {
        "id": "Tarik-ulur: {count} paket membentuk front Pareto; tidak satu pun kalah dari "
              "paket lain pada {first} dan {second} sekaligus. Di satu ujung {one_end}: {first} "
              "{one_first}, {second} {one_second}; di ujung lain {other_end}: {first} "
              "{other_first}, {second} {other_second}. Berpindah dari yang kedua ke yang pertama "
              "memperbaiki {first} dengan mengorbankan {second}.",
        "en": "Trade-off: {count} packages form the Pareto front; none is beaten by another on "
              "both {first} and {second}. At one end {one_end}: {first} {one_first}, {second} "
              "{one_second}; at the other {other_end}: {first} {other_first}, {second} "
              "{other_second}. Moving from the second to the first improves {first} at the "
              "price of {second}.",
    },
    "front_heading": {"id": "Front Pareto pencarian ({shown} dari {count} paket)",
                      "en": "The search's Pareto front ({shown} of {count} packages)"},
    "no_trade_off": {
        "id": "Tidak ada tarik-ulur: satu paket, {option}, terbaik pada {first} dan {second} "
              "sekaligus.",
        "en": "No trade-off: one package, {option}, is best on both {first} and {second}.",
    },
}
