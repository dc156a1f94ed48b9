"""Scientific validation: the model's mechanisms in their published special cases.

Each published result (docs/validation.md) is an experiment file in
experiments/validation/ run by a check in this package, and every verdict
states the null it rejects. Checks of the Pilkada model run
`ElectionConflictModel` through `sim.run` (pilkada.py): Epstein's outbursts
and activation order (pilkada_outbursts.py), Maki-Thompson and Daley-Kendall
rumours (rumour_limit.py), Davies et al.'s riot policing (riot_policing.py),
Lim et al.'s identity patches against a control (identity_patches.py), face
validity against Kutai Timur 2024 (face_validity.py) and the East Kalimantan
ranking against a permutation null (province_ranking.py). Epstein's torus is
a reference world (epstein.py, civil_violence.py) docked to the Pilkada model
where both apply (docking.py).

Examples
--------
>>> from sim.validation import bundled_specs, run_spec
>>> verdict = run_spec(bundled_specs()["epstein_docking"], "quick").verdict
>>> verdict.status in ("PASS", "FAIL")
True
"""

from sim.validation.registry import CHECKS, run_spec
from sim.validation.spec import bundled_specs, load_spec

__all__ = ["CHECKS", "bundled_specs", "load_spec", "run_spec"]
