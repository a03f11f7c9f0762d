"""JSON Schemas generated from the Pydantic models, and where they live in the repository.

``schemas/household.schema.json``, ``decision.schema.json`` and ``explanation.schema.json`` are committed; the policy
bundle carries the household schema as data so that OPA checks every request itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from socialaid.models import Decision, Explanation, HouseholdRequest
from socialaid.models.analysis import Scenario, SweepDocument, WhatIfDocument
from socialaid.paths import SCHEMA_DIR

__all__ = ["SCHEMAS", "generate", "list_limits", "load", "render", "resolve", "schema_path", "write_all"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "household": (HouseholdRequest, "A social-assistance decision request / 社会救助认定请求"),
    "decision": (Decision, "A social-assistance decision, compact / 社会救助认定结果（简要）"),
    "explanation": (Explanation, "A social-assistance decision with every finding / 社会救助认定结果及全部理由"),
    "scenario": (Scenario, "A what-if scenario file: named variants / 假设测算方案文件"),
    "whatif": (WhatIfDocument, "What-if: the base, each variant and what changed / 假设测算结果"),
    "sweep": (SweepDocument, "A sweep: points, exact cliffs, linear pieces / 取值扫描结果"),
}


def schema_path(name: str) -> Path:
    return SCHEMA_DIR / f"{name}.schema.json"


def generate(name: str) -> dict[str, Any]:
    model, title = SCHEMAS[name]
    body = model.model_json_schema(mode="validation")
    return {
        "$schema": DIALECT,
        "$id": f"https://socialaid.example/schemas/{name}.schema.json",
        **body,
        "title": title,
    }


def render(name: str) -> str:
    return json.dumps(generate(name), ensure_ascii=False, indent=2) + "\n"


def write_all() -> list[Path]:
    """Every schema of SCHEMAS, and the server's OpenAPI document (schemas/openapi.json)."""
    from socialaid.models import openapi

    written = []
    for name in SCHEMAS:
        path = schema_path(name)
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    written.append(openapi.write())
    return written


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(schema_path(name).read_text(encoding="utf-8"))
    return data


def list_limits(schema: dict[str, Any]) -> dict[str, int]:
    """The household schema's caps on list lengths (and object sizes), read from the schema itself.

    The bundle carries them as ``data.socialaid.schemas.household.limits`` so that the policy counts every
    capped list before the schema check walks any item of one (policies/socialaid/validation);
    :func:`socialaid.validation.validate` counts the same lists first.
    """
    defs = schema["$defs"]

    def branch(node: dict[str, Any], key: str) -> dict[str, Any]:
        for candidate in [node, *node.get("anyOf", [])]:
            if key in candidate:
                return dict(candidate)
        raise ValueError(f"the household schema has no {key} where the caps are read")

    def items(model: str, prop: str) -> int:
        return int(branch(defs[model]["properties"][prop], "maxItems")["maxItems"])

    overrides = schema["properties"]["parameter_overrides"]
    group = next(iter(branch(overrides, "patternProperties")["patternProperties"].values()))
    return {
        "members": items("Household", "members"),
        "rigid_expenditures": items("Household", "rigid_expenditures"),
        "medical_episodes": items("Member", "medical_episodes"),
        "legal_supporters": items("Member", "legal_supporters"),
        "benefit_member_ids": items("CurrentBenefit", "member_ids"),
        "override_groups": int(branch(overrides, "maxProperties")["maxProperties"]),
        "overrides_a_group": int(branch(group, "maxProperties")["maxProperties"]),
    }


def resolve(node: Any, schema: dict[str, Any]) -> dict[str, Any]:
    """A node of ``schema`` with ``$ref`` followed and a nullable ``anyOf`` unwrapped (``{}`` where none)."""
    while isinstance(node, dict):
        if "$ref" in node:
            node = schema["$defs"][str(node["$ref"]).rsplit("/", 1)[-1]]
        elif "anyOf" in node:
            node = next((n for n in node["anyOf"] if isinstance(n, dict) and n.get("type") != "null"), {})
        else:
            return node
    return {}
