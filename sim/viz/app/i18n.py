"""The training app's words and dates: its namespace (``app:``) of the one label table."""

from __future__ import annotations

import datetime as dt

from sim.viz.labels import LANGUAGES, MONTHS, WEEKDAYS, label, number

__all__ = ["LANGUAGES", "long_date", "rupiah", "short_date", "text"]


def text(key: str, lang: str = "id", **params) -> str:
    """The app's words for `key` (namespace ``app``), a shared word where the app has none.

    Raises
    ------
    sim.viz.labels.MissingLabel
        If no words have that key: a missing translation is a bug, not a blank.

    Examples
    --------
    >>> text("day_of", "en", day=3, days=87)
    'Day 3 of 87'
    """
    return label(f"app:{key}", lang, **params)


def long_date(day: dt.date, lang: str = "id") -> str:
    """``Rabu, 27 November 2024`` / ``Wednesday, 27 November 2024``."""
    return f"{WEEKDAYS[lang][day.weekday()]}, {day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def short_date(day: dt.date, lang: str = "id") -> str:
    """``27 Nov``: day and the first three letters of the month in that language."""
    return f"{day.day} {MONTHS[lang][day.month - 1][:3]}"


def rupiah(value: float, lang: str = "id") -> str:
    """Rupiah in the language's number format, no decimals."""
    return number(value, lang, 0)
