"""The training app's words: frame, controls, notices, map, charts, events, errors."""

from __future__ import annotations

APP: dict[str, dict[str, str]] = {
    # frame
    "app_title": {"id": "Kondusif: latihan mitigasi konflik Pilkada",
                  "en": "Kondusif: Pilkada conflict-mitigation training"},
    "tab_simulation": {"id": "Simulasi", "en": "Simulation"},
    "tab_about": {"id": "Tentang model", "en": "About"},
    "language": {"id": "Bahasa", "en": "Language"},
    "lang_id": {"id": "Bahasa Indonesia", "en": "Bahasa Indonesia"},
    "lang_en": {"id": "English", "en": "English"},
    # status
    "day_of": {"id": "Hari {day} dari {days}", "en": "Day {day} of {days}"},
    "not_started": {"id": "Belum dimulai: tekan Langkah atau Jalankan",
                    "en": "Not started yet: press Step or Play"},
    "phase": {"id": "Tahapan", "en": "Phase"},
    "finished": {"id": "Kalender selesai", "en": "Calendar finished"},
    # controls
    "controls": {"id": "Kendali", "en": "Controls"},
    "help_seed": {"id": "Seed yang sama memberi hasil yang sama; baseline dan strategi "
                          "memakai bilangan acak yang sama.",
                  "en": "The same seed gives the same run; baseline and strategy share "
                        "their random numbers."},
    "strategies_packages": {"id": "Strategi dan paket", "en": "Strategies and packages"},
    "cost_line": {"id": "Rp {rupiah} (perkiraan) · {days} hari-orang",
                  "en": "Rp {rupiah} (estimate) · {days} personnel-days"},
    "cost_unknown": {"id": "biaya tidak dapat dihitung: {detail}",
                     "en": "cost cannot be computed: {detail}"},
    "help_strategies": {"id": "Memilih strategi memulai ulang simulasi; peristiwa yang "
                                "disisipkan diputar lagi sampai hari yang sama.",
                        "en": "Choosing a strategy restarts the run; injected events are "
                              "replayed up to the same day."},
    "legitimacy": {"id": "Legitimasi penyelenggara dan pemerintah",
                   "en": "Legitimacy of organisers and government"},
    "help_legitimacy": {"id": "0 = tidak dipercaya, 1 = dipercaya penuh (L dalam model Epstein).",
                        "en": "0 = not trusted, 1 = fully trusted (Epstein's L)."},
    "security_personnel": {"id": "Personel keamanan (orang)", "en": "Security personnel (people)"},
    "help_security_personnel": {
        "id": "Jumlah seluruh polisi, TNI dan Linmas; tiap satuan diskalakan.",
        "en": "Total police, military and Linmas; every force is scaled."},
    "response_delay": {"id": "Waktu tanggap aparat (jam)", "en": "Police response delay (hours)"},
    "help_response_delay": {"id": "Dari insiden sampai satuan berangkat (koordinasi).",
                            "en": "From an incident to the dispatch of a unit (coordination)."},
    "hoax_intensity": {"id": "Intensitas hoaks (× skenario)", "en": "Hoax intensity (× scenario)"},
    "help_hoax_intensity": {"id": "Pengali jumlah penyebar awal setiap gelombang hoaks.",
                            "en": "Multiplies the first spreaders of every hoax wave."},
    "compare": {"id": "Bandingkan dengan baseline (seed sama)",
                "en": "Compare with the baseline (same seed)"},
    "play": {"id": "Jalankan", "en": "Play"},
    "pause": {"id": "Jeda", "en": "Pause"},
    "step": {"id": "Langkah", "en": "Step"},
    "reset": {"id": "Ulangi", "en": "Reset"},
    "speed": {"id": "Kecepatan", "en": "Speed"},
    "speed_days": {"id": "{days} hari per detik", "en": "{days} days per second"},
    "speed_fastest": {"id": "Secepatnya", "en": "As fast as possible"},
    "speed_measured": {"id": "Terukur: {days} hari per detik", "en": "Measured: {days} days "
                                                                      "per second"},
    "help_keys": {"id": "Tombol: spasi = jalankan/jeda, panah kanan = satu hari, R = ulangi",
                  "en": "Keys: space = play/pause, right arrow = one day, R = reset"},
    "timeline": {"id": "Garis waktu (hari)", "en": "Timeline (days)"},
    "app_short": {"id": "Kondusif", "en": "Kondusif"},
    "presenter": {"id": "Layar penuh", "en": "Full screen"},
    "leave_presenter": {"id": "Keluar (Esc)", "en": "Leave (Esc)"},
    "events": {"id": "Peristiwa", "en": "Events"},
    "session": {"id": "Sesi", "en": "Session"},
    "exercise": {"id": "Latihan", "en": "Exercise"},
    "no_exercise": {"id": "(tanpa latihan: pilih skenario)", "en": "(no exercise: pick a "
                                                                   "scenario)"},
    "next_stop": {"id": "Pertanyaan berikutnya: {date}", "en": "Next question: {date}"},
    "continue": {"id": "Lanjutkan (spasi)", "en": "Continue (space)"},
    "compare_on": {"id": "Bandingkan dengan baseline: AKTIF", "en": "Compare with baseline: ON"},
    "compare_off": {"id": "Bandingkan dengan baseline: MATI", "en": "Compare with baseline: OFF"},
    "no_package": {"id": "(tanpa paket)", "en": "(no package)"},
    "help_parameters": {"id": "Mengubah parameter memulai ulang simulasi; peristiwa yang "
                                "disisipkan tetap dan diputar lagi sampai hari yang sama.",
                        "en": "A change restarts the run; injected events are kept and "
                              "replayed up to the same day."},
    "clear_events": {"id": "Hapus peristiwa", "en": "Clear events"},
    "repeat_10": {"id": "Ulang 10 kali (10 seed)", "en": "Repeat 10 times (10 seeds)"},
    "repeat_progress": {"id": "Menjalankan {done} dari {total}...",
                        "en": "Running {done} of {total}..."},
    "help_repeat": {"id": "Seluruh kalender dengan 10 seed: spanduk menunjukkan rentang selisih.",
                    "en": "The whole calendar on 10 seeds: the banner shows the range of the "
                          "difference."},
    "download_slide": {"id": "Unduh slide (PNG)", "en": "Download slide (PNG)"},
    "download_summary": {"id": "Unduh ringkasan (HTML)", "en": "Download summary (HTML)"},
    "save_session": {"id": "Simpan sesi", "en": "Save session"},
    "download_session": {"id": "Unduh berkas sesi", "en": "Download the session file"},
    "saved_sessions": {"id": "Sesi tersimpan", "en": "Saved sessions"},
    "load_session": {"id": "Muat sesi", "en": "Load session"},
    "help_session": {"id": "Sesi menyimpan pengaturan, peristiwa yang disisipkan dan hari "
                             "yang dicapai.",
                     "en": "A session keeps the settings, the injected events and the day "
                           "reached."},
    "banner_title": {"id": "Selisih dengan strategi dibanding baseline (seed sama)",
                     "en": "Difference with strategies against the baseline (same seed)"},
    "calm_note": {"id": "Skenario ini adalah Pilkada 2024 yang sebenarnya, dan itu berjalan "
                          "damai: pasangan yang kalah menerima hasil. Karena itu hampir tidak "
                          "ada insiden. Untuk latihan, pilih salah satu latihan di tab Latihan "
                          "atau skenario tertekan.",
                  "en": "This scenario is the real 2024 Pilkada, and it passed peacefully: the "
                        "losing pair conceded. That is why there are hardly any incidents. For "
                        "training, pick an exercise in the Exercise tab or the stressed "
                        "scenario."},
    "calm_short": {"id": "Pilkada nyata 2024 berjalan damai; untuk latihan pilih tab Latihan",
                   "en": "the real 2024 Pilkada passed peacefully; for training see the "
                         "Exercise tab"},
    "notice_restart": {"id": "Dimulai ulang dengan pengaturan baru: {kept} peristiwa disisipkan "
                               "lagi ({dropped} tidak cocok), diputar sampai hari {day}.",
                       "en": "Restarted with the new settings: {kept} events injected again "
                             "({dropped} did not fit), replayed to day {day}."},
    "notice_exercise": {"id": "Latihan dimulai dari hari pertama; {dropped} peristiwa dari "
                                "sesi sebelumnya tidak dibawa (simpan sesi dulu bila perlu).",
                        "en": "The exercise starts from day one; {dropped} events of the "
                              "previous session were not carried over (save it first if "
                              "needed)."},
    "notice_scenario": {"id": "Skenario baru dimulai dari hari pertama; {dropped} peristiwa "
                                "sebelumnya tidak dibawa.",
                        "en": "The new scenario starts from day one; {dropped} earlier events "
                              "were not carried over."},
    "notice_seek": {"id": "Diputar lagi dari awal sampai hari {day} (hasil sama: seed sama).",
                    "en": "Replayed from the start to day {day} (same seed, same result)."},
    "notice_cleared": {"id": "Peristiwa yang disisipkan dihapus; simulasi diputar lagi.",
                       "en": "The injected events were cleared; the run was replayed."},
    "notice_saved": {"id": "Sesi disimpan: {file}", "en": "Session saved: {file}"},
    "notice_loaded": {"id": "Sesi {file} dimuat, sampai hari {day}.",
                      "en": "Session {file} loaded, up to day {day}."},
    # lanes
    "baseline": {"id": "Tanpa strategi (baseline)", "en": "Baseline (no strategy)"},
    "with_strategy": {"id": "Dengan strategi", "en": "With strategies"},
    # map
    "map_title": {"id": "Peta: warna = ketegangan, tanda silang = insiden hari ini",
                  "en": "Map: colour = tension, crosses = today's incidents"},
    "map_schematic": {"id": "Batas kecamatan skematis (dari letak pusat kecamatan), "
                             "bukan peta resmi",
                      "en": "Schematic district boundaries (from district centres), "
                            "not an official map"},
    "legend_capital": {"id": "Ibu kota: {town}", "en": "Capital: {town}"},
    "legend_units": {"id": "Polisi/TNI", "en": "Police/military"},
    "legend_linmas": {"id": "Linmas", "en": "Linmas"},
    "legend_incident": {"id": "Insiden hari ini", "en": "Incidents today"},
    "colorbar_tension": {"id": "Ketegangan (merah = memanas)", "en": "Tension (red = escalated)"},
    # charts
    "chart_incidents": {"id": "Insiden kumulatif menurut tingkat",
                        "en": "Cumulative incidents by severity"},
    "chart_tension": {"id": "Ketegangan rata-rata", "en": "Mean tension"},
    "chart_belief": {"id": "Kepercayaan hoaks (bagian penduduk)",
                     "en": "Hoax belief (share of residents)"},
    "legend_solid": {"id": "garis penuh: dengan strategi", "en": "solid: with strategies"},
    "legend_dashed": {"id": "garis putus: baseline", "en": "dashed: baseline"},
    "today": {"id": "hari ini", "en": "today"},
    # outcome cards
    "so_far": {"id": "Hasil sejauh ini", "en": "Results so far"},
    "difference": {"id": "Selisih", "en": "Difference"},
    "total_cost": {"id": "Biaya strategi terpilih", "en": "Cost of the chosen strategies"},
    # banner, slide and summary
    "banner_pair": {"id": "baseline {baseline} → strategi {strategy}",
                    "en": "baseline {baseline} → strategies {strategy}"},
    "banner_range": {"id": "rentang {low} s.d. {high} ({n} seed)",
                     "en": "range {low} to {high} ({n} seeds)"},
    "cost_days": {"id": "perkiraan · {days} hari-orang", "en": "estimate · {days} person-days"},
    "results": {"id": "Hasil", "en": "Results"},
    "prompts": {"id": "Pertanyaan untuk peserta", "en": "Questions for the room"},
    "slide": {"id": "Slide sesi", "en": "Session slide"},
    "source_live": {"id": "disisipkan pelatih", "en": "injected by the trainer"},
    "source_exercise": {"id": "bagian dari latihan", "en": "part of the exercise"},
    "summary_note": {"id": "Kondusif membandingkan, bukan meramal: angka adalah hasil model "
                             "(perkiraan), bukan data kejadian nyata.",
                     "en": "Kondusif compares, it does not forecast: the numbers are model "
                           "results (estimates), not records of real events."},
    # events
    "inject_title": {"id": "Sisipkan peristiwa", "en": "Inject an event"},
    "help_inject": {"id": "Peristiwa terjadi besok pada kedua simulasi; amati tanggapannya.",
                    "en": "The event happens tomorrow in both runs; watch the response."},
    "event_kind": {"id": "Jenis peristiwa", "en": "Kind of event"},
    "event_where": {"id": "Lokasi", "en": "Where"},
    "all_communities": {"id": "Semua wilayah", "en": "All communities"},
    "magnitude": {"id": "Besaran (1 = peristiwa biasa)", "en": "Size (1 = a typical event)"},
    "inject": {"id": "Sisipkan", "en": "Inject"},
    "injected": {"id": "{kind} di {place}, {date}", "en": "{kind} in {place}, {date}"},
    "injected_list": {"id": "Peristiwa yang disisipkan", "en": "Injected events"},
    "ev_rally": {"id": "Kampanye akbar", "en": "Rally"},
    "ev_result_announcement": {"id": "Pengumuman hasil", "en": "Result announced"},
    "ev_dispute_filing": {"id": "Sengketa diajukan", "en": "Dispute filed"},
    "legend_event": {"id": "Peristiwa hari ini", "en": "Event today"},
    "today_events": {"id": "Hari ini", "en": "Today"},
    "ev_hoax_wave": {"id": "Gelombang hoaks", "en": "Hoax wave"},
    "ev_provocation": {"id": "Provokasi saat kampanye akbar", "en": "Provocation at a rally"},
    "ev_disputed_count": {"id": "Hasil hitung disengketakan", "en": "Disputed count"},
    "ev_non_neutrality": {"id": "Pejabat tidak netral", "en": "A non-neutral official"},
    "ev_legitimacy_shock": {"id": "Guncangan legitimasi", "en": "Legitimacy shock"},
    # errors
    "error_scenario": {"id": "Skenario tidak dapat dipakai", "en": "The scenario cannot be used"},
    "error_event": {"id": "Peristiwa ditolak", "en": "The event was refused"},
    "error_event_phase": {"id": "Peristiwa ditolak: {kind} tidak dapat terjadi pada tahapan "
                                "{phase}; hanya pada: {allowed}",
                          "en": "The event was refused: {kind} cannot happen in the {phase} "
                                "phase; only in: {allowed}"},
    "error_session": {"id": "Sesi tidak dapat dimuat", "en": "The session cannot be loaded"},
    "error_exercise": {"id": "Latihan tidak dapat dipakai", "en": "The exercise cannot be used"},
    "error_event_after_end": {"id": "Kalender sudah selesai: tekan Ulangi untuk mulai lagi",
                              "en": "The calendar has ended: press Reset to start again"},
    "error_strategy": {"id": "Strategi {name} gagal pada {date}; simulasi dihentikan",
                       "en": "Strategy {name} failed on {date}; the run was stopped"},
    "error_model": {"id": "Simulasi berhenti karena galat pada {date}",
                    "en": "The run stopped with an error on {date}"},
    "error_drawing": {"id": "Gambar tidak dapat dibuat", "en": "The picture could not be drawn"},
}

WEEKDAYS = {
    "id": ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
