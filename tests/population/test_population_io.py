"""Population files without OPA: JSONL lines and flat CSV/Parquet rows into requests, row counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialaid.errors import InvalidInputError
from socialaid.population.io import InputFormat, count_rows, input_format, request_from_flat, request_from_line


def test_a_jsonl_line_is_a_request_or_says_why_not() -> None:
    assert request_from_line('{"as_of": "2025-01-01"}') == ({"as_of": "2025-01-01"}, [])
    request, errors = request_from_line("{not json")
    assert request is None and errors[0].pointer == "" and "not JSON" in errors[0].problem
    request, errors = request_from_line("[1, 2]")
    assert request is None and "list" in errors[0].problem
    request, errors = request_from_line("   ")
    assert request is None and errors[0].problem == "empty line"


def test_flat_columns_become_a_request_with_members_in_column_order() -> None:
    row = {
        "household_id": "h1",
        "as_of": "2025-01-01",
        "area": "urban",
        "assets_test_met": "true",
        "single_parent_family": "",
        "m2_birth_date": "2012-09-01",
        "m2_education_stage": "compulsory",
        "m1_birth_date": "1980-01-01",
        "m1_monthly_income": "400.5",
        "m1_disability_grade": "2",
        "m1_disability_type": "physical",
        "m1_legal_supporters": "none",
        "m1_able_to_work": "no",
    }
    request, errors = request_from_flat(row)
    assert errors == []
    assert request == {
        "as_of": "2025-01-01",
        "household": {
            "id": "h1",
            "area": "urban",
            "assets_test_met": True,
            "members": [
                {
                    "id": "m1",
                    "birth_date": "1980-01-01",
                    "monthly_income": 400.5,
                    "disability": {"grade": 2, "type": "physical"},
                    "legal_supporters": [],
                    "employment": {"able_to_work": False},
                },
                {"id": "m2", "birth_date": "2012-09-01", "education": {"stage": "compulsory", "enrolled": True}},
            ],
        },
    }


def test_bad_flat_cells_are_field_errors_with_the_pointer_of_the_field() -> None:
    request, errors = request_from_flat(
        {
            "area": "urban",
            "assets_test_met": "maybe",
            "m1_birth_date": "1980-01-01",
            "m1_monthly_income": "12a",
            "x": "1",
        },
    )
    assert request is None
    pointers = sorted(e.pointer for e in errors)
    assert pointers == ["/household/assets_test_met", "/household/members/0/monthly_income", "/x"]


def test_typed_parquet_cells_are_taken_as_they_are() -> None:
    request, errors = request_from_flat(
        {
            "area": "rural",
            "assets_test_met": True,
            "m1_birth_date": "1950-01-01",
            "m1_monthly_income": 300.0,
            "m2_id": None,
        },
    )
    assert errors == [] and request is not None
    assert request["household"]["members"] == [{"id": "m1", "birth_date": "1950-01-01", "monthly_income": 300}]


def test_rows_are_counted_per_format(tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text('{"a": 1}\n\n{"b": 2}', "utf-8")  # the last line has no newline; the empty line counts
    csv = tmp_path / "a.csv"
    csv.write_text("area,m1_birth_date\nurban,1980-01-01\nrural,1970-01-01\n", "utf-8")
    assert count_rows(jsonl, InputFormat.jsonl) == 3
    assert count_rows(csv, InputFormat.csv) == 2


def test_the_format_comes_from_the_name_or_is_refused(tmp_path: Path) -> None:
    assert input_format(Path("x.ndjson")) is InputFormat.jsonl
    assert input_format(Path("x.PARQUET")) is InputFormat.parquet
    assert input_format(Path("x.txt"), "csv") is InputFormat.csv
    with pytest.raises(InvalidInputError):
        input_format(Path("x.txt"))
