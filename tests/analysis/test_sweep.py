"""Sweep: the grid of values and cliff detection offline; a real sweep, batched, with its plot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from socialaid.errors import InvalidInputError
from socialaid.sweep import MAX_POINTS, detect_cliffs, points, sweep_values
from tests.analysis.conftest import cli, write_json
from tests.helpers import household, person


def test_values_are_exact_and_inclusive() -> None:
    assert sweep_values(700, 900, 10) == list(range(700, 901, 10))
    assert sweep_values("0", "0.3", "0.1") == [0.0, 0.1, 0.2, 0.3]  # no 0.30000000000000004
    assert sweep_values(1, 2, 0.4) == [1.0, 1.4, 1.8]
    assert sweep_values(5, 5, 1) == [5]


@pytest.mark.parametrize(("start", "stop", "step"), [(0, 10, 0), (0, 10, -1), (10, 0, 1), (0, 1, "x")])
def test_bad_ranges_are_invalid_input(start: Any, stop: Any, step: Any) -> None:
    with pytest.raises(InvalidInputError):
        sweep_values(start, stop, step)


def test_sweeps_are_bounded() -> None:
    assert len(sweep_values(0, MAX_POINTS - 1, 1)) == MAX_POINTS
    with pytest.raises(InvalidInputError) as exc:
        sweep_values(0, MAX_POINTS, 1)
    assert exc.value.errors[0].pointer == "/step"


def _point(eligible: bool, amount: float, outcome: str, other: float = 10.0) -> dict[str, Any]:
    return {
        "programs": {
            "dibao": {"eligible": eligible, "monthly_amount": amount, "clause": 5},
            "medical": {"eligible": True, "monthly_amount": other, "clause": 7},
        },
        "findings": [
            {
                "program": "dibao",
                "rule": "income",
                "clause": 5,
                "quote": "q",
                "outcome": outcome,
                "facts": {},
                "message": {"zh": "", "en": ""},
            },
            {
                "program": "medical",
                "rule": "rate",
                "clause": 7,
                "quote": "q",
                "outcome": "met",
                "facts": {},
                "message": {"zh": "", "en": ""},
            },
        ],
    }


def test_cliffs_are_where_eligibility_flips_with_the_finding_that_flips() -> None:
    values: list[float | int] = [1, 2, 3, 4, 5]
    decisions = [
        _point(True, 30, "met"),
        _point(True, 20, "met", other=12),  # amounts change, eligibility does not: no cliff
        _point(False, 0, "not_met"),
        _point(False, 0, "not_met"),
        _point(True, 5, "met"),
    ]
    cliffs = detect_cliffs(values, decisions)
    assert [(c.program, c.before, c.at, c.eligible_after) for c in cliffs] == [
        ("dibao", 2, 3, False),
        ("dibao", 4, 5, True),
    ]
    assert [(f.rule, f.before, f.after) for f in cliffs[0].flips] == [("income", "met", "not_met")]
    assert cliffs[0].clauses == [5] and cliffs[0].amount_before == 20
    assert [p.total for p in points(values, decisions)] == [40, 32, 10, 10, 15]


def test_a_program_that_appears_is_a_cliff() -> None:
    a = {"programs": {}, "findings": []}
    b = {"programs": {"tekun": {"eligible": True, "monthly_amount": 1, "clause": 6}}, "findings": []}
    assert [(c.program, c.eligible_before, c.eligible_after) for c in detect_cliffs([0, 1], [a, b])] == [
        ("tekun", False, True)
    ]


@pytest.mark.integration
def test_sweep_finds_the_dibao_cliff_by_hand(opa_url: str, tmp_path: Path) -> None:
    # One urban person, standard 808 (from 2024-04-01). Eligible while income < 808: at 800 the benefit
    # is (808 − 800) × 1 = 8.00; 810 is the first point with 810 ≥ 808, so the cliff is between 800 and 810.
    request = write_json(tmp_path / "one.json", household(person("a", income=700), as_of="2025-06-01"))
    png = tmp_path / "sweep.png"
    result = cli(
        "sweep",
        request,
        "--vary",
        "household.members.0.monthly_income",
        "--from",
        "700",
        "--to",
        "900",
        "--step",
        "10",
        "--plot",
        str(png),
        "--format",
        "json",
        "--opa-url",
        opa_url,
    )
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert len(doc["points"]) == 21 and doc["hypothetical"] is False
    by_value = {p["value"]: p for p in doc["points"]}
    assert by_value[700]["amounts"]["dibao"] == 108 and by_value[800]["amounts"]["dibao"] == 8
    assert by_value[810]["eligible"]["dibao"] is False and by_value[810]["amounts"]["dibao"] == 0
    dibao_cliffs = [c for c in doc["cliffs"] if c["program"] == "dibao"]
    assert [(c["before"], c["at"], c["eligible_before"], c["eligible_after"]) for c in dibao_cliffs] == [
        (800, 810, True, False)
    ]
    flips = {(f["rule"], f["before"], f["after"], f["clause"]) for f in dibao_cliffs[0]["flips"]}
    assert ("Per-capita income below the standard", "met", "not_met", 5) in flips
    assert png.exists() and png.stat().st_size > 10_000


@pytest.mark.integration
def test_sweep_table_marks_overrides_hypothetical(opa_url: str, tmp_path: Path) -> None:
    request = household(
        person("a", income=700), as_of="2025-06-01", parameter_overrides={"dibao": {"standard_urban": 850}}
    )
    path = write_json(tmp_path / "one.json", request)
    result = cli(
        "sweep",
        path,
        "--vary",
        "/household/members/0/monthly_income",
        "--from",
        "800",
        "--to",
        "860",
        "--step",
        "20",
        "--lang",
        "en",
        "--opa-url",
        opa_url,
    )
    assert result.exit_code == 0, result.stderr
    assert "HYPOTHETICAL" in result.stdout
    too_many = cli(
        "sweep",
        path,
        "--vary",
        "household.members.0.monthly_income",
        "--from",
        "0",
        "--to",
        "100000",
        "--step",
        "1",
        "--opa-url",
        opa_url,
    )
    assert too_many.exit_code == 2
