"""`kondusif report`: one self-contained HTML file with an experiment's answer, for a meeting."""

from __future__ import annotations

from pathlib import Path


def add_parser(sub):
    parser = sub.add_parser(
        "report", help="one HTML file with a sweep's answer (and a sensitivity study's)",
        description="Turn a results folder of `kondusif sweep` (and, with --sensitivity, of "
                    "`kondusif sensitivity`) into one self-contained HTML file: the question "
                    "and scenario, the risk map, strategies compared with intervals and costs, "
                    "what drives the risk, limitations, and how to get the same numbers again. "
                    "It opens without a network and prints.")
    parser.add_argument("folder", type=Path, help="output folder of `kondusif sweep`")
    parser.add_argument("--lang", choices=["id", "en"], default="id",
                        help="language of the report; numbers follow it (default id)")
    parser.add_argument("--out", type=Path,
                        help="HTML file to write (default FOLDER/report-LANG.html)")
    parser.add_argument("--sensitivity", type=Path, metavar="FOLDER",
                        help="output folder of `kondusif sensitivity` to include")
    return parser


def main(args) -> int:
    from sim.commands.common import out_file_problem
    from sim.viz.report import ReportError, write_report

    out = args.out or args.folder / f"report-{args.lang}.html"
    if out.is_dir():
        raise ReportError(f"--out {out}", [f"is a folder; give a file, e.g. {out / 'report.html'}"])
    problem = out_file_problem(out)
    if problem:
        raise ReportError(f"--out {out}", [problem])
    try:
        written = write_report(args.folder, out, args.lang, args.sensitivity)
    except OSError as exc:
        raise ReportError(f"--out {out}", [f"cannot be written ({exc.strerror or exc})"]) from None
    print(written)
    return 0
