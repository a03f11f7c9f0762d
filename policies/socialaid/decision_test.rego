package socialaid.decision_test

import data.socialaid

_request := {
	"as_of": "2025-01-01",
	"household": {
		"area": "urban",
		"assets_test_met": true,
		"members": [{"id": "a", "birth_date": "1980-01-01", "monthly_income": 300}],
	},
}

# (808 − 300) × 1 = 508 on 2025-01-01.
test_decision_has_programs_findings_parameters_and_no_errors if {
	d := socialaid.decision with input as _request
	d.errors == []
	d.programs.dibao.monthly_amount == 508
	d.programs.dibao.tier == "basic_living"
	d.programs.dibao.tier_name.zh == "基本生活救助"
	count(d.findings) > 0
	d.clauses["5"].title.zh == "完善最低生活保障制度"
	d.hypothetical == false
	d.as_of == "2025-01-01"
	d.bundle_revision == "unbundled"
	some p in d.parameters
	p.name == "dibao.standard_urban"
	p.value == 808
	p.effective_from == "2024-04-01"
}

test_invalid_input_gives_errors_and_no_outcome if {
	bad := json.patch(_request, [{"op": "replace", "path": "/household/members/0/monthly_income", "value": -1}])
	d := socialaid.decision with input as bad
	not d.programs
	not d.findings
	[e] := d.errors
	e.pointer == "/household/members/0/monthly_income"
	e.kind == "input"
}

test_no_input_is_an_error if {
	d := socialaid.decision
	d.errors[0].problem == "the request has no input"
	d.as_of == null
}

test_parameter_not_in_force_stops_the_decision if {
	d := socialaid.decision with input as object.union(_request, {"as_of": "2022-03-31"})
	not d.programs
	some e in d.errors
	e.kind == "parameter_not_in_force"
	e.problem == "no value of parameter dibao.standard_urban is in force on 2022-03-31"
}

test_override_marks_decision_hypothetical if {
	# (900 − 300) × 1 = 600 with the urban standard overridden to 900.
	req := object.union(_request, {"parameter_overrides": {"dibao": {"standard_urban": 900}}})
	d := socialaid.decision with input as req
	d.hypothetical == true
	d.programs.dibao.monthly_amount == 600
}

test_bundle_revision_from_manifest if {
	rev := socialaid.bundle_revision with data.system.bundles as {"b": {"manifest": {"roots": ["socialaid"], "revision": "abc"}}}
	rev == "abc"
}
