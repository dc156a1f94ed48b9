"""The planner's report: one self-contained HTML file that carries an experiment's answer.

::

    from sim.viz.report import write_report
    write_report("out/quick", "out/quick/report.html", lang="id")
"""

from sim.viz.report.build import SECTION_IDS, build_report, write_report
from sim.viz.report.gather import ReportError

__all__ = ["SECTION_IDS", "ReportError", "build_report", "write_report"]
