"""Problems the app shows to people: a translated headline and the technical detail."""

from __future__ import annotations

import sys

from sim.viz.app.i18n import text


class AppError(Exception):
    """A problem to show on the page and in the terminal, never as a traceback.

    Parameters
    ----------
    key : str
        The headline's key in ``sim.viz.app.i18n``.
    detail : str
        What exactly was wrong (file, field path, value, what was expected).
    **params
        Values for the headline's placeholders; a ``{"id": ..., "en": ...}`` value is
        said in the page's language.
    """

    def __init__(self, key: str, detail: str = "", **params):
        self.key = key
        self.detail = detail
        self.params = params
        super().__init__(self.message("en"))

    def headline(self, lang: str = "id") -> str:
        params = {k: v[lang] if isinstance(v, dict) else v for k, v in self.params.items()}
        return text(self.key, lang, **params)

    def message(self, lang: str = "id") -> str:
        """Headline and detail on one line."""
        return f"{self.headline(lang)}: {self.detail}" if self.detail else self.headline(lang)


def report(error: AppError) -> None:
    """Say it in the terminal too, so the trainer running the server sees it."""
    print(f"kondusif app: {error.message('en')}", file=sys.stderr, flush=True)
