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
        self, method: str, path: str, body: Any = None, *, token: str | None = "default", raw: bytes | None = None
    ) -> tuple[int, Any]:
        """(status, parsed JSON body or None) of one request; the service token unless told otherwise."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        headers = {"Content-Type": "application/json"}
        if token is not None:
            headers["Authorization"] = f"Bearer {self.token if token == 'default' else token}"
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
