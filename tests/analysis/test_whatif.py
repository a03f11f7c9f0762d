"""What-if: path setting, parameter parsing and diffing offline; the CLI against a real OPA."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from socialaid.analysis.whatif import (
    Variant,
    apply_variant,
    diff_decisions,
    load_scenario,
    parse_assignment,
    parse_param,
    parse_path,
    parse_value,
    set_path,
)
from socialaid.errors import InvalidInputError
from socialaid.server.bundle import ensure_fresh
from socialaid.server.sidecar import Sidecar
from tests.analysis.conftest import cli, write_json
from tests.helpers import household, person

BASE: dict[str, Any] = {"household": {"members": [{"id": "a", "monthly_income": 100}, {"id": "b"}]}}


# --- paths and values ------------------------------------------------------------------------


def test_parse_path_accepts_dotted_and_pointer_forms() -> None:
    assert parse_path("household.members.0.monthly_income") == ["household", "members", "0", "monthly_income"]
    assert parse_path("/household/members/0/monthly_income") == ["household", "members", "0", "monthly_income"]
    assert parse_path("/a~1b/c~0d") == ["a/b", "c~d"]


@pytest.mark.parametrize("bad", ["", "/", "a..b", "/a//b"])
def test_parse_path_rejects_empty_segments(bad: str) -> None:
    with pytest.raises(InvalidInputError):
        parse_path(bad)


def test_set_path_sets_a_copy_and_leaves_the_original() -> None:
    out = set_path(BASE, "household.members.0.monthly_income", 900)
    assert out["household"]["members"][0]["monthly_income"] == 900
    assert BASE["household"]["members"][0]["monthly_income"] == 100


def test_set_path_creates_missing_objects_and_appends_at_the_end() -> None:
    out = set_path(BASE, "/household/members/1/disability/grade", 2)
    assert out["household"]["members"][1] == {"id": "b", "disability": {"grade": 2}}
    out = set_path(BASE, "household.members.2", {"id": "c"})
    assert [m["id"] for m in out["household"]["members"]] == ["a", "b", "c"]


def test_set_path_errors_carry_the_pointer() -> None:
    with pytest.raises(InvalidInputError) as out_of_range:
        set_path(BASE, "household.members.5.monthly_income", 1)
    assert out_of_range.value.errors[0].pointer == "/household/members/5"
    with pytest.raises(InvalidInputError) as not_index:
        set_path(BASE, "household.members.first.monthly_income", 1)
    assert not_index.value.errors[0].pointer == "/household/members/first"
    with pytest.raises(InvalidInputError) as scalar:
        set_path(BASE, "household.members.0.monthly_income.x", 1)
    assert scalar.value.errors[0].pointer == "/household/members/0/monthly_income/x"


def test_values_parse_as_json_else_string() -> None:
    assert parse_value("900") == 900
    assert parse_value("812.5") == 812.5
    assert parse_value("true") is True
    assert parse_value('{"a": [1]}') == {"a": [1]}
    assert parse_value("rural") == "rural"
    assert parse_assignment("household.area=rural") == ("household.area", "rural")
    with pytest.raises(InvalidInputError):
        parse_assignment("household.area")


def test_param_parsing_and_overrides_merge() -> None:
    assert parse_param("dibao.standard_urban=850") == ("dibao", "standard_urban", 850)
    for bad in ("standard_urban=850", "dibao.standard_urban", "a.b.c=1", ".x=1"):
        with pytest.raises(InvalidInputError) as exc:
            parse_param(bad)
        assert exc.value.errors[0].pointer == "/parameter_overrides"
    request = {**BASE, "parameter_overrides": {"dibao": {"supplement_rate_elderly": 0.2}}}
    variant = Variant("v", sets=[("household.area", "rural")], params=[("dibao", "standard_urban", 850)])
    out = apply_variant(request, variant)
    assert out["parameter_overrides"] == {"dibao": {"supplement_rate_elderly": 0.2, "standard_urban": 850}}
    assert out["household"]["area"] == "rural"
    assert "area" not in request["household"]


def test_scenario_files_in_both_shapes(tmp_path: Path) -> None:
    listed = tmp_path / "listed.json"
    listed.write_text(json.dumps({"variants": [{"name": "raise", "set": {"a.b": 1}, "params": {"g.n": 2}}]}))
    named = tmp_path / "named.yaml"
    named.write_text("raise:\n  set:\n    a.b: 1\nlower:\n  params:\n    g.n: 2\n")
    assert load_scenario(listed) == [Variant("raise", [("a.b", 1)], [("g", "n", 2)])]
    assert load_scenario(named) == [Variant("raise", [("a.b", 1)], []), Variant("lower", [], [("g", "n", 2)])]
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    with pytest.raises(InvalidInputError):
        load_scenario(bad)


# --- diffing ---------------------------------------------------------------------------------


def _finding(program: str, rule: str, outcome: str, clause: int = 5, **facts: Any) -> dict[str, Any]:
    return {
        "program": program,
        "rule": rule,
        "clause": clause,
        "outcome": outcome,
        "values": facts,
    }


def _decision(programs: dict[str, tuple[bool, float, int]], findings: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "programs": {
            k: {"eligible": e, "monthly_amount": a, "clause": c, "name": {"zh": k, "en": k}}
            for k, (e, a, c) in programs.items()
        },
        "findings": findings,
        "hypothetical": False,
    }


def test_diff_reports_entered_left_and_changed_with_findings_and_clauses() -> None:
    before = _decision(
        {"dibao": (True, 108.0, 5), "tekun": (False, 0.0, 6), "medical": (True, 50.0, 7)},
        [
            _finding("dibao", "income", "met", per_capita_income=700),
            _finding("tekun", "no support", "not_met", 6),
            _finding("medical", "rate", "met", 7, rate=0.7),
        ],
    )
    after = _decision(
        {"dibao": (False, 0.0, 5), "tekun": (True, 900.0, 6), "medical": (True, 60.0, 7)},
        [
            _finding("dibao", "income", "not_met", per_capita_income=810),
            _finding("tekun", "no support", "met", 6),
            _finding("tekun", "care", "info", 4),
            _finding("medical", "rate", "met", 7, rate=0.8),
        ],
    )
    diff = diff_decisions(before, after)
    by = {p.program: p for p in diff.programs}
    assert by["dibao"].change == "left" and by["dibao"].delta == -108.0
    assert [(f.rule, f.change, f.before, f.after) for f in by["dibao"].findings] == [
        ("income", "outcome", "met", "not_met")
    ]
    assert by["tekun"].change == "entered" and by["tekun"].delta == 900.0
    assert {(f.rule, f.change) for f in by["tekun"].findings} == {("no support", "outcome"), ("care", "added")}
    assert by["tekun"].clauses == [4, 6]
    assert by["medical"].change == "changed" and by["medical"].findings[0].change == "facts"
    assert (diff.total_before, diff.total_after, diff.delta) == (158.0, 960.0, 802.0)
    assert not diff.hypothetical


def test_diff_of_identical_decisions_is_unchanged() -> None:
    d = _decision({"dibao": (True, 108.0, 5)}, [_finding("dibao", "income", "met")])
    diff = diff_decisions(d, d)
    assert [p.change for p in diff.programs] == ["unchanged"] and diff.changed == [] and diff.delta == 0


# --- end to end ------------------------------------------------------------------------------


def _family() -> dict[str, Any]:
    return household(person("a", income=300), person("b", income=500), as_of="2025-06-01")


@pytest.mark.integration
def test_what_if_raising_income_changes_then_removes_dibao(opa_url: str, tmp_path: Path) -> None:
    # Urban standard 808 (from 2024-04-01). Base: per-capita (300 + 500) / 2 = 400, benefit (808 − 400) × 2 = 816.
    # "raise": a earns 1000 → per-capita 750, benefit (808 − 750) × 2 = 116, delta −700.
    # "leave": a earns 1400 → per-capita 950 ≥ 808, not eligible, delta −816.
    request = write_json(tmp_path / "family.json", _family())
    scenario = write_json(
        tmp_path / "scenario.json",
        {
            "raise": {"set": {"/household/members/0/monthly_income": 1000}},
            "leave": {"set": {"household.members.0.monthly_income": 1400}},
        },
    )
    result = cli("what-if", request, "--scenario", scenario, "--format", "json", "--opa-url", opa_url)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["hypothetical"] is False
    variants = {v["name"]: v for v in doc["variants"]}
    raised = next(p for p in variants["raise"]["diff"]["programs"] if p["program"] == "dibao")
    assert (raised["change"], raised["amount_before"], raised["amount_after"], raised["delta"]) == (
        "changed",
        816,
        116,
        -700,
    )
    left = next(p for p in variants["leave"]["diff"]["programs"] if p["program"] == "dibao")
    assert (left["change"], left["eligible_after"], left["delta"]) == ("left", False, -816)
    assert 5 in left["clauses"]
    flipped = {(f["rule"], f["before"], f["after"]) for f in left["findings"] if f["change"] == "outcome"}
    assert ("dibao.income_test", "met", "not_met") in flipped
    # why not: per-capita 950 must fall by 950 − 808 + 0.01 = 142.01, the household by 284.02
    why = next(w for w in variants["leave"]["why_not"] if w["program"] == "dibao")
    assert (why["income_gaps"][0]["per_capita_fall"], why["income_gaps"][0]["household_fall"]) == (142.01, 284.02)


@pytest.mark.integration
def test_what_if_param_override_is_hypothetical_in_table_and_json(opa_url: str, tmp_path: Path) -> None:
    # Standard raised to 900: per-capita 400, benefit (900 − 400) × 2 = 1000, delta +184.
    request = write_json(tmp_path / "family.json", _family())
    result = cli("what-if", request, "--param", "dibao.standard_urban=900", "--format", "json", "--opa-url", opa_url)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["hypothetical"] is True and doc["variants"][0]["hypothetical"] is True
    dibao = next(p for p in doc["variants"][0]["diff"]["programs"] if p["program"] == "dibao")
    assert (dibao["amount_after"], dibao["delta"]) == (1000, 184)
    table = cli("what-if", request, "--param", "dibao.standard_urban=900", "--lang", "en", "--opa-url", opa_url)
    assert table.exit_code == 0 and "HYPOTHETICAL" in table.stdout


@pytest.mark.integration
def test_what_if_invalid_path_or_value_is_invalid_input(opa_url: str, tmp_path: Path) -> None:
    request = write_json(tmp_path / "family.json", _family())
    bad_path = cli(
        "what-if", request, "--set", "household.members.7.monthly_income=1", "--format", "json", "--opa-url", opa_url
    )
    assert bad_path.exit_code == 2
    assert json.loads(bad_path.stderr)["errors"][0]["pointer"] == "/household/members/7"
    bad_value = cli(
        "what-if", request, "--set", "household.members.0.monthly_income=lots", "--format", "json", "--opa-url", opa_url
    )
    assert bad_value.exit_code == 2
    assert json.loads(bad_value.stderr)["errors"][0]["pointer"] == "/household/members/0/monthly_income"


@pytest.fixture(scope="module")
def overrides_off_url(opa_token: str) -> Iterator[str]:
    """A sidecar in service mode, where parameter overrides are refused (same token as the session's)."""
    with Sidecar(bundle=ensure_fresh(), mode="service", token=opa_token) as sidecar:
        yield sidecar.url


@pytest.mark.integration
def test_what_if_param_is_refused_when_overrides_are_off(overrides_off_url: str, tmp_path: Path) -> None:
    request = write_json(tmp_path / "family.json", _family())
    result = cli(
        "what-if", request, "--param", "dibao.standard_urban=900", "--format", "json", "--opa-url", overrides_off_url
    )
    assert result.exit_code != 0
    assert "/parameter_overrides" in result.stderr
    plain = cli(
        "what-if",
        request,
        "--set",
        "household.members.0.monthly_income=1000",
        "--format",
        "json",
        "--opa-url",
        overrides_off_url,
    )
    assert plain.exit_code == 0, plain.stderr


def test_scenario_unknown_keys_are_invalid_with_their_pointer(tmp_path: Path) -> None:
    named = tmp_path / "typo.yaml"
    named.write_text("raise:\n  sett:\n    household.members.0.monthly_income: 1000\n")
    with pytest.raises(InvalidInputError) as exc:
        load_scenario(named)
    assert [(e.pointer, e.problem) for e in exc.value.errors] == [("/raise/sett", "unknown key 'sett'")]
    listed = tmp_path / "typo.json"
    listed.write_text(json.dumps({"variants": [{"name": "x", "set": {}, "param": {"g.n": 1}}]}))
    with pytest.raises(InvalidInputError) as exc:
        load_scenario(listed)
    assert exc.value.errors[0].pointer == "/variants/0/param"


@pytest.mark.integration
def test_what_if_cli_refuses_a_scenario_typo_and_suggests_parameter_names(opa_url: str, tmp_path: Path) -> None:
    request = write_json(tmp_path / "family.json", _family())
    typo = write_json(tmp_path / "typo.json", {"raise": {"sett": {"household.members.0.monthly_income": 1000}}})
    result = cli("what-if", request, "--scenario", typo, "--format", "json", "--opa-url", opa_url)
    assert result.exit_code == 2 and result.stdout == ""
    assert json.loads(result.stderr)["errors"][0]["pointer"] == "/raise/sett"
    unknown = cli("what-if", request, "--param", "dibao.standard_urbn=900", "--format", "json", "--opa-url", opa_url)
    assert unknown.exit_code == 2 and unknown.stdout == ""
    [error] = json.loads(unknown.stderr)["errors"]
    assert error["pointer"] == "/parameter_overrides/dibao/standard_urbn"
    assert "dibao.standard_urban" in error["problem"] and "socialaid params" in error["problem"]


@pytest.mark.integration
def test_mixed_scenario_marks_only_the_overriding_variant_hypothetical(opa_url: str, tmp_path: Path) -> None:
    request = write_json(tmp_path / "family.json", _family())
    scenario = write_json(
        tmp_path / "mixed.json",
        {
            "household_only": {"set": {"household.members.0.monthly_income": 1000}},
            "standard_900": {"params": {"dibao.standard_urban": 900}},
        },
    )
    result = cli("what-if", request, "--scenario", scenario, "--lang", "en", "--opa-url", opa_url)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    # one banner, printed above the overriding variant and after the household-only one
    assert text.count("HYPOTHETICAL") == 1
    assert text.index("household_only") < text.index("HYPOTHETICAL") < text.index("standard_900")
    zh = cli("what-if", request, "--scenario", scenario, "--lang", "zh", "--opa-url", opa_url)
    assert zh.exit_code == 0, zh.stderr
    # 1000 / 2 = 500 per capita, still below 808: 低保 changes in amount, said in Chinese words
    assert "金额变化" in zh.stdout and "未获救助的原因" in zh.stdout
    assert "met →" not in zh.stdout and "Per-capita" not in zh.stdout and "changed" not in zh.stdout


def test_a_misspelt_path_names_the_nearest_fields() -> None:
    from socialaid.analysis.whatif import check_path
    from socialaid.models.schemas import load

    schema = load("household")
    check_path("household.members.0.monthly_income", schema)
    check_path("/parameter_overrides/dibao/standard_urban", schema)  # free-form: not checked here
    with pytest.raises(InvalidInputError) as exc:
        check_path("household.members.0.monthly_incom", schema)
    [error] = exc.value.errors
    assert error.pointer == "/household/members/0/monthly_incom" and "monthly_income" in error.problem
