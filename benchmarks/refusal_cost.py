"""What refusing a hostile request costs a live locked server: OPA's CPU and memory, read from /proc.

Starts `socialaid serve` (service mode, default settings) on a free loopback port and sends, each a few
times, on a fresh connection:

- 40 MB of rigid expenditures (500 000 items), with its Content-Length: over the body limit;
- the same 40 MB chunked (no length said): OPA reads up to the limit, then refuses;
- 20 000 rigid expenditures (1.6 MB): within the body limit, refused by counting the list;
- a gzip bomb (1 MB that inflates to 1 GB): refused at the decompressed limit;
- for scale, a typical decision and the largest valid request (socialaid.server.limits);
- then a burst of 40 of the 20 000-item requests, back to back: OPA's resident memory before, at its
  peak and 5 s later (GOMEMLIMIT bounds it).

For each it prints the status, OPA's CPU time (utime + stime of the OPA process, /proc/PID/stat), its
peak resident memory during the request above what it held before (VmHWM after clearing it through
/proc/PID/clear_refs), and its resident memory 2 s later against before (whether the memory came back).
The bound it checks: a refusal of a body over the limit (said or chunked) or of a gzip bomb under 50 ms
of OPA CPU and 50 MB above the resident memory before. A body within the limit is parsed by OPA before
any policy runs (about 100 ms of CPU a megabyte); its refusal by counting is printed, not bounded here.

    .venv/bin/python benchmarks/refusal_cost.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.trust.hostile import base_request  # noqa: E402

from socialaid.server.bundle import ensure_fresh  # noqa: E402
from socialaid.server.limits import largest_request  # noqa: E402
from socialaid.server.sidecar import free_port  # noqa: E402

DECISION = "/v1/data/socialaid/decision"
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")
CPU_BOUND_MS = 50
MEMORY_BOUND_MB = 50


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
    return found


def cpu_ms(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * TICK_MS


def status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise KeyError(key)


def _post(port: int, token: str, body: Iterator[bytes] | bytes, headers: dict[str, str]) -> int:
    """One request on a fresh connection; its status (the server may answer before the body is sent)."""
    with socket.create_connection(("127.0.0.1", port), timeout=300) as sock:
        head = f"POST {DECISION} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
        head += "Content-Type: application/json\r\nConnection: close\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(head.encode())
            for part in [body] if isinstance(body, bytes) else body:
                sock.sendall(part)
        response = http.client.HTTPResponse(sock)
        response.begin()
        response.read()
        return response.status


def _chunked(data: bytes, size: int = 1 << 16) -> Iterator[bytes]:
    for i in range(0, len(data), size):
        part = data[i : i + size]
        yield b"%x\r\n%s\r\n" % (len(part), part)
    yield b"0\r\n\r\n"


def cases() -> list[tuple[str, Callable[[], tuple[Iterator[bytes] | bytes, dict[str, str]]], bool]]:
    item = {"member_id": "mother", "kind": "illness", "monthly_amount": 200, "verified_cap": 150}
    big = base_request()
    big["household"]["rigid_expenditures"] = [item] * 500_000
    big_body = json.dumps({"input": big}).encode()
    mid = base_request()
    mid["household"]["rigid_expenditures"] = [item] * 20_000
    mid_body = json.dumps({"input": mid}).encode()
    bomb = gzip.compress(b'{"input": "' + b"a" * (1 << 30) + b'"}', compresslevel=9)
    typical = json.dumps({"input": base_request()}).encode()
    largest = {k: v for k, v in largest_request().items() if k != "parameter_overrides"}
    largest_body = json.dumps({"input": largest}).encode()
    return [
        (f"40 MB, 500 000 items, length said ({len(big_body) / 1e6:.1f} MB)", lambda: (big_body, _len(big_body)), True),
        ("40 MB, 500 000 items, chunked", lambda: (_chunked(big_body), {"Transfer-Encoding": "chunked"}), True),
        (f"20 000 items ({len(mid_body) / 1e6:.1f} MB)", lambda: (mid_body, _len(mid_body)), False),
        (
            f"gzip bomb ({len(bomb) / 1e6:.1f} MB → 1 GB)",
            lambda: (bomb, {**_len(bomb), "Content-Encoding": "gzip"}),
            True,
        ),
        (f"typical decision ({len(typical)} B)", lambda: (typical, _len(typical)), False),
        (
            f"largest valid request ({len(largest_body) / 1e6:.1f} MB)",
            lambda: (largest_body, _len(largest_body)),
            False,
        ),
    ]


def _len(body: bytes) -> dict[str, str]:
    return {"Content-Length": str(len(body))}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--burst", type=int, default=40, help="20 000-item requests sent back to back at the end")
    args = parser.parse_args()
    ensure_fresh()
    log_dir = Path(tempfile.mkdtemp(prefix="socialaid-refusal-"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "SOCIALAID_OPA_TOKEN"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "socialaid.server.serve", "--addr", f"127.0.0.1:{port}", "--log-dir", str(log_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    failures = 0
    try:
        assert proc.stdout is not None
        if "listening on" not in proc.stdout.readline():
            raise SystemExit("socialaid serve did not start")
        token = (log_dir / "token").read_text("utf-8").strip()
        (opa,) = _children(proc.pid)
        built = cases()
        print(f"socialaid serve (service mode, default settings), OPA pid {opa}; median of {args.repeat}")
        print(f"{'request':<44} {'status':>6} {'OPA CPU ms':>10} {'peak +MB':>9} {'RSS +MB 2 s on':>15}")
        for name, make, refusal in built:
            cpu, peak, after, statuses = [], [], [], set()
            for _ in range(args.repeat):
                body, headers = make()
                time.sleep(0.5)
                rss0 = status_kb(opa, "VmRSS")
                Path(f"/proc/{opa}/clear_refs").write_text("5")  # resets VmHWM to the current RSS
                cpu0 = cpu_ms(opa)
                statuses.add(_post(port, token, body, headers))
                time.sleep(0.3)  # OPA's decision log is written after the answer
                cpu.append(cpu_ms(opa) - cpu0)
                peak.append((status_kb(opa, "VmHWM") - rss0) / 1024)
                time.sleep(2)
                after.append((status_kb(opa, "VmRSS") - rss0) / 1024)
            row = (statistics.median(cpu), statistics.median(peak), statistics.median(after))
            print(
                f"{name:<44} {'/'.join(map(str, sorted(statuses))):>6} {row[0]:>10.0f} {row[1]:>9.1f} {row[2]:>15.1f}"
            )
            if refusal and (row[0] >= CPU_BOUND_MS or row[1] >= MEMORY_BOUND_MB):
                failures += 1
        burst = built[2][1]
        rss0, cpu0 = status_kb(opa, "VmRSS"), cpu_ms(opa)
        for _ in range(args.burst):
            body, headers = burst()
            _post(port, token, body, headers)
        cpu_each = (cpu_ms(opa) - cpu0) / args.burst
        peak_mb = status_kb(opa, "VmHWM") / 1024
        time.sleep(5)
        print(
            f"burst of {args.burst} × 20 000 items: OPA resident {rss0 / 1024:.0f} MB before, peak {peak_mb:.0f} MB, "
            f"{status_kb(opa, 'VmRSS') / 1024:.0f} MB 5 s after; {cpu_each:.0f} ms of CPU each "
            f"(environment: {' '.join(Path(f'/proc/{opa}/environ').read_text().split(chr(0))).strip()})"
        )
        print(
            f"bound: a refusal under {CPU_BOUND_MS} ms of OPA CPU and {MEMORY_BOUND_MB} MB above its memory before; "
            f"{'held' if not failures else f'NOT held by {failures}'}"
            f" (CPU is read in ticks of {TICK_MS:.0f} ms)"
        )
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
        shutil.rmtree(log_dir, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
