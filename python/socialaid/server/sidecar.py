"""Run OPA as a locked sidecar: ``opa run --server`` on a free loopback port, serving the signed bundle.

    with Sidecar() as opa:
        client = DecisionClient(opa.url, token=opa.token)

The sidecar is the same locked server as ``socialaid serve`` (see :func:`opa_command` and
:func:`server_config`): authorization on (only the public entrypoints and ``/health``), a bearer
token made for this sidecar alone (its hash in a 0600 configuration file, never on the command
line), the body-size limits of :mod:`socialaid.server.limits`, the bundle's signature verified at
start, decision logs on (so every answer has a decision id), and a scrubbed environment
(``opa.runtime().env`` sees only the Go runtime settings). It starts in analyst mode by default —
the CLI's what-if and sweep need overrides, and the server is this process's alone — or in service
mode. It waits until ``/health?bundles`` says the bundle is active, keeps OPA's log in a private
temporary directory (0700) that is removed when it stops, and stops OPA on exit — on an exception,
on Ctrl-C and, on Linux, even when this process is killed (the child dies with its parent).
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import ctypes
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Literal

import requests

from socialaid.errors import EngineUnavailableError
from socialaid.paths import BUNDLE_FILE, opa_binary
from socialaid.server import limits

__all__ = [
    "GO_RUNTIME_ENV",
    "Mode",
    "Sidecar",
    "free_port",
    "opa_command",
    "read_config",
    "scrubbed_env",
    "server_config",
    "token_sha256",
    "write_private",
]

Mode = Literal["service", "analyst"]

# Go runtime settings OPA runs with, and the only environment it gets. GOGC=400 (collect when the heap
# has grown 4×, not 2×) measured +26 % decisions per second (issue 9). GOMEMLIMIT caps what that lets the
# heap grow to: 40 requests of 1.8 MB took OPA from 70 MB to 667 MB resident with GOGC=400 alone (issue
# 19); a batch OPA peaks at 187 MB, under the limit, so the limit costs decisions nothing.
GO_RUNTIME_ENV = {"GOGC": "400", "GOMEMLIMIT": "256MiB"}

_PR_SET_PDEATHSIG = 1


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def scrubbed_env() -> dict[str, str]:
    """OPA's whole environment: nothing of the parent's (no secrets, no paths), only the Go settings."""
    return dict(GO_RUNTIME_ENV)


def server_config(
    *, token: str, mode: Mode, decision_logs: bool = True, base: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The OPA configuration of a locked server: the operator's ``base`` (deploy/opa-config.yaml) with what
    the lock needs set over it, whatever ``base`` says: the token's SHA-256 under ``socialaid.token_sha256``
    (read by policies/system/authz through ``opa.runtime().config``; not a label, because OPA copies every
    label into every decision-log event), the mode as the label ``mode``, the body-size and decompressed-size
    limits (:mod:`socialaid.server.limits`) and the decision-log mask."""
    config: dict[str, Any] = copy.deepcopy(base or {})
    config.setdefault("labels", {})
    if not isinstance(config["labels"], dict):
        raise EngineUnavailableError("the OPA configuration's labels must be a mapping")
    config["labels"].pop("token_sha256", None)
    config["labels"]["mode"] = mode
    config["socialaid"] = {"token_sha256": token_sha256(token)}
    server = config.setdefault("server", {})
    if not isinstance(server, dict):
        raise EngineUnavailableError("the OPA configuration's server section must be a mapping")
    server["decoding"] = limits.decoding_config()
    if decision_logs:
        logs = config.setdefault("decision_logs", {})
        if not isinstance(logs, dict):
            raise EngineUnavailableError("the OPA configuration's decision_logs section must be a mapping")
        logs["console"] = True
        logs["mask_decision"] = "/system/log/mask"
    else:
        config.pop("decision_logs", None)
    return config


def read_config(path: Path) -> dict[str, Any]:
    """An operator's OPA configuration file (YAML or JSON), as a mapping."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise EngineUnavailableError(f"cannot read the OPA configuration {path}: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise EngineUnavailableError(f"the OPA configuration {path} is not a mapping")
    return data


def write_private(directory: Path, name: str, text: str) -> Path:
    """``directory/name`` holding ``text``, mode 0600, in a directory made (or narrowed to) 0700."""
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    directory.chmod(0o700)
    path = directory / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def opa_command(*, opa: Path, addr: str, bundle: Path, verification_key: Path, config_file: Path) -> list[str]:
    """The command line of a locked OPA server (the sidecar's and ``socialaid serve``'s).

    Neither the token nor its hash is on the command line (``ps`` shows it to every user): both live in
    ``config_file`` (:func:`server_config`, written 0600 by :func:`write_private`).
    """
    return [
        str(opa),
        "run",
        "--server",
        "--addr",
        addr,
        "--bundle",
        str(bundle),
        "--verification-key",
        str(verification_key),
        "--authentication=token",
        "--authorization=basic",
        "--config-file",
        str(config_file),
        "--log-format",
        "json",
        "--log-level",
        "info",
        "--skip-version-check",
    ]


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


class Sidecar:
    """A locked OPA server process serving the socialaid bundle on 127.0.0.1."""

    def __init__(
        self,
        *,
        bundle: Path = BUNDLE_FILE,
        opa: Path | None = None,
        verification_key: Path | None = None,
        mode: Mode = "analyst",
        token: str | None = None,
        decision_logs: bool = True,
        startup_timeout: float = 30.0,
    ) -> None:
        self.bundle = bundle
        self.opa = opa or opa_binary()
        self.verification_key = verification_key
        self.mode: Mode = mode
        self.token = token or secrets.token_urlsafe(32)
        self.decision_logs = decision_logs
        self.startup_timeout = startup_timeout
        self.port = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self._log_dir: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path | None:
        return self._log_dir / "opa.log" if self._log_dir else None

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
        if self.verification_key is None:
            from socialaid.server.bundle import signing_keys

            self.verification_key = signing_keys()[1]
        for _attempt in range(3):  # the free port can be taken between probe and bind
            self.port = free_port()
            self._spawn()
            try:
                self._wait_healthy()
                atexit.register(self.stop)
                return self
            except EngineUnavailableError:
                log = self.log_text()
                self.stop()
                if "address already in use" not in log:
                    raise
        raise EngineUnavailableError("OPA could not bind a port on 127.0.0.1")

    def _spawn(self) -> None:
        self._log_dir = Path(tempfile.mkdtemp(prefix="socialaid-opa-"))  # 0700
        assert self.log_path is not None and self.verification_key is not None
        fd = os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self._log = os.fdopen(fd, "ab")
        config = server_config(token=self.token, mode=self.mode, decision_logs=self.decision_logs)
        config_file = write_private(self._log_dir, "opa-config.json", json.dumps(config))
        cmd = opa_command(
            opa=self.opa,
            addr=f"127.0.0.1:{self.port}",
            bundle=self.bundle,
            verification_key=self.verification_key,
            config_file=config_file,
        )
        self._proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=scrubbed_env(),
            preexec_fn=_die_with_parent,
        )

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._proc is None or self._proc.poll() is not None:
                raise EngineUnavailableError(f"OPA exited during start-up: {_log_tail(self.log_text())}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{self.url}/health?bundles", timeout=1).status_code == 200:
                    return
            time.sleep(0.05)
        raise EngineUnavailableError(
            f"OPA did not report healthy within {self.startup_timeout:.0f}s: {_log_tail(self.log_text())}"
        )

    def log_text(self) -> str:
        """OPA's log so far (its decision logs are masked by policies/system/log)."""
        if self.log_path is None:
            return ""
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
        if self._log_dir is not None:
            shutil.rmtree(self._log_dir, ignore_errors=True)
            self._log_dir = None
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


def _log_tail(log: str) -> str:
    """The last error OPA logged (JSON lines), or the end of its log."""
    for line in reversed(log.strip().splitlines()):
        with contextlib.suppress(ValueError):
            entry = json.loads(line)
            if isinstance(entry, dict) and entry.get("level") == "error":
                return str(entry.get("msg", "")) + (f": {entry['err']}" if "err" in entry else "")
    return log.strip()[-500:] or "(no log)"
