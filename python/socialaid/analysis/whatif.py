"""What-if: change a request (``--set PATH=VALUE``, ``--param group.name=VALUE``, scenario files of
named variants) and say what the change does to the decision. Pure functions — no I/O but reading a
scenario file.

Paths are JSON pointers (``/household/members/0/monthly_income``) or dotted
(``household.members.0.monthly_income``); values are parsed as JSON when they parse, else taken as
strings. A path or value that cannot be applied is an :class:`~socialaid.errors.InvalidInputError`
with the pointer it failed at.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from socialaid.analysis.diff import DecisionDiff, FindingChange, ProgramChange, diff_decisions, finding_changes, total
from socialaid.errors import FieldError, InvalidInputError
from socialaid.models.analysis import ScenarioList, VariantSpec
from socialaid.models.schemas import resolve

__all__ = [
    "CLI_VARIANT",
    "DecisionDiff",
    "FindingChange",
    "ProgramChange",
    "ScenarioList",
    "Variant",
    "VariantSpec",
    "apply_variant",
    "check_path",
    "diff_decisions",
    "finding_changes",
    "load_scenario",
    "parse_assignment",
    "parse_param",
    "parse_path",
    "parse_value",
    "pointer",
    "set_path",
    "total",
    "variants_from",
    "whatif_document",
    "with_overrides",
]

CLI_VARIANT = "what-if"  # the variant of --set and --param (a scenario file names its own)

Part = str | int


def _invalid(ptr: str, problem: str, expected: str, *, source: str = "what-if") -> InvalidInputError:
    return InvalidInputError([FieldError(ptr, problem, expected)], source=source)


def parse_path(path: str) -> list[str]:
    """The parts of a JSON pointer (``/a/0/b``, with ``~1``/``~0`` escapes) or a dotted path (``a.0.b``)."""
    text = path.strip()
    if not text or text == "/":
        raise _invalid(text, "empty path", "a path such as household.members.0.monthly_income")
    if text.startswith("/"):
        parts = [p.replace("~1", "/").replace("~0", "~") for p in text[1:].split("/")]
    else:
        parts = text.split(".")
    if any(p == "" for p in parts):
        raise _invalid(text, "the path has an empty segment", "segments separated by '.' or '/'")
    return parts


def pointer(parts: list[str] | list[Part]) -> str:
    """The JSON pointer of a list of parts."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def parse_value(text: str) -> Any:
    """``text`` as JSON when it parses (``900``, ``true``, ``{"a": 1}``), else the string itself."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def parse_assignment(text: str) -> tuple[str, Any]:
    """``PATH=VALUE`` → (path, parsed value)."""
    path, sep, raw = text.partition("=")
    if not sep or not path.strip():
        raise _invalid("", f"not an assignment: {text!r}", "PATH=VALUE, e.g. household.members.0.monthly_income=900")
    parse_path(path)
    return path.strip(), parse_value(raw.strip())


def parse_param(text: str) -> tuple[str, str, Any]:
    """``group.name=VALUE`` → (group, name, parsed value), for ``parameter_overrides``."""
    name, sep, raw = text.partition("=")
    group, dot, param = name.strip().partition(".")
    if not sep or not dot or not group or not param or "." in param:
        raise _invalid(
            "/parameter_overrides",
            f"not a parameter assignment: {text!r}",
            "GROUP.NAME=VALUE, e.g. dibao.standard_urban=850",
        )
    return group, param, parse_value(raw.strip())


def _index(container: list[Any], part: str, ptr: str, *, allow_append: bool) -> int:
    if not part.isdigit():
        raise _invalid(ptr, f"{part!r} is not an array index", "a non-negative integer index")
    index = int(part)
    limit = len(container) + (1 if allow_append else 0)
    if index >= limit:
        raise _invalid(
            ptr,
            f"index {index} is out of range (the array has {len(container)} items)",
            f"an index below {limit}",
        )
    return index


def set_path(request: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of ``request`` with ``value`` at ``path``.

    Missing object members on the way are created as objects; array indices must exist (the last
    one may be the array's length, which appends).
    """
    parts = parse_path(path)
    result = copy.deepcopy(request)
    node: Any = result
    for depth, part in enumerate(parts):
        ptr = pointer(parts[: depth + 1])
        last = depth == len(parts) - 1
        if isinstance(node, dict):
            if last:
                node[part] = value
            else:
                if part not in node or node[part] is None:
                    node[part] = {}
                node = node[part]
        elif isinstance(node, list):
            index = _index(node, part, ptr, allow_append=last)
            if last:
                if index == len(node):
                    node.append(value)
                else:
                    node[index] = value
            else:
                node = node[index]
        else:
            raise _invalid(ptr, f"cannot descend into a {type(node).__name__}", "an object or array on the path")
    return result


def check_path(path: str, schema: dict[str, Any], *, source: str = "what-if") -> None:
    """``path`` names a place the request schema has; a misspelt name is invalid input with its
    pointer and the nearest names (``monthly_incom`` → did you mean ``monthly_income``?)."""
    from difflib import get_close_matches

    parts = parse_path(path)
    node = resolve(schema, schema)
    for depth, part in enumerate(parts):
        if node.get("type") == "array" or "items" in node:
            node = resolve(node.get("items", {}), schema)
            continue
        properties = node.get("properties")
        if not isinstance(properties, dict) or node.get("additionalProperties") not in (False, None):
            return  # a free-form object (e.g. parameter_overrides): nothing to check against
        if part not in properties:
            close = get_close_matches(part, list(properties), n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise _invalid(
                pointer(parts[: depth + 1]),
                f"the request has no field {part!r}{hint}",
                "one of " + ", ".join(sorted(properties)),
                source=source,
            )
        node = resolve(properties[part], schema)


def with_overrides(request: dict[str, Any], overrides: list[tuple[str, str, Any]]) -> dict[str, Any]:
    """A copy of ``request`` with ``parameter_overrides.<group>.<name>`` set for each override."""
    result = copy.deepcopy(request)
    if not overrides:
        return result
    merged = result.setdefault("parameter_overrides", {})
    for group, name, value in overrides:
        merged.setdefault(group, {})[name] = value
    return result


@dataclass(frozen=True)
class Variant:
    """One named what-if: request changes and parameter overrides."""

    name: str
    sets: list[tuple[str, Any]] = field(default_factory=list)
    params: list[tuple[str, str, Any]] = field(default_factory=list)

    def describe(self) -> list[str]:
        return [f"{p} = {json.dumps(v, ensure_ascii=False)}" for p, v in self.sets] + [
            f"parameter {g}.{n} = {json.dumps(v, ensure_ascii=False)}" for g, n, v in self.params
        ]


def apply_variant(request: dict[str, Any], variant: Variant) -> dict[str, Any]:
    result = request
    for path, value in variant.sets:
        result = set_path(result, path, value)
    return with_overrides(result, variant.params)


_NAMED = TypeAdapter(dict[str, VariantSpec])


def _model_errors(exc: ValidationError, source: str) -> InvalidInputError:
    errors = []
    for e in exc.errors():
        ptr = pointer([str(part) for part in e["loc"]])
        if e["type"] == "extra_forbidden":
            problem = f"unknown key {str(e['loc'][-1])!r}"
            expected = "only name, set and params in a variant"
        else:
            problem = e["msg"]
            expected = "{set: {PATH: VALUE}, params: {GROUP.NAME: VALUE}}"
        errors.append(FieldError(ptr, problem, expected))
    return InvalidInputError(errors, source=source)


def _variant(name: str, spec: VariantSpec, ptr: str, source: str) -> Variant:
    sets = [(str(p), v) for p, v in spec.set.items()]
    for p, _ in sets:
        try:
            parse_path(p)
        except InvalidInputError as exc:
            raise _invalid(f"{ptr}/set", exc.errors[0].problem, exc.errors[0].expected, source=source) from exc
    params = []
    for k, v in spec.params.items():
        try:
            params.append(parse_param(f"{k}={json.dumps(v)}"))
        except InvalidInputError as exc:
            raise _invalid(f"{ptr}/params", exc.errors[0].problem, exc.errors[0].expected, source=source) from exc
    return Variant(name=name, sets=sets, params=params)


def load_scenario(path: Path) -> list[Variant]:
    """Named variants from a JSON or YAML file: ``{"variants": [{"name", "set", "params"}]}`` or
    ``{NAME: {"set": {...}, "params": {...}}}``, checked by :class:`VariantSpec` — an unknown key is
    invalid input with its JSON pointer."""
    source = str(path)
    try:
        doc = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise _invalid("", f"cannot read the scenario: {exc}", "a JSON or YAML file", source=source) from exc
    if not isinstance(doc, dict) or not doc:
        raise _invalid("", "no variants", "an object of named variants", source=source)
    try:
        if "variants" in doc:
            listed = ScenarioList.model_validate(doc)
            return [
                _variant(v.name or f"variant {i + 1}", v, f"/variants/{i}", source)
                for i, v in enumerate(listed.variants)
            ]
        named = _NAMED.validate_python(doc)
    except ValidationError as exc:
        raise _model_errors(exc, source) from exc
    return [_variant(name, spec, pointer([name]), source) for name, spec in named.items()]


def variants_from(
    sets: list[str], params: list[str], scenario: Path | None, household_schema: dict[str, Any]
) -> list[Variant]:
    """The variants a command line asks for: one of its ``--set`` and ``--param`` (named
    :data:`CLI_VARIANT`), then those of the scenario file; every path checked against the request schema."""
    variants: list[Variant] = []
    if sets or params:
        variants.append(
            Variant(name=CLI_VARIANT, sets=[parse_assignment(s) for s in sets], params=[parse_param(p) for p in params])
        )
    if scenario is not None:
        variants.extend(load_scenario(scenario))
    if not variants:
        raise _invalid("", "nothing to change", "--set, --param or --scenario")
    for v in variants:
        for path, _ in v.sets:
            check_path(path, household_schema)
    return variants


def whatif_document(
    variants: list[Variant], base: dict[str, Any], rest: list[dict[str, Any]]
) -> tuple[dict[str, Any], list[tuple[Variant, dict[str, Any], DecisionDiff, list[Any]]]]:
    """The what-if JSON (:class:`socialaid.models.analysis.WhatIfDocument`) and, per variant, its
    decision, its diff against the base and why not."""
    from socialaid.analysis.explain import why_not

    results = [(v, d, diff_decisions(base, d), why_not(d)) for v, d in zip(variants, rest, strict=True)]
    doc = {
        "hypothetical": any(bool(d.get("hypothetical")) for d in [base, *rest]),
        "base": {"programs": base.get("programs"), "hypothetical": bool(base.get("hypothetical"))},
        "variants": [
            {
                "name": v.name,
                "changes": v.describe(),
                "hypothetical": bool(d.get("hypothetical")),
                "diff": diff.to_dict(),
                "why_not": [w.to_dict() for w in wn],
                "decision": d,
            }
            for v, d, diff, wn in results
        ],
    }
    return doc, results
