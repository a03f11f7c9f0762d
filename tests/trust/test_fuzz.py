"""Hostile input, fuzzed (bounded): straight to a real OPA in service mode, and through the CLI. No
invalid input ever gets programs; the policy answers with errors instead."""

from __future__ import annotations

import http.client
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from socialaid.cli.main import app
from socialaid.server.bundle import ensure_fresh
from socialaid.server.sidecar import Sidecar
from tests.trust.hostile import base_request, hostile, invalid_for_a_service

pytestmark = pytest.mark.integration

DECISION = "/v1/data/socialaid/decision"


@pytest.fixture(scope="module")
def service() -> Iterator[Sidecar]:
    with Sidecar(bundle=ensure_fresh(), mode="service", decision_logs=False) as car:
        yield car


class Poster:
    """POSTs raw bodies over one keep-alive connection."""

    def __init__(self, car: Sidecar) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", car.port, timeout=60)
        self.headers = {"Authorization": f"Bearer {car.token}", "Content-Type": "application/json"}

    def post(self, body: bytes) -> tuple[int, dict]:  # type: ignore[type-arg]
        self.conn.request("POST", DECISION, body=body, headers=self.headers)
        response = self.conn.getresponse()
        data = response.read()
        return response.status, json.loads(data) if data else {}


@pytest.fixture(scope="module")
def poster(service: Sidecar) -> Iterator[Poster]:
    posting = Poster(service)
    yield posting
    posting.conn.close()


def test_the_unbent_request_gets_programs(poster: Poster) -> None:
    # Without this, "no programs" below could hold because nothing ever gets programs.
    status, answer = poster.post(json.dumps({"input": base_request()}).encode())
    assert status == 200 and answer["result"]["errors"] == [] and answer["result"]["programs"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False))
def test_no_invalid_input_straight_to_opa_gets_programs(poster: Poster, rng: random.Random) -> None:
    kind, value, body = hostile(rng)
    if not invalid_for_a_service(value, body):
        return  # this bend happened to stay valid (e.g. current_benefits set to {})
    status, answer = poster.post(body)
    if status == 400:  # OPA could not parse the body (NaN, Infinity): an error, not a decision
        assert answer.get("code") == "invalid_parameter", (kind, answer)
        return
    assert status == 200, (kind, status, answer)
    result = answer["result"]
    assert "programs" not in result, kind
    assert result["errors"], kind
    assert all(e["pointer"] == "" or e["pointer"].startswith("/") for e in result["errors"]), kind


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False))
def test_no_invalid_input_through_the_cli_gets_a_decision(
    service: Sidecar, rng: random.Random, tmp_path_factory: pytest.TempPathFactory
) -> None:
    kind, value, body = hostile(rng)
    if not invalid_for_a_service(value, body):
        return
    path: Path = tmp_path_factory.mktemp("fuzz") / "request.json"
    text = body.decode()
    path.write_text(text[len('{"input": ') : -1], "utf-8")  # the request itself, raw kinds included
    result = CliRunner().invoke(
        app,
        ["decide", str(path), "--format", "json", "--opa-url", service.url],
        env={"SOCIALAID_OPA_TOKEN": service.token},
        catch_exceptions=False,
    )
    assert result.exit_code == 2, (kind, result.output)
    assert '"programs"' not in result.stdout, kind
