"""Faults: a trickling server, a garbage 200, a killed OPA, an unreachable OPA, a tampered or unsigned
bundle, a Rego syntax error at build time — each is a documented error (and exit code), never a
decision and never a hang."""

from __future__ import annotations

import gzip
import io
import json
import socket
import subprocess
import sys
import tarfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from socialaid.cli.main import app
from socialaid.client import DecisionClient
from socialaid.errors import BundleError, EngineError, EngineTimeoutError, EngineUnavailableError
from socialaid.paths import REPO_ROOT
from socialaid.server import bundle as bundle_module
from socialaid.server.bundle import _bundle_digest, build, ensure_fresh, source_digest
from socialaid.server.sidecar import Sidecar
from tests.helpers import EXAMPLES, example

pytestmark = pytest.mark.integration


class FakeServer:
    """A loopback HTTP server that answers every request with `reply(path)` — possibly slowly."""

    def __init__(self, *, body: bytes, trickle: float = 0.0) -> None:
        self.body = body
        self.trickle = trickle
        self.paths: list[str] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            try:
                head = conn.recv(65536).decode("latin-1")
                self.paths.append(head.split(" ")[1] if " " in head else "")
                reply = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (
                    len(self.body),
                    self.body,
                )
                if not self.trickle:
                    conn.sendall(reply)
                    return
                for i in range(len(reply)):
                    if self.stopped.wait(self.trickle):
                        return
                    conn.sendall(reply[i : i + 1])
            except OSError:
                return

    def close(self) -> None:
        self.stopped.set()
        self.sock.close()


@pytest.fixture
def trickling() -> Iterator[FakeServer]:
    server = FakeServer(body=b'{"result": {"errors": []}}', trickle=0.2)
    yield server
    server.close()


@pytest.fixture
def garbage() -> Iterator[FakeServer]:
    server = FakeServer(body=b"<html>surprise</html>")
    yield server
    server.close()


def test_a_trickling_server_is_cut_off_at_the_whole_request_deadline(trickling: FakeServer) -> None:
    # One byte every 0.2 s: each read succeeds, so a per-read time-out would wait ~20 s for the
    # ~100-byte answer. The deadline is 1 s for the whole request.
    client = DecisionClient(trickling.url, timeout=1.0)
    started = time.monotonic()
    with pytest.raises(EngineTimeoutError) as info:
        client.decide(example("urban-family-eligible"))
    elapsed = time.monotonic() - started
    # Not a speed test: a per-read time-out would wait about 20 s here; the whole-request deadline stops it.
    assert elapsed < 10.0, elapsed
    assert info.value.exit_code == 6
    client.close()


def test_a_garbage_200_is_exit_4_through_the_cli(garbage: FakeServer) -> None:
    result = CliRunner().invoke(
        app, ["decide", str(EXAMPLES / "urban-family-eligible.json"), "--opa-url", garbage.url], catch_exceptions=False
    )
    assert result.exit_code == 4, result.output
    assert "not JSON" in result.output


def test_the_path_in_the_opa_url_is_kept(garbage: FakeServer) -> None:
    with pytest.raises(EngineError):
        DecisionClient(f"{garbage.url}/opa/tenant-1/").decide({})
    assert garbage.paths == ["/opa/tenant-1/v1/data/socialaid/decision"]


def test_an_unreachable_opa_is_reported_as_unavailable() -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens: connection refused
    with pytest.raises(EngineUnavailableError) as info:
        DecisionClient(f"http://127.0.0.1:{port}").decide({})
    assert info.value.exit_code == 5


def test_a_lost_connection_is_tried_exactly_once_more() -> None:
    # One retry policy in one place: a server that accepts and hangs up at once sees two connections —
    # the call and its one retry — not the nested retries of the HTTP library under ours.
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    accepted = []

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            accepted.append(conn)
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    with pytest.raises(EngineUnavailableError):
        DecisionClient(f"http://127.0.0.1:{server.getsockname()[1]}").decide({})
    server.close()
    thread.join(timeout=5)
    assert len(accepted) == 2


def test_a_killed_opa_is_unavailable_not_a_decision() -> None:
    with Sidecar(bundle=ensure_fresh()) as car, DecisionClient(car.url, token=car.token) as client:
        assert client.decide(example("urban-family-eligible"))["programs"]
        assert car._proc is not None
        car._proc.kill()
        car._proc.wait(timeout=10)
        with pytest.raises(EngineUnavailableError):
            client.decide(example("urban-family-eligible"))


def _rewrite(source: Path, target: Path, change: dict[str, bytes]) -> None:
    """Copy a bundle, replacing the content of the named members (the signature is left as it was)."""
    out = io.BytesIO()
    with tarfile.open(source, "r:gz") as old, tarfile.open(fileobj=out, mode="w") as new:
        for member in old.getmembers():
            data = old.extractfile(member).read() if member.isfile() else b""  # type: ignore[union-attr]
            name = member.name.lstrip("/")
            if name in change:
                data = change[name]
            if data is None:
                continue
            member.size = len(data)
            new.addfile(member, io.BytesIO(data))
    target.write_bytes(gzip.compress(out.getvalue()))


def _member(bundle: Path, name: str) -> bytes:
    with tarfile.open(bundle, "r:gz") as tar:
        for member in tar.getmembers():
            if member.name.lstrip("/") == name:
                return tar.extractfile(member).read()  # type: ignore[union-attr]
    raise KeyError(name)


def test_a_tampered_bundle_is_refused_at_start(tmp_path: Path) -> None:
    signed = ensure_fresh()
    data = json.loads(_member(signed, "data.json"))
    assert data["socialaid"]["parameters"]["dibao"]["standard_urban"]["values"]
    for value in data["socialaid"]["parameters"]["dibao"]["standard_urban"]["values"]:
        value["value"] = 5000
    tampered = tmp_path / "tampered.tar.gz"
    _rewrite(signed, tampered, {"data.json": json.dumps(data).encode()})
    with pytest.raises(EngineUnavailableError, match=r"(?i)digest|signature|verif") as info:
        Sidecar(bundle=tampered).start()
    assert info.value.exit_code == 5


def test_an_unsigned_bundle_is_refused_at_start(tmp_path: Path) -> None:
    unsigned = tmp_path / "unsigned.tar.gz"
    _rewrite(ensure_fresh(), unsigned, {".signatures.json": None})  # type: ignore[dict-item]
    with pytest.raises(EngineUnavailableError, match="signatures"):
        Sidecar(bundle=unsigned).start()


def test_serve_refuses_a_tampered_bundle_and_says_why(tmp_path: Path) -> None:
    tampered = tmp_path / "tampered.tar.gz"
    policy = _member(ensure_fresh(), "socialaid/decision.rego") + b"\n# tampered\n"
    _rewrite(ensure_fresh(), tampered, {"socialaid/decision.rego": policy})
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "socialaid.server.serve",
            "--bundle",
            str(tampered),
            "--addr",
            "127.0.0.1:1",
            "--log-dir",
            str(tmp_path / "logs"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 5, proc.stderr
    assert "OPA refused to start" in proc.stderr


def test_a_bundle_holds_relative_paths_only() -> None:
    bundle = ensure_fresh()
    with tarfile.open(bundle, "r:gz") as tar:
        names = tar.getnames()
        contents = b"".join(tar.extractfile(m).read() for m in tar.getmembers() if m.isfile())  # type: ignore[union-attr]
    assert ".signatures.json" in {n.lstrip("/") for n in names}
    assert str(REPO_ROOT).encode() not in contents
    assert not any(str(REPO_ROOT) in n for n in names)


def test_the_bundle_is_fresh_by_content_not_by_time() -> None:
    assert _bundle_digest(ensure_fresh()) == source_digest()


def test_a_rego_syntax_error_is_shown_when_the_build_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "stage"
    (broken / "socialaid").mkdir(parents=True)
    (broken / "socialaid" / "broken.rego").write_text("package socialaid\n\nx := {\n", "utf-8")
    monkeypatch.setattr(bundle_module, "stage", lambda revision=None: broken)
    with pytest.raises(BundleError, match="rego_parse_error") as info:
        build(tmp_path / "out.tar.gz")
    assert info.value.exit_code == 9
