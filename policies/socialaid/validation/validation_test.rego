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

_two(a, b) := json.patch(_ok, [{"op": "replace", "path": "/household/members", "value": [
	{"id": a, "birth_date": "1980-01-01"},
	{"id": b, "birth_date": "1981-01-01"},
	{"id": a, "birth_date": "1982-01-01"},
]}])

test_duplicate_member_ids_are_named_once_each if {
	validation.errors == [{
		"kind": "input",
		"pointer": "/household/members/2/id",
		"problem": "member id \"x\" is used again (first at /household/members/0)",
		"expected": "member ids unique within the household",
	}] with input as _two("x", "y")
}

test_birth_after_decision_date if {
	bad := json.patch(_ok, [{"op": "replace", "path": "/household/members/0/birth_date", "value": "2025-01-02"}])
	[e] := validation.errors with input as bad
	e.pointer == "/household/members/0/birth_date"
}

test_birth_on_decision_date_is_fine if {
	ok := json.patch(_ok, [{"op": "replace", "path": "/household/members/0/birth_date", "value": "2025-01-01"}])
	validation.errors == [] with input as ok
}

test_expenditure_and_benefit_must_name_a_member if {
	bad := json.patch(_ok, [
		{"op": "add", "path": "/household/rigid_expenditures", "value": [
			{"member_id": "zz", "kind": "illness", "monthly_amount": 1, "verified_cap": 1},
		]},
		{"op": "add", "path": "/household/current_benefits", "value": {"dibao": {"member_ids": ["a", "q"]}}},
	])
	{e.pointer | some e in validation.errors with input as bad} == {
		"/household/rigid_expenditures/0/member_id",
		"/household/current_benefits/dibao/member_ids/1",
	}
}

test_input_that_is_not_an_object_gets_an_error if {
	every value in [0, true, false, "x", [], null, 1.5] {
		[e] := validation.errors with input as value
		e.pointer == ""
		e.kind == "input"
	}
}

test_dates_outside_1900_to_2099_are_refused if {
	every date in ["0000-01-01", "1899-12-31", "2100-01-01", "9999-12-31"] {
		bad := json.patch(_ok, [{"op": "replace", "path": "/household/members/0/birth_date", "value": date}])
		"/household/members/0/birth_date" in {e.pointer | some e in validation.errors with input as bad}
	}
}

test_pointers_escape_slash_and_tilde_per_rfc_6901 if {
	bad := object.union(_ok, {"a/b": 1, "c~d": 2, "e f": 3})
	{e.pointer | some e in validation.errors with input as bad} == {"/a~1b", "/c~0d", "/e f"}
}

test_unknown_override_is_refused_even_when_false if {
	bad := object.union(_ok, {"parameter_overrides": {"dibao": {"no_such_thing": false}}})
	[e] := validation.errors with input as bad with data.socialaid.mode.overrides_allowed as true
	e.pointer == "/parameter_overrides/dibao/no_such_thing"
}

test_overrides_refused_outside_analyst_mode if {
	request := object.union(_ok, {"parameter_overrides": {"dibao": {"standard_urban": 5000}}})
	[e] := validation.errors with input as request with data.socialaid.mode.overrides_allowed as false
	e.pointer == "/parameter_overrides"
	validation.errors == [] with input as request with data.socialaid.mode.overrides_allowed as true
}

test_household_size_is_capped if {
	members := [{"id": format_int(i, 10), "birth_date": "1980-01-01"} | some i in numbers.range(1, 101)]
	bad := json.patch(_ok, [{"op": "replace", "path": "/household/members", "value": members}])
	{e.pointer | some e in validation.errors with input as bad} == {"/household/members"}
}

test_amounts_are_capped if {
	bad := json.patch(_ok, [{"op": "add", "path": "/household/members/0/monthly_income", "value": 1e400}])
	{e.pointer | some e in validation.errors with input as bad} == {"/household/members/0/monthly_income"}
}

# The schema itself refuses an empty property name at every level (every object of the schema lists its
# properties, or their pattern, and allows no others); the pointer ends in "/" (RFC 6901).
test_a_property_with_an_empty_name_is_refused if {
	bad := json.patch(_ok, [{"op": "add", "path": "/household/members/0/", "value": 1}])
	{e.pointer | some e in validation.errors with input as bad} == {"/household/members/0/"}
}

test_an_empty_property_name_is_refused_at_every_level if {
	every path in [
		"/", "/household/", "/household/members/0/employment/",
		"/parameter_overrides/", "/parameter_overrides/dibao/", "/price_index/",
	] {
		base := json.patch(_ok, [
			{"op": "add", "path": "/parameter_overrides", "value": {"dibao": {"standard_urban": 900}}},
			{"op": "add", "path": "/price_index", "value": {"month": "2024-12", "cpi_rise": 0.01}},
			{"op": "add", "path": "/household/members/0/employment", "value": {"status": "employed"}},
		])
		bad := json.patch(base, [{"op": "add", "path": path, "value": 1}])
		some e in validation.errors with input as bad
		e.pointer == path
	}
}

# --- list lengths are counted before the schema check walks any item ------------------------------------

_items(n, item) := [item | some _ in numbers.range(1, n)]

test_too_many_members_is_one_error_found_by_counting if {
	# each of the 101 members is invalid too (no birth date): the schema check, which would say so for
	# every one, does not run
	bad := json.patch(_ok, [{"op": "replace", "path": "/household/members", "value": _items(101, {"id": 1})}])
	validation.errors == [{
		"kind": "input", "pointer": "/household/members",
		"problem": "101 items", "expected": "at most 100 items",
	}] with input as bad
}

test_at_the_caps_the_schema_check_runs if {
	members := [{"id": sprintf("m%d", [i]), "birth_date": "1980-01-01"} | some i in numbers.range(1, 100)]
	at_cap := json.patch(_ok, [{"op": "replace", "path": "/household/members", "value": members}])
	validation.errors == [] with input as at_cap
	one_bad := json.patch(at_cap, [{"op": "remove", "path": "/household/members/99/birth_date"}])
	[e] := validation.errors with input as one_bad
	e.pointer == "/household/members/99/birth_date"
}

test_each_capped_list_is_counted if {
	item := {"member_id": "a", "kind": "x"}
	cases := {
		"/household/rigid_expenditures": _add("/household/rigid_expenditures", _items(401, item)),
		"/household/members/0/medical_episodes": _add("/household/members/0/medical_episodes", _items(101, 0)),
		"/household/members/0/legal_supporters": _add("/household/members/0/legal_supporters", _items(21, 0)),
		"/household/current_benefits/tekun/member_ids": _add(
			"/household/current_benefits",
			{"tekun": {"member_ids": _items(101, 0)}},
		),
		"/parameter_overrides": _add("/parameter_overrides", {sprintf("g%d", [i]): {} | some i in numbers.range(1, 33)}),
		"/parameter_overrides/dibao": _add(
			"/parameter_overrides",
			{"dibao": {sprintf("p%d", [i]): 1 | some i in numbers.range(1, 65)}},
		),
	}
	every pointer, request in cases {
		[e] := validation.errors with input as request
		e.pointer == pointer
		startswith(e.expected, "at most ")
	}
}

test_a_list_of_the_wrong_type_is_the_schema_checks if {
	bad := json.patch(_ok, [{"op": "add", "path": "/household/rigid_expenditures", "value": "x"}])
	[e] := validation.errors with input as bad
	e.pointer == "/household/rigid_expenditures"
	e.expected == "a value satisfying the schema (invalid_type)"
}

_add(path, value) := json.patch(_ok, [{"op": "add", "path": path, "value": value}])
