package socialaid.validation_test

import data.socialaid.validation

_ok := {
	"as_of": "2025-01-01",
	"household": {"area": "urban", "assets_test_met": true, "members": [{"id": "a", "birth_date": "1980-01-01"}]},
}

test_valid_request_has_no_errors if {
	validation.errors == [] with input as _ok
}

test_missing_property_points_at_it if {
	validation.errors == [{
		"kind": "input",
		"pointer": "/as_of",
		"problem": "as_of is required",
		"expected": "the property to be present",
	}] with input as object.remove(_ok, ["as_of"])
}

test_unknown_property_points_at_it if {
	[e] := validation.errors with input as object.union(_ok, {"colour": "red"})
	e.pointer == "/colour"
	e.expected == "no properties other than those in the schema"
}

test_nested_value_error_uses_json_pointer if {
	bad := json.patch(_ok, [{"op": "add", "path": "/household/members/0/monthly_income", "value": -2}])
	[e] := validation.errors with input as bad
	e.pointer == "/household/members/0/monthly_income"
	e.expected == "a value satisfying the schema (number_gte)"
}

test_no_input if {
	validation.errors[0].problem == "the request has no input"
}
