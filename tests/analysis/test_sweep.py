"""Sweep: the grid of values and cliff detection offline; a real sweep, batched, with its plot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from socialaid.analysis.chart import _ascii, draw
from socialaid.analysis.sweep import (
    MAX_POINTS,
    SweepResult,
    detect_cliffs,
    linear_pieces,
    points,
    refine_cliff,
    shown_programs,
    sweep_values,
    table_rows,
)
from socialaid.errors import InvalidInputError
from tests.analysis.conftest import cli, write_json
from tests.helpers import EXAMPLES, household, person


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
                "outcome": outcome,
                "values": {},
            },
            {
                "program": "medical",
                "rule": "rate",
                "clause": 7,
                "outcome": "met",
                "values": {},
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
    # is (808 − 800) × 1 = 8.00; 810 is the first grid point with 810 ≥ 808, and the search between 800
    # and 810 puts the cliff exactly at 808.00 (807.99 still eligible: (808 − 807.99) × 1 = 0.01).
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
    assert len(doc["points"]) == 21 + 2 and doc["hypothetical"] is False  # the grid and the two cliff points
    by_value = {p["value"]: p for p in doc["points"]}
    assert by_value[700]["amounts"]["dibao"] == 108 and by_value[800]["amounts"]["dibao"] == 8
    assert by_value[810]["eligible"]["dibao"] is False and by_value[810]["amounts"]["dibao"] == 0
    dibao_cliffs = [c for c in doc["cliffs"] if c["program"] == "dibao"]
    assert [(c["before"], c["at"], c["eligible_before"], c["eligible_after"]) for c in dibao_cliffs] == [
        (807.99, 808, True, False)
    ]
    assert by_value[807.99]["amounts"]["dibao"] == 0.01
    flips = {(f["rule"], f["before"], f["after"], f["clause"]) for f in dibao_cliffs[0]["flips"]}
    assert ("dibao.income_test", "met", "not_met", 5) in flips
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


def _one_program(eligible_below: float, standard: float = 808) -> Any:
    """A stand-in for OPA in the search's unit test: eligible while the value is below the threshold."""

    def decide(requests_: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for r in requests_:
            income = r["household"]["members"][0]["monthly_income"]
            ok = income < eligible_below
            out.append(
                {
                    "errors": [],
                    "findings": [],
                    "programs": {
                        "dibao": {
                            "eligible": ok,
                            "monthly_amount": round(standard - income, 2) if ok else 0,
                            "clause": 5,
                        }
                    },
                }
            )
        return out

    return decide


def test_the_cliff_search_narrows_to_the_fen() -> None:
    # Eligible below 2424 (808 × 3): between the grid points 2400 and 2500 the search ends at 2423.99 | 2424.
    decide = _one_program(2424)
    request = household(person("a", income=0))
    grid = decide([household(person("a", income=2400)), household(person("a", income=2500))])
    [cliff] = detect_cliffs([2400, 2500], grid)
    found, before, after = refine_cliff(decide, request, "household.members.0.monthly_income", cliff, *grid)
    assert (found.before, found.at) == (2423.99, 2424)
    assert before["programs"]["dibao"]["eligible"] is True and after["programs"]["dibao"]["eligible"] is False


def _result() -> SweepResult:
    values: list[float | int] = [0, 1, 2, 3]
    decisions = [
        {
            "programs": {
                "dibao": {"eligible": v < 2, "monthly_amount": 10 - v if v < 2 else 0, "clause": 5},
                "medical": {"eligible": True, "monthly_amount": 0, "clause": 7},
            }
        }
        for v in values
    ]
    return SweepResult(
        path="household.members.0.monthly_income",
        points=points(values, decisions),
        cliffs=detect_cliffs(values, decisions),
        programs={"dibao": {"clause": 5}, "medical": {"clause": 7}},
        seconds=0.0,
        hypothetical=False,
    )


def test_the_chart_draws_straight_pieces_names_cliffs_in_the_legend_and_aid_in_kind_as_bands() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from socialaid.words.messages import msg

    result = _result()
    assert shown_programs(result) == ["dibao"] and shown_programs(result, show_zero=True) == ["dibao", "medical"]
    fig, (ax, bands) = plt.subplots(2, 1)
    try:
        draw(
            ax,
            result,
            names={"dibao": "Minimum living guarantee (低保)", "medical": "Medical assistance"},
            words=lambda key, **kw: msg(key, "en", **kw),
            axis="Monthly income of member a (CNY)",
            household="one, 1",
            as_of="2025-06-01",
            cjk=False,
            bands=bands,
        )
        drawn = [line for line in ax.get_lines() if line.get_label()[:1] != "_" and len(line.get_xdata()) > 0]
        assert {line.get_drawstyle() for line in drawn} == {"default"}  # straight pieces, not steps
        labels = [t.get_text() for t in ax.get_legend().get_texts()]
        # ASCII without a CJK font; medical pays nothing (aid in kind): a band, not a line
        assert labels == ["Minimum living guarantee", "total", "1: Minimum living guarantee: clause 5 at 2.00"]
        assert "household one, 1 members; 2025-06-01; CNY per month" in ax.get_title()
        assert bands.get_xlabel() == "Monthly income of member a (CNY)"
        assert [t.get_text() for t in bands.get_yticklabels()] == ["Medical assistance"]
        assert len(bands.collections) == 1  # medical's band, eligible from 0 to 3
    finally:
        plt.close(fig)


def test_linear_pieces_find_a_kink_between_grid_points_by_deciding_midpoints() -> None:
    # amount = max(0, 50 − x) × 2 for x in 0..100 (eligible throughout): straight from 0 to 50, then 0.
    # Grid 0, 100 only: the midpoint 50 is off the chord (100 − 0)/2 = 50 vs amount 0, so it becomes a
    # vertex; then 25 and 75 are on their chords, and the vertices are 0, 50, 100.
    asked: list[float] = []

    def decide(requests_: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for r in requests_:
            x = float(r["x"])
            asked.append(x)
            out.append({"programs": {"p": {"eligible": True, "monthly_amount": round(max(0.0, 50 - x) * 2, 2)}}})
        return out

    grid = {v: decide([{"x": v}])[0] for v in (0, 100)}
    points_, vertices = linear_pieces(decide, {"x": 0}, "x", grid)
    assert vertices == [0, 50, 100]
    assert 50 in points_ and {25, 75} <= {float(a) for a in asked}


def test_ascii_labels_drop_cjk_cleanly() -> None:
    assert _ascii("Minimum living guarantee (低保)") == "Minimum living guarantee"
    assert _ascii("Support (特困)：clause 6 · 808.00") == "Support: clause 6 - 808.00"


def test_the_default_table_is_short() -> None:
    values: list[float | int] = list(range(100))
    decisions = [{"programs": {"dibao": {"eligible": v < 50, "monthly_amount": 1, "clause": 5}}} for v in values]
    result = SweepResult("x", points(values, decisions), detect_cliffs(values, decisions), {}, 0.0, False)
    assert [p.value for p in table_rows(result)] == [0, 48, 49, 50, 51, 99]


@pytest.mark.integration
def test_urban_example_cliff_is_exactly_808_times_3(opa_url: str, tmp_path: Path) -> None:
    # examples/urban-family-eligible.json: three members, only the father earns; urban standard 808 on
    # 2025-06-01. Per-capita income is his income / 3, eligible while below 808: the cliff is at
    # 808 × 3 = 2424.00 (2423.99 / 3 = 807.9967 < 808), not at the grid step 2500.
    png = tmp_path / "sweep.png"
    args = ["sweep", str(EXAMPLES / "urban-family-eligible.json"), "--vary", "household.members.0.monthly_income"]
    args += ["--from", "0", "--to", "3000", "--step", "100", "--opa-url", opa_url]
    result = cli(*args, "--format", "json", "--plot", str(png))
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    [dibao] = [c for c in doc["cliffs"] if c["program"] == "dibao"]
    assert (dibao["before"], dibao["at"]) == (2423.99, 2424)
    assert png.stat().st_size > 10_000
    table = cli(*args, "--lang", "zh")
    assert table.exit_code == 0 and "2423.99: ✓ 323.21 元 → 2424: ✗ 0.00 元" in table.stdout
    assert "最低生活保障（第5条）" in table.stdout
    assert len(table.stdout.splitlines()) < 60  # the short table, not 33 rows


class _FakeEngine:
    """Only for the progress test: counts queries; the decisions come from :func:`_one_program`."""

    def __init__(self) -> None:
        self.queries = 0
        self._decide = _one_program(2424)

    def batch(self, requests_: list[dict[str, Any]]) -> list[_Decided]:
        self.queries += 1
        return [_Decided(d) for d in self._decide(requests_)]


class _Decided:
    """A decision as the engine returns it (the fields :func:`socialaid.verify.checked` reads, and doc())."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self._doc, self.errors, self.programs = doc, [], doc["programs"]

    def doc(self) -> dict[str, Any]:
        return self._doc


def test_long_sweeps_report_progress_chunk_by_chunk() -> None:
    from socialaid.analysis.sweep import CHUNK, run_sweep

    engine = _FakeEngine()
    seen: list[int] = []
    values = sweep_values(0, 3000, 5)  # 601 points
    result = run_sweep(
        engine,  # type: ignore[arg-type]
        household(person("a", income=0)),
        "household.members.0.monthly_income",
        values,
        progress=seen.append,
    )
    assert sum(seen) == 601 and len(seen) == -(-601 // CHUNK)
    assert [(c.before, c.at) for c in result.cliffs] == [(2423.99, 2424)]
