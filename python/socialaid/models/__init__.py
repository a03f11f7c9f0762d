"""Pydantic models of the decision request and response (sources of the JSON Schemas in schemas/)."""

from __future__ import annotations

from socialaid.models.decision import Decision, DecisionError, Finding, ParameterUsed, Program
from socialaid.models.household import HouseholdRequest

__all__ = ["Decision", "DecisionError", "Finding", "HouseholdRequest", "ParameterUsed", "Program"]
