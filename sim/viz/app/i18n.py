"""Every text of the training app in Indonesian (default) and English.

Keys not found here fall back to the project's shared labels
(``sim.viz.labels``): phases, severities and outcome names are said the same
way in the app, the CLI summary and the figures.
"""

from __future__ import annotations

import datetime as dt

from sim.viz.labels import LABELS, MONTHS, number

LANGUAGES = ("id", "en")

APP_LABELS: dict[str, dict[str, str]] = {
    # frame
    "app_title": {"id": "Kondusif: latihan mitigasi konflik Pilkada",
                  "en": "Kondusif: Pilkada conflict-mitigation training"},
    "tab_simulation": {"id": "Simulasi", "en": "Simulation"},
    "tab_about": {"id": "Tentang model ini", "en": "About this model"},
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
    "scenario": {"id": "Skenario", "en": "Scenario"},
    "seed": {"id": "Benih acak (seed)", "en": "Random seed"},
    "help_seed": {"id": "Seed yang sama memberi hasil yang sama; baseline dan strategi "
                          "memakai bilangan acak yang sama.",
                  "en": "The same seed gives the same run; baseline and strategy share "
                        "their random numbers."},
    "strategies_packages": {"id": "Strategi dan paket", "en": "Strategies and packages"},
    "packages": {"id": "Paket strategi", "en": "Strategy packages"},
    "cost_line": {"id": "Rp {rupiah} (perkiraan) · {days} hari-orang",
                  "en": "Rp {rupiah} (estimate) · {days} personnel-days"},
    "cost_unknown": {"id": "biaya tidak dapat dihitung: {detail}",
                     "en": "cost cannot be computed: {detail}"},
    "help_strategies": {"id": "Pilih strategi; simulasi dimulai ulang dari hari pertama.",
                        "en": "Choose strategies; the run starts again from day one."},
    "parameters": {"id": "Parameter kunci", "en": "Key parameters"},
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
    "speed": {"id": "Kecepatan (hari per detik)", "en": "Speed (days per second)"},
    # lanes
    "baseline": {"id": "Tanpa strategi (baseline)", "en": "Baseline (no strategy)"},
    "with_strategy": {"id": "Dengan strategi", "en": "With strategies"},
    # map
    "map_title": {"id": "Peta wilayah: warna = ketegangan, ukuran = jumlah pemilih",
                  "en": "Map: colour = tension, size = registered voters"},
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
    "chart_turnout": {"id": "Partisipasi pemilih", "en": "Turnout"},
    "legend_solid": {"id": "garis penuh: dengan strategi", "en": "solid: with strategies"},
    "legend_dashed": {"id": "garis putus: baseline", "en": "dashed: baseline"},
    "today": {"id": "hari ini", "en": "today"},
    # outcome cards
    "so_far": {"id": "Hasil sejauh ini", "en": "Results so far"},
    "difference": {"id": "Selisih", "en": "Difference"},
    "total_cost": {"id": "Biaya strategi terpilih", "en": "Cost of the chosen strategies"},
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
    "ev_hoax_wave": {"id": "Gelombang hoaks", "en": "Hoax wave"},
    "ev_provocation": {"id": "Provokasi saat kampanye akbar", "en": "Provocation at a rally"},
    "ev_disputed_count": {"id": "Hasil hitung disengketakan", "en": "Disputed count"},
    "ev_non_neutrality": {"id": "Pejabat tidak netral", "en": "A non-neutral official"},
    "ev_legitimacy_shock": {"id": "Guncangan legitimasi", "en": "Legitimacy shock"},
    # errors
    "error_scenario": {"id": "Skenario tidak dapat dipakai", "en": "The scenario cannot be used"},
    "error_event": {"id": "Peristiwa ditolak", "en": "The event was refused"},
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


def text(key: str, lang: str = "id", **params) -> str:
    """The app's text for `key` in `lang`, with ``{params}`` filled in.

    Parameters
    ----------
    key : str
        A key of ``APP_LABELS`` or of the shared ``sim.viz.labels.LABELS``.
    lang : {"id", "en"}
    **params
        Values for the placeholders of the text.

    Raises
    ------
    KeyError
        If no text has that key: a missing translation is a bug, not a blank.

    Examples
    --------
    >>> text("day_of", "en", day=3, days=87)
    'Day 3 of 87'
    """
    entry = APP_LABELS.get(key) or LABELS.get(key)
    if entry is None:
        raise KeyError(f"no app text for {key!r}")
    template = entry[lang]
    return template.format(**params) if params else template


def long_date(day: dt.date, lang: str = "id") -> str:
    """``Rabu, 27 November 2024`` / ``Wednesday, 27 November 2024``."""
    return f"{WEEKDAYS[lang][day.weekday()]}, {day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def short_date(day: dt.date, lang: str = "id") -> str:
    """``27 Nov``: day and the first three letters of the month in that language."""
    return f"{day.day} {MONTHS[lang][day.month - 1][:3]}"


def rupiah(value: float, lang: str = "id") -> str:
    """Rupiah in the language's number format, no decimals."""
    return number(value, lang, 0)
