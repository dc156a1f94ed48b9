"""The planner's report: one self-contained HTML file that carries an experiment's answer."""
