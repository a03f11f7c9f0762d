"""Small helpers shared by tests: example requests and recursive subset matching."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))
    return data


def person(pid: str, birth: str = "1980-01-01", income: float = 0, **extra: Any) -> dict[str, Any]:
    return {"id": pid, "birth_date": birth, "monthly_income": income, **extra}


def household(
    *members: dict[str, Any],
    area: str = "urban",
    as_of: str = "2025-01-01",
    parameter_overrides: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    request: dict[str, Any] = {
        "as_of": as_of,
        "household": {"area": area, "assets_test_met": True, "members": list(members), **extra},
    }
    if parameter_overrides is not None:
        request["parameter_overrides"] = parameter_overrides
    return request


def with_changes(request: dict[str, Any], **changes: Any) -> dict[str, Any]:
    out = copy.deepcopy(request)
    out.update(changes)
    return out


def mismatches(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Where `expected` is not a recursive subset of `actual` (empty when it is).

    Dicts: every expected key must be present and match. Lists of dicts: every expected item must
    match some actual item. Numbers compare to the fen. Anything else compares equal.
    """
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path or '/'}: expected an object, got {actual!r}"]
        problems = []
        for key, value in expected.items():
            if key not in actual:
                problems.append(f"{path}/{key}: missing")
            else:
                problems += mismatches(value, actual[key], f"{path}/{key}")
        return problems
    if isinstance(expected, list) and expected and all(isinstance(e, dict) for e in expected):
        if not isinstance(actual, list):
            return [f"{path or '/'}: expected a list, got {actual!r}"]
        problems = []
        for i, item in enumerate(expected):
            if not any(not mismatches(item, candidate) for candidate in actual):
                problems.append(f"{path}[{i}]: no item matches {json.dumps(item, ensure_ascii=False)}")
        return problems
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        if isinstance(actual, (int, float)) and not isinstance(actual, bool) and abs(expected - actual) < 0.005:
            return []
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    if expected != actual:
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    return []
