"""Every word shown to people, in one namespaced table: Indonesian first, then English.

A key is ``name`` (the words every view shares: outcomes, severities, phases,
figure titles) or ``namespace:name`` (``app:``, ``report:``, ``lever:``, the planner's ``answer:``
and ``plan:`` figures, the app's ``about:`` panel). A
namespaced key that its namespace lacks is looked up among the shared words,
so the app and the report say "Kerusuhan" the same way as the CLI; no
namespace may reuse a shared name (a test checks), so that fallback never
hides a second wording. A key found nowhere raises `MissingLabel`: a missing
translation is a bug, not a blank.

Examples
--------
>>> label("riots", "en")
'Riots'
>>> label("app:day_of", "id", day=3, days=87)
'Hari 3 dari 87'
>>> label("report:strategies", "en")   # not the app's own: the shared word
'Strategies'
"""

from __future__ import annotations

from sim.viz.labels.about import ABOUT
from sim.viz.labels.answer import ANSWER
from sim.viz.labels.app import APP, WEEKDAYS
from sim.viz.labels.plan import PLAN
from sim.viz.labels.report import REPORT
from sim.viz.labels.shared import LEVER, MONTHS, SHARED

__all__ = ["LABELS", "LANGUAGES", "MONTHS", "WEEKDAYS", "MissingLabel", "label", "number",
           "percent"]

LANGUAGES = ("id", "en")
SHARED_NAMESPACE = ""
LABELS: dict[str, dict[str, dict[str, str]]] = {
    SHARED_NAMESPACE: SHARED, "app": APP, "report": REPORT, "lever": LEVER, "answer": ANSWER,
    "plan": PLAN, "about": ABOUT}


class MissingLabel(KeyError):
    """No words for a key in a language: a bug in the code or the table, never a user's."""


def entry(key: str) -> dict[str, str]:
    """The words of `key` in every language: its namespace's, else the shared ones.

    Raises
    ------
    MissingLabel
        If neither the key's namespace nor the shared words have it.

    Examples
    --------
    >>> entry("app:play")
    {'id': 'Jalankan', 'en': 'Play'}
    """
    namespace, _, name = key.rpartition(":")
    table = LABELS.get(namespace)
    if table is None:
        raise MissingLabel(f"label {key!r}: no namespace {namespace!r}; known: "
                           f"{', '.join(n for n in LABELS if n)}")
    found = table.get(name) or SHARED.get(name)
    if found is None:
        raise MissingLabel(f"label {key!r}: not in the table")
    return found


def label(key: str, lang: str = "id", **params: object) -> str:
    """The words for `key` in `lang`, with ``{params}`` filled in.

    Parameters
    ----------
    key : str
        ``name`` for a shared word, ``namespace:name`` for a view's own.
    lang : {"id", "en"}
    **params
        Values for the placeholders of the text.

    Raises
    ------
    MissingLabel
        If the key or the language has no words.

    Examples
    --------
    >>> label("dispute_filed", "id")
    'Sengketa diajukan ke MK'
    """
    words = entry(key)
    if lang not in words:
        raise MissingLabel(f"label {key!r}: no words in {lang!r}; languages: "
                           f"{', '.join(LANGUAGES)}")
    return words[lang].format(**params) if params else words[lang]


def number(value: float, lang: str = "id", digits: int = 0) -> str:
    """Format a number for the language: 1.234,5 in Indonesian, 1,234.5 in English.

    Examples
    --------
    >>> number(1234.5, "id", 1), number(1234.5, "en", 1)
    ('1.234,5', '1,234.5')
    """
    text = f"{value:,.{digits}f}"
    if lang == "id":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def percent(value: float, lang: str = "id", digits: int = 1) -> str:
    """A 0-1 share as a percentage in the language's number format.

    Examples
    --------
    >>> percent(0.125, "id")
    '12,5%'
    """
    return f"{number(100 * value, lang, digits)}%"
