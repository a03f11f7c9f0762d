"""``socialaid serve``: the locked OPA server in the foreground, for services and for deployment.

The server is the one the sidecar runs (:func:`socialaid.server.sidecar.opa_command`): authorization on, so
it answers only ``POST /v1/data/socialaid/decision|explanation|batch`` from a caller with the bearer
token and ``GET /health`` from anyone; the bundle's signature verified at start (a tampered bundle is
refused and the server does not start); a scrubbed environment; service mode (parameter overrides
refused) unless ``--analyst`` is given at start.

The token comes from ``--token-file`` or ``$SOCIALAID_OPA_TOKEN``; without either, one is made and
written (mode 0600) to ``LOG_DIR/token``. OPA gets only its SHA-256, in the configuration file
``opa-config.json`` (0600, in a 0700 temporary directory removed when serve stops;
:func:`socialaid.server.sidecar.server_config`), which also sets the body-size limits (:mod:`socialaid.server.limits`).

Decision logs are OPA's own (``decision_logs.console``), masked by ``system.log.mask`` before they
are written; this process writes them to ``LOG_DIR/decisions.jsonl`` (0600 files in a 0700 directory),
rotated at ``DECISION_LOG_BYTES`` with ``DECISION_LOG_BACKUPS`` old files kept (``decisions.jsonl.1`` is
the newest); a line longer than ``MAX_LOG_LINE_BYTES`` is kept as a stub. OPA's other log lines go to
``LOG_DIR/opa.log`` (rotated the same way, 3 kept) and its errors to stderr as well.

Exit status: 0 when OPA stopped because it was asked to; 5 (``EXIT_OPA_DIED``) when it was killed or
crashed; 5 too when it would not start (a bundle that fails verification); 64 for an ``--addr`` that is not
HOST:PORT.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import io
import json
import logging
import logging.handlers
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO

import requests

from socialaid.errors import EngineUnavailableError, OptionError, SocialaidError
from socialaid.paths import REPO_ROOT, opa_binary
from socialaid.server.limits import MAX_BODY_BYTES
from socialaid.server.sidecar import Mode, opa_command, read_config, scrubbed_env, server_config, write_private
from socialaid.words.messages import Lang, msg

__all__ = [
    "DECISION_LOG_BACKUPS",
    "DECISION_LOG_BYTES",
    "DEFAULT_ADDR",
    "DEFAULT_LOG_DIR",
    "EXIT_OPA_DIED",
    "MAX_LOG_LINE_BYTES",
    "ServeOptions",
    "parse_addr",
    "read_token",
    "serve",
]

DEFAULT_ADDR = "127.0.0.1:8181"
DEFAULT_LOG_DIR = REPO_ROOT / "build" / "serve"
DECISION_LOG_BYTES = 64 * 1024 * 1024
DECISION_LOG_BACKUPS = 10
# A log line longer than this (10 MiB) is kept as a stub (decision id, path, time, length, SHA-256). No
# line of a request within the body limit comes near it; 2 × the body limit leaves room for a large answer.
MAX_LOG_LINE_BYTES = 2 * MAX_BODY_BYTES
TOKEN_ENV = "SOCIALAID_OPA_TOKEN"
# serve's exit status when its OPA stops without being asked to (killed, crashed): the engine is
# unavailable, the exit code of EngineUnavailableError (README: exit codes).
EXIT_OPA_DIED = EngineUnavailableError.exit_code
SHUTDOWN_GRACE = 15.0  # OPA's own grace period is 10 s


@dataclass
class ServeOptions:
    addr: str = DEFAULT_ADDR
    bundle: Path | None = None
    config: Path | None = None
    verification_key: Path | None = None
    token_file: Path | None = None
    log_dir: Path = DEFAULT_LOG_DIR
    mode: Mode = "service"
    startup_timeout: float = 30.0
    out: IO[str] = field(default_factory=lambda: sys.stdout)
    lang: Lang = "en"  # the words of what serve prints (socialaid serve --lang; English for python -m)
    announce: Callable[[str, list[str]], None] | None = None  # prints the banner (first line, the others)


def parse_addr(addr: str) -> tuple[str, int]:
    """HOST:PORT, with a port in 1–65535."""
    host, sep, port = addr.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise OptionError(f"--addr must be HOST:PORT, got {addr!r}")
    return host.strip("[]"), int(port)


def read_token(token_file: Path | None, log_dir: Path) -> tuple[str, str]:
    """(token, where it came from). Made and written to LOG_DIR/token (0600) when none is given."""
    if token_file is not None:
        try:
            token = token_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise EngineUnavailableError(f"cannot read the token file {token_file}: {exc}") from exc
        if len(token) < 16:
            raise EngineUnavailableError(f"the token in {token_file} is shorter than 16 characters")
        return token, str(token_file)
    if os.environ.get(TOKEN_ENV):
        return os.environ[TOKEN_ENV], f"${TOKEN_ENV}"
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "token"
    token = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(token + "\n")
    return token, f"{path} (made now)"


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are made 0600 (rotation renames them, so the old ones stay 0600)."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(fd, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def _rotating(path: Path, max_bytes: int, backups: int) -> logging.Logger:
    logger = logging.getLogger(f"socialaid.server.serve.{path}")
    logger.handlers.clear()
    logger.propagate = False
    logger.setLevel(logging.INFO)
    handler = _PrivateRotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    return logger


_DECISION_ID = re.compile(rb'"decision_id":"([0-9a-f-]{1,64})"')
_PATH = re.compile(rb'"path":"([A-Za-z0-9_/]{1,200})"')
_TIMESTAMP = re.compile(rb'"timestamp":"([0-9TZ:.+-]{1,40})"')


def _read_line(stream: IO[bytes], cap: int) -> tuple[bytes, int, str]:
    """One line of at most ``cap`` bytes: (the line, 0, "") or, for a longer one, (its first and last
    4 KiB, its length, its SHA-256); a longer line is read in pieces and never held whole."""
    raw = stream.readline(cap + 1)
    if len(raw) <= cap or raw.endswith(b"\n"):
        return raw, 0, ""
    digest = hashlib.sha256(raw)
    head, tail, size = raw[:4096], raw[-4096:], len(raw)
    while True:
        more = stream.readline(cap + 1)
        if not more:
            break
        digest.update(more)
        size += len(more)
        tail = (tail + more)[-4096:]
        if more.endswith(b"\n"):
            break
    return head + tail, size, digest.hexdigest()


def _stub(part: bytes, size: int, digest: str) -> str:
    """What is kept of a log line longer than MAX_LOG_LINE_BYTES: its decision id, path and time (read
    from its first and last bytes), its length and SHA-256, never its content."""
    stub: dict[str, object] = {"msg": "Decision Log" if b'"msg":"Decision Log"' in part else "OPA log line"}
    for key, pattern in (("decision_id", _DECISION_ID), ("path", _PATH), ("timestamp", _TIMESTAMP)):
        found = pattern.search(part)
        if found:
            stub[key] = found.group(1).decode()
    stub.update({"truncated": True, "bytes": size, "sha256": digest})
    return json.dumps(stub, separators=(",", ":"))


class _LogPump(threading.Thread):
    """Reads OPA's JSON log lines: decision logs to decisions.jsonl, the rest to opa.log."""

    def __init__(self, stream: IO[bytes], log_dir: Path) -> None:
        super().__init__(daemon=True)
        self.stream = stream
        self.decisions = _rotating(log_dir / "decisions.jsonl", DECISION_LOG_BYTES, DECISION_LOG_BACKUPS)
        self.other = _rotating(log_dir / "opa.log", 16 * 1024 * 1024, 3)
        self.recent: collections.deque[str] = collections.deque(maxlen=50)

    def run(self) -> None:
        # This thread must never stop reading: OPA blocks on a full pipe, and with it every request.
        # Decision logs are recognised without parsing them (an input can nest 1 000 levels deep).
        while True:
            raw, size, digest = _read_line(self.stream, MAX_LOG_LINE_BYTES)
            if not raw:
                break
            line = _stub(raw, size, digest) if size else raw.decode("utf-8", errors="replace").rstrip("\n")
            try:
                if '"msg":"Decision Log"' in line:
                    self.decisions.info(line)
                    continue
                self.other.info(line)
                self.recent.append(line)
                entry = _parse(line)
                if entry.get("level") == "error":
                    print(f"opa: {entry.get('msg', '')} {entry.get('err', '')}".rstrip(), file=sys.stderr)
            except Exception as exc:  # keep reading whatever one line does
                with contextlib.suppress(Exception):
                    print(f"socialaid serve: could not handle a log line of OPA: {exc!r}", file=sys.stderr)

    def last_error(self) -> str:
        for line in reversed(self.recent):
            entry = _parse(line)
            if entry.get("level") == "error":
                return str(entry.get("msg", "")) + (f": {entry['err']}" if "err" in entry else "")
        return "\n".join(self.recent)[-500:] or "(no log)"


def _parse(line: str) -> dict[str, object]:
    try:
        entry = json.loads(line)
    except (ValueError, RecursionError):
        return {}
    return entry if isinstance(entry, dict) else {}


def serve(options: ServeOptions) -> int:
    """Run the locked server until it stops or this process is interrupted: 0 when OPA stopped because it
    was asked to (SIGTERM, SIGINT) or stopped cleanly, ``EXIT_OPA_DIED`` (5) when it died otherwise."""
    from socialaid.server.bundle import ensure_fresh, signing_keys

    host, port = parse_addr(options.addr)
    bundle = options.bundle or ensure_fresh()
    if not bundle.is_file():
        raise EngineUnavailableError(f"policy bundle not found at {bundle}")
    verification_key = options.verification_key or signing_keys()[1]
    log_dir = options.log_dir
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    log_dir.chmod(0o700)  # the decision logs hold incomes, illnesses and disabilities
    token, token_source = read_token(options.token_file, log_dir)
    base = read_config(options.config) if options.config is not None else None
    config = server_config(token=token, mode=options.mode, base=base)
    # in a private directory of its own (0700, removed when serve stops), not beside the logs, which are
    # archived: the file holds the token's hash
    config_dir = Path(tempfile.mkdtemp(prefix="socialaid-serve-"))
    config_file = write_private(config_dir, "opa-config.json", json.dumps(config))
    cmd = opa_command(
        opa=opa_binary(),
        addr=options.addr,
        bundle=bundle,
        verification_key=verification_key,
        config_file=config_file,
    )
    proc = subprocess.Popen(
        cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=scrubbed_env()
    )
    assert proc.stdout is not None
    pump = _LogPump(proc.stdout, log_dir)
    pump.start()

    stopping: list[float] = []

    def stop(signum: int, frame: FrameType | None) -> None:
        if proc.poll() is None:
            proc.terminate()
            stopping.append(time.monotonic())

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        url = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
        _wait_healthy(proc, url, options.startup_timeout, pump)
        _print_listening(options, url=url, bundle=bundle, key=verification_key, token_source=token_source)
        code = _wait(proc, stopping)
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
        pump.join(timeout=5)
        shutil.rmtree(config_dir, ignore_errors=True)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if code in (0, -signal.SIGTERM, -signal.SIGINT):
        return 0
    lang = options.lang
    how = msg("serve.opa_signal", lang, n=-code) if code < 0 else msg("serve.opa_status", lang, n=code)
    print(msg("serve.opa_died", lang, how=how, error=pump.last_error()), file=sys.stderr)
    return EXIT_OPA_DIED


def _print_listening(options: ServeOptions, *, url: str, bundle: Path, key: Path, token_source: str) -> None:
    """Where serve listens (the first line, always whole: scripts read the port from it), then its bundle,
    how callers call it, where the decision logs go and how to stop it — through ``options.announce``
    (the CLI's: lines that fit the screen), else each line whole."""
    lang, pid = options.lang, os.getpid()
    made = token_source.removesuffix(" (made now)")
    token = msg("serve.token.made", lang, path=made) if made != token_source else token_source
    mode = msg(f"serve.mode.{options.mode}", lang)
    logs = {"path": options.log_dir / "decisions.jsonl", "mib": DECISION_LOG_BYTES // 2**20, "n": DECISION_LOG_BACKUPS}
    header = "'Authorization: Bearer <token>'"
    first = msg("serve.listening", lang, url=url, mode=mode, pid=pid)
    rest = [
        msg("serve.bundle", lang, bundle=bundle, key=key),
        msg("serve.callers", lang, url=url, header=header, token=token),
        msg("serve.logs", lang, **logs),
        msg("serve.stop", lang, pid=pid),
    ]
    if options.announce is not None:
        options.announce(first, rest)
        return
    print("\n".join([first, *(f"  {line}" for line in rest)]), file=options.out, flush=True)


def _wait(proc: subprocess.Popen[bytes], stopping: list[float]) -> int:
    """OPA's exit status; killed when it has not stopped SHUTDOWN_GRACE seconds after being asked to."""
    while True:
        try:
            return proc.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            if stopping and time.monotonic() - stopping[0] > SHUTDOWN_GRACE:
                proc.kill()


def _wait_healthy(proc: subprocess.Popen[bytes], url: str, timeout: float, pump: _LogPump) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pump.join(timeout=2)
            raise EngineUnavailableError(f"OPA refused to start: {pump.last_error()}")
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{url}/health?bundles", timeout=1).status_code == 200:
                return
        time.sleep(0.05)
    raise EngineUnavailableError(f"OPA did not report healthy within {timeout:.0f}s: {pump.last_error()}")


def main(argv: list[str] | None = None) -> int:  # pragma: no cover - `python -m socialaid.server.serve`
    import argparse

    parser = argparse.ArgumentParser(prog="python -m socialaid.server.serve", description=__doc__.split("\n")[0])
    parser.add_argument("--addr", default=DEFAULT_ADDR)
    parser.add_argument("--bundle", type=Path)
    parser.add_argument("--config", type=Path)
    parser.add_argument("--verification-key", type=Path)
    parser.add_argument("--token-file", type=Path)
    parser.add_argument("--log-dir", type=Path, default=DEFAULT_LOG_DIR)
    parser.add_argument("--analyst", action="store_true")
    args = parser.parse_args(argv)
    options = ServeOptions(
        addr=args.addr,
        bundle=args.bundle,
        config=args.config,
        verification_key=args.verification_key,
        token_file=args.token_file,
        log_dir=args.log_dir,
        mode="analyst" if args.analyst else "service",
    )
    try:
        return serve(options)
    except SocialaidError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
