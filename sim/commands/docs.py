"""`kondusif docs`: the documentation installed with kondusif, listed, located or printed.

A report or the app cites a page as ``kondusif docs calibration``: whoever reads
it and has kondusif installed finds the very page of their installed version,
in any folder, with no copy of the repository.
"""

from __future__ import annotations

import sys

from sim import bundled
from sim.commands.errors import UserError


def add_parser(sub):
    parser = sub.add_parser("docs", help="list the installed documentation, or give one page's "
                                         "path (or its text, with --show)")
    parser.add_argument("page", nargs="?", help="a page name, e.g. calibration or ODD")
    parser.add_argument("--show", action="store_true", help="print the page's text, not its path")
    return parser


def main(args) -> int:
    try:
        if args.page is None:
            names = bundled.doc_names()
            if not names:
                raise UserError("no documentation found in this installation of kondusif")
            for name in names:
                print(f"{name:<20} {bundled.doc_title(name)}")
            return 0
        path = bundled.doc_path(args.page)
    except bundled.NotBundled as exc:
        raise UserError(str(exc)) from None
    if args.show:
        sys.stdout.write(path.read_text(encoding="utf-8"))
    else:
        print(path)
    return 0
