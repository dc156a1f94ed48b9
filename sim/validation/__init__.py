"""Scientific validation: the model's mechanisms in their published special cases.

Each published result (docs/validation.md) is an experiment file in
experiments/validation/ run by a check in this package: Epstein's civil
violence on a torus (epstein.py, civil_violence.py), Maki-Thompson rumours
(rumour_limit.py), Davies et al.'s riot policing (riot_policing.py), Lim et
al.'s identity patches (identity_patches.py) and face validity against the
Kutai Timur 2024 Pilkada (face_validity.py).

Examples
--------
>>> from sim.validation import bundled_specs, run_spec
>>> verdict = run_spec(bundled_specs()["epstein_active_bound"], "quick").verdict
>>> verdict.status
'PASS'
"""

from sim.validation.registry import CHECKS, run_spec
from sim.validation.spec import bundled_specs, load_spec

__all__ = ["CHECKS", "bundled_specs", "load_spec", "run_spec"]
