"""Docs that cannot drift: every sample output in README.md and docs/*.md is what the command prints now
(scripts/render-samples.py --check, against the session's sidecar; ids, revisions and timings masked)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.helpers import ROOT


@pytest.mark.integration
def test_every_sample_is_what_the_command_prints_now(opa_url: str, opa_token: str) -> None:
    env = {**os.environ, "SOCIALAID_OPA_URL": opa_url, "SOCIALAID_OPA_TOKEN": opa_token}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "render-samples.py"), "--check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert proc.returncode == 0, f"stale samples (run scripts/render-samples.py):\n{proc.stdout}{proc.stderr}"


def test_a_changed_sample_is_caught(tmp_path: object) -> None:
    """The check compares what it reads: a sample edited by hand differs from a run."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import importlib.util

    spec = importlib.util.spec_from_file_location("render_samples", ROOT / "scripts" / "render-samples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    body = "$ echo 3 ms 0123456789ab\n"
    assert module.render_block(body, dict(os.environ)) == "$ echo 3 ms 0123456789ab\n<time> <revision>\n"
    text = "<!-- sample -->\n```console\n$ echo hi\nho\n```\n<!-- /sample -->\n"
    assert module.BLOCK.sub(lambda m: m.group(1) + module.render_block(m.group(3), {}) + m.group(4), text) != text
