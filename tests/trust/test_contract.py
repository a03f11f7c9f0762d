"""The service contract holds: schemas/openapi.json is what the models generate, and Schemathesis, run
against a live locked server (loopback, the bearer token, a few examples a door), finds every answer
documented: its status, its content type and its body's schema."""

from __future__ import annotations

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from socialaid.models import openapi
from tests.trust.conftest import Served

pytestmark = pytest.mark.integration

schema = schemathesis.openapi.from_path(openapi.OPENAPI_PATH)
schema.config.generation.update(modes=[GenerationMode.POSITIVE])


def test_the_committed_openapi_document_is_what_the_models_generate() -> None:
    committed = openapi.OPENAPI_PATH.read_text("utf-8")
    assert committed == openapi.render(), "run `socialaid schema --write` (schemas/openapi.json drifted)"
    document = json.loads(committed)
    assert document["openapi"] == "3.1.0"
    assert set(document["paths"]) == {f"/v1/data/socialaid/{d}" for d in openapi.DOORS} | {"/health"}


@schema.parametrize()
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_door_answers_as_documented(case: schemathesis.Case, served: Served) -> None:
    case.call_and_validate(
        base_url=served.url,
        headers={"Authorization": f"Bearer {served.token}"},
        checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance],
        timeout=60,
    )


def test_refusals_are_documented(served: Served) -> None:
    # the 401 and 400 bodies OPA writes, against the document's OpaError
    from jsonschema import Draft202012Validator

    document = json.loads(openapi.OPENAPI_PATH.read_text("utf-8"))
    components = document["components"]["schemas"]
    validator = Draft202012Validator({**components["OpaError"], "$defs": components})
    for status, answer in [
        served.request("POST", "/v1/data/socialaid/decision", {"input": {}}, token=None),
        served.request("POST", "/v1/data/socialaid/decision", raw=b'{"input": NaN}'),
        served.request("POST", "/v1/data/socialaid/programs", {"input": {}}),
    ]:
        assert status in {400, 401}
        assert str(status) in document["paths"]["/v1/data/socialaid/decision"]["post"]["responses"]
        validator.validate(answer)
