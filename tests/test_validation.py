"""Schema validation turns every problem into a JSON pointer, the problem and what was expected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from socialaid.errors import InvalidInputError
from socialaid.validation import load_request, validate
from tests.helpers import example, household, person


def pointers(request: object) -> list[str]:
    return [e.pointer for e in validate(request)]


def test_examples_are_valid() -> None:
    for name in ("urban-family-eligible", "rural-family-eligible", "urban-family-just-above-standard"):
        assert validate(example(name)) == []


def test_negative_income_names_the_field() -> None:
    errors = validate(household(person("a", income=-5)))
    assert [(e.pointer, e.expected) for e in errors] == [("/household/members/0/monthly_income", "a number >= 0")]


def test_missing_required_property_points_at_it() -> None:
    request = household(person("a"))
    del request["household"]["area"]
    (error,) = validate(request)
    assert error.pointer == "/household/area"
    assert error.expected == "the property to be present"


def test_unknown_property_is_rejected_by_name() -> None:
    request = household(person("a", incme=3))
    (error,) = validate(request)
    assert error.pointer == "/household/members/0/incme"


def test_bad_date_and_enum() -> None:
    request = household(person("a", birth="1980-13-01"), area="city")
    found = {e.pointer: e.expected for e in validate(request)}
    assert found["/household/members/0/birth_date"].startswith("a string in date format")
    assert found["/household/area"] == 'one of "urban", "rural"'


def test_wrong_type_inside_optional_object_points_inside_it() -> None:
    request = household(person("a", disability={"grade": "two", "type": "physical"}))
    (error,) = validate(request)
    assert error.pointer == "/household/members/0/disability/grade"
    assert error.expected == "a value of type integer"


def test_empty_household_is_invalid() -> None:
    request = household()
    assert pointers(request) == ["/household/members"]


def test_not_json_is_invalid_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(InvalidInputError) as caught:
        load_request(bad)
    assert caught.value.exit_code == 2
    assert caught.value.errors[0].problem.startswith("not JSON")


def test_load_request_returns_a_valid_request(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(household(person("a"))), "utf-8")
    assert load_request(good)["household"]["members"][0]["id"] == "a"


def test_duplicate_ids_and_dangling_references() -> None:
    request = household(person("a"), person("a", birth="2030-01-01"))
    request["household"]["rigid_expenditures"] = [
        {"member_id": "ghost", "kind": "illness", "monthly_amount": 10, "verified_cap": 10}
    ]
    assert pointers(request) == [
        "/household/members/1/id",
        "/household/members/1/birth_date",
        "/household/rigid_expenditures/0/member_id",
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"as_of": NaN}', "NaN is not a JSON number"),
        ('{"as_of": -Infinity}', "-Infinity is not a JSON number"),
        ('{"as_of": "2025-01-01", "x": 1e400}', "1e400 is not a finite number"),
        ("[" * 5000 + "]" * 5000, "nested too deeply"),
    ],
)
def test_non_finite_numbers_and_deep_nesting_are_invalid_not_a_crash(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(text, "utf-8")
    with pytest.raises(InvalidInputError, match=problem) as info:
        load_request(path)
    assert info.value.exit_code == 2


def test_non_finite_values_and_nesting_found_in_a_python_request() -> None:
    assert pointers({"as_of": float("nan"), "b": [1.0, float("inf")]}) == ["/as_of", "/b/1"]
    deep: object = 1
    for _ in range(40):
        deep = [deep]
    assert validate({"x": deep})[0].problem == "nested deeper than 32 levels"


def test_not_an_object_is_named_as_such() -> None:
    assert [(e.pointer, e.problem) for e in validate(0)] == [("", "the input is a number")]


def test_unknown_property_pointers_follow_rfc_6901() -> None:
    request = household(person("a"))
    request["a/b~c"] = 1
    assert pointers(request) == ["/a~1b~0c"]


def test_dates_before_1900_or_after_2099_are_refused() -> None:
    for date in ("0000-01-01", "1899-12-31", "2100-01-01"):
        assert "/household/members/0/birth_date" in pointers(household(person("a", birth=date)))


def test_a_household_has_at_most_100_members() -> None:
    # 100 is the documented cap (MAX_MEMBERS): 100 pass, 101 are refused at /household/members.
    members = [person(f"m{i}") for i in range(100)]
    assert validate(household(*members)) == []
    assert pointers(household(*members, person("m100"))) == ["/household/members"]


def test_the_cli_exits_2_on_deep_nesting_without_a_traceback(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from socialaid.cli.main import app

    path = tmp_path / "deep.json"
    path.write_text('{"as_of": "2025-01-01", "household": ' + "[" * 1000 + "]" * 1000 + "}", "utf-8")
    result = CliRunner().invoke(app, ["validate", str(path), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
