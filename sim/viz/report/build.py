"""Assemble the planner's report from a results folder: gather, write each section, one page."""

from __future__ import annotations

import datetime as dt
import shlex
from pathlib import Path

from sim.store_io import atomic_write_bytes
from sim.viz.report.answer_section import answer_section
from sim.viz.report.comparison_section import comparison_section
from sim.viz.report.drivers_section import drivers_section
from sim.viz.report.evidence_section import evidence_section
from sim.viz.report.formats import text
from sim.viz.report.gather import Results, gather
from sim.viz.report.html import page
from sim.viz.report.limits_section import limits_section
from sim.viz.report.reproduce_section import reproduce_section
from sim.viz.report.risk_section import risk_section
from sim.viz.report.scenario_section import scenario_section
from sim.viz.report.summary_section import summary_section

SECTION_IDS = ("answer", "summary", "scenario", "risk-map", "strategies", "evidence", "drivers",
               "limitations", "reproduce")


def report_command(folder: Path, lang: str, sensitivity: Path | None, out: Path | None) -> str:
    """The `kondusif report` command that makes this report again."""
    words = ["kondusif", "report", str(folder), "--lang", lang]
    if sensitivity is not None:
        words += ["--sensitivity", str(sensitivity)]
    if out is not None:
        words += ["--out", str(out)]
    return shlex.join(words)


def render(results: Results, lang: str, command: str) -> str:
    """The whole report as one HTML document (figures embedded)."""
    spec = results.spec
    if spec is not None:
        name = spec.experiment.title or spec.name
    else:
        name = results.manifest.get("experiment", results.folder.name)
    sections = [answer_section(results, lang), summary_section(results, lang),
                scenario_section(results, lang), risk_section(results, lang),
                comparison_section(results, lang), evidence_section(results, lang),
                drivers_section(results, lang), limits_section(results, lang),
                reproduce_section(results, lang, command)]
    sections = [s for s in sections if s is not None]
    today = dt.date.today().isoformat()
    return page(text("title", lang, name=name),
                text("subtitle", lang, created=today, folder=results.folder), lang, sections)


def build_report(folder: str | Path, lang: str = "id", sensitivity: str | Path | None = None,
                 out: str | Path | None = None) -> str:
    """The planner's report of a results folder, as a self-contained HTML string.

    Parameters
    ----------
    folder : path
        Output folder of ``kondusif sweep`` (or of ``kondusif sensitivity``).
    lang : {"id", "en"}
        Language of the text and figures; numbers follow it (decimal comma in Indonesian).
    sensitivity : path, optional
        Output folder of ``kondusif sensitivity`` for the "what drives the risk" section.
    out : path, optional
        Where the report will be written (shown in the command that makes it again).

    Returns
    -------
    str
        The HTML document.

    Raises
    ------
    ReportError
        When the folder holds no results at all (missing, empty, no manifest, no run).

    Examples
    --------
    >>> html = build_report("out/quick", lang="en")          # doctest: +SKIP
    """
    folder = Path(folder)
    sensitivity = Path(sensitivity) if sensitivity is not None else None
    results = gather(folder, sensitivity)
    command = report_command(folder, lang, sensitivity, Path(out) if out else None)
    return render(results, lang, command)


def write_report(folder: str | Path, out: str | Path, lang: str = "id",
                 sensitivity: str | Path | None = None) -> Path:
    """Build the report and write it atomically to `out`; return the path written."""
    out = Path(out)
    document = build_report(folder, lang, sensitivity, out)
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(out, document.encode("utf-8"))
    out.chmod(0o644)  # the temporary file is private; a report is made to be handed around
    return out
