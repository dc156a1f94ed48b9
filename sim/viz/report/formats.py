"""Numbers and names as the report prints them: decimal comma in Indonesian, point in English."""

from __future__ import annotations

import math

from sim.experiments.measures import outcome
from sim.viz.labels import MONTHS, label, number, percent

DASH = "–"


def text(key: str, lang: str, **values: object) -> str:
    """The report's sentence `key` in `lang` (namespace ``report``), slots filled.

    Examples
    --------
    >>> text("runs_stored", "id")
    'Run tersimpan'
    """
    return label(f"report:{key}", lang, **values)


def is_share(name: str) -> bool:
    """True for outcomes declared as shares or flags (printed as percentages)."""
    return outcome(name).kind in ("share", "flag")


def digits_for(value: float) -> int:
    """Decimals that keep about three significant figures without false precision."""
    size = abs(value)
    return 0 if size >= 100 or size == 0 else 2 if size >= 1 else 3


def missing(value: float) -> bool:
    """True for no number: None, NaN, or an infinity (a ratio to a zero baseline)."""
    return value is None or (isinstance(value, float) and not math.isfinite(value))


def value_text(value: float, outcome: str, lang: str, digits: int | None = None) -> str:
    """An outcome's value: a percentage for shares, else a number with sensible decimals.

    Examples
    --------
    >>> value_text(0.716, "turnout", "id"), value_text(4.25, "incidents_total", "en")
    ('71,6%', '4.25')
    """
    if missing(value):
        return DASH
    if is_share(outcome):
        return percent(_unsigned_zero(100 * value, 1 if digits is None else digits) / 100, lang,
                       1 if digits is None else digits)
    digits = digits_for(value) if digits is None else digits
    return number(_unsigned_zero(value, digits), lang, digits)


def _unsigned_zero(value: float, digits: int) -> float:
    """0.0 for values that round to zero, so that no "-0" is printed."""
    return 0.0 if round(value, digits) == 0 else value


def difference_text(value: float, outcome: str, lang: str, signed: bool = True) -> str:
    """A difference between two means; of shares in percentage points.

    Examples
    --------
    >>> difference_text(-0.121, "peak_hoax_belief", "id"), difference_text(2.5, "riots", "en")
    ('-12,1 poin persentase', '+2.50')
    """
    if missing(value):
        return DASH
    size = abs(value)
    shown = 100 * size if is_share(outcome) else size
    digits = 1 if is_share(outcome) else digits_for(size)
    if round(shown, digits) == 0:
        return "0"
    body = number(shown, lang, digits)
    if is_share(outcome):
        body += f" {label('percentage_points', lang)}"
    return (("-" if value < 0 else "+") if signed else "") + body


def interval_text(low: float, high: float, outcome: str, lang: str,
                  digits: int | None = None) -> str:
    """``[low; high]``: the semicolon separates bounds in both languages."""
    if missing(low) or missing(high):
        return ""
    width = max(abs(low), abs(high))
    digits = digits if digits is not None else (None if is_share(outcome) else digits_for(width))
    return f"[{value_text(low, outcome, lang, digits)}; {value_text(high, outcome, lang, digits)}]"


def difference_interval(low: float, high: float, outcome: str, lang: str) -> str:
    """The interval of a difference: ``[−12,5; −11,6]`` (percentage points for shares)."""
    if missing(low) or missing(high):
        return ""
    if is_share(outcome):
        low, high, digits = 100 * low, 100 * high, 1
    else:
        digits = digits_for(max(abs(low), abs(high)))
    return (f"[{number(_unsigned_zero(low, digits), lang, digits)}; "
            f"{number(_unsigned_zero(high, digits), lang, digits)}]")


def share_text(value: float, lang: str) -> str:
    """A 0-1 share as a percentage, or a dash when unknown."""
    return DASH if missing(value) else percent(value, lang, 0)


def rupiah(value: float, lang: str) -> str:
    """A rupiah amount: ``Rp 609.000.000`` (id) or ``Rp 609,000,000`` (en)."""
    return DASH if missing(value) else f"Rp {number(value, lang)}"


def arm_title(arm: str, lang: str) -> str:
    """A strategy set in words: catalogue titles joined by +, the baseline named as such."""
    from sim.experiments.spec import BASELINE, arm_strategies
    from sim.strategies import CATALOGUE

    if arm == BASELINE:
        return label("none", lang)
    parts = []
    for name in arm_strategies(arm):
        strategy = CATALOGUE.get(name)
        parts.append(strategy.title[lang] if strategy is not None else name)
    return " + ".join(parts)


def arm_cell(arm: str, lang: str) -> str:
    """A table's first cell: the set's short name (as in the figures) above its title."""
    title = arm_title(arm, lang)
    return title if title == label("none", lang) or title == arm else f"{arm}\n{title}"


def date_text(day, lang: str) -> str:
    """A date in words: ``27 November 2024``."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def reduction_text(value: float, low: float, high: float, lang: str) -> str:
    """A relative reduction and its interval as whole percentages: ``69% [67%; 70%]``."""
    if missing(value):
        return DASH
    def whole(share: float) -> str:
        return percent(_unsigned_zero(100 * share, 0) / 100, lang, 0)

    bounds = "" if missing(low) or missing(high) else f" [{whole(low)}; {whole(high)}]"
    return whole(value) + bounds


BUDGET_PARAMETERS = ("strategies.budget.rupiah", "budget")


def parameter_text(name: str, value, lang: str) -> str:
    """``grievance.legitimacy = 0,9``; a budget as ``anggaran Rp 3,00 miliar``.

    Examples
    --------
    >>> parameter_text("strategies.budget.rupiah", 3e9, "en")
    'budget Rp 3.00 billion'
    >>> parameter_text("grievance.legitimacy", 0.9, "id")
    'grievance.legitimacy = 0,9'
    """
    if name in BUDGET_PARAMETERS and isinstance(value, int | float) and name != "budget":
        from sim.viz.answer import rupiah_short

        return f"{label('budget', lang)} {rupiah_short(float(value), lang)}"
    if isinstance(value, float):
        shown = number(value, lang, 3)
        decimal = "," if lang == "id" else "."
        if decimal in shown:
            shown = shown.rstrip("0").rstrip(decimal)
        return f"{name} = {shown}"
    return f"{name} = {value}"
