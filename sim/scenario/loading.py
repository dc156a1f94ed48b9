"""Reading scenario files: TOML in, a validated Scenario out, errors for people.

Every error names the file, the field path, the bad value and what was
expected, all errors at once:

    ScenarioError: scenarios/x.toml: 2 problems
      security.forces.0.personnel = -5: must be >= 0
      grievance.legitimacy = 1.4: must be <= 1
"""

from __future__ import annotations

import copy
import difflib
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from sim.scenario.schema import Scenario


class ScenarioError(ValueError):
    """A scenario (or override) that cannot be used, with every problem listed."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        head = f"{source}: {len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__("\n  ".join([head, *problems]) if len(problems) > 1 else
                         f"{source}: {problems[0]}")


def read_toml(path: str | Path) -> dict[str, Any]:
    """Parse a TOML file; a syntax error names the line and column."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScenarioError(str(path), ["no such file"]) from None
    except (IsADirectoryError, UnicodeDecodeError) as exc:
        raise ScenarioError(str(path), [f"cannot be read as text: {exc}"]) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(str(path), [f"TOML syntax error: {exc}"]) from None


def parse_override(text: str) -> tuple[str, Any]:
    """Split ``a.b=value`` and read the value as TOML (so 0.4, true, "x" and [1,2] work)."""
    path, sep, raw = text.partition("=")
    path = path.strip()
    if not sep or not path:
        raise ScenarioError("--set", [f"{text!r}: expected dotted.path=value"])
    try:
        value = tomllib.loads(f"v = {raw.strip()}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw.strip()
    return path, value


def apply_overrides(data: dict[str, Any], overrides: dict[str, Any], model=Scenario) -> dict:
    """Return a copy of raw scenario data with dotted-path overrides applied.

    List items are addressed by index or by their `name` (communities), `id`
    (candidates) or `kind` (security forces): ``communities.Sangatta Utara.hardship``.
    Paths the schema does not know are errors that suggest the nearest known name.
    """
    data = copy.deepcopy(data)
    problems = []
    for path, value in overrides.items():
        try:
            _set_path(data, path.split("."), value, model, path)
        except KeyError as exc:
            problems.append(str(exc.args[0]))
    if problems:
        raise ScenarioError("--set", problems)
    return data


def _set_path(node: Any, keys: list[str], value: Any, schema: Any, full: str) -> None:
    key, rest = keys[0], keys[1:]
    if isinstance(node, list):
        index = _list_index(node, key, full)
        if not rest:
            node[index] = value
            return
        _set_path(node[index], rest, value, _item_schema(schema), full)
        return
    fields = _fields_of(schema)
    if fields is not None and key not in fields:
        close = difflib.get_close_matches(key, list(fields), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; known: {sorted(fields)}"
        raise KeyError(f"{full}: unknown parameter {key!r}{hint}")
    child_schema = fields[key] if fields is not None else None
    if not rest:
        node[key] = value
        return
    child = node.setdefault(key, [] if _is_list(child_schema) else {})
    _set_path(child, rest, value, child_schema, full)


def _list_index(items: list, key: str, full: str) -> int:
    if key.isdigit() and int(key) < len(items):
        return int(key)
    for i, item in enumerate(items):
        if isinstance(item, dict) and key in (item.get("name"), item.get("id"), item.get("kind")):
            return i
    raise KeyError(f"{full}: no list item {key!r} (use an index or an item's name)")


def _annotation_origin(annotation: Any) -> Any:
    """Unwrap Optional / Annotated / list[...] down to a model class where there is one."""
    args = getattr(annotation, "__args__", None)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if args:
        for arg in args:
            found = _annotation_origin(arg)
            if found is not None:
                return found
    return None


def _fields_of(schema: Any) -> dict[str, Any] | None:
    model = _annotation_origin(schema) if schema is not None else None
    if model is None or _is_list(schema):
        return None
    return {name: f.annotation for name, f in model.model_fields.items()}


def _is_list(schema: Any) -> bool:
    return getattr(schema, "__origin__", None) is list


def _item_schema(schema: Any) -> Any:
    args = getattr(schema, "__args__", None)
    return args[0] if args else None


def format_errors(exc: ValidationError, data: dict[str, Any]) -> list[str]:
    """One line per pydantic error: `path = value: what was expected`."""
    lines = []
    for err in exc.errors(include_url=False):
        loc = [str(part) for part in err["loc"]]
        path = ".".join(loc) or "(top level)"
        message = err["msg"]
        if err["type"] == "missing":
            lines.append(f"{path}: missing; this field is required")
            continue
        if err["type"] == "extra_forbidden":
            lines.append(f"{path}: unknown field")
            continue
        value = _value_at(data, err["loc"])
        scalar = value is not _MISSING and not isinstance(value, dict | list)
        shown = f" = {value!r}" if scalar else ""
        if message.startswith("Value error, "):
            message = message[len("Value error, "):]
        if not loc and ": " in message:
            # cross-reference problems: each line already starts with its field path
            lines += message.splitlines()
            continue
        lines.append(f"{path}{shown}: {_plain(message)}")
    return lines


_MISSING = object()


def _value_at(data: Any, loc: tuple) -> Any:
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return node


def _plain(message: str) -> str:
    replacements = {
        "Input should be greater than or equal to": "must be >=",
        "Input should be less than or equal to": "must be <=",
        "Input should be greater than": "must be >",
        "Input should be less than": "must be <",
        "Input should be a valid integer": "must be a whole number",
        "Input should be a valid number": "must be a number",
        "Input should be": "must be",
        "String should match pattern": "must match the pattern",
    }
    for old, new in replacements.items():
        if message.startswith(old):
            return new + message[len(old):]
    return message


def validate_data(data: dict[str, Any], source: str) -> Scenario:
    """Validate raw scenario data; raise ScenarioError listing every problem."""
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(source, format_errors(exc, data)) from None


def read_scenario_data(path: str | Path, _seen: tuple[str, ...] = ()) -> dict[str, Any]:
    """Raw scenario data with any `scenario.extends` base merged in.

    Tables merge key by key; `events` are added to the base's; any other list
    (communities, candidates, officials, security forces) replaces the base's.
    """
    from sim.scenario.registry import bundled_path

    data = read_toml(path)
    base_name = data.get("scenario", {}).get("extends")
    if not base_name:
        return data
    if str(path) in _seen:
        raise ScenarioError(str(path), [f"scenario.extends = {base_name!r}: extends itself "
                                        "(a cycle)"])
    try:
        # beside the file that names it, then a bundled name; never the current folder
        base_path = bundled_path(str(base_name), beside=Path(path).parent)
    except ScenarioError as exc:
        raise ScenarioError(str(path), [f"scenario.extends = {base_name!r}: {exc.problems[0]}"]
                            ) from None
    base = read_scenario_data(base_path, (*_seen, str(path)))
    return _merge(base, data)


def _merge(base: dict, top: dict) -> dict:
    merged = copy.deepcopy(base)
    for key, value in top.items():
        if key == "events":
            merged[key] = merged.get(key, []) + copy.deepcopy(value)
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def load_scenario(path: str | Path, overrides: dict[str, Any] | None = None) -> Scenario:
    """Load, override and validate a scenario file.

    Examples
    --------
    >>> from sim.scenario import load_scenario, bundled_path
    >>> s = load_scenario(bundled_path("desa_demo"), {"grievance.legitimacy": 0.8})
    >>> s.grievance.legitimacy
    0.8
    """
    data = read_scenario_data(path)
    if overrides:
        data = apply_overrides(data, overrides)
    return validate_data(data, str(path))


def missing_sources(scenario: Scenario) -> list[str]:
    """World-taken fields with no source: what `kondusif validate` warns about."""
    warnings = []
    checks = [("region", scenario.region, ("population",))]
    checks += [
        (f"communities.{c.name}", c, ("residents", "voters", "tps", "latitude", "longitude"))
        for c in scenario.communities
    ]
    checks += [
        (f"security.forces.{i}", f, ("personnel",)) for i, f in enumerate(scenario.security.forces)
    ]
    checks += [(f"officials.{i}", o, ("count",)) for i, o in enumerate(scenario.officials)]
    checks += [("calendar", scenario.calendar, ("voting_day",))]
    for where, block, fields in checks:
        for name in fields:
            if getattr(block, name, None) is not None and name not in block.sources:
                warnings.append(f"{where}.{name}: no source given (cite one, or 'estimate: ...')")
    return warnings
