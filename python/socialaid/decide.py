"""One decision, start to finish: validate the request, ask the engine, refuse on policy errors; and
the findings behind a decision, from the explanation entrypoint when the decision is compact."""

from __future__ import annotations

from typing import Any

from socialaid.client import DecisionClient
from socialaid.errors import DecisionRefusedError, EngineError, FieldError, InvalidInputError
from socialaid.validation import preflight, validate

__all__ = ["PolicyInputError", "PolicyRefusedError", "checked", "decide", "explain", "findings_of"]


class PolicyRefusedError(DecisionRefusedError):
    """The policy refused; ``policy_errors`` keeps its errors as given, each with its ``kind``."""

    def __init__(self, errors: list[FieldError], policy_errors: list[dict[str, Any]]) -> None:
        super().__init__(errors)
        self.policy_errors = policy_errors


class PolicyInputError(InvalidInputError):
    """The policy found the input invalid; ``policy_errors`` keeps its errors with their ``kind``."""

    def __init__(self, errors: list[FieldError], policy_errors: list[dict[str, Any]]) -> None:
        super().__init__(errors, source="request (checked by the policy)")
        self.policy_errors = policy_errors


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

    Input errors found by the policy itself become :class:`PolicyInputError` (exit 2); anything else
    (a parameter with no value in force, an override switched off) is :class:`PolicyRefusedError`
    (exit 3). Both keep each error's ``kind``.
    """
    errors = _field_errors(decision)
    if not errors:
        if "programs" not in decision:
            raise DecisionRefusedError([FieldError("", "the decision has neither errors nor programs", "programs")])
        return decision
    raw = [dict(e) for e in decision["errors"]]
    if all(e.get("kind") == "input" for e in raw):
        raise PolicyInputError(errors, raw)
    raise PolicyRefusedError(errors, raw)


def decide(client: DecisionClient, request: dict[str, Any]) -> dict[str, Any]:
    """Decide and check one request, validated once: by the policy, which checks every request itself.

    Only when the policy finds the input invalid does the Python validator run too, for its wording of
    the same errors (which the message catalog has in Chinese); the policy's own errors stand otherwise.
    """
    try:
        return checked(client.decide(preflight(request)))
    except PolicyInputError as exc:
        local = validate(request)
        if local:
            raise InvalidInputError(local, source="request") from exc
        raise


def explain(client: DecisionClient, request: dict[str, Any]) -> dict[str, Any]:
    """``data.socialaid.explanation`` for one request: the decision with every finding."""
    result = client.explain(request)
    if not isinstance(result, dict):
        raise EngineError("the explanation is not an object")
    return result


def findings_of(client: DecisionClient, request: dict[str, Any], decision: dict[str, Any]) -> list[dict[str, Any]]:
    """Every finding behind ``decision``: the explanation's findings for the same request."""
    return list(checked(explain(client, request)).get("findings") or [])
