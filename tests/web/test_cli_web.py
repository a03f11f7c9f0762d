"""``socialaid web`` as a user starts it: its own locked sidecar in service mode, the page on loopback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx2
import pytest
from typer.testing import CliRunner

from socialaid.cli.main import app
from socialaid.cli.web import parse_addr
from socialaid.server.sidecar import Sidecar, free_port
from tests.web.conftest import csrf_of, form_fields

pytestmark = pytest.mark.integration

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "urban-family-eligible.json"


def test_addr_is_host_and_port() -> None:
    assert parse_addr("127.0.0.1:8765") == ("127.0.0.1", 8765)
    assert parse_addr("[::1]:9000") == ("::1", 9000)


def test_usage_errors_exit_64(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["web", "--addr", "nonsense"]).exit_code == 64
    token = tmp_path / "token"
    token.write_text("secret")
    assert runner.invoke(app, ["web", "--token-file", str(token)]).exit_code == 64


def _wait(proc: subprocess.Popen[str], port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx2.get(f"http://127.0.0.1:{port}/", timeout=2)
            return
        except httpx2.TransportError:
            assert proc.poll() is None, proc.communicate()[1]
            time.sleep(0.2)
    raise AssertionError("socialaid web did not answer within 60 s")


def _stop(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGINT)
    try:
        return proc.communicate(timeout=20)[1]
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.communicate()[1]


def test_socialaid_web_serves_the_page_on_its_own_service_mode_sidecar() -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOCIALAID_OPA")}
    command = [str(Path(sys.executable).parent / "socialaid"), "web", "--addr", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait(proc, port)
        with httpx2.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as browser:
            page = browser.get("/")
            assert page.status_code == 200 and "正式决定（服务模式）" in page.text
            fields = {**form_fields(json.loads(EXAMPLE.read_text("utf-8"))), "action": "decide"}
            decided = browser.post("/", data={**fields, "csrf": csrf_of(page.text)}, follow_redirects=True)
        assert decided.status_code == 200 and "1\u00a0847.20 元" in decided.text
        assert 'name="param"' not in decided.text  # service mode: no parameter to override
    finally:
        stderr = _stop(proc)
    assert "GET / 200 " in stderr and "POST / 303 " in stderr  # the access log: method, route, status, duration


def test_socialaid_web_on_a_district_server_keeps_its_token(sidecar: Sidecar, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(sidecar.token + "\n")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOCIALAID_OPA")}
    command = [str(Path(sys.executable).parent / "socialaid"), "web", "--addr", f"127.0.0.1:{port}"]
    command += ["--opa-url", sidecar.url, "--token-file", str(token_file), "--lang", "en"]
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    pages: list[str] = []
    try:
        _wait(proc, port)
        with httpx2.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as browser:
            form = browser.get("/")
            fields = {**form_fields(json.loads(EXAMPLE.read_text("utf-8"))), "action": "decide"}
            decided = browser.post("/", data={**fields, "csrf": csrf_of(form.text)}, follow_redirects=True)
            notice = browser.get(str(decided.url) + "/notice")
            pages = [
                form.text,
                str(form.headers),
                decided.text,
                str(decided.headers),
                notice.text,
                str(browser.cookies),
            ]
        assert "CNY 1\u00a0847.20" in decided.text and "Social assistance decision notice" in notice.text
    finally:
        stderr = _stop(proc)
    assert pages and not any(sidecar.token in page for page in pages)
    assert sidecar.token not in stderr
