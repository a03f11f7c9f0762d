"""The committed JSON Schemas are exactly what the Pydantic models generate, and they agree."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

from socialaid.models import Decision, HouseholdRequest, schemas
from tests.helpers import example


@pytest.mark.parametrize("name", sorted(schemas.SCHEMAS))
def test_committed_schema_matches_models(name: str) -> None:
    committed = schemas.schema_path(name).read_text("utf-8")
    assert committed == schemas.render(name), f"run `socialaid schema --write` ({name} drifted)"


@pytest.mark.parametrize("name", sorted(schemas.SCHEMAS))
def test_schema_is_valid_2020_12(name: str) -> None:
    Draft202012Validator.check_schema(schemas.load(name))


def test_every_property_is_described_in_english_and_chinese() -> None:
    def walk(node: object, path: str) -> list[str]:
        missing: list[str] = []
        if isinstance(node, dict):
            for key, sub in node.get("properties", {}).items():
                desc = sub.get("description", "")
                if " / " not in desc:
                    missing.append(f"{path}/{key}")
            for key, sub in node.items():
                missing += walk(sub, f"{path}/{key}")
        return missing

    assert walk(schemas.load("household"), "") == []


def test_pydantic_accepts_the_examples() -> None:
    for name in ("urban-family-eligible", "rural-family-eligible", "urban-family-just-above-standard"):
        HouseholdRequest.model_validate(example(name))


def test_decision_model_accepts_an_error_decision() -> None:
    Decision.model_validate(
        {
            "bundle_revision": "x",
            "errors": [{"kind": "input", "pointer": "/as_of", "problem": "p", "expected": "e"}],
        }
    )
