"""Run OPA as a sidecar process: ``opa run --server`` on a free loopback port, serving the bundle.

    with Sidecar() as opa:
        client = DecisionClient(opa.url)

The sidecar waits until ``/health?bundles`` says the bundle is active, keeps OPA's log in a file,
and stops OPA on exit — on an exception, on Ctrl-C and, on Linux, even when this process is killed
(the child is asked to die with its parent).
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import IO

import requests

from socialaid.errors import EngineUnavailableError
from socialaid.paths import BUNDLE_FILE, opa_binary

__all__ = ["Sidecar", "free_port"]

_PR_SET_PDEATHSIG = 1


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


class Sidecar:
    """An OPA server process serving the socialaid bundle on 127.0.0.1."""

    def __init__(
        self,
        *,
        bundle: Path = BUNDLE_FILE,
        opa: Path | None = None,
        log_path: Path | None = None,
        startup_timeout: float = 30.0,
    ) -> None:
        self.bundle = bundle
        self.opa = opa or opa_binary()
        self.log_path = log_path or Path(tempfile.mkstemp(prefix="socialaid-opa-", suffix=".log")[1])
        self.startup_timeout = startup_timeout
        self.port = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> Sidecar:
        if self.running:
            return self
        if not self.opa.exists():
            raise EngineUnavailableError(f"OPA binary not found at {self.opa}; run `make setup`")
        if not self.bundle.exists():
            raise EngineUnavailableError(f"policy bundle not found at {self.bundle}; run `make bundle`")
        for _attempt in range(3):  # the free port can be taken between probe and bind
            self.port = free_port()
            self._spawn()
            try:
                self._wait_healthy()
                atexit.register(self.stop)
                return self
            except EngineUnavailableError:
                self.stop()
                if "address already in use" not in self.log_text():
                    raise
        raise EngineUnavailableError(f"OPA could not bind a port; log: {self.log_path}")

    def _spawn(self) -> None:
        self._log = self.log_path.open("ab")
        cmd = [
            str(self.opa),
            "run",
            "--server",
            "--addr",
            f"127.0.0.1:{self.port}",
            "--bundle",
            str(self.bundle),
            "--log-format",
            "json",
            "--log-level",
            "info",
        ]
        self._proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent,
        )

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._proc is None or self._proc.poll() is not None:
                raise EngineUnavailableError(
                    f"OPA exited during start-up (see {self.log_path}): {self.log_text()[-500:]}"
                )
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{self.url}/health?bundles", timeout=1).status_code == 200:
                    return
            time.sleep(0.05)
        raise EngineUnavailableError(
            f"OPA did not report healthy within {self.startup_timeout:.0f}s (log: {self.log_path})"
        )

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def stop(self, timeout: float = 5.0) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=timeout)
        if self._log is not None:
            self._log.close()
            self._log = None
        with contextlib.suppress(Exception):
            atexit.unregister(self.stop)

    def __enter__(self) -> Sidecar:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
