"""The words of the app's About panel (NetLogo's Info sections) and its documentation list."""

from __future__ import annotations

ABOUT: dict[str, dict[str, str]] = {
    # the five section headings, then each section's text (``<section>_body``)
    "what_it_is": {"id": "APA INI", "en": "WHAT IT IS"},
    "how_it_works": {"id": "BAGAIMANA CARA KERJANYA", "en": "HOW IT WORKS"},
    "how_to_use_it": {"id": "CARA MEMAKAINYA", "en": "HOW TO USE IT"},
    "things_to_notice": {"id": "YANG PERLU DIPERHATIKAN", "en": "THINGS TO NOTICE"},
    "things_to_try": {"id": "YANG BISA DICOBA", "en": "THINGS TO TRY"},
    "what_it_is_body": {
        "id": (
            "Kondusif adalah simulasi berbasis agen tentang konflik sosial di sekitar "
            "Pilkada. Setiap langkah adalah satu hari kalender Pilkada: kampanye, masa "
            "tenang, pemungutan suara, rekapitulasi dan masa sengketa. Tujuannya bukan "
            "meramal, tetapi membandingkan: apa bedanya bila sebuah strategi mitigasi "
            "dijalankan, pada daerah yang sama dan dengan kebetulan yang sama."
        ),
        "en": (
            "Kondusif is an agent-based simulation of social conflict around a regional "
            "election (Pilkada). Each step is one day of the Pilkada calendar: campaign, "
            "quiet days, voting, recapitulation and the dispute period. It is not a "
            "forecast but a comparison: what changes when a mitigation strategy is used, "
            "in the same place and with the same chance events."
        ),
    },
    "how_it_works_body": {
        "id": (
            "- Setiap pemilih terdaftar punya kesulitan hidup, kemarahan kepada kubu lawan "
            "dan keberanian. Ia ikut aksi bila keluhannya melebihi risiko ditangkap yang ia "
            "perkirakan dari jumlah aparat di sekitarnya (model kekerasan sipil Epstein 2002).\n"
            "- Hoaks menyebar lewat kontak, terutama di dalam wilayah sendiri (model rumor "
            "Daley-Kendall dan Maki-Thompson); yang percaya kehilangan kepercayaan pada "
            "penyelenggara dan makin marah.\n"
            "- Pendukung yang aktif dari kubu berbeda bertemu: gesekan bisa membesar menjadi "
            "bentrokan atau kerusuhan bila aparat terlambat atau terlalu sedikit (model "
            "kerusuhan London, Davies dkk. 2013). Wilayah dengan kelompok yang bercampur "
            "sebagian lebih rawan (Lim, Metzler dan Bar-Yam 2007).\n"
            "- Tokoh masyarakat dan agama meredakan ketegangan; pejabat yang tidak netral "
            "mengikis legitimasi. Pada hari pemungutan suara rasa takut menurunkan "
            "partisipasi; selisih tipis dan hoaks memperbesar peluang sengketa.\n"
            "- Strategi hanya bekerja lewat tuas yang dinyatakan: parameter, penempatan "
            "aparat dan mediator, jadwal kegiatan, dan biaya yang dihitung."
        ),
        "en": (
            "- Every registered voter has hardship, anger at the rival camp and a "
            "willingness to take risks. They turn out to protest when their grievance "
            "exceeds the risk of arrest they read from the police around them (Epstein's "
            "2002 civil-violence model).\n"
            "- Hoaxes spread through contacts, mostly inside one's own community "
            "(Daley-Kendall and Maki-Thompson rumour models); believers lose trust in the "
            "organisers and grow angrier.\n"
            "- Active supporters of rival camps meet: friction can grow into a clash or a "
            "riot when police arrive late or too few (the London riots model of Davies et "
            "al. 2013). Partly mixed communities are more at risk (Lim, Metzler and "
            "Bar-Yam 2007).\n"
            "- Community and religious leaders calm tension; non-neutral officials erode "
            "legitimacy. On voting day fear lowers turnout; a narrow margin and hoaxes make "
            "a dispute more likely.\n"
            "- Strategies act only through declared levers: parameters, placement of "
            "police and mediators, scheduled activities, and a costed budget."
        ),
    },
    "how_to_use_it_body": {
        "id": (
            "1. Pilih skenario dan seed.\n"
            "2. Centang satu strategi atau paket; biayanya tertulis di bawahnya.\n"
            "3. Tekan **Langkah** untuk maju satu hari, atau **Jalankan** dan atur "
            "kecepatannya.\n"
            "4. Geser parameter kunci (legitimasi, personel keamanan, waktu tanggap, "
            "intensitas hoaks): simulasi dimulai ulang dengan nilai baru.\n"
            "5. Sisipkan peristiwa (hoaks, provokasi, sengketa hitung, pejabat tidak netral, "
            "guncangan legitimasi) dan amati tanggapannya. **Ulangi** kembali ke hari "
            "pertama."
        ),
        "en": (
            "1. Choose a scenario and a seed.\n"
            "2. Tick a strategy or a package; its cost is shown beneath it.\n"
            "3. Press **Step** to move one day, or **Play** and set the speed.\n"
            "4. Move the key parameters (legitimacy, security personnel, response delay, "
            "hoax intensity): the run starts again with the new values.\n"
            "5. Inject an event (hoax wave, provocation, disputed count, non-neutral "
            "official, legitimacy shock) and watch the response. **Reset** returns to day "
            "one."
        ),
    },
    "things_to_notice_body": {
        "id": (
            "- Kedua peta memakai bilangan acak yang sama: perbedaan yang terlihat adalah "
            "akibat strategi, bukan kebetulan.\n"
            "- Ketegangan naik tajam di sekitar kampanye akbar, hoaks dan pengumuman hasil, "
            "lalu turun perlahan; masa tenang memang lebih tenang.\n"
            "- Wilayah jauh dari markas aparat lebih lama ditangani: gesekan di sana lebih "
            "mudah menjadi bentrokan.\n"
            "- Kepercayaan hoaks naik cepat lalu berhenti: penyebar berhenti ketika "
            "bertemu orang yang sudah tahu."
        ),
        "en": (
            "- Both maps share their random numbers: a difference you see comes from the "
            "strategy, not from luck.\n"
            "- Tension jumps around rallies, hoaxes and the announcement of results, then "
            "decays slowly; the quiet days really are quieter.\n"
            "- Communities far from police bases wait longer for a response: friction there "
            "turns into clashes more easily.\n"
            "- Hoax belief rises fast then stops: spreaders give up when they meet people "
            "who already know."
        ),
    },
    "things_to_try_body": {
        "id": (
            "- Turunkan legitimasi sedikit demi sedikit, lalu coba penurunan yang sama "
            "sekaligus lewat guncangan legitimasi. Mana yang memicu lebih banyak aksi?\n"
            "- Kurangi personel keamanan bertahap: adakah titik ketika insiden melonjak?\n"
            "- Sisipkan gelombang hoaks besar seminggu sebelum pemungutan suara, dengan dan "
            "tanpa strategi komunikasi efektif.\n"
            "- Ganti seed: apakah strategi tetap menolong di hari-hari yang berbeda nasibnya?"
        ),
        "en": (
            "- Lower legitimacy a little at a time, then make the same drop at once with a "
            "legitimacy shock. Which one sets off more protest?\n"
            "- Cut security personnel step by step: is there a point where incidents jump?\n"
            "- Inject a large hoax wave a week before voting day, with and without the "
            "counter-hoax strategy.\n"
            "- Change the seed: does the strategy still help when chance plays out "
            "differently?"
        ),
    },
    # the installed pages a trainer may open
    "docs_heading": {"id": "DOKUMENTASI", "en": "DOCUMENTATION"},
    "docs_hint": {"id": "Halaman dokumentasi versi yang terpasang (juga: `kondusif docs NAMA`).",
                  "en": "Pages of the installed version's documentation "
                        "(also: `kondusif docs NAME`)."},
}
