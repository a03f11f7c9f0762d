"""Python's validator and the policy accept exactly the same requests (bounded differential test).

Every request of the fuzz corpus (tests/trust/hostile.py: a valid household bent one to three ways, and
the bends that happened to stay valid) that Python can encode is checked by ``socialaid.validation`` and
by a real OPA in service mode; both must call it valid, or both invalid. Parameter overrides are left
out: whether an override name exists is the bundle's data, which Python's schema does not know (the
policy refuses an unknown one, and a service refuses every one).
"""

from __future__ import annotations

import http.client
import json
import random
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from socialaid.server.bundle import ensure_fresh
from socialaid.server.sidecar import Sidecar
from socialaid.validation import validate
from tests.trust.hostile import base_request, hostile

pytestmark = pytest.mark.integration

REQUESTS = 1500  # bounded: about 10 s on a loaded 2-core machine


@pytest.fixture(scope="module")
def policy() -> Iterator[Any]:
    with Sidecar(bundle=ensure_fresh(), mode="service", decision_logs=False) as car:
        conn = http.client.HTTPConnection("127.0.0.1", car.port, timeout=60)
        headers = {"Authorization": f"Bearer {car.token}", "Content-Type": "application/json"}

        def input_errors(request: Any) -> list[dict[str, Any]]:
            conn.request("POST", "/v1/data/socialaid/decision", body=json.dumps({"input": request}), headers=headers)
            response = conn.getresponse()
            answer = json.loads(response.read())
            assert response.status == 200, answer
            return [e for e in answer["result"]["errors"] if e["kind"] == "input"]

        yield input_errors
        conn.close()


def _corpus(n: int) -> Iterator[tuple[str, Any]]:
    rng = random.Random(19)
    yield "base", base_request()
    made = 0
    while made < n:
        kind, value, _ = hostile(rng)
        if value is None or (isinstance(value, dict) and "parameter_overrides" in value):
            continue
        made += 1
        yield kind, value


def test_python_and_the_policy_agree_on_every_request_of_the_corpus(policy: Any) -> None:
    seen: Counter[str] = Counter()
    disagreements = []
    for kind, request in _corpus(REQUESTS):
        python_valid = not validate(request)
        policy_errors = policy(request)
        seen["valid" if python_valid else "invalid"] += 1
        if python_valid != (not policy_errors):
            disagreements.append((kind, json.dumps(request, ensure_ascii=False)[:300], policy_errors[:2]))
    assert not disagreements, disagreements[:5]
    # both sides are exercised: the corpus holds valid requests too, not only refusals
    assert seen["valid"] >= 20 and seen["invalid"] >= 300, seen


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("month", "2025-01\n"),  # Python's $ matched before the newline; Go's does not
        ("month", "٢٠٢٥-01"),  # Python's \d matched Arabic-Indic digits; the pattern now says [0-9]
        ("as_of", "2025-01-01\n"),
    ],
)
def test_a_value_python_once_let_through_is_refused_by_both(policy: Any, where: str, value: str) -> None:
    request = base_request()
    if where == "month":
        request["price_index"] = {"month": value, "cpi_rise": 0.01, "food_cpi_rise": 0.02}
        pointer = "/price_index/month"
    else:
        request["as_of"] = value
        pointer = "/as_of"
    assert pointer in {e.pointer for e in validate(request)}
    assert pointer in {e["pointer"] for e in policy(request)}
    assert not validate(base_request()) and not policy(base_request())
