"""Check a decision request against schemas/household.schema.json before anything decides on it.

Errors come back as :class:`~socialaid.errors.FieldError` — a JSON pointer, the problem and what was
expected — never as a decision. The policy makes the same check inside OPA, so a service that skips
this layer still gets errors, not an outcome.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from socialaid import schemas
from socialaid.errors import FieldError, InvalidInputError

__all__ = ["consistency_errors", "load_request", "validate", "validated"]


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schemas.load("household"), format_checker=FormatChecker())


def _pointer(path: Any) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


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
    if kind == "pattern":
        return f"a string matching {value}"
    if kind == "anyOf":
        return "a value matching one of the allowed forms"
    return f"a value satisfying {kind}: {json.dumps(value, ensure_ascii=False)}"


def _field_error(error: ValidationError) -> FieldError:
    pointer = _pointer(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [name for name in cast(list[str], error.validator_value) if name not in error.instance]
        if missing:
            pointer = f"{pointer}/{missing[0]}"
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        schema = error.schema if isinstance(error.schema, dict) else {}
        allowed = set(schema.get("properties", {}))
        extra = sorted(set(error.instance) - allowed)
        if extra:
            pointer = f"{pointer}/{extra[0]}"
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


def validate(request: Any) -> list[FieldError]:
    """All errors of a request: schema errors in document order, then (for a request that fits the
    schema) consistency errors; an empty list when it is valid."""
    errors = sorted(_validator().iter_errors(request), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    if errors:
        return [_field_error(e) for e in errors]
    return consistency_errors(request)


def validated(request: Any, *, source: str = "request") -> dict[str, Any]:
    """The request itself when it is valid; :class:`InvalidInputError` listing every problem otherwise."""
    errors = validate(request)
    if errors:
        raise InvalidInputError(errors, source=source)
    assert isinstance(request, dict)
    return request


def load_request(path: Path) -> dict[str, Any]:
    """Read a request file and validate it. Unreadable or non-JSON files are invalid input too."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError(
            [FieldError(pointer="", problem=f"cannot read {path}: {exc}", expected="a readable UTF-8 file")],
            source=str(path),
        ) from exc
    try:
        request = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        raise InvalidInputError(
            [FieldError(pointer="", problem=problem, expected="a JSON object")], source=str(path)
        ) from exc
    return validated(request, source=str(path))
