"""A service that queries OPA's REST API directly, skipping the Python layer, still gets field
errors and no outcome for a bad request, and an error for a date with no standard in force."""

from __future__ import annotations

import os

import pytest
import requests

from socialaid.engine import OPA_TOKEN_ENV
from tests.helpers import household, person

pytestmark = pytest.mark.integration


def post(opa_url: str, body: object) -> dict:  # type: ignore[type-arg]
    # The session sidecar is locked: the caller sends its bearer token (conftest puts it in the env).
    headers = {"Authorization": f"Bearer {os.environ[OPA_TOKEN_ENV]}"}
    response = requests.post(f"{opa_url}/v1/data/socialaid/decision", json=body, headers=headers, timeout=10)
    response.raise_for_status()
    result: dict = response.json()["result"]  # type: ignore[type-arg]
    return result


def test_invalid_request_gets_errors_and_no_programs(opa_url: str) -> None:
    bad = household(person("a", income=-3), area="town")
    result = post(opa_url, {"input": bad})
    assert "programs" not in result and "findings" not in result
    pointers = {e["pointer"] for e in result["errors"]}
    assert pointers == {"/household/members/0/monthly_income", "/household/area"}
    assert all(e["kind"] == "input" for e in result["errors"])


def test_missing_property_is_named(opa_url: str) -> None:
    bad = household(person("a"))
    del bad["as_of"]
    result = post(opa_url, {"input": bad})
    assert [e["pointer"] for e in result["errors"]] == ["/as_of"]


def test_no_input_at_all_is_an_error(opa_url: str) -> None:
    result = post(opa_url, {})
    assert result["errors"][0]["problem"] == "the request has no input"
    assert "programs" not in result


def test_no_standard_in_force_is_an_error_not_a_default(opa_url: str) -> None:
    result = post(opa_url, {"input": household(person("a"), as_of="2022-03-31")})
    assert "programs" not in result
    assert {e["kind"] for e in result["errors"]} == {"parameter_not_in_force"}


def test_unknown_override_is_an_input_error(opa_url: str) -> None:
    request = household(person("a"), parameter_overrides={"dibao": {"standard_urbn": 900}})
    result = post(opa_url, {"input": request})
    assert [e["pointer"] for e in result["errors"]] == ["/parameter_overrides/dibao/standard_urbn"]


def test_override_is_applied_and_marked_hypothetical(opa_url: str) -> None:
    request = household(person("a", income=100), parameter_overrides={"dibao": {"standard_urban": 900}})
    result = post(opa_url, {"input": request})
    # Overridden standard 900: (900 − 100) × 1 = 800.
    assert result["programs"]["dibao"]["monthly_amount"] == 800
    assert result["hypothetical"] is True
    assert result["parameters"]["dibao.standard_urban"] == 900


def test_consistency_errors_match_the_python_layer(opa_url: str) -> None:
    from socialaid.validation import consistency_errors

    bad = household(person("a"), person("a"), person("b", birth="2030-05-05"))
    result = post(opa_url, {"input": bad})
    assert "programs" not in result
    in_policy = sorted((e["pointer"], e["problem"], e["expected"]) for e in result["errors"])
    in_python = sorted((e.pointer, e.problem, e.expected) for e in consistency_errors(bad))
    assert in_policy == in_python and len(in_policy) == 2
