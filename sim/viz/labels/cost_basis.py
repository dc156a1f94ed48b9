"""How a strategy's cost was reckoned, said in Indonesian as well as English.

The strategies write their cost basis in English (it goes into experiment
stores and reports); the app's Indonesian screen translates it phrase by
phrase and writes numbers the Indonesian way (1.234.567,5).
"""

from __future__ import annotations

import re

# longest phrases first, so that "calendar days" is taken before "days"
PHRASES_ID: tuple[tuple[str, str], ...] = (
    ("Kutai Kartanegara's 2024 Pilkada security grant to its police",
     "hibah pengamanan Pilkada 2024 Kutai Kartanegara kepada kepolisian"),
    ("over an assumed 600 personnel for the 126-day operation is about",
     "dibagi atas sekitar 600 personel (asumsi) untuk operasi 126 hari, kira-kira"),
    ("per participant-day of a course mixing full-board hotel sessions in Samarinda for "
     "commanders and officials",
     "per peserta per hari untuk pelatihan yang memadukan sesi menginap penuh di Samarinda "
     "bagi komandan dan pejabat"),
    ("the format of Kutai Timur's five-day Bimtek of 27-31 Oct 2024",
     "format Bimtek lima hari Kutai Timur 27-31 Okt 2024"),
    ("with in-unit sessions cascaded to the rest",
     "dengan sesi berjenjang di satuan bagi yang lain"),
    ("daily honorarium, data and airtime of one communication staff member",
     "honor harian, kuota data dan pulsa satu staf komunikasi"),
    ("transport and refreshments of one leader on a dialogue day",
     "transpor dan konsumsi satu tokoh pada hari dialog"),
    ("field allowance and transport of one mapping surveyor",
     "uang lapangan dan transpor satu petugas pemetaan"),
    ("stipend and phone credit of one village conflict monitor",
     "uang saku dan pulsa satu pemantau konflik desa"),
    ("daily honorarium and transport of one ad hoc supervisor",
     "honor harian dan transpor satu pengawas ad hoc"),
    ("reinforcements come from forces already paid",
     "bantuan personel dari satuan yang sudah dibiayai"),
    ("deployments use forces already paid", "pengerahan memakai satuan yang sudah dibiayai"),
    ("per person-day", "per orang per hari"),
    ("calendar days", "hari kalender"),
    ("communities", "wilayah"),
    ("surveyors", "petugas pemetaan"),
    ("supervisors", "pengawas"),
    ("trainees", "peserta"),
    ("monitors", "pemantau"),
    ("officers", "petugas"),
    ("leaders", "tokoh"),
    ("coverage", "cakupan"),
    ("set-up", "persiapan"),
    ("billion", "miliar"),
    ("estimate", "perkiraan"),
    ("tools", "peralatan"),
    ("staff", "staf"),
    ("days", "hari"),
    (" at ", " @ "),
)

NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w])")


def basis_text(basis: str, lang: str = "id") -> str:
    """The cost basis in `lang` (English as written; Indonesian phrase by phrase).

    Examples
    --------
    >>> basis_text("15 staff x 87 calendar days at Rp 350,000 (estimate: x)", "id")
    '15 staf x 87 hari kalender @ Rp 350.000 (perkiraan: x)'
    """
    if lang != "id":
        return basis
    said = NUMBER.sub(_indonesian_number, basis)
    for english, indonesian in PHRASES_ID:
        said = said.replace(english, indonesian)
    return said


def _indonesian_number(found: re.Match) -> str:
    whole, fraction = found.group(1), found.group(2) or ""
    return whole.replace(",", ".") + (fraction.replace(".", ",") if fraction else "")
