"""Explain: why-not arithmetic and trace-to-clause mapping offline; the CLI against a real OPA."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from socialaid.analysis.explain import explanation, income_gap, rule_trace, why_not
from tests.analysis.conftest import cli, write_json
from tests.helpers import household, person

RULES = {
    "dibao.income_test": {"clause": 5, "basis": "plan", "file": "socialaid/dibao/dibao.rego", "row": 90},
}


def test_trace_lists_each_rule_passed_or_failed_with_its_values_and_clause() -> None:
    findings: list[dict[str, Any]] = [
        {"rule": "tekun.no_supporter", "clause": 6, "program": "tekun", "outcome": "met", "member_id": "b"},
        {
            "rule": "dibao.income_test",
            "program": "dibao",
            "outcome": "not_met",
            "values": {"per_capita_income": 900, "standard": 808},
        },
    ]
    traced = rule_trace(findings, RULES)
    assert [(t.rule, t.clause, t.outcome, t.member_id) for t in traced] == [
        ("dibao.income_test", 5, "not_met", None),  # clause from the registry when the finding has none
        ("tekun.no_supporter", 6, "met", "b"),
    ]
    assert traced[0].values == {"per_capita_income": 900, "standard": 808}
    assert (traced[0].file, traced[0].row, traced[0].basis) == ("socialaid/dibao/dibao.rego", 90, "plan")


def test_income_gap_arithmetic() -> None:
    # per-capita 812.5 against 808: fall by 812.5 − 808 + 0.01 = 4.51; two members: 9.02 in all.
    finding = {"outcome": "not_met", "values": {"per_capita_income": 812.5, "standard": 808, "members": 2}}
    gap = income_gap(finding)
    assert gap is not None and (gap.per_capita_fall, gap.household_fall, gap.members) == (4.51, 9.02, 2)
    assert income_gap({**finding, "outcome": "met"}) is None
    assert income_gap({"outcome": "not_met", "values": {"assets": False}}) is None


def test_why_not_lists_each_program_not_granted_with_its_not_met_findings() -> None:
    decision = {
        "programs": {
            "dibao": {
                "eligible": False,
                "monthly_amount": 0,
                "clause": 5,
                "name": {"zh": "低保", "en": "dibao"},
                "details": {"members": 3},
            },
            "medical": {"eligible": True, "monthly_amount": 10, "clause": 7, "name": {"zh": "医", "en": "med"}},
        },
        "findings": [
            {
                "program": "dibao",
                "rule": "income",
                "clause": 5,
                "outcome": "not_met",
                "values": {"per_capita_income": 900, "standard": 808},
            },
            {"program": "dibao", "rule": "assets", "clause": 5, "outcome": "met", "values": {}},
        ],
        "parameters": [{"name": "dibao.standard_urban", "value": 808, "effective_from": "2024-04-01"}],
    }
    [item] = why_not(decision)
    assert item.program == "dibao" and [r["rule"] for r in item.reasons] == ["income"]
    # members from the program details: (900 − 808 + 0.01) × 3 = 276.03
    assert (item.income_gaps[0].per_capita_fall, item.income_gaps[0].household_fall) == (92.01, 276.03)
    doc = explanation(decision)
    assert [f["rule"] for f in doc["programs"]["dibao"]["not_met"]] == ["income"]
    assert [f["rule"] for f in doc["programs"]["dibao"]["met"]] == ["assets"]
    assert doc["parameters"][0]["effective_from"] == "2024-04-01" and doc["hypothetical"] is False


@pytest.mark.integration
def test_explain_trace_gives_each_rule_outcome_values_and_clause(opa_url: str, tmp_path: Path) -> None:
    # One urban person earning 700 on 2025-06-01: per-capita 700 < 808, so the income test is met.
    request = write_json(tmp_path / "one.json", household(person("a", income=700), as_of="2025-06-01"))
    # JSON: the server's explanation (its findings are the trace, rule by rule) with the words of its revision
    result = cli("explain", request, "--trace", "--format", "json", "--opa-url", opa_url)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    dibao = [r for r in doc["findings"] if r["program"] == "dibao"]
    assert dibao and {r["outcome"] for r in dibao} >= {"met"}
    income = [r for r in dibao if r["values"].get("per_capita_income") == 700 and r["values"].get("standard") == 808]
    assert income and {(r["clause"], r["outcome"]) for r in income} == {(5, "met")}
    assert doc["programs"]["dibao"]["eligible"] is True
    assert doc["words"]["rules"]["dibao.income_test"]["clause"] == 5
    assert doc["words"]["bundle_revision"] == doc["bundle_revision"]
    assert any(
        p["name"] == "dibao.standard_urban" and p["value"] == 808 and p["effective_from"] == "2024-04-01"
        for p in doc["parameters_in_force"]
    )
    table = cli("explain", request, "--trace", "--lang", "en", "--opa-url", opa_url)
    assert table.exit_code == 0 and "Rule by rule" in table.stdout and "standard=808" in table.stdout


@pytest.mark.integration
def test_explain_why_not_gives_the_income_fall_needed(opa_url: str, tmp_path: Path) -> None:
    # Two urban members at 850 each: per-capita 850 ≥ 808. Fall per head 850 − 808 + 0.01 = 42.01;
    # household 42.01 × 2 = 84.02.
    request = household(person("a", income=850), person("b", income=850), as_of="2025-06-01")
    path = write_json(tmp_path / "two.json", request)
    result = cli("explain", path, "--format", "json", "--opa-url", opa_url)
    assert result.exit_code == 0, result.stderr
    why = next(w for w in why_not(json.loads(result.stdout)) if w.program == "dibao").to_dict()
    assert any(r["rule"] == "dibao.income_test" for r in why["reasons"])
    gap = why["income_gaps"][0]
    assert (gap["per_capita_fall"], gap["household_fall"], gap["members"]) == (42.01, 84.02, 2)
    table = cli("explain", path, "--lang", "en", "--opa-url", opa_url)
    assert table.exit_code == 0 and "42.01" in table.stdout and "84.02" in table.stdout
