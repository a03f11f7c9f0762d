"""Pydantic models of the decision request and responses (sources of the JSON Schemas in schemas/)."""

from __future__ import annotations

from socialaid.models.decision import (
    BatchResponse,
    Decision,
    DecisionError,
    Explanation,
    Finding,
    MissingFact,
    ParameterInForce,
    Program,
)
from socialaid.models.household import HouseholdRequest

__all__ = [
    "BatchResponse",
    "Decision",
    "DecisionError",
    "Explanation",
    "Finding",
    "HouseholdRequest",
    "MissingFact",
    "ParameterInForce",
    "Program",
]
