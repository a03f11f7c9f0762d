"""Fixtures for the trust tests: `socialaid serve` with its default settings, as a real process.

`served` runs ``python -m socialaid.server.serve`` (what ``socialaid serve`` runs) on a free loopback port
with a private log directory, waits for it to listen, and stops it (SIGTERM) afterwards.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from socialaid.server.bundle import ensure_fresh
from socialaid.server.sidecar import free_port


@dataclass
class Served:
    host: str
    port: int
    token: str
    log_dir: Path
    proc: subprocess.Popen[str]

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        token: str | None = "default",
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, Any]:
        """(status, parsed JSON body or None) of one request; the service token unless told otherwise."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        sent = {"Content-Type": "application/json"}
        if token is not None:
            sent["Authorization"] = f"Bearer {self.token if token == 'default' else token}"
        sent.update(headers or {})
        headers = sent
        payload = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        try:
            conn.request(method, path, body=payload, headers=headers)
            response = conn.getresponse()
            data = response.read()
        finally:
            conn.close()
        try:
            return response.status, json.loads(data) if data else None
        except ValueError:
            return response.status, None


def start_serve(log_dir: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    port = free_port()
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "socialaid.server.serve",
            "--addr",
            f"127.0.0.1:{port}",
            "--log-dir",
            str(log_dir),
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def wait_listening(proc: subprocess.Popen[str], timeout: float = 60) -> str:
    """The first line serve prints (where it listens), or a failure with its stderr."""
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    line = proc.stdout.readline()
    while not line and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        line = proc.stdout.readline()
    return line


def opa_pid(serve_pid: int) -> int:
    """The pid of the OPA process a serve process runs (its only child)."""
    children = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _parent(p) == serve_pid]
    assert len(children) == 1, children
    return int(children[0].name)


def _parent(proc_dir: Path) -> int:
    try:
        stat = (proc_dir / "stat").read_text()
    except OSError:
        return -1
    return int(stat.rsplit(")", 1)[1].split()[1])


def decision_log_text(served: Served, needle: str, timeout: float = 30) -> str:
    """All decision-log and OPA-log text once ``needle`` (e.g. a decision id) is in it; the logs are
    written asynchronously, and a loaded machine takes its time."""
    deadline = time.monotonic() + timeout
    while True:
        logs = sorted(p for p in served.log_dir.iterdir() if p.name.startswith(("decisions.jsonl", "opa.log")))
        text = "".join(p.read_text("utf-8", errors="replace") for p in logs)
        if needle in text or time.monotonic() > deadline:
            return text
        time.sleep(0.05)


@pytest.fixture(scope="package")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    ensure_fresh()
    log_dir = tmp_path_factory.mktemp("serve")
    proc = start_serve(log_dir, env={"SOCIALAID_OPA_TOKEN": ""})
    try:
        line = wait_listening(proc)
        assert "listening on http://127.0.0.1:" in line, (line, proc.stderr.read() if proc.poll() is not None else "")
        port = int(line.split("http://127.0.0.1:")[1].split()[0])
        token = (log_dir / "token").read_text("utf-8").strip()
        yield Served("127.0.0.1", port, token, log_dir, proc)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=20)
