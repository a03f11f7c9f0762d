"""``socialaid batch`` against real OPA sidecars on in-process Ray with two actors.

Amounts worked by hand: urban 低保 standard 808 from 2024-04-01 (parameters/dibao/data.yaml); a
household's 低保 is (standard − per-capita income) × members when per-capita income is below it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from socialaid.cli.main import app
from socialaid.client import DecisionClient
from socialaid.errors import EngineUnavailableError, PolicyEvaluationError
from socialaid.population.batch import BatchOptions, decide_rows, public_message, run_batch
from socialaid.population.io import InputFormat
from socialaid.server.bundle import ensure_fresh
from socialaid.server.sidecar import free_port
from tests.helpers import household, person

pytestmark = pytest.mark.integration

ADULT = "1980-01-01"


def plain(hid: str, *incomes: float, area: str = "urban") -> dict[str, Any]:
    members = [person(f"m{i + 1}", ADULT, income, legal_supporters=[]) for i, income in enumerate(incomes)]
    request = household(*members, area=area, as_of="2025-01-01")
    request["household"]["id"] = hid
    return request


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_rows_come_out_in_order_and_invalid_rows_are_kept_with_their_errors(ray_local: None, tmp_path: Path) -> None:
    source = [json.dumps(plain(f"h{i:02d}", 100 * i, 0)) for i in range(12)]
    source.insert(3, "{broken json")
    source.insert(7, "")
    bad = plain("h-bad", 0)
    bad["household"]["area"] = "suburban"  # not in the schema: the policy refuses it with a pointer
    source.insert(10, json.dumps(bad))
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(source) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_batch(
        path, out, bundle=ensure_fresh(), fmt=InputFormat.jsonl, options=BatchOptions(actors=2, chunk=3)
    )
    rows = lines(out)
    assert len(rows) == len(source) == summary.rows == 15
    assert (summary.decided, summary.refused) == (12, 3)
    ids = [r["household_id"] for r in rows]
    expected = ["h00", "h01", "h02", None, "h03", "h04", "h05", None, "h06", "h07", "h-bad", "h08", "h09", "h10", "h11"]
    assert ids == expected
    for i in (3, 7, 10):
        assert rows[i]["status"] == "refused" and rows[i]["errors"] and "programs" not in rows[i]
    assert rows[3]["errors"][0]["pointer"] == "" and "not JSON" in rows[3]["errors"][0]["problem"]
    assert any(e["pointer"] == "/household/area" for e in rows[10]["errors"])
    # h02: incomes 200 + 0, per capita 100 < 808 → (808 − 100) × 2 = 1416
    h02 = rows[2]
    assert h02["programs"]["dibao"]["eligible"] is True
    assert h02["programs"]["dibao"]["monthly_amount"] == pytest.approx(1416)
    assert 5 in h02["clauses"] and h02["bundle_revision"] and h02["as_of"] == "2025-01-01"
    # h11: 1100 + 0, per capita 550 < 808 → (808 − 550) × 2 = 516
    assert rows[14]["programs"]["dibao"]["monthly_amount"] == pytest.approx(516)


def test_a_pool_of_two_actors_keeps_the_order_over_many_chunks(ray_local: None, tmp_path: Path) -> None:
    # 300 households in 20 chunks of 15 through a pool of two actors, each with its own sidecar. Which
    # actor takes a chunk is Ray's choice by load (in this test Ray often hands every chunk to one), so
    # the test holds the order and the count, and that no more sidecars than actors decided.
    runner = CliRunner()
    population = tmp_path / "p.jsonl"
    assert runner.invoke(app, ["synth", "-n", "300", "--seed", "8", "-o", str(population)]).exit_code == 0
    out = tmp_path / "out.jsonl"
    summary = run_batch(
        population, out, bundle=ensure_fresh(), fmt=InputFormat.jsonl, options=BatchOptions(actors=2, chunk=15)
    )
    assert [r["household_id"] for r in lines(out)] == [f"s8-{i:07d}" for i in range(300)]
    assert summary.decided == 300
    assert 1 <= len(summary.engines) <= 2
    assert summary.decisions == 300 and summary.restarts == 0


def test_csv_in_parquet_out_with_a_bad_cell_refused(ray_local: None, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    csv = tmp_path / "in.csv"
    csv.write_text(
        "household_id,as_of,area,assets_test_met,m1_birth_date,m1_monthly_income,m1_legal_supporters,"
        "m2_birth_date,m2_monthly_income\n"
        "c1,2025-01-01,urban,true,1980-01-01,0,none,1981-01-01,400\n"
        "c2,2025-01-01,urban,true,1980-01-01,lots,none,,\n"
        "c3,2025-01-01,urban,true,1980-01-01,1700,,1981-01-01,0\n",
        "utf-8",
    )
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(app, ["batch", str(csv), "-o", str(out), "--chunk", "2", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["rows"], summary["decided"], summary["refused"]) == (3, 2, 1)
    rows = pq.read_table(out).to_pylist()
    assert [r["household_id"] for r in rows] == ["c1", None, "c3"]
    dibao = {p["program"]: p for p in rows[0]["programs"]}["dibao"]
    # c1: (0 + 400) / 2 = 200 < 808 → (808 − 200) × 2 = 1216
    assert dibao["eligible"] is True and dibao["monthly_amount"] == pytest.approx(1216)
    assert rows[1]["programs"] is None
    assert json.loads(rows[1]["errors"])[0]["pointer"] == "/household/members/0/monthly_income"
    # c3: (1700 + 0) / 2 = 850, not below 808 → not eligible
    assert {p["program"]: p for p in rows[2]["programs"]}["dibao"]["eligible"] is False


def test_parquet_in_gives_the_same_rows_as_jsonl_in(ray_local: None, tmp_path: Path) -> None:
    runner = CliRunner()
    for name in ("p.jsonl", "p.parquet"):
        assert runner.invoke(app, ["synth", "-n", "40", "--seed", "4", "-o", str(tmp_path / name)]).exit_code == 0
    for name in ("p.jsonl", "p.parquet"):
        out = str(tmp_path / f"{name}.out.jsonl")
        result = runner.invoke(app, ["batch", str(tmp_path / name), "-o", out, "--lang", "en"])
        assert result.exit_code == 0, result.output
        assert "decided 40 · refused 0" in result.stdout
    assert lines(tmp_path / "p.jsonl.out.jsonl") == lines(tmp_path / "p.parquet.out.jsonl")


def test_a_household_that_breaks_the_policy_gets_an_error_row_and_the_rest_are_decided() -> None:
    def engine(chunk: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if any(r.get("poison") for r in chunk):
            raise PolicyEvaluationError("eval_conflict_error")
        return [{"errors": [], "programs": {}, "n": r["n"]} for r in chunk]

    chunk = [{"n": i, "poison": i == 5} for i in range(8)]
    decided = decide_rows(engine, chunk)
    assert [d.get("n") for d in decided] == [0, 1, 2, 3, 4, None, 6, 7]
    assert decided[5]["errors"][0]["kind"] == "policy_error"


def test_an_unreachable_opa_is_an_error_not_a_row() -> None:
    with DecisionClient(f"http://127.0.0.1:{free_port()}", timeout=2) as opa, pytest.raises(EngineUnavailableError):
        opa.decide_batch([plain("x", 0)], view="outcome")


def test_an_engine_error_read_by_a_person_names_no_internal_url() -> None:
    text = "OPA at http://127.0.0.1:41234 answered 400 invalid_parameter: bad; OPA is unreachable at http://x:1/v1"
    assert public_message(text) == "the sidecar OPA answered 400 invalid_parameter: bad; the sidecar OPA"
    assert "127.0.0.1" not in public_message(text) and "http" not in public_message(text)


def test_in_process_ray_runs_on_loopback_only(ray_local: None) -> None:
    import ray

    # Ray's servers bind to the node address; in-process it must be loopback, not the machine's address
    assert ray.util.get_node_ip_address() == "127.0.0.1"


def test_in_process_ray_workers_report_no_task_events(ray_local: None) -> None:
    import ray

    from socialaid.population.batch import TASK_EVENTS_ENV

    @ray.remote(num_cpus=0)
    def setting() -> str | None:
        import os

        return os.environ.get(TASK_EVENTS_ENV)

    # no dashboard reads task events in-process; their buffer doubled the driver's growth per row
    # (benchmarks/driver_memory.py): every worker the session starts must have them off
    assert ray.get(setting.remote(), timeout=60) == "0"
