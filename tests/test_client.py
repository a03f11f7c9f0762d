"""DecisionClient maps every engine failure to its own documented error; one retry policy, in one place."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from socialaid.client import DecisionClient
from socialaid.errors import (
    EngineError,
    EngineRefusedError,
    EngineTimeoutError,
    EngineUnavailableError,
    OptionError,
    PolicyEvaluationError,
    UndefinedDecisionError,
)
from socialaid.paths import opa_binary
from socialaid.server.sidecar import Sidecar, free_port


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


def client_with(stub: Flaky, retries: int = 1) -> DecisionClient:
    client = DecisionClient("http://127.0.0.1:1", retries=retries, backoff=0)
    client._opa.query_rule = stub  # type: ignore[method-assign]
    return client


def http_error(status: int, body: str) -> requests.HTTPError:
    response = requests.Response()
    response.status_code = status
    response._content = body.encode()
    return requests.HTTPError(response=response)


def test_a_connection_error_is_retried_once_then_succeeds() -> None:
    stub = Flaky([requests.ConnectionError()], {"result": {"errors": []}, "decision_id": "d-1"})
    client = client_with(stub)
    assert client.decide({}) == {"errors": []}
    assert stub.calls == 2
    assert client.last_decision_id == "d-1"


def test_connection_errors_beyond_the_one_retry_are_unavailable() -> None:
    stub = Flaky([requests.ConnectionError()] * 3, {"result": {}})
    with pytest.raises(EngineUnavailableError, match="unreachable"):
        client_with(stub).decide({})
    assert stub.calls == 2  # one policy, one place: 1 try + 1 retry, no retries nested inside


def test_read_timeout_is_a_timeout_and_not_retried() -> None:
    stub = Flaky([requests.ReadTimeout()], {"result": {}})
    with pytest.raises(EngineTimeoutError):
        client_with(stub).decide({})
    assert stub.calls == 1


def test_policy_error_carries_opas_message() -> None:
    body = (
        '{"code": "internal_error", "message": '
        '"1 error occurred: eval_conflict_error: functions must not produce multiple outputs"}'
    )
    stub = Flaky([http_error(500, body)], None)
    with pytest.raises(PolicyEvaluationError, match="eval_conflict_error"):
        client_with(stub).decide({})
    assert stub.calls == 1  # an HTTP error is an answer: not retried


def test_unauthorized_is_refused_exit_10() -> None:
    body = '{"code": "unauthorized", "message": "request rejected by administrative policy"}'
    with pytest.raises(EngineRefusedError, match="token") as info:
        client_with(Flaky([http_error(401, body)], None)).decide({})
    assert info.value.exit_code == 10


def test_garbage_answer_is_an_engine_error_exit_4() -> None:
    stub = Flaky([requests.JSONDecodeError("Expecting value", "<html>", 0)], None)
    with pytest.raises(EngineError, match="not JSON") as info:
        client_with(stub).decide({})
    assert info.value.exit_code == 4


def test_empty_response_is_undefined_not_ineligible() -> None:
    with pytest.raises(UndefinedDecisionError, match="no result"):
        client_with(Flaky([], {})).decide({})


def test_non_object_result_is_a_malformed_answer() -> None:
    with pytest.raises(EngineError, match="list instead of a decision") as info:
        client_with(Flaky([], {"result": [1]})).decide({})
    assert info.value.exit_code == 4


def test_batch_must_answer_one_decision_per_request() -> None:
    stub = Flaky([], {"result": {"decisions": [{"errors": []}]}})
    with pytest.raises(EngineError, match="1 decisions for 2 requests"):
        client_with(stub).decide_batch([{}, {}])


def test_not_a_url() -> None:
    with pytest.raises(OptionError, match="not an OPA URL") as caught:
        DecisionClient("ftp://x")
    assert caught.value.exit_code == 64


def test_the_path_of_the_url_is_kept() -> None:
    client = DecisionClient("http://127.0.0.1:9/opa/")
    assert client.url == "http://127.0.0.1:9/opa"
    assert client._opa.root_url == "http://127.0.0.1:9/opa/v1"


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
def test_decide_batch_in_one_round_trip(opa_client: DecisionClient) -> None:
    from tests.helpers import household, person

    requests_ = [household(person("a", income=x)) for x in (0, 800, 900)]
    decisions = opa_client.decide_batch(requests_)
    # Urban 808: (808 − 0) = 808, (808 − 800) = 8, 900 ≥ 808 → 0.
    assert [d["programs"]["dibao"]["monthly_amount"] for d in decisions] == [808, 8, 0]


@pytest.mark.integration
def test_sidecar_stops_its_process() -> None:
    from socialaid.server.bundle import ensure_fresh

    car = Sidecar(bundle=ensure_fresh())
    with car:
        proc = car._proc
        assert proc is not None and car.running
        assert DecisionClient(car.url).healthy()
        log = car.log_path
        assert log is not None and log.exists()
    assert proc.poll() is not None
    assert not log.exists(), "the sidecar's log directory is removed when it stops"


@pytest.mark.integration
def test_sidecar_with_missing_bundle_is_unavailable(tmp_path: Any) -> None:
    with pytest.raises(EngineUnavailableError, match="bundle not found"):
        Sidecar(bundle=tmp_path / "none.tar.gz").start()


def test_an_answer_cut_off_midway_is_opa_unavailable() -> None:
    """A server that dies in the middle of its answer (as a killed sidecar does) is unavailable (exit 5),
    which a batch reads as a dead sidecar to restart, not as a malformed answer (exit 4)."""
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def answer_half() -> None:
        conn, _ = listener.accept()
        conn.recv(65536)
        conn.sendall(b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"result":')
        conn.close()

    threading.Thread(target=answer_half, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        with (
            DecisionClient(url, timeout=5) as client,
            pytest.raises(EngineUnavailableError, match="broke before its answer was complete") as caught,
        ):
            client.decide({"as_of": "2025-01-01"})
        assert caught.value.exit_code == 5
    finally:
        listener.close()
