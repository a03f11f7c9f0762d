"""The former dict-level calls, kept for callers written against them; new code uses
:class:`socialaid.Engine`, which returns verified models. Each call here makes one query and verifies
its answer the same way (:mod:`socialaid.verify`)."""

from __future__ import annotations

from typing import Any

from socialaid.client import DecisionClient
from socialaid.errors import PolicyInputError, PolicyRefusedError
from socialaid.models.decision import Decision, Explanation
from socialaid.validation import preflight
from socialaid.verify import checked as _checked
from socialaid.verify import verified

__all__ = ["PolicyInputError", "PolicyRefusedError", "checked", "decide", "explain"]


def checked(decision: dict[str, Any]) -> dict[str, Any]:
    """``decision`` itself when it has an outcome; the policy's own errors raised otherwise."""
    if "findings" in decision:
        _checked(verified(decision, Explanation, view="explanation"))
    else:
        _checked(verified(decision, Decision, view="decision" if "parameters" in decision else "outcome"))
    return decision


def decide(client: DecisionClient, request: dict[str, Any]) -> dict[str, Any]:
    return checked(client.decide(preflight(request)))


def explain(client: DecisionClient, request: dict[str, Any]) -> dict[str, Any]:
    return checked(client.explain(preflight(request)))
