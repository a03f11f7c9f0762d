"""One decision, start to finish: validate the request, ask the engine, refuse on policy errors."""

from __future__ import annotations

from typing import Any

from socialaid.client import DecisionClient
from socialaid.errors import DecisionRefusedError, FieldError, InvalidInputError
from socialaid.validation import validated

__all__ = ["checked", "decide"]


def _field_errors(decision: dict[str, Any]) -> list[FieldError]:
    return [
        FieldError(
            pointer=str(e.get("pointer", "")),
            problem=str(e.get("problem", "")),
            expected=str(e.get("expected", "")),
        )
        for e in decision.get("errors", [])
    ]


def checked(decision: dict[str, Any]) -> dict[str, Any]:
    """The decision when it has an outcome; the policy's own errors raised otherwise.

    Input errors found by the policy itself become :class:`InvalidInputError`; anything else (a
    parameter with no value in force, an override switched off) is :class:`DecisionRefusedError`.
    """
    errors = _field_errors(decision)
    if not errors:
        if "programs" not in decision:
            raise DecisionRefusedError([FieldError("", "the decision has neither errors nor programs", "programs")])
        return decision
    if all(e.get("kind") == "input" for e in decision["errors"]):
        raise InvalidInputError(errors, source="request (checked by the policy)")
    raise DecisionRefusedError(errors)


def decide(client: DecisionClient, request: dict[str, Any]) -> dict[str, Any]:
    """Validate, decide and check one request."""
    return checked(client.decide(validated(request)))
