"""Decisions per second and p50/p99 latency for an example household.

Three ways to ask the same sidecar (started here from the built bundle):
  1. the Python layer: validate with jsonschema, query through opa-python-client, check the result;
  2. the same request sent straight to OPA over HTTP (a requests.Session, no validation);
Internal rules cannot be probed over HTTP any more (the sidecar is locked to the entrypoints);
benchmarks/decision_cost.py measures them in-process with opa bench. Timing is printed, never asserted.

    .venv/bin/python benchmarks/decision_throughput.py [--n 300] [--example examples/x.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests

from socialaid.client import DecisionClient
from socialaid.decide import decide
from socialaid.server.bundle import ensure_fresh
from socialaid.server.sidecar import Sidecar

ROOT = Path(__file__).resolve().parents[1]


def measure(name: str, call: Callable[[], Any], n: int, warmup: int = 20) -> dict[str, float]:
    for _ in range(warmup):
        call()
    times = []
    start = time.perf_counter()
    for _ in range(n):
        t0 = time.perf_counter()
        call()
        times.append(time.perf_counter() - t0)
    total = time.perf_counter() - start
    times.sort()
    row = {
        "per_second": n / total,
        "p50_ms": statistics.median(times) * 1000,
        "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))] * 1000,
    }
    print(f"{name:<44} {row['per_second']:8.1f}/s   p50 {row['p50_ms']:7.2f} ms   p99 {row['p99_ms']:7.2f} ms")
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--example", type=Path, default=ROOT / "examples" / "urban-family-eligible.json")
    args = parser.parse_args()
    request = json.loads(args.example.read_text("utf-8"))
    print(f"example: {args.example.name}; {args.n} sequential requests after 20 warm-up requests")
    with Sidecar(bundle=ensure_fresh()) as sidecar, DecisionClient(sidecar.url, token=sidecar.token) as client:
        session = requests.Session()

        def raw(path: str) -> Callable[[], Any]:
            url = f"{sidecar.url}/v1/data/{path}"
            body = json.dumps({"input": request})
            headers = {"Content-Type": "application/json", "Authorization": f"Bearer {sidecar.token}"}
            return lambda: session.post(url, data=body, headers=headers, timeout=10).json()["result"]

        layer = measure("Python layer (validate + client + check)", lambda: decide(client, request), args.n)
        direct = measure("straight to OPA over HTTP", raw("socialaid/decision"), args.n)
        rate_ratio = layer["per_second"] / direct["per_second"]
        p50_ratio = layer["p50_ms"] / direct["p50_ms"]
        print(f"ratio Python layer / direct: throughput {rate_ratio:.2f}x, p50 latency {p50_ratio:.2f}x")


if __name__ == "__main__":
    main()
