"""Explain: why-not arithmetic and trace-to-clause mapping offline; the CLI against a real OPA."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from socialaid.annotations import RuleAnnotation
from socialaid.explain import explanation, income_gap, map_trace, why_not
from tests.analysis.conftest import cli, write_json
from tests.helpers import household, person


def _ann(path: str, title: str, clause: int | None, file: str, row: int, scope: str = "rule") -> RuleAnnotation:
    return RuleAnnotation(
        path=path,
        title=title,
        description="",
        clause=clause,
        quote=None,
        authority=None,
        file=file,
        row=row,
        scope=scope,
    )


ANNOTATIONS = [
    _ann("data.socialaid.dibao", "package", None, "/w/build/stage/socialaid/dibao/dibao.rego", 1, "package"),
    _ann("data.socialaid.dibao.standard", "standard", 5, "/w/build/stage/socialaid/dibao/dibao.rego", 20),
    _ann("data.socialaid.dibao.findings", "income test", 5, "/w/build/stage/socialaid/dibao/dibao.rego", 90),
    _ann("data.socialaid.tekun.findings", "no supporter", 6, "/w/build/stage/socialaid/tekun/tekun.rego", 40),
]


def test_trace_events_map_to_the_annotation_at_or_before_their_row() -> None:
    events: list[dict[str, Any]] = [
        {"Op": "Enter", "Location": {"file": "/socialaid/dibao/dibao.rego", "row": 20}},
        {"Op": "Eval", "Location": {"file": "/socialaid/dibao/dibao.rego", "row": 25}},  # inside `standard`
        {"Op": "Eval", "Location": {"file": "/socialaid/dibao/dibao.rego", "row": 95}},  # inside the finding
        {"Op": "Eval", "Location": {"file": "/socialaid/dibao/dibao.rego", "row": 5}},  # before any rule
        {"Op": "Eval", "Location": {"file": "socialaid/tekun/tekun.rego", "row": 41}},
        {"Op": "Eval", "Location": {"file": "socialaid/other.rego", "row": 41}},  # unannotated file
    ]
    traced = map_trace(events, ANNOTATIONS)
    assert [(t.path, t.clause, t.events) for t in traced] == [
        ("data.socialaid.dibao.standard", 5, 2),
        ("data.socialaid.dibao.findings", 5, 1),
        ("data.socialaid.tekun.findings", 6, 1),
    ]


def test_rest_trace_events_map_through_the_rule_node_annotations() -> None:
    events: list[dict[str, Any]] = [
        {
            "op": "enter",
            "type": "rule",
            "node": {"head": {"name": "findings"}, "annotations": [{"title": "no supporter", "custom": {"clause": 6}}]},
        },
        {"op": "eval", "type": "expr", "node": {"index": 0, "terms": []}},
    ]
    assert [(t.path, t.clause) for t in map_trace(events, ANNOTATIONS)] == [("data.socialaid.tekun.findings", 6)]


def test_income_gap_arithmetic() -> None:
    # per-capita 812.5 against 808: fall by 812.5 − 808 + 0.01 = 4.51; two members: 9.02 in all.
    finding = {"outcome": "not_met", "facts": {"per_capita_income": 812.5, "standard": 808, "members": 2}}
    gap = income_gap(finding)
    assert gap is not None and (gap.per_capita_fall, gap.household_fall, gap.members) == (4.51, 9.02, 2)
    assert income_gap({**finding, "outcome": "met"}) is None
    assert income_gap({"outcome": "not_met", "facts": {"assets": False}}) is None


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
                "facts": {"per_capita_income": 900, "standard": 808},
            },
            {"program": "dibao", "rule": "assets", "clause": 5, "outcome": "met", "facts": {}},
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
def test_explain_trace_lists_clause_5_for_dibao_rules(opa_url: str, tmp_path: Path) -> None:
    request = write_json(tmp_path / "one.json", household(person("a", income=700), as_of="2025-06-01"))
    result = cli("explain", request, "--trace", "--format", "json", "--opa-url", opa_url)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["trace"]["events"] > 0
    dibao_rules = [r for r in doc["trace"]["rules"] if r["path"].startswith("data.socialaid.dibao.")]
    # every annotated 低保 rule evaluated is cited; clause 5 for the income test (a 低保 rule may cite
    # clause 6 where it defers to 特困 support)
    assert dibao_rules and None not in {r["clause"] for r in dibao_rules} and 5 in {r["clause"] for r in dibao_rules}
    income = [r for r in dibao_rules if r["title"] == "Per-capita income below the standard"]
    assert income and {r["clause"] for r in income} == {5}
    assert doc["programs"]["dibao"]["eligible"] is True
    assert any(f["rule"] == "Per-capita income below the standard" for f in doc["programs"]["dibao"]["met"])
    assert any(
        p["name"] == "dibao.standard_urban" and p["value"] == 808 and p["effective_from"] == "2024-04-01"
        for p in doc["parameters"]
    )
    table = cli("explain", request, "--trace", "--opa-url", opa_url)
    assert table.exit_code == 0 and "data.socialaid.dibao" in table.stdout


@pytest.mark.integration
def test_explain_why_not_gives_the_income_fall_needed(opa_url: str, tmp_path: Path) -> None:
    # Two urban members at 850 each: per-capita 850 ≥ 808. Fall per head 850 − 808 + 0.01 = 42.01;
    # household 42.01 × 2 = 84.02.
    request = household(person("a", income=850), person("b", income=850), as_of="2025-06-01")
    path = write_json(tmp_path / "two.json", request)
    result = cli("explain", path, "--format", "json", "--opa-url", opa_url)
    assert result.exit_code == 0, result.stderr
    why = next(w for w in json.loads(result.stdout)["why_not"] if w["program"] == "dibao")
    assert any(r["rule"] == "Per-capita income below the standard" for r in why["reasons"])
    gap = why["income_gaps"][0]
    assert (gap["per_capita_fall"], gap["household_fall"], gap["members"]) == (42.01, 84.02, 2)
    table = cli("explain", path, "--lang", "en", "--opa-url", opa_url)
    assert table.exit_code == 0 and "42.01" in table.stdout and "84.02" in table.stdout
