"""100 000 hostile requests straight to `socialaid serve` with its default settings, through every door;
prints the counts.

Each request is a valid household bent one to three ways (tests/trust/hostile.py: non-objects, missing
or mistyped fields, dates out of range, huge or negative numbers, NaN/Infinity/1e400 in the text,
unknown properties with odd names, more members than the cap, duplicate ids, unknown overrides,
overrides to a service, nesting 33–1 000 deep, long strings). Only inputs that are invalid for a
service are sent (Python's validation is the oracle; bends that stayed valid are counted and
skipped). The doors take turns: decision and explanation get the request as it is, batch gets it as
the one request of a chunk, parameters_on and words get it as their input. Done when: programs = 0 (no
decision, explanation or batch row with programs for an invalid request) and 5xx = 0 (except the one
OPA gives for a number past float64, ``1e99999``, which the corpus does not hold: deploy/README.md).
Several keep-alive connections post at once.

    .venv/bin/python benchmarks/fuzz_hostile.py [--n 100000] [--threads 4] [--seed 11]
"""

from __future__ import annotations

import argparse
import collections
import datetime
import http.client
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.trust.hostile import hostile, invalid_for_a_service  # noqa: E402

from socialaid.server.bundle import ensure_fresh  # noqa: E402
from socialaid.server.sidecar import free_port  # noqa: E402

DOORS = ["decision", "explanation", "batch", "parameters_on", "words"]


def _parameters_request(value: object) -> bool:
    """A valid input of the parameters door: an object with as_of, a date, and nothing else."""
    if not isinstance(value, dict) or set(value) != {"as_of"} or not isinstance(value["as_of"], str):
        return False
    try:
        return re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value["as_of"]) is not None and bool(
            datetime.date.fromisoformat(value["as_of"])
        )
    except ValueError:
        return False


def start_serve(log_dir: Path) -> tuple[subprocess.Popen[str], int, str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "SOCIALAID_OPA_TOKEN"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "socialaid.server.serve", "--addr", f"127.0.0.1:{port}", "--log-dir", str(log_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if "listening on" not in line:
        raise SystemExit(f"socialaid serve did not start: {line}")
    return proc, port, (log_dir / "token").read_text("utf-8").strip()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000, help="invalid requests to send")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    ensure_fresh()
    log_dir = Path(tempfile.mkdtemp(prefix="socialaid-fuzz-"))
    proc, port, token = start_serve(log_dir)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    counts: collections.Counter[str] = collections.Counter()
    kinds: collections.Counter[str] = collections.Counter()
    leaks: list[str] = []
    doors: collections.Counter[str] = collections.Counter()
    lock = threading.Lock()
    remaining = [args.n]

    def worker(index: int) -> None:
        rng = random.Random(args.seed * 1000 + index)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while True:
            with lock:
                if remaining[0] <= 0:
                    break
            try:
                kind, value, body = hostile(rng)
            except Exception as exc:  # a bug of the generator, not of the server: count it, go on
                with lock:
                    counts[f"generator error {type(exc).__name__}"] += 1
                continue
            if not invalid_for_a_service(value, body):
                with lock:
                    counts["skipped: the bend stayed valid"] += 1
                continue
            with lock:
                if remaining[0] <= 0:
                    break
                remaining[0] -= 1
            door = DOORS[rng.randrange(len(DOORS))]
            if door == "batch":
                body = b'{"input": {"requests": [' + body[len(b'{"input": ') : -1] + b"]}}"
            conn.request("POST", f"/v1/data/socialaid/{door}", body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            with lock:
                counts["sent"] += 1
                doors[door] += 1
                for k in kind.split("+"):
                    kinds[k] += 1
                if response.status >= 500:
                    counts["5xx"] += 1
                    leaks.append(f"{door} {response.status} {kind} {data[:200]!r}")
                    continue
                if response.status != 200:
                    counts[f"HTTP {response.status} (OPA refused to parse the body)"] += 1
                    continue
                result = json.loads(data).get("result", {})
                rows = result.get("decisions", [result]) if door == "batch" else [result]
                if door == "words":
                    counts["words: the bundle's words (an input is not read)"] += 1
                elif door == "parameters_on":
                    if result.get("errors"):
                        counts["parameters_on: errors"] += 1
                    elif _parameters_request(value):  # a bend dropped everything but as_of
                        counts["parameters_on: parameters for a valid {as_of} request"] += 1
                    else:
                        counts["parameters_on: PARAMETERS"] += 1
                        leaks.append(f"parameters_on {kind}")
                elif any("programs" in row for row in rows):
                    counts["PROGRAMS (a leak)"] += 1
                    leaks.append(f"{door} {kind}")
                elif result.get("errors") or all(row.get("errors") for row in rows):
                    counts["errors and no programs"] += 1
                else:
                    counts["neither errors nor programs"] += 1
                if counts["sent"] % 10_000 == 0:
                    print(f"  … {counts['sent']} sent", flush=True)
        conn.close()

    started = time.perf_counter()
    try:
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.threads)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        elapsed = time.perf_counter() - started
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
        log_bytes = sum(p.stat().st_size for p in log_dir.glob("decisions.jsonl*"))
        shutil.rmtree(log_dir, ignore_errors=True)
    print(f"socialaid serve (service mode, default settings), {args.threads} connections, seed {args.seed}")
    print(f"{counts['sent']} invalid requests in {elapsed:.0f} s ({counts['sent'] / elapsed:.0f}/s)")
    for name, count in sorted(counts.items()):
        print(f"  {name:<48} {count:>8}")
    print("doors:", ", ".join(f"{name} {count}" for name, count in sorted(doors.items())))
    print("bends sent (a request has 1–3):")
    for name, count in sorted(kinds.items()):
        print(f"  {name:<48} {count:>8}")
    print(f"decision logs written: {log_bytes / 2**20:.1f} MiB (rotated at 64 MiB, 10 kept)")
    programs = counts["PROGRAMS (a leak)"] + counts["parameters_on: PARAMETERS"]
    print(
        f"programs: {programs} · 5xx: {counts['5xx']}"
        + (f" — {collections.Counter(leaks).most_common(5)}" if leaks else "")
    )
    return 1 if programs or counts["5xx"] or counts["neither errors nor programs"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
