"""Bilingual refusals: why an action, a claim or a command was not taken, said for people.

Every refusal carries an Indonesian and an English sentence and a short key a
program can test. The participant's screen shows the sentence in the chosen
language; the session keeps the refusal in its history.
"""

from __future__ import annotations


class Refusal(Exception):
    """An action, claim or command the session does not take, with the reason in two languages.

    Parameters
    ----------
    key : str
        A short identifier of the reason (``late``, ``over_budget``, ...).
    id, en : str
        The reason in Indonesian and in English.

    Examples
    --------
    >>> r = Refusal("late", "Terlambat.", "Too late.")
    >>> r.as_dict()
    {'key': 'late', 'id': 'Terlambat.', 'en': 'Too late.'}
    """

    def __init__(self, key: str, id: str, en: str):  # noqa: A002 - the language code
        super().__init__(en)
        self.key = key
        self.id = id
        self.en = en

    def as_dict(self) -> dict[str, str]:
        return {"key": self.key, "id": self.id, "en": self.en}


def rupiah(value: float) -> str:
    """Rupiah as people write them, with Indonesian thousands dots.

    Examples
    --------
    >>> rupiah(1_250_000)
    'Rp 1.250.000'
    """
    return "Rp " + f"{value:,.0f}".replace(",", ".")
