"""Every answer from OPA is checked before anyone reads it: its schema, its entrypoint's shape, and that
it speaks of the request that was sent.

- **Schema**: the answer must parse as the entrypoint's Pydantic model (:mod:`socialaid.models`, the
  source of schemas/*.schema.json), which forbids unknown fields. A forged or off-schema answer is
  :class:`~socialaid.errors.UnverifiedAnswerError` (exit 4), naming the first fields that are wrong.
- **Shape**: an answer holds errors and no programs, or programs and no errors; a decision carries its
  parameters and missing facts, an explanation its findings and parameters in force.
- **Request**: the decision date is the one asked about, and every member covered is a member of the
  household sent.

The revision is checked by the engine, which holds the words of each revision (:mod:`socialaid.engine`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from socialaid.errors import (
    DecisionRefusedError,
    FieldError,
    PolicyInputError,
    PolicyRefusedError,
    UnverifiedAnswerError,
)
from socialaid.models.decision import Decision, Explanation

__all__ = ["View", "checked", "verified", "verified_door"]

View = Literal["decision", "explanation", "outcome"]
M = TypeVar("M", bound=Decision)
D = TypeVar("D", bound=BaseModel)


def _where(loc: tuple[int | str, ...]) -> str:
    return "/" + "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in loc)


def _off_schema(exc: ValidationError, what: str) -> UnverifiedAnswerError:
    shown = "; ".join(f"{_where(e['loc'])}: {e['msg']}" for e in exc.errors()[:3])
    more = f" (and {exc.error_count() - 3} more)" if exc.error_count() > 3 else ""
    return UnverifiedAnswerError(f"OPA's {what} is off its schema: {shown}{more}")


def verified(raw: object, model: type[M], *, view: View, request: Mapping[str, Any] | None = None) -> M:
    """``raw`` as ``model`` when it is a well-formed answer of ``view`` about ``request``."""
    if not isinstance(raw, dict):
        raise UnverifiedAnswerError(f"OPA's {view} is a JSON {type(raw).__name__}, not an object")
    try:  # strict, as JSON: a number given as text, or a string for a boolean, is off the schema
        doc = model.model_validate_json(json.dumps(raw), strict=True)
    except ValidationError as exc:
        raise _off_schema(exc, view) from exc
    if doc.errors:
        if doc.programs is not None:
            raise UnverifiedAnswerError(f"OPA's {view} holds both errors and programs")
        return doc
    if doc.programs is None:
        raise UnverifiedAnswerError(f"OPA's {view} holds neither errors nor programs")
    if view != "outcome" and (doc.parameters is None or doc.missing_facts is None):
        raise UnverifiedAnswerError(f"OPA's {view} lacks its parameters or its missing facts")
    if isinstance(doc, Explanation) and (doc.findings is None or doc.parameters_in_force is None):
        raise UnverifiedAnswerError(f"OPA's {view} lacks its findings or its parameters in force")
    if request is not None:
        _about(doc, request, view)
    return doc


def _about(doc: Decision, request: Mapping[str, Any], view: str) -> None:
    as_of = request.get("as_of")
    if isinstance(as_of, str) and doc.as_of != as_of:
        raise UnverifiedAnswerError(f"OPA's {view} is dated {doc.as_of}, the request {as_of}")
    household = request.get("household")
    members = household.get("members") if isinstance(household, Mapping) else None
    if not isinstance(members, list):
        return
    ids = {m.get("id") for m in members if isinstance(m, Mapping)}
    for pid, program in (doc.programs or {}).items():
        strangers = [m for m in program.covered_member_ids if m not in ids]
        if strangers:
            raise UnverifiedAnswerError(f"OPA's {view} covers members the request does not have ({pid})")


def verified_door(raw: object, model: type[D], *, view: str) -> D:
    """The answer of a read-only door (words, parameters) as ``model``, or the reason it is not one."""
    if not isinstance(raw, dict):
        raise UnverifiedAnswerError(f"OPA's {view} answer is a JSON {type(raw).__name__}, not an object")
    try:
        doc: D = model.model_validate_json(json.dumps(raw), strict=True)
    except ValidationError as exc:
        raise _off_schema(exc, f"{view} answer") from exc
    return doc


def checked(doc: M) -> M:
    """The decision when it has an outcome; the policy's own errors raised otherwise.

    Input errors found by the policy become :class:`PolicyInputError` (exit 2); anything else (a
    parameter with no value in force, an override switched off) :class:`PolicyRefusedError` (exit 3).
    Both keep each error's ``kind``.
    """
    if not doc.errors:
        if doc.programs is None:  # pragma: no cover - verified() refuses it first
            raise DecisionRefusedError([FieldError("", "the decision has neither errors nor programs", "programs")])
        return doc
    errors = [FieldError(pointer=e.pointer, problem=e.problem, expected=e.expected) for e in doc.errors]
    raw = [e.model_dump() for e in doc.errors]
    if all(e.kind == "input" for e in doc.errors):
        raise PolicyInputError(errors, raw)
    raise PolicyRefusedError(errors, raw)
