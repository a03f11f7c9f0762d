"""DecisionClient maps every engine failure to its own error; POSTs are retried on connection loss."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from socialaid.client import DecisionClient
from socialaid.errors import (
    EngineTimeoutError,
    EngineUnavailableError,
    PolicyEvaluationError,
    UndefinedDecisionError,
)
from socialaid.paths import opa_binary
from socialaid.sidecar import Sidecar, free_port


class Flaky:
    """Stands in for opa-python-client's query_rule: fails `failures` times, then answers."""

    def __init__(self, failures: list[Exception], answer: Any) -> None:
        self.failures = failures
        self.answer = answer
        self.calls = 0

    def __call__(self, **kwargs: Any) -> Any:
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        return self.answer


def client_with(stub: Flaky, retries: int = 2) -> DecisionClient:
    client = DecisionClient("http://127.0.0.1:1", retries=retries, backoff=0)
    client._opa.query_rule = stub  # type: ignore[method-assign]
    return client


def http_error(status: int, body: str) -> requests.HTTPError:
    response = requests.Response()
    response.status_code = status
    response._content = body.encode()
    return requests.HTTPError(response=response)


def test_connection_errors_are_retried_then_succeed() -> None:
    stub = Flaky([requests.ConnectionError(), requests.ConnectionError()], {"result": {"errors": []}})
    assert client_with(stub).decide({}) == {"errors": []}
    assert stub.calls == 3


def test_connection_errors_beyond_retries_are_unavailable() -> None:
    stub = Flaky([requests.ConnectionError()] * 3, {"result": {}})
    with pytest.raises(EngineUnavailableError, match="unreachable"):
        client_with(stub).decide({})
    assert stub.calls == 3


def test_read_timeout_is_a_timeout() -> None:
    stub = Flaky([requests.ReadTimeout()], {"result": {}})
    with pytest.raises(EngineTimeoutError):
        client_with(stub, retries=0).decide({})


def test_policy_error_carries_opas_message() -> None:
    body = (
        '{"code": "internal_error", "message": '
        '"1 error occurred: eval_conflict_error: functions must not produce multiple outputs"}'
    )
    stub = Flaky([http_error(500, body)], None)
    with pytest.raises(PolicyEvaluationError, match="eval_conflict_error"):
        client_with(stub).decide({})
    assert stub.calls == 1  # an HTTP error is an answer: not retried


def test_empty_response_is_undefined_not_ineligible() -> None:
    with pytest.raises(UndefinedDecisionError, match="no result"):
        client_with(Flaky([], {})).decide({})


def test_non_object_result_is_undefined() -> None:
    with pytest.raises(UndefinedDecisionError):
        client_with(Flaky([], {"result": [1]})).decide({})


def test_not_a_url() -> None:
    with pytest.raises(EngineUnavailableError, match="not an OPA URL"):
        DecisionClient("ftp://x")


@pytest.fixture
def bare_opa() -> Iterator[str]:
    """A real OPA server with no policy loaded at all."""
    port = free_port()
    proc = subprocess.Popen(
        [str(opa_binary()), "run", "--server", "--addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if requests.get(f"{url}/health", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            subprocess.run(["sleep", "0.05"], check=True)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.integration
def test_real_opa_without_the_policy_is_undefined(bare_opa: str) -> None:
    with pytest.raises(UndefinedDecisionError):
        DecisionClient(bare_opa).decide({"as_of": "2025-01-01"})


@pytest.mark.integration
def test_decide_many_in_one_round_trip(opa_client: DecisionClient) -> None:
    from tests.helpers import household, person

    requests_ = [household(person("a", income=x)) for x in (0, 800, 900)]
    decisions = opa_client.decide_many(requests_)
    # Urban 808: (808 − 0) = 808, (808 − 800) = 8, 900 ≥ 808 → 0.
    assert [d["programs"]["dibao"]["monthly_amount"] for d in decisions] == [808, 8, 0]


@pytest.mark.integration
def test_sidecar_stops_its_process() -> None:
    from socialaid.bundle import ensure_fresh

    car = Sidecar(bundle=ensure_fresh())
    with car:
        proc = car._proc
        assert proc is not None and car.running
        assert DecisionClient(car.url).healthy()
    assert proc.poll() is not None
    assert "Initializing server" in car.log_text() or car.log_text()


@pytest.mark.integration
def test_sidecar_with_missing_bundle_is_unavailable(tmp_path: Any) -> None:
    with pytest.raises(EngineUnavailableError, match="bundle not found"):
        Sidecar(bundle=tmp_path / "none.tar.gz").start()
