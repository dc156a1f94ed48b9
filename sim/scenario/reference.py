"""The scenario reference (docs/scenarios.md), written from the schema so it never drifts."""

from __future__ import annotations

import enum
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from sim.scenario.schema import Scenario

INTRO = """# Scenario reference

A scenario is one TOML file: the only input of a run. `kondusif validate FILE`
checks it; every error names the file, the field path, the value and what was
expected. Any field can be changed at run time with `--set path=value` (list
items by index or by name: `--set "communities.Sangatta Utara.hardship=0.6"`).

Numbers taken from the world carry a source in the `sources` table of their
block (`sources = { voters = "KPU Kutim, 19 Sep 2024" }`); an estimate says so
(`"estimate: ..."`). `kondusif validate` warns about world-taken fields without
a source.

This page is generated from `sim/scenario/schema.py`
(`python -m sim.scenario.reference > docs/scenarios.md`); a test keeps it in step.
"""


def _type_name(annotation: Any) -> str:
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if origin is dict:
        return f"table of {_type_name(args[1])}"
    if args and type(None) in args:
        return " or ".join(_type_name(a) for a in args if a is not type(None)) + " (optional)"
    if args and hasattr(annotation, "__metadata__"):
        return _type_name(args[0])
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return "one of " + ", ".join(f"`{m.value}`" for m in annotation)
    if origin is not None and str(origin).endswith("Literal"):
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if isinstance(annotation, type):
        return annotation.__name__
    return str(annotation).replace("typing.", "").replace(" | ", " or ")


def _default(field) -> str:
    if field.is_required():
        return "required"
    if field.default is not PydanticUndefined:
        value = field.default
    elif field.default_factory is not None:
        value = field.default_factory()
    else:
        return ""
    if isinstance(value, BaseModel):
        return "(block)"
    if isinstance(value, dict):
        value = {str(getattr(k, "value", k)): v for k, v in value.items()}
    return f"`{value}`" if value not in ({}, [], None) else "none"


def _constraints(field) -> str:
    parts = []
    for meta in field.metadata:
        for attr, sign in (("ge", ">="), ("gt", ">"), ("le", "<="), ("lt", "<")):
            if getattr(meta, attr, None) is not None:
                parts.append(f"{sign} {getattr(meta, attr)}")
    return ", ".join(parts)


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _section(model: type[BaseModel], path: str, out: list[str], seen: set) -> None:
    rows = []
    nested = []
    for name, field in model.model_fields.items():
        if name == "sources":
            continue
        child = _model_of(field.annotation)
        full = f"{path}.{name}" if path else name
        meaning = field.description or ("see its section below" if child is not None else "")
        rows.append(f"| `{full}` | {_type_name(field.annotation)} | {_default(field)} | "
                    f"{_constraints(field)} | {meaning} |")
        if child is not None and child not in seen:
            nested.append((child, full + ("[]" if get_origin(field.annotation) is list else "")))
    if rows:
        out.append(f"\n## `{path or 'top level'}`\n")
        if model.__doc__ and path:
            out.append(model.__doc__.strip().splitlines()[0] + "\n")
        out.append("| field | type | default | range | meaning |\n|---|---|---|---|---|")
        out.extend(rows)
    for child, child_path in nested:
        seen.add(child)
        _section(child, child_path, out, seen)


def scenario_reference() -> str:
    out = [INTRO]
    _section(Scenario, "", out, {Scenario})
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(scenario_reference(), end="")
