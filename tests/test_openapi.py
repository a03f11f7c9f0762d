"""schemas/openapi.json is a valid OpenAPI 3.1 document whose schemas are valid JSON Schemas (2020-12)."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator

from socialaid.models import openapi


def test_each_component_is_a_valid_2020_12_schema_and_each_door_is_described() -> None:
    document = json.loads(openapi.OPENAPI_PATH.read_text("utf-8"))
    for name, component in document["components"]["schemas"].items():
        assert Draft202012Validator(Draft202012Validator.META_SCHEMA).is_valid(component), name
    for path, item in document["paths"].items():
        for operation in item.values():
            assert {"200", "500"} <= set(operation["responses"]), path
            if path != "/health":
                assert {"400", "401"} <= set(operation["responses"]) and operation["security"] == [{"bearer": []}]


def test_the_decision_door_takes_the_household_schema() -> None:
    document = json.loads(openapi.OPENAPI_PATH.read_text("utf-8"))
    components = document["components"]["schemas"]
    assert components["DecisionInput"]["properties"]["input"]["$ref"] == "#/components/schemas/HouseholdRequest"
    household = json.loads((openapi.OPENAPI_PATH.parent / "household.schema.json").read_text("utf-8"))
    assert components["HouseholdRequest"]["properties"].keys() == household["properties"].keys()
