"""The CLI end to end: real OPA for decisions, exit codes for every kind of failure."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from socialaid.sidecar import free_port
from tests.helpers import EXAMPLES, ROOT, household, person

CLI = str(ROOT / ".venv" / "bin" / "socialaid")


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], capture_output=True, text=True, check=False, timeout=timeout)


def write(tmp_path: Path, request: object) -> str:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(request, ensure_ascii=False), "utf-8")
    return str(path)


@pytest.mark.integration
def test_decide_json_against_running_opa(opa_url: str) -> None:
    proc = run(
        "decide",
        str(EXAMPLES / "urban-family-just-above-standard.json"),
        "--format",
        "json",
        "--opa-url",
        opa_url,
    )
    assert proc.returncode == 0, proc.stderr
    decision = json.loads(proc.stdout)
    # Urban standard 808 on 2025-06-01; per capita (1000 + 620) / 2 = 810 ≥ 808 → not eligible.
    assert decision["programs"]["dibao"]["eligible"] is False
    assert decision["errors"] == []
    assert any(p["name"] == "dibao.standard_urban" and p["value"] == 808 for p in decision["parameters"])


@pytest.mark.integration
def test_decide_table_cites_clause_words_in_both_languages(opa_url: str) -> None:
    zh = run("decide", str(EXAMPLES / "urban-family-eligible.json"), "--opa-url", opa_url)
    en = run("decide", str(EXAMPLES / "urban-family-eligible.json"), "--lang", "en", "--opa-url", opa_url)
    assert zh.returncode == 0 and en.returncode == 0, zh.stderr + en.stderr
    assert "完善最低生活保障制度" in zh.stdout
    assert "Minimum living guarantee" in en.stdout
    assert "低保金核算" in en.stdout  # the plan's own words, quoted in either language


@pytest.mark.integration
def test_as_of_option_overrides_the_file(opa_url: str, tmp_path: Path) -> None:
    path = write(tmp_path, household(person("a", income=205), as_of="2025-01-01"))
    proc = run("decide", path, "--as-of", "2024-03-31", "--format", "json", "--opa-url", opa_url)
    # 2022 standard 705 in force on 2024-03-31: (705 − 205) × 1 = 500.
    assert json.loads(proc.stdout)["programs"]["dibao"]["monthly_amount"] == 500


def opa_serving_bundles() -> set[str]:
    found = subprocess.run(["pgrep", "-f", "opa run --server"], capture_output=True, text=True, check=False)
    return set(found.stdout.split())


@pytest.mark.integration
def test_demo_starts_and_stops_its_own_sidecar() -> None:
    before = opa_serving_bundles()
    proc = run("decide", str(EXAMPLES / "urban-family-eligible.json"), "--format", "json", "--opa-url", "")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["bundle_revision"] != "unbundled"
    # Whatever OPA servers ran before may still run; the one the CLI started is gone.
    assert opa_serving_bundles() <= before


def test_invalid_input_exits_2_with_field_errors_and_no_decision(tmp_path: Path) -> None:
    path = write(tmp_path, household(person("a", income=-1)))
    proc = run("decide", path, "--format", "json", "--opa-url", "http://127.0.0.1:9")
    assert proc.returncode == 2
    assert proc.stdout == ""
    payload = json.loads(proc.stderr)
    assert payload["errors"][0]["pointer"] == "/household/members/0/monthly_income"


def test_validate_command(tmp_path: Path) -> None:
    assert run("validate", str(EXAMPLES / "rural-family-eligible.json")).returncode == 0
    bad = run("validate", write(tmp_path, {"as_of": "2025-01-01"}))
    assert bad.returncode == 2
    assert "/household" in bad.stderr


def test_unreachable_opa_exits_5_with_a_clear_message() -> None:
    port = free_port()  # nothing listens there
    proc = run("decide", str(EXAMPLES / "urban-family-eligible.json"), "--opa-url", f"http://127.0.0.1:{port}")
    assert proc.returncode == 5
    assert "unreachable" in proc.stderr
    assert proc.stdout == ""


@pytest.mark.integration
def test_refused_decision_exits_3(opa_url: str, tmp_path: Path) -> None:
    path = write(tmp_path, household(person("a"), as_of="2021-06-01"))
    proc = run("decide", path, "--opa-url", opa_url, "--format", "json")
    assert proc.returncode == 3
    problems = [e["problem"] for e in json.loads(proc.stderr)["errors"]]
    assert "no value of parameter dibao.standard_urban is in force on 2021-06-01" in problems
    assert proc.stdout == ""
    table = run("decide", path, "--opa-url", opa_url)
    assert table.returncode == 3 and "No decision" in table.stderr and table.stdout == ""


@pytest.mark.integration
def test_clauses_lists_rules_per_clause() -> None:
    proc = run("clauses", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = {row["number"]: row for row in json.loads(proc.stdout)}
    assert sorted(rows) == list(range(1, 11))
    assert any("socialaid.dibao.basic_benefit" in rule for rule in rows[5]["rules"])


def test_schema_check_passes() -> None:
    assert run("schema", "--check").returncode == 0
