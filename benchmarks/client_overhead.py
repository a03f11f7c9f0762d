"""What opa-python-client costs on top of a plain keep-alive POST (issue 9): p50 of each, and the ratio.

Both send the same request for the same example household to the same locked sidecar, one request
at a time, alternating in rounds so that load on the machine hits both alike:
  1. ``DecisionClient.decide`` — opa-python-client's ``query_rule`` on one kept-alive session, with
     socialaid's deadline timer and retry policy around it (no validation: the client alone);
  2. ``http.client.HTTPConnection`` kept alive, the body serialised once, the answer parsed with json.
Target: ratio of p50s <= 1.25. Timing is printed, never asserted.

    .venv/bin/python benchmarks/client_overhead.py [--n 2000] [--example examples/x.json]
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from socialaid.client import DecisionClient
from socialaid.server.bundle import ensure_fresh
from socialaid.server.sidecar import Sidecar

ROOT = Path(__file__).resolve().parents[1]


def timed(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000, help="requests of each kind")
    parser.add_argument("--example", type=Path, default=ROOT / "examples" / "urban-family-eligible.json")
    parser.add_argument("--decision-logs", action="store_true", help="sidecar with decision logs on")
    args = parser.parse_args()
    request = json.loads(args.example.read_text("utf-8"))
    with (
        Sidecar(bundle=ensure_fresh(), decision_logs=args.decision_logs) as car,
        DecisionClient(car.url, token=car.token) as client,
    ):
        conn = http.client.HTTPConnection("127.0.0.1", car.port, timeout=10)
        body = json.dumps({"input": request}).encode()
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {car.token}"}

        def plain() -> dict[str, Any]:
            conn.request("POST", "/v1/data/socialaid/decision", body=body, headers=headers)
            result: dict[str, Any] = json.loads(conn.getresponse().read())["result"]
            return result

        assert plain() == client.decide(request), "both paths must get the same decision"
        for _ in range(50):  # warm-up
            plain()
            client.decide(request)
        ours: list[float] = []
        theirs: list[float] = []
        for _ in range(args.n // 50):
            ours += [timed(lambda: client.decide(request)) for _ in range(50)]
            theirs += [timed(plain) for _ in range(50)]
        conn.close()
    p50_client, p50_plain = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
    logs = "on" if args.decision_logs else "off"
    print(f"example {args.example.name}, {len(ours)} requests each, decision logs {logs}")
    print(f"DecisionClient.decide (opa-python-client) p50 {p50_client:7.3f} ms")
    print(f"http.client keep-alive POST              p50 {p50_plain:7.3f} ms")
    print(f"ratio client / http.client p50: {p50_client / p50_plain:.3f}x (target <= 1.25x)")


if __name__ == "__main__":
    main()
