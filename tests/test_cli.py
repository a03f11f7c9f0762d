"""The CLI end to end: real OPA for decisions, exit codes for every kind of failure."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from socialaid.cli.app import out
from socialaid.cli.main import app
from socialaid.client import DecisionClient
from socialaid.paths import opa_binary
from socialaid.server.sidecar import free_port
from tests.helpers import EXAMPLES, ROOT, household, person

CLI = str(ROOT / ".venv" / "bin" / "socialaid")
RUNNER = CliRunner()


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}  # wide enough that no cited phrase is folded
    return subprocess.run([CLI, *args], capture_output=True, text=True, check=False, timeout=timeout, env=env)


def invoke(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI in this process (no interpreter start-up), for everything but the end-to-end checks;
    its result in the shape of :func:`run`'s."""
    result = RUNNER.invoke(app, list(args), input=stdin, catch_exceptions=False)
    return subprocess.CompletedProcess(list(args), result.exit_code, result.stdout, result.stderr)


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
    assert decision["parameters"]["dibao"]["standard_urban"] == 808
    # The sidecar logs decisions: the CLI names the one this is, as OPA's decision log does.
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", decision["decision_id"])


@pytest.mark.integration
def test_decide_table_cites_clause_words_in_both_languages(opa_url: str) -> None:
    zh = invoke("decide", str(EXAMPLES / "urban-family-eligible.json"), "--details", "--opa-url", opa_url)
    en = invoke(
        "decide", str(EXAMPLES / "urban-family-eligible.json"), "--details", "--lang", "en", "--opa-url", opa_url
    )
    assert zh.returncode == 0 and en.returncode == 0, zh.stderr + en.stderr
    assert "方案第5条：“" in zh.stdout and "低保金核算" in zh.stdout  # the plan's own words, quoted
    assert "Minimum living guarantee" in en.stdout
    assert "低保金核算" not in en.stdout and "plan clause 5" in en.stdout  # one language at a time


@pytest.mark.integration
def test_as_of_option_overrides_the_file(opa_url: str, tmp_path: Path) -> None:
    path = write(tmp_path, household(person("a", income=205), as_of="2025-01-01"))
    proc = invoke("decide", path, "--as-of", "2024-03-31", "--format", "json", "--opa-url", opa_url)
    # 2022 standard 705 in force on 2024-03-31: (705 − 205) × 1 = 500.
    assert json.loads(proc.stdout)["programs"]["dibao"]["monthly_amount"] == 500


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.integration
def test_demo_starts_and_stops_its_own_sidecar(tmp_path: Path) -> None:
    # The CLI runs OPA through a wrapper that notes each OPA process id in this test's own directory:
    # the test checks those processes, and no process it did not start.
    pids = tmp_path / "opa.pids"
    wrapper = tmp_path / "opa"
    wrapper.write_text(f'#!/bin/sh\necho $$ >> "{pids}"\nexec "{opa_binary()}" "$@"\n', "utf-8")
    wrapper.chmod(0o755)
    env = {**os.environ, "SOCIALAID_OPA": str(wrapper), "SOCIALAID_OPA_URL": ""}
    proc = subprocess.run(
        [CLI, "decide", str(EXAMPLES / "urban-family-eligible.json"), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["bundle_revision"] != "unbundled"
    started = [int(line) for line in pids.read_text().split()]
    assert started, "the CLI started OPA through the wrapper"
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in started if _alive(pid)], "an OPA the CLI started outlived it"


@pytest.mark.integration
def test_invalid_input_exits_2_with_field_errors_and_no_decision(tmp_path: Path, opa_url: str) -> None:
    # the policy finds the request invalid (one validation, OPA's); the CLI words its errors
    path = write(tmp_path, household(person("a", income=-1)))
    proc = invoke("decide", path, "--format", "json", "--opa-url", opa_url)
    assert proc.returncode == 2
    assert proc.stdout == ""
    payload = json.loads(proc.stderr)
    assert payload["errors"][0]["pointer"] == "/household/members/0/monthly_income"


def test_validate_command(tmp_path: Path) -> None:
    assert invoke("validate", str(EXAMPLES / "rural-family-eligible.json")).returncode == 0
    bad = invoke("validate", write(tmp_path, {"as_of": "2025-01-01"}), "--lang", "zh")
    assert bad.returncode == 2
    assert "· 申请家庭：缺少必填字段 'household'" in bad.stderr  # the field in words; its pointer in JSON
    extra = {"as_of": "2025-01-01", "household": {"area": "urban", "assets_test_met": True, "members": [], "x": 1}}
    unknown = invoke("validate", write(tmp_path, extra), "--lang", "en")
    assert "· /household/x: " in unknown.stderr  # a field the schema does not describe: its pointer
    as_json = invoke("validate", write(tmp_path, {"as_of": "2025-01-01"}), "--format", "json")
    assert json.loads(as_json.stderr)["errors"][0]["pointer"] == "/household"


def test_unreachable_opa_exits_5_with_a_clear_message() -> None:
    port = free_port()  # nothing listens there
    url = f"http://127.0.0.1:{port}"
    proc = invoke("decide", str(EXAMPLES / "urban-family-eligible.json"), "--opa-url", url, "--lang", "en")
    assert proc.returncode == 5
    assert "unreachable" in proc.stderr
    assert proc.stdout == ""
    zh = invoke("decide", str(EXAMPLES / "urban-family-eligible.json"), "--opa-url", url, "--lang", "zh")
    assert zh.returncode == 5 and f"无法连接 OPA：{url}" in zh.stderr


@pytest.mark.integration
def test_refused_decision_exits_3(opa_url: str, tmp_path: Path) -> None:
    path = write(tmp_path, household(person("a"), as_of="2021-06-01"))
    proc = invoke("decide", path, "--opa-url", opa_url, "--format", "json")
    assert proc.returncode == 3
    errors = json.loads(proc.stderr)["errors"]
    assert "no value of parameter dibao.standard_urban is in force on 2021-06-01" in [e["problem"] for e in errors]
    assert all(e.get("kind") for e in errors)  # each error keeps the kind the policy gave it
    assert proc.stdout == ""
    table = invoke("decide", path, "--opa-url", opa_url, "--lang", "en")
    assert table.returncode == 3 and "No decision" in table.stderr and table.stdout == ""


@pytest.mark.integration
def test_clauses_lists_rules_per_clause() -> None:
    proc = invoke("clauses", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = {row["number"]: row for row in json.loads(proc.stdout)}
    assert sorted(rows) == list(range(1, 11))
    assert any("socialaid.dibao.basic_benefit" in rule or rule.startswith("dibao.") for rule in rows[5]["rules"])
    table = invoke("clauses", "--lang", "zh")
    assert table.returncode == 0 and "{'type'" not in table.stdout and "'value'" not in table.stdout


def test_schema_check_passes() -> None:
    assert invoke("schema", "--check").returncode == 0


# --- usage, stdin, version, completion -------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["decide", str(EXAMPLES / "urban-family-eligible.json"), "--as-of", "2025/01/01"],
        ["decide", str(EXAMPLES / "urban-family-eligible.json"), "--format", "csv"],
        ["decide", "no-such-household.json"],
        ["schema", "--write", "--check"],
        ["decdie"],
        ["params", "--group", "diba"],
    ],
    ids=["as-of-format", "unknown-format", "missing-file", "write-and-check", "unknown-command", "unknown-group"],
)
def test_usage_errors_exit_64_not_2(args: list[str]) -> None:
    proc = invoke(*args, "--opa-url", "http://127.0.0.1:9") if args[0] == "decide" else invoke(*args)
    assert proc.returncode == 64, proc.stderr
    assert proc.stdout == ""


def test_unknown_group_suggests_the_nearest() -> None:
    proc = invoke("params", "--group", "diba", "--lang", "en")
    assert "did you mean dibao" in proc.stderr


def test_version() -> None:
    proc = invoke("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("socialaid 0.")


def test_shell_completion_is_offered() -> None:
    proc = run("--show-completion", "bash")
    assert proc.returncode == 0 and "_socialaid_completion" in proc.stdout


@pytest.mark.integration
def test_decide_reads_stdin(opa_url: str) -> None:
    text = (EXAMPLES / "urban-family-just-above-standard.json").read_text("utf-8")
    proc = invoke("decide", "-", "--format", "json", "--opa-url", opa_url, stdin=text)
    assert proc.returncode == 0, proc.stderr
    # per capita (1000 + 620) / 2 = 810 ≥ 808 → not eligible
    assert json.loads(proc.stdout)["programs"]["dibao"]["eligible"] is False
    bad = invoke("decide", "-", "--format", "json", "--opa-url", opa_url, stdin="{")
    assert bad.returncode == 2 and bad.stdout == ""
    assert json.loads(bad.stderr)["errors"][0]["problem"].startswith("not JSON")


def test_unreachable_opa_exits_5() -> None:
    # How long it takes is measured, not asserted: the one retry policy is tested in tests/trust/test_faults.py.
    proc = run("decide", str(EXAMPLES / "urban-family-eligible.json"), "--opa-url", f"http://127.0.0.1:{free_port()}")
    assert proc.returncode == 5


# --- the answer first, in one language --------------------------------------------------------


def _decide_text(opa_url: str, *args: str, env: dict[str, str] | None = None) -> str:
    """``decide`` on the urban example in this process, printed COLUMNS wide (80 unless given)."""
    environ = {"COLUMNS": "80", **(env or {})}
    previous, out.width = out.width, int(environ.pop("COLUMNS"))
    try:
        result = RUNNER.invoke(
            app,
            ["decide", str(EXAMPLES / "urban-family-eligible.json"), "--opa-url", opa_url, *args],
            env=environ,
            catch_exceptions=False,
        )
    finally:
        out.width = previous
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.integration
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_answer_fits_one_screen_with_money_whole(opa_url: str, lang: str) -> None:
    text = _decide_text(opa_url, "--lang", lang)
    assert len(text.splitlines()) <= 25, text
    # 低保: (808 − 300) × 3 = 1524.00, plus supplements 808 × 30% = 242.40 and 808 × 10% = 80.80: 1847.20
    assert "1847.20" in text and "1847.2…" not in text
    assert ("实物/服务救助" if lang == "zh" else "aid in kind") in text  # medical, education: never "yes 0.00"
    details = _decide_text(opa_url, "--lang", lang, "--details")
    assert len(details.splitlines()) > 60


@pytest.mark.integration
def test_one_language_at_a_time(opa_client: DecisionClient) -> None:
    from socialaid.cli.app import local_words as texts
    from socialaid.decide import explain

    request = json.loads((EXAMPLES / "urban-family-eligible.json").read_text("utf-8"))
    rules = texts().rules
    shown = {f["rule"] for f in explain(opa_client, request)["findings"]} & set(rules)
    assert len(shown) >= 10, "the example's findings name their rules by id"
    quotes = " ".join(str(r.get("quote", "")) for r in rules.values())
    english = {rules[r]["title"]["en"] for r in shown}
    chinese = {rules[r]["title"]["zh"] for r in shown} - {
        t for t in (rules[r]["title"]["zh"] for r in shown) if t in quotes
    }
    zh = _decide_text(opa_client.url, "--lang", "zh", "--details", env={"COLUMNS": "400"})
    en = _decide_text(opa_client.url, "--lang", "en", "--details", env={"COLUMNS": "400"})
    assert not [t for t in english if t in zh], "English rule titles in the Chinese output"
    assert not [t for t in chinese if t in en], "Chinese rule titles (outside the plan's quotes) in the English output"
    assert [t for t in chinese if t in zh] and [t for t in english if t in en]  # the titles are shown at all
    assert "Findings" not in zh and "认定理由" not in en


@pytest.mark.integration
def test_language_follows_the_locale_when_not_chosen(opa_url: str) -> None:
    assert "Reasons" in _decide_text(opa_url, env={"LANG": "en_US.UTF-8", "LC_ALL": ""})
    assert "决定理由" in _decide_text(opa_url, env={"LANG": "C.UTF-8", "LC_ALL": ""})
    assert "决定理由" in _decide_text(opa_url, env={"LANG": "en_US.UTF-8", "LC_ALL": "", "SOCIALAID_LANG": "zh"})


def test_params_lists_values_in_force_with_dates_units_and_sources() -> None:
    proc = invoke("params", "--as-of", "2025-01-01", "--group", "dibao", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = {r["name"]: r for r in json.loads(proc.stdout)["parameters"]}
    urban = rows["dibao.standard_urban"]
    assert (urban["value"], urban["effective_from"]) == (808, "2024-04-01")
    assert urban["unit"] and urban["source"]
    before = json.loads(invoke("params", "--as-of", "2024-03-31", "--group", "dibao", "--format", "json").stdout)
    assert {r["name"]: r["value"] for r in before["parameters"]}["dibao.standard_urban"] == 705
