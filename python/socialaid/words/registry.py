"""The clause registry shipped in the bundle (policies/socialaid/plan/data.yaml)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from socialaid.paths import POLICY_DIR

__all__ = ["clause_registry", "plan_document"]


@lru_cache(maxsize=1)
def _plan() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((POLICY_DIR / "socialaid" / "plan" / "data.yaml").read_text("utf-8"))
    return data


def clause_registry() -> dict[str, dict[str, Any]]:
    clauses: dict[str, dict[str, Any]] = _plan()["clauses"]
    return clauses


def plan_document() -> dict[str, Any]:
    doc: dict[str, Any] = _plan()["document"]
    return doc
