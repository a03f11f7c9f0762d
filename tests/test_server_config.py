"""The locked server's OPA configuration: what serve sets over the operator's file, and what the command
line holds (offline; the live server is tests/trust/test_edges.py)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from socialaid.paths import REPO_ROOT
from socialaid.server.limits import MAX_BODY_BYTES
from socialaid.server.sidecar import opa_command, read_config, server_config, token_sha256, write_private


def test_the_lock_is_set_over_the_operators_configuration() -> None:
    base = read_config(REPO_ROOT / "deploy" / "opa-config.yaml")
    base["labels"]["token_sha256"] = "0" * 64  # an old file that still names a hash as a label
    base["server"] = {"decoding": {"max_length": 10**12}}  # or raises the limits
    base["decision_logs"]["mask_decision"] = "/nothing"
    config = server_config(token="s3cret-s3cret-s3cret", mode="service", base=base)
    assert config["labels"] == {"app": "socialaid", "mode": "service"}
    assert config["socialaid"] == {"token_sha256": token_sha256("s3cret-s3cret-s3cret")}
    assert config["server"]["decoding"] == {"max_length": MAX_BODY_BYTES, "gzip": {"max_length": MAX_BODY_BYTES}}
    assert config["decision_logs"] == {"console": True, "mask_decision": "/system/log/mask"}
    assert "decision_logs" not in server_config(token="x", mode="analyst", decision_logs=False)


def test_the_command_line_names_only_the_configuration_file(tmp_path: Path) -> None:
    token = "s3cret-s3cret-s3cret"
    path = write_private(
        tmp_path / "private", "opa-config.json", json.dumps(server_config(token=token, mode="service"))
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    cmd = opa_command(
        opa=Path("opa"), addr="127.0.0.1:1", bundle=Path("b.tar.gz"), verification_key=Path("k.pem"), config_file=path
    )
    line = " ".join(cmd)
    assert token not in line and token_sha256(token) not in line and "--set" not in cmd
    assert cmd[cmd.index("--config-file") + 1] == str(path)
