"""Calibration as inference: priors for every uncertain parameter, targets with sources and
tolerances, ABC-SMC (pyABC) run through the experiment runner, and posteriors that
experiments can draw their parameters from.

- priors.py: the prior table (one entry per uncertain mechanism parameter);
- targets.py: what the model is fitted to and predicts, with sources;
- spec.py: calibration files (`kondusif calibrate FILE`);
- abc.py: pyABC's ABC-SMC, its simulations done in batches by the experiment runner;
- posterior.py: the saved posterior, and drawing parameter sets from it;
- figures.py: marginals against priors, identification, posterior predictive checks.
"""
