"""Ctrl-C (SIGINT) or SIGTERM while a decision runs leaves no OPA process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from tests.helpers import EXAMPLES, ROOT

CLI = str(ROOT / ".venv" / "bin" / "socialaid")


def opa_children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid), "opa"], capture_output=True, text=True, check=False)
    return [int(p) for p in out.stdout.split()]


@pytest.mark.integration
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_signal_stops_the_sidecar(sig: signal.Signals) -> None:
    env = {**os.environ, "SOCIALAID_OPA_URL": ""}
    # A slow consumer: the sidecar is up while the CLI waits for it to become healthy or decide.
    proc = subprocess.Popen(
        [CLI, "decide", str(EXAMPLES / "urban-family-eligible.json")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children: list[int] = []
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not children and proc.poll() is None:
        children = opa_children(proc.pid)
        time.sleep(0.02)
    if not children:
        proc.wait(timeout=30)
        pytest.skip("the decision finished before a signal could be sent")
    proc.send_signal(sig)
    proc.wait(timeout=30)
    time.sleep(0.2)
    assert [child for child in children if alive(child)] == []


def alive(pid: int) -> bool:
    """Running or sleeping; a zombie waiting to be reaped has stopped."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
