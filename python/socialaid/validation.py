"""Check a decision request against schemas/household.schema.json before anything decides on it.

Errors come back as :class:`~socialaid.errors.FieldError` — an RFC 6901 JSON pointer, the problem and
what was expected — never as a decision. The policy makes the same check inside OPA, so a service that
skips this layer still gets errors, not an outcome. Before the schema, hostile shapes are refused
without recursion: nesting deeper than ``MAX_DEPTH``, and numbers that are not finite (NaN, Infinity,
or a literal like 1e400 that overflows), which JSON does not have but Python's parser accepts.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from socialaid.errors import FieldError, InvalidInputError

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

__all__ = [
    "MAX_DEPTH",
    "consistency_errors",
    "end_anchored",
    "load_request",
    "preflight",
    "read_json",
    "shape_errors",
    "size_errors",
    "validate",
    "validated",
]

# No request of the schema nests deeper than 8; anything past this is hostile, and refused before any
# recursive code (the JSON parser aside) sees it.
MAX_DEPTH = 32


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    # jsonschema is imported here, not at the top: a decision sent to OPA is checked by the policy itself,
    # and a CLI call that does not need this validator should not pay a tenth of a second to import it.
    from jsonschema import Draft202012Validator, FormatChecker

    from socialaid.models import schemas

    return Draft202012Validator(end_anchored(schemas.load("household")), format_checker=FormatChecker())


def end_anchored(schema: Any) -> Any:
    """The schema with every ``pattern`` (and ``patternProperties`` name) ending in ``\\Z`` instead of ``$``.

    The committed schema's patterns are ``^…$``, read by OPA with Go's regexp, where ``$`` is the end of
    the text. Python's ``$`` also matches before a final newline, so ``"2025-01\\n"`` would pass here and be
    refused by the policy; ``\\Z`` is Python's end of the text. Every pattern of the schema is ``^…$``
    (a test checks it), so the two read each pattern alike.
    """
    if isinstance(schema, list):
        return [end_anchored(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "pattern" and isinstance(value, str):
            out[key] = _end_anchor(value)
        elif key == "patternProperties" and isinstance(value, dict):
            out[key] = {_end_anchor(name): end_anchored(sub) for name, sub in value.items()}
        else:
            out[key] = end_anchored(value)
    return out


def _end_anchor(pattern: str) -> str:
    if not (pattern.startswith("^") and pattern.endswith("$") and not pattern.endswith("\\$")):
        raise ValueError(f"schema pattern {pattern!r} is not anchored ^…$")
    return pattern[:-1] + "\\Z"


def _escape(part: object) -> str:
    return str(part).replace("~", "~0").replace("/", "~1")


def _pointer(path: Any) -> str:
    return "".join("/" + _escape(part) for part in path)


def _expected(error: ValidationError) -> str:
    kind, value = error.validator, cast(Any, error.validator_value)
    if kind == "type":
        return f"a value of type {value}"
    if kind == "enum":
        return "one of " + ", ".join(json.dumps(v, ensure_ascii=False) for v in value)
    if kind == "required":
        return "the property to be present"
    if kind == "additionalProperties":
        return "no properties other than those in the schema"
    if kind == "format":
        return f"a string in {value} format (e.g. 2025-01-31)" if value == "date" else f"{value} format"
    if kind in {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}:
        words = {"minimum": ">=", "maximum": "<=", "exclusiveMinimum": ">", "exclusiveMaximum": "<"}
        return f"a number {words[str(kind)]} {value}"
    if kind in {"minItems", "minLength"}:
        return f"at least {value} {'item' if kind == 'minItems' else 'character'}(s)"
    if kind == "pattern":  # as the schema writes it (^…$), not as it is checked here (^…\\Z)
        return f"a string matching {value.removesuffix(chr(92) + 'Z')}$"
    if kind == "anyOf":
        return "a value matching one of the allowed forms"
    return f"a value satisfying {kind}: {json.dumps(value, ensure_ascii=False)}"


def _field_error(error: ValidationError) -> FieldError:
    pointer = _pointer(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [name for name in cast(list[str], error.validator_value) if name not in error.instance]
        if missing:
            pointer = f"{pointer}/{_escape(missing[0])}"
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        schema = error.schema if isinstance(error.schema, dict) else {}
        allowed = set(schema.get("properties", {}))
        extra = sorted(set(error.instance) - allowed)
        if extra:
            pointer = f"{pointer}/{_escape(extra[0])}"
    if error.validator == "anyOf" and error.context:
        # Report the most specific branch that failed (e.g. a wrong type inside an optional object).
        best = max(error.context, key=lambda e: len(e.absolute_path))
        if len(best.absolute_path) > 0:
            return _field_error(best)
    return FieldError(pointer=pointer, problem=error.message, expected=_expected(error))


def consistency_errors(request: dict[str, Any]) -> list[FieldError]:
    """What a schema-valid request can still get wrong: the same checks the policy makes in Rego
    (validation.rego): unique member ids, births on or before as_of, references to existing members."""
    household = request["household"]
    members = household["members"]
    ids = {m["id"] for m in members}
    errors: list[FieldError] = []
    first: dict[str, int] = {}
    for i, member in enumerate(members):
        if member["id"] in first:
            errors.append(
                FieldError(
                    f"/household/members/{i}/id",
                    f'member id "{member["id"]}" is used again (first at /household/members/{first[member["id"]]})',
                    "member ids unique within the household",
                )
            )
        first.setdefault(member["id"], i)
        if member["birth_date"] > request["as_of"]:
            errors.append(
                FieldError(
                    f"/household/members/{i}/birth_date",
                    f"born {member['birth_date']}, after the decision date {request['as_of']}",
                    "a birth date on or before as_of",
                )
            )
    for i, item in enumerate(household.get("rigid_expenditures", [])):
        if item["member_id"] not in ids:
            errors.append(
                FieldError(
                    f"/household/rigid_expenditures/{i}/member_id",
                    f'no member has id "{item["member_id"]}"',
                    "the id of a member of the household",
                )
            )
    for program in ("dibao", "tekun"):
        benefit = (household.get("current_benefits") or {}).get(program) or {}
        for i, member_id in enumerate(benefit.get("member_ids", [])):
            if member_id not in ids:
                errors.append(
                    FieldError(
                        f"/household/current_benefits/{program}/member_ids/{i}",
                        f'no member has id "{member_id}"',
                        "the id of a member of the household",
                    )
                )
    return errors


def shape_errors(request: Any) -> list[FieldError]:
    """Nesting deeper than MAX_DEPTH and non-finite numbers, found without recursion."""
    errors: list[FieldError] = []
    stack: list[tuple[Any, str, int]] = [(request, "", 0)]
    while stack:
        value, pointer, depth = stack.pop()
        if depth > MAX_DEPTH:
            return [FieldError(pointer, f"nested deeper than {MAX_DEPTH} levels", f"at most {MAX_DEPTH} levels")]
        if isinstance(value, float) and not math.isfinite(value):
            errors.append(FieldError(pointer, f"{value} is not a finite number", "a finite number"))
        elif isinstance(value, dict):
            stack.extend((v, f"{pointer}/{_escape(k)}", depth + 1) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, f"{pointer}/{i}", depth + 1) for i, v in enumerate(value))
    return sorted(errors, key=lambda e: e.pointer)


@lru_cache(maxsize=1)
def _limits() -> dict[str, int]:
    from socialaid.models import schemas

    return schemas.list_limits(schemas.load("household"))


def size_errors(request: dict[str, Any]) -> list[FieldError]:
    """Capped lists longer than the schema allows, found by counting, as the policy counts them first
    (policies/socialaid/validation): the schema check then never walks the items of an oversized list."""
    limits = _limits()
    errors: list[FieldError] = []

    def check(pointer: str, value: Any, cap: int, kind: type[list[Any]] | type[dict[str, Any]]) -> None:
        if isinstance(value, kind) and len(value) > cap:
            errors.append(FieldError(pointer, f"{len(value)} items", f"at most {cap} items"))

    household = request.get("household")
    household = household if isinstance(household, dict) else {}
    members = household.get("members")
    check("/household/members", members, limits["members"], list)
    check("/household/rigid_expenditures", household.get("rigid_expenditures"), limits["rigid_expenditures"], list)
    if isinstance(members, list) and len(members) <= limits["members"]:
        for i, member in enumerate(members):
            for name in ("medical_episodes", "legal_supporters"):
                if isinstance(member, dict):
                    check(f"/household/members/{i}/{name}", member.get(name), limits[name], list)
    benefits = household.get("current_benefits")
    for program in ("dibao", "tekun"):
        benefit = benefits.get(program) if isinstance(benefits, dict) else None
        if isinstance(benefit, dict):
            pointer = f"/household/current_benefits/{program}/member_ids"
            check(pointer, benefit.get("member_ids"), limits["benefit_member_ids"], list)
    overrides = request.get("parameter_overrides")
    check("/parameter_overrides", overrides, limits["override_groups"], dict)
    if isinstance(overrides, dict) and len(overrides) <= limits["override_groups"]:
        for group, names in overrides.items():
            check(f"/parameter_overrides/{_escape(group)}", names, limits["overrides_a_group"], dict)
    return sorted(errors, key=lambda e: e.pointer)


def validate(request: Any) -> list[FieldError]:
    """All errors of a request: hostile shapes, else lists over their caps (counted), else schema errors
    in document order, else (for a request that fits the schema) consistency errors; an empty list when
    it is valid."""
    shape = shape_errors(request)
    if shape:
        return shape
    if not isinstance(request, dict):
        return [FieldError("", f"the input is a {_json_type(request)}", "a JSON object")]
    sizes = size_errors(request)
    if sizes:
        return sizes
    errors = sorted(_validator().iter_errors(request), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    if errors:
        return [_field_error(e) for e in errors]
    return consistency_errors(request)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else type(value).__name__


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is not a finite number")
    return value


def preflight(request: Any, *, source: str = "request") -> dict[str, Any]:
    """The request when nothing but the schema can still be wrong with it: refuses hostile shapes (depth,
    non-finite numbers) and anything that is not an object, which JSON cannot carry to OPA or which no
    schema check should see. The schema and consistency checks are then the policy's (one validation per
    request); :func:`validated` runs them here as well, for callers that decide nothing."""
    errors = shape_errors(request)
    if not errors and not isinstance(request, dict):
        errors = [FieldError("", f"the input is a {_json_type(request)}", "a JSON object")]
    if errors:
        raise InvalidInputError(errors, source=source)
    assert isinstance(request, dict)
    return request


def validated(request: Any, *, source: str = "request") -> dict[str, Any]:
    """The request itself when it is valid; :class:`InvalidInputError` listing every problem otherwise."""
    errors = validate(request)
    if errors:
        raise InvalidInputError(errors, source=source)
    assert isinstance(request, dict)
    return request


def load_request(path: Path) -> dict[str, Any]:
    """Read a request file and validate it. Unreadable or non-JSON files are invalid input too."""
    return validated(read_json(path), source=str(path))


def read_json(path: Path) -> Any:
    """A request file read as JSON, finite numbers only. Unreadable or non-JSON files are invalid input."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError(
            [FieldError(pointer="", problem=f"cannot read {path}: {exc}", expected="a readable UTF-8 file")],
            source=str(path),
        ) from exc
    try:
        request = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        problem = f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        raise InvalidInputError(
            [FieldError(pointer="", problem=problem, expected="a JSON object")], source=str(path)
        ) from exc
    except ValueError as exc:  # NaN, Infinity, 1e400
        raise InvalidInputError(
            [FieldError(pointer="", problem=f"not valid JSON: {exc}", expected="finite numbers only")],
            source=str(path),
        ) from exc
    except RecursionError as exc:
        raise InvalidInputError(
            [FieldError(pointer="", problem="nested too deeply to read", expected=f"at most {MAX_DEPTH} levels")],
            source=str(path),
        ) from exc
    return request
