"""Golden households: each fixture in tests/golden/ is decided end to end through the CLI, against a
real OPA sidecar, and its hand-worked expectation must be a subset of the decision."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from socialaid import schemas
from tests.helpers import ROOT, mismatches

DECISION_SCHEMA = Draft202012Validator(schemas.load("decision"))
GOLDEN = sorted((ROOT / "tests" / "golden").rglob("*.json"))
CLI = ROOT / ".venv" / "bin" / "socialaid"


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


@pytest.mark.integration
@pytest.mark.parametrize("fixture", GOLDEN, ids=[str(p.relative_to(ROOT / "tests" / "golden")) for p in GOLDEN])
def test_golden_household(fixture: Path, opa_url: str, tmp_path: Path) -> None:
    case = _load(fixture)
    assert case.get("title") and case.get("arithmetic") is not None, "a golden file needs a title and arithmetic"
    request_file = tmp_path / "request.json"
    request_file.write_text(json.dumps(case["request"], ensure_ascii=False), "utf-8")
    proc = subprocess.run(
        [str(CLI), "decide", str(request_file), "--format", "json", "--opa-url", opa_url],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    expect = case["expect"]
    if "exit_code" in expect:
        assert proc.returncode == expect["exit_code"], proc.stderr
        if "errors" in expect:
            assert not mismatches(expect["errors"], json.loads(proc.stderr)["errors"])
        assert proc.stdout == ""
        return
    assert proc.returncode == 0, proc.stderr
    decision = json.loads(proc.stdout)
    # Every decision the policy gives conforms to schemas/decision.schema.json (and so to the model).
    assert not [e.message for e in DECISION_SCHEMA.iter_errors(decision)]
    problems = mismatches({k: v for k, v in expect.items() if k != "exit_code"}, decision)
    assert not problems, "\n".join(problems)


def test_there_are_golden_households() -> None:
    assert len(GOLDEN) >= 3
