"""The planner's report's sentences, with slots for numbers already formatted."""

from __future__ import annotations

REPORT: dict[str, dict[str, str]] = {
    # --- title and sections -------------------------------------------------------
    "title": {"id": "Laporan perencana: {name}", "en": "Planner's report: {name}"},
    "subtitle": {"id": "Dibuat {created} dari hasil di {folder}",
                 "en": "Made {created} from the results in {folder}"},
    "summary": {"id": "Pertanyaan dan jawaban singkat", "en": "The question and the short answer"},
    "section_scenario": {"id": "Skenario dengan kata-kata sederhana",
                         "en": "The scenario in plain words"},
    "section_risk_map": {"id": "Peta potensi konflik per wilayah",
                         "en": "Conflict-potential map"},
    "section_strategies": {"id": "Perbandingan strategi", "en": "Strategies compared"},
    "drivers": {"id": "Apa yang mendorong risiko", "en": "What drives the risk"},
    "limitations": {"id": "Keterbatasan", "en": "Limitations"},
    "reproduce": {"id": "Cara mendapatkan angka yang sama lagi",
                  "en": "How to get the same numbers again"},
    # --- summary ----------------------------------------------------------------------
    "question": {"id": "Pertanyaan", "en": "The question"},
    "design": {
        "id": "Laporan ini membandingkan {arms} set strategi dengan baseline (tanpa strategi "
              "tambahan) pada skenario {scenario}. Setiap set dijalankan {replications} kali; "
              "pada ulangan yang sama semua set memakai bilangan acak yang sama, sehingga "
              "selisihnya hanya karena strateginya. Angka dalam kurung siku adalah selang "
              "kepercayaan {confidence} (bootstrap).",
        "en": "This report compares {arms} strategy sets with the baseline (no extra measure) "
              "in the scenario {scenario}. Each set was run {replications} times; at the same "
              "replication every set met the same random numbers, so differences come from the "
              "strategy alone. Numbers in square brackets are {confidence} intervals "
              "(bootstrap).",
    },
    "short_answer": {"id": "Jawaban singkat", "en": "The short answer"},
    "finding_lower": {
        "id": "{arm}, {outcome}: lebih rendah daripada baseline sebesar {diff} {interval} "
              "({reduction} lebih rendah).",
        "en": "{arm}, {outcome}: lower than in the baseline by {diff} {interval} "
              "({reduction} lower).",
    },
    "finding_higher": {
        "id": "{arm}, {outcome}: lebih tinggi daripada baseline sebesar {diff} {interval}.",
        "en": "{arm}, {outcome}: higher than in the baseline by {diff} {interval}.",
    },
    "finding_unclear": {
        "id": "{arm}, {outcome}: tidak jelas berbeda dari baseline (selisih {diff} {interval}; "
              "selangnya mencakup nol).",
        "en": "{arm}, {outcome}: not clearly different from the baseline (difference {diff} "
              "{interval}; the interval includes zero).",
    },
    "front_sentence": {
        "id": "Front Pareto biaya-risiko ({outcome}): {arms}. Setiap set lain dikalahkan oleh "
              "salah satu set ini dalam biaya, risiko, atau keduanya, tanpa unggul di sisi mana "
              "pun.",
        "en": "Cost-risk Pareto front ({outcome}): {arms}. Every other set is beaten by one of "
              "these on cost, risk or both, and beats it on neither.",
    },
    "point_prefix": {"id": "Titik desain {point} ({values})", "en": "Design point {point} "
                     "({values})"},
    "more_points": {"id": "{count} titik desain lain ada di tabel perbandingan.",
                    "en": "{count} more design points are in the comparison tables."},
    # --- what is missing --------------------------------------------------------------
    "partial": {
        "id": "Belum lengkap: {stored} dari {expected} run tersimpan (sweep mungkin masih "
              "berjalan atau terhenti). Angka di bawah hanya memakai run yang tersimpan; jalankan "
              "perintah yang sama lagi untuk melengkapinya, lalu buat laporan ini lagi.",
        "en": "Incomplete: {stored} of {expected} runs are stored (the sweep may still be "
              "running, or was stopped). The numbers below use the stored runs only; run the "
              "same command again to finish it, then make this report again.",
    },
    "failed": {
        "id": "{failed} run gagal dan tidak dihitung. Galat pertama: {error}",
        "en": "{failed} runs failed and are left out. First error: {error}",
    },
    "no_answer": {
        "id": "Jawaban perencana tidak dapat dihitung: {detail}",
        "en": "The planner's answer cannot be computed: {detail}",
    },
    "no_ok_runs": {
        "id": "Tidak ada run yang berhasil, jadi tidak ada yang bisa dibandingkan.",
        "en": "No run succeeded, so there is nothing to compare.",
    },
    "other_version": {
        "id": "Hasil ini dibuat dengan Kondusif {made} (kode {made_code}); laporan ini dibuat "
              "dengan {now} (kode {now_code}). Tabel dihitung ulang dari run yang tersimpan; "
              "menjalankan ulang dengan versi ini bisa memberi angka lain.",
        "en": "These results were made with Kondusif {made} (code {made_code}); this report "
              "with {now} (code {now_code}). Tables are recomputed from the stored runs; running "
              "again with this version may give other numbers.",
    },
    "old_experiment": {
        "id": "Berkas eksperimen yang tersimpan tidak dapat dibaca oleh versi ini ({detail}). "
              "Skenario tidak dapat dijelaskan dan analisis memakai pengaturan bawaan.",
        "en": "The stored experiment file cannot be read by this version ({detail}). The "
              "scenario cannot be described and the analysis uses default settings.",
    },
    "old_runs": {
        "id": "Tabel run tidak memiliki kolom {columns} (dibuat oleh versi lama): perbandingan "
              "tidak dapat dihitung. Jalankan sweep lagi dengan versi ini.",
        "en": "The runs table lacks the columns {columns} (made by an older version): the "
              "comparison cannot be computed. Run the sweep again with this version.",
    },
    "changed_files": {
        "id": "Berkas eksperimen atau skenario sudah berubah sejak run dibuat (hash sekarang "
              "{now}, hash hasil {made}): uraian skenario menunjukkan berkas saat ini.",
        "en": "The experiment or scenario file changed since the runs were made (hash now "
              "{now}, of the results {made}): the scenario description shows the current file.",
    },
    "no_scenario": {
        "id": "Skenario tidak dapat dimuat: {detail}",
        "en": "The scenario cannot be loaded: {detail}",
    },
    "function_model": {
        "id": "Eksperimen ini memakai model fungsi {model}, bukan skenario Pilkada.",
        "en": "This experiment uses the function model {model}, not a Pilkada scenario.",
    },
    "no_series": {
        "id": "Eksperimen ini tidak menyimpan deret harian per wilayah (keep.timeseries), jadi "
              "peta risiko hasil simulasi dan grafik sepanjang tahapan tidak tersedia.",
        "en": "This experiment kept no daily series per community (keep.timeseries), so the "
              "simulated risk map and the charts across the calendar are not available.",
    },
    "no_baseline": {
        "id": "Belum ada run baseline yang tersimpan: selisih terhadap baseline belum dapat "
              "dihitung.",
        "en": "No baseline run is stored yet: differences against the baseline cannot be "
              "computed.",
    },
    "single_arm": {
        "id": "Hanya satu set strategi (baseline) yang dijalankan: tidak ada yang dibandingkan "
              "dengannya.",
        "en": "Only one strategy set (the baseline) was run: there is nothing to compare it "
              "with.",
    },
    "study_only": {
        "id": "Folder ini berisi studi sensitivitas (titik-titik sampel parameter), bukan "
              "perbandingan strategi. Untuk membandingkan strategi, jalankan `kondusif sweep` dan "
              "buat laporan dari foldernya dengan --sensitivity {folder}.",
        "en": "This folder holds a sensitivity study (sample points of parameters), not a "
              "comparison of strategies. To compare strategies, run `kondusif sweep` and make "
              "the report from its folder with --sensitivity {folder}.",
    },
    "no_study": {
        "id": "Tidak ada studi sensitivitas untuk laporan ini. Jalankan `kondusif sensitivity "
              "EKSPERIMEN` (misalnya experiments/kutim_sobol.toml) dan berikan foldernya dengan "
              "--sensitivity FOLDER.",
        "en": "No sensitivity study was given for this report. Run `kondusif sensitivity "
              "EXPERIMENT` (for example experiments/kutim_sobol.toml) and pass its folder with "
              "--sensitivity FOLDER.",
    },
    "study_unusable": {
        "id": "Studi sensitivitas di {folder} tidak dapat dipakai: {detail}",
        "en": "The sensitivity study in {folder} cannot be used: {detail}",
    },
    "study_other_scenario": {
        "id": "Studi sensitivitas memakai skenario {study}, perbandingan strategi memakai "
              "{sweep}.",
        "en": "The sensitivity study used the scenario {study}; the strategy comparison used "
              "{sweep}.",
    },
    # --- scenario -----------------------------------------------------------------------
    "place": {
        "id": "{region}{province}: {communities} wilayah, {voters} pemilih terdaftar (DPT) di "
              "{tps} TPS{population}.",
        "en": "{region}{province}: {communities} communities, {voters} registered voters (DPT) "
              "at {tps} polling stations (TPS){population}.",
    },
    "population": {"id": ", penduduk {value} ({source})", "en": ", population {value} ({source})"},
    "scale": {
        "id": "Untuk kecepatan, setiap penduduk yang disimulasikan mewakili {scale} pemilih "
              "(population.scale).",
        "en": "For speed, each simulated resident stands for {scale} voters (population.scale).",
    },
    "candidates": {"id": "Pasangan calon", "en": "Candidate pairs"},
    "calendar": {"id": "Tahapan dan tanggal", "en": "Calendar"},
    "security": {"id": "Aparat keamanan dan penyelenggara", "en": "Security forces and officials"},
    "events": {"id": "Peristiwa terjadwal", "en": "Scheduled events"},
    "assumptions": {"id": "Asumsi utama", "en": "Main assumptions"},
    "assumptions_intro": {
        "id": "Nilai mekanisme model yang paling menentukan hasil, dengan asalnya. "
              "\"Perkiraan\" berarti bukan data: angka itu dipilih atau dikalibrasi.",
        "en": "The model's settings that most decide the results, with where they come from. "
              "\"Estimate\" means not data: the number was chosen or calibrated.",
    },
    "strategy_list": {"id": "Strategi yang dibandingkan", "en": "Strategies compared"},
    "community_sources": {"id": "Sumber angka per wilayah", "en": "Sources of community figures"},
    "estimates_count": {
        "id": "{estimates} dari {total} angka bersumber dalam berkas skenario adalah perkiraan.",
        "en": "{estimates} of the {total} sourced figures in the scenario file are estimates.",
    },
    "varied": {"id": "divariasikan dalam eksperimen ini", "en": "varied in this experiment"},
    "fixed_here": {"id": "ditetapkan oleh eksperimen ini", "en": "set by this experiment"},
    "other_scenarios": {"id": "Eksperimen ini juga menjalankan skenario: {names}.",
                        "en": "This experiment also ran the scenarios: {names}."},
    # --- risk map --------------------------------------------------------------------
    "risk_map_intro": {
        "id": "Wilayah digambar pada koordinatnya; ukuran titik menurut jumlah pemilih, warna "
              "menurut peluang wilayah itu memanas (ketegangan melewati {level}) dalam run "
              "baseline. Garis abu-abu adalah jalur perjalanan antarwilayah. Peta ini berasal "
              "dari simulasi ({runs} run baseline).",
        "en": "Communities are drawn at their coordinates; dot size by voters, colour by the "
              "chance that the community escalates (tension above {level}) in the baseline "
              "runs. Grey lines are travel links between communities. This map comes from the "
              "simulation ({runs} baseline runs).",
    },
    "risk_map_caption": {"id": "Peta risiko hasil simulasi (baseline)",
                         "en": "Simulated risk map (baseline)"},
    "index_intro": {
        "id": "Di sampingnya, indeks kerawanan bergaya IKP Bawaslu dihitung dari data skenario "
              "saja (tanpa simulasi): empat dimensi dan total, 0-100.",
        "en": "Beside it, an index in the style of Bawaslu's vulnerability index (IKP), computed "
              "from the scenario's data alone (no simulation): four dimensions and a total, "
              "0-100.",
    },
    "index_caption": {"id": "Indeks kerawanan bergaya IKP (dari data skenario)",
                      "en": "IKP-style vulnerability index (from the scenario's data)"},
    "index_failed": {"id": "Indeks kerawanan tidak dapat dihitung: {detail}",
                     "en": "The vulnerability index could not be computed: {detail}"},
    "map_needs_scenario": {
        "id": "Peta memerlukan skenario (koordinat dan pemilih tiap wilayah), yang tidak "
              "tersedia untuk hasil ini.",
        "en": "The map needs the scenario (each community's coordinates and voters), which is "
              "not available for these results.",
    },
    "mean_incidents": {"id": "Rata-rata insiden", "en": "Mean incidents"},
    # --- comparison --------------------------------------------------------------------
    "outcomes_table": {"id": "Hasil per strategi: rata-rata dan selang {confidence}",
                       "en": "Outcomes per strategy: mean and {confidence} interval"},
    "effects_table": {
        "id": "Selisih terhadap baseline (berpasangan per ulangan) dan penurunan relatif",
        "en": "Difference against the baseline (paired by replication) and relative reduction",
    },
    "costs_table": {"id": "Biaya dan efektivitas biaya", "en": "Costs and cost-effectiveness"},
    "costs_intro": {
        "id": "Biaya adalah perkiraan dari katalog strategi. \"Dicegah\" = rata-rata baseline "
              "dikurangi rata-rata strategi; angka negatif berarti lebih banyak daripada "
              "baseline.",
        "en": "Costs are the strategy catalogue's estimates. \"Averted\" = baseline mean minus "
              "the strategy's mean; a negative number means more than in the baseline.",
    },
    "strategy": {"id": "Strategi", "en": "Strategy"},
    "averted": {"id": "{outcome} dicegah", "en": "{outcome} averted"},
    "per_billion": {"id": "per Rp 1 miliar", "en": "per Rp 1 billion"},
    "envelopes_caption": {"id": "Ketegangan dan insiden harian sepanjang tahapan: median dan "
                                "rentang 90% antar-ulangan",
                          "en": "Tension and daily incidents across the calendar: median and "
                                "90% band over replications"},
    "cost_risk_caption": {"id": "Biaya dan risiko tiap strategi, dengan front Pareto",
                          "en": "Cost and risk of each strategy, with the Pareto front"},
    "first_point_figures": {"id": "Grafik menunjukkan titik desain pertama.",
                            "en": "Figures show the first design point."},
    # --- drivers -----------------------------------------------------------------------
    "drivers_intro": {
        "id": "Banyak angka model adalah perkiraan. Analisis sensitivitas global ({method}, "
              "SALib) mengubah {parameters} parameter bersama-sama dalam rentang yang masuk "
              "akal dan mengukur seberapa besar sebaran tiap hasil dijelaskan oleh tiap "
              "parameter ({runs} run).",
        "en": "Many of the model's numbers are estimates. A global sensitivity analysis "
              "({method}, SALib) varies {parameters} parameters together over plausible ranges "
              "and measures how much of each outcome's spread each parameter explains ({runs} "
              "runs).",
    },
    "reading_sobol": {
        "id": "S1: bagian varians yang dijelaskan parameter itu sendiri; ST: bagian yang "
              "melibatkannya, sendiri atau lewat interaksi. ST mendekati nol berarti parameter "
              "itu tidak perlu diukur lebih teliti.",
        "en": "S1: the share of the variance the parameter explains alone; ST: the share it has "
              "a hand in, alone or through interactions. ST near zero means the parameter need "
              "not be measured better.",
    },
    "reading_morris": {
        "id": "mu*: besar perubahan hasil ketika parameter bergeser satu langkah (dalam satuan "
              "hasil); sigma: seberapa besar perubahan itu bergantung pada parameter lain.",
        "en": "mu*: the typical change in the outcome when the parameter moves one step (in "
              "the outcome's units); sigma: how much that change depends on the other "
              "parameters.",
    },
    "reading_delta": {
        "id": "delta (Borgonovo): pengaruh parameter pada seluruh sebaran hasil, 0-1; S1 seperti "
              "pada Sobol.",
        "en": "delta (Borgonovo): the parameter's influence on the whole distribution of the "
              "outcome, 0-1; S1 as in Sobol.",
    },
    "top_driver": {
        "id": "{subject}: paling dipengaruhi oleh {parameter} ({index} = {value}).",
        "en": "{subject}: driven most by {parameter} ({index} = {value}).",
    },
    "indices_caption": {"id": "Indeks sensitivitas dengan selang",
                        "en": "Sensitivity indices with intervals"},
    "warnings": {"id": "Peringatan dari analisis", "en": "Warnings from the analysis"},
    "noise_table": {"id": "Bagian varians yang berupa derau antar-ulangan",
                    "en": "Share of the variance that is replication noise"},
    "parameter": {"id": "Parameter", "en": "Parameter"},
    "noise_of_means": {"id": "Derau pada rata-rata titik", "en": "Noise in the point means"},
    "noise_single_run": {"id": "Derau pada satu run", "en": "Noise in a single run"},
    "outcome": {"id": "Hasil", "en": "Outcome"},
    # --- limitations -----------------------------------------------------------------------
    "limit_one_election": {
        "id": "Model dikalibrasi pada satu Pilkada yang damai (Kutai Timur 2024). Artinya model "
              "bisa tenang ketika kenyataannya tenang, bukan bahwa peluang kerusuhannya tepat: "
              "tidak ada data kekerasan pemilu lokal untuk mengujinya.",
        "en": "The model is calibrated to one peaceful election (Kutai Timur 2024). That shows "
              "it can be calm where reality was, not that its chances of unrest are right: "
              "there is no local record of electoral violence to test them against.",
    },
    "limit_estimates": {
        "id": "Banyak angka adalah perkiraan dan ditandai begitu: penduduk dan pemilih per "
              "wilayah, dukungan, komposisi kelompok, kesulitan ekonomi, jarak tempuh, korban "
              "per insiden, besar peristiwa, dan biaya strategi.",
        "en": "Many numbers are estimates and are marked as such: population and voters per "
              "community, support, group composition, hardship, travel times, injuries per "
              "incident, the size of events, and the cost of strategies.",
    },
    "limit_compare": {
        "id": "Gunakan hasil untuk membandingkan strategi satu sama lain, bukan sebagai ramalan "
              "berapa insiden yang akan terjadi.",
        "en": "Use the results to compare strategies with one another, not as a forecast of how "
              "many incidents will happen.",
    },
    "limit_replications": {
        "id": "Setiap strategi dijalankan {replications} kali; selang yang lebar berarti perlu "
              "lebih banyak ulangan sebelum menarik kesimpulan.",
        "en": "Each strategy was run {replications} times; wide intervals mean more "
              "replications are needed before drawing a conclusion.",
    },
    "limit_tipping": {
        "id": "Model sengaja berada dekat titik balik: sedikit tekanan dapat membuat satu wilayah "
              "memanas dan menular ke tetangganya. Seberapa tajam titik balik itu adalah "
              "asumsi yang perlu diuji dengan analisis sensitivitas.",
        "en": "The model sits near a tipping point by construction: a little stress can make "
              "one community escalate and spread to its neighbours. How sharp that tipping is "
              "is an assumption to test with sensitivity analysis.",
    },
    "limit_scale": {
        "id": "Run memakai population.scale = {scale}: satu penduduk simulasi mewakili {scale} "
              "pemilih, sehingga insiden kecil bisa tidak terlihat.",
        "en": "Runs used population.scale = {scale}: one simulated resident stands for {scale} "
              "voters, so small incidents can be missed.",
    },
    # --- reproducibility --------------------------------------------------------------------
    "reproduce_intro": {
        "id": "Perintah berikut menjalankan ulang eksperimen yang sama dan membuat laporan ini "
              "lagi. Eksperimen bersifat deterministik: benih, versi, dan berkas yang sama "
              "memberi angka yang sama.",
        "en": "These commands run the same experiment again and make this report again. The "
              "experiment is deterministic: the same seeds, versions and files give the same "
              "numbers.",
    },
    "experiment_hash": {"id": "Hash eksperimen", "en": "Experiment hash"},
    "hash_matches": {"id": "sama dengan berkas saat ini", "en": "matches the current files"},
    "hash_differs": {"id": "berkas saat ini memberi {now}", "en": "the current files give {now}"},
    "root_seed": {"id": "Benih akar (root_seed)", "en": "Root seed (root_seed)"},
    "seed_scheme": {
        "id": "Setiap run memakai SeedSequence(root_seed, spawn_key=(skenario, ulangan)); benih "
              "32-bit per ulangan:",
        "en": "Each run uses SeedSequence(root_seed, spawn_key=(scenario, replication)); the "
              "32-bit seed of each replication:",
    },
    "replication": {"id": "Ulangan", "en": "Replication"},
    "runs_stored": {"id": "Run tersimpan", "en": "Runs stored"},
    "code_version": {"id": "Versi kode", "en": "Code version"},
    "created": {"id": "Dibuat", "en": "Created"},
    "python": {"id": "Python", "en": "Python"},
    "package": {"id": "Paket", "en": "Package"},
    "version": {"id": "Versi", "en": "Version"},
    "report_made_with": {"id": "Laporan ini dibuat dengan", "en": "This report was made with"},
    "docs_cited": {"id": "Dokumentasi yang dirujuk", "en": "Documentation cited"},
    "docs_intro": {
        "id": "Halaman dokumentasi versi kondusif yang membuat laporan ini. Di komputer mana pun "
              "yang memasang kondusif, perintah di kolom kedua menunjukkan halaman yang sama "
              "(tambahkan --show untuk mencetak isinya); tautan membuka berkas di komputer "
              "pembuat laporan.",
        "en": "Documentation pages of the kondusif version that made this report. On any "
              "computer with kondusif installed, the command in the second column finds the "
              "same page (add --show to print it); the link opens the file on the computer "
              "that made the report."},
    "page": {"id": "Halaman", "en": "Page"},
    "command": {"id": "Perintah", "en": "Command"},
    "installed_at": {"id": "Terpasang di", "en": "Installed at"},
    "experiment_file": {"id": "Berkas eksperimen sebagaimana dijalankan (disimpan di "
                              "experiment.toml dalam folder hasil)",
                        "en": "The experiment file as run (kept as experiment.toml in the "
                              "results folder)"},
    "study_command": {"id": "Studi sensitivitas", "en": "Sensitivity study"},
    "unknown": {"id": "tidak diketahui", "en": "unknown"},
    "what": {"id": "Apa", "en": "What"},
    "value": {"id": "Nilai", "en": "Value"},
    "source": {"id": "Sumber", "en": "Source"},
    "meaning": {"id": "Artinya", "en": "Meaning"},
    "where": {"id": "Di mana", "en": "Where"},
    "from": {"id": "Dari", "en": "From"},
    "to": {"id": "Sampai", "en": "To"},
    "incumbent": {"id": "Petahana", "en": "Incumbent"},
    "name": {"id": "Nama", "en": "Name"},
    "count": {"id": "Jumlah", "en": "Count"},
    "fields": {"id": "Isian", "en": "Fields"},
    "communities": {"id": "Wilayah", "en": "Communities"},
    "cost_basis": {"id": "dasar biaya", "en": "cost basis"},
    "mean_cost": {"id": "biaya rata-rata per run", "en": "mean cost per run"},
    # --- the answer and its evidence -------------------------------------------------
    "answer": {"id": "Jawaban", "en": "The answer"},
    "against_baseline": {"id": "Setiap set dibanding baseline", "en": "Each set against the "
                         "baseline"},
    "design_heading": {"id": "Bagaimana perbandingan dibuat", "en": "How the comparison was made"},
    "ranking_heading": {"id": "Peringkat semua pilihan", "en": "Every option ranked"},
    "ranking_caption": {
        "id": "Risiko tiap pilihan dengan selangnya dan peluangnya menjadi yang terbaik; "
              "pilihan yang direkomendasikan berwarna merah.",
        "en": "Each option's risk with its interval and its chance of being best; the "
              "recommended option in red."},
    "evidence": {"id": "Bukti di balik jawaban", "en": "The evidence behind the answer"},
    "pairs_heading": {"id": "Setiap pasangan pilihan", "en": "Every pair of options"},
    "pairs_intro": {
        "id": "Setiap pasangan dibandingkan ulangan demi ulangan ({n} ulangan, bilangan acak "
              "yang sama). {pairs} perbandingan diuji bersama dengan koreksi Holm (alfa {alpha}): "
              "peluang menyatakan satu pilihan lebih baik padahal tidak, di seluruh tabel, paling "
              "besar {alpha}. Kolom terakhir: ulangan tambahan per pilihan agar pasangan yang "
              "belum terbedakan dapat dibedakan dengan daya {power}, bila selisihnya sebesar "
              "perkiraan.",
        "en": "Each pair is compared replication by replication ({n} replications, the same "
              "random numbers). The {pairs} comparisons are tested together with Holm's "
              "correction (alpha {alpha}): the chance of calling one option better when it is "
              "not, anywhere in the table, is at most {alpha}. Last column: the further "
              "replications per option that would tell a pair apart with power {power}, if the "
              "difference is as estimated."},
    "pair": {"id": "Pasangan (lebih baik vs lebih buruk)", "en": "Pair (better vs worse)"},
    "lower_by": {"id": "Lebih rendah sebesar [selang]", "en": "Lower by [interval]"},
    "p_holm": {"id": "p (Holm)", "en": "p (Holm)"},
    "told_apart": {"id": "Terbedakan", "en": "Told apart"},
    "more_runs": {"id": "Ulangan tambahan", "en": "More replications"},
    "other_measures": {"id": "Ukuran risiko lain (dengan selang)",
                       "en": "Other measures of risk (with intervals)"},
    "budget_heading": {"id": "Anggaran dan apa yang muat", "en": "The budget and what fits"},
    "budget_intro": {
        "id": "Anggaran: {budget}. Setiap pilihan dibatasi anggaran ini: bagian tetap "
              "dipertahankan, bagian yang dapat diperkecil (cakupan, jumlah yang dilatih) "
              "dikecilkan dengan satu pecahan yang sama. Biaya adalah perkiraan.",
        "en": "Budget: {budget}. Every option is held to it: fixed parts are kept, the parts "
              "that can shrink (coverage, share trained) shrink by one common fraction. Costs "
              "are estimates."},
    "plan_front": {
        "id": "Front Pareto biaya dalam anggaran dan {risk}: {options}. Setiap pilihan lain "
              "dikalahkan salah satunya dalam biaya, risiko, atau keduanya.",
        "en": "Pareto front of cost within the budget and {risk}: {options}. Every other option "
              "is beaten by one of these on cost, risk or both."},
    "strategy_shares": {"id": "Bagian tiap strategi yang muat", "en": "Share of each strategy"},
    "search_heading": {"id": "Pencarian kombinasi terbaik", "en": "Searching for the best "
                       "combination"},
    "round": {"id": "Putaran", "en": "Round"},
    "search_candidates": {"id": "Kandidat", "en": "Candidates"},
    "replications_each": {"id": "Ulangan per kandidat", "en": "Replications each"},
    "kept": {"id": "Lolos", "en": "Kept"},
    "best_in_round": {"id": "Terbaik di putaran ini", "en": "Best in the round"},
    "robustness_heading": {"id": "Ketahanan di dunia lain yang masuk akal",
                           "en": "Robustness across other plausible worlds"},
    "mean_risk": {"id": "Risiko rata-rata", "en": "Mean risk"},
    "mean_regret": {"id": "Penyesalan rata-rata", "en": "Mean regret"},
    "max_regret": {"id": "Penyesalan terbesar", "en": "Largest regret"},
    "best_share": {"id": "Terbaik di", "en": "Best in"},
    "satisficing_share": {"id": "Cukup baik di", "en": "Good enough in"},
    "robustness_caption": {
        "id": "Penyesalan tiap pilihan di tiap dunia (titik) dan rata-ratanya (batang).",
        "en": "Each option's regret in each world (dots) and its mean (bar)."},
    "discovery_heading": {"id": "Kapan pilihan ini masih gagal", "en": "When it still fails"},
    "front_caption": {
        "id": "Setiap titik satu paket yang dijalankan pencarian dan muat anggaran; titik merah: "
              "front Pareto; angka: finalis yang dibandingkan pada bagian peringkat.",
        "en": "Each dot is one package the search ran that fits the budget; red dots: the "
              "Pareto front; numbers: the finalists compared in the ranking.",
    },
    "discovery_caption": {
        "id": "Setiap titik satu dunia uji, diwarnai menurut bagian run pilihan yang "
              "direkomendasikan yang gagal di sana; garis putus-putus: kotak PRIM.",
        "en": "Each dot is one world tried, coloured by the share of the recommended option's "
              "runs that fail there; dashed: the PRIM box."},
}
