"""The province file reference (docs/province-reference.md), written from the schema."""

from __future__ import annotations

from sim.province.schema import Province

# The scenario reference's renderer: one table per block, the same look for both files.
from sim.scenario.reference import _section

INTRO = """# Province file reference

A province file composes regency scenarios into a Pilkada serentak: each entry
of `regions` names a regency scenario file (relative to the province file),
and the province adds the shared calendar, the governor race and the
provincial reserve. `kondusif province validate FILE` checks the province file
and every region's file; every error names the file, the field path, the
value and what was expected. Any field can be changed at run time with
`--set path=value` (regions by name: `--set "regions.Berau.ikp=30"`). See
docs/province.md for how a province run works.

This page is generated from `sim/province/schema.py`
(`python -m sim.province.reference > docs/province-reference.md`); a test keeps
it in step.
"""


def province_reference() -> str:
    out = [INTRO]
    _section(Province, "", out, {Province})
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(province_reference(), end="")
