"""The CLI's error for people: what a command raises when the user can fix the problem."""

from __future__ import annotations

EXIT_BAD_INPUT = 2


class UserError(Exception):
    """A problem the user can fix; printed without a traceback, exit status 2.

    Examples
    --------
    >>> str(UserError("--workers 0: must be at least 1"))
    '--workers 0: must be at least 1'
    """
